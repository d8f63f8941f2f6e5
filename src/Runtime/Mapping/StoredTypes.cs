using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>How stored values are described in errors, and how stored numbers are read exactly.</summary>
    internal static class StoredTypes
    {
        /// <summary>The DynamoDB type of a stored value, in words.</summary>
        public static string Describe(AttributeValue value)
        {
            if (value.S is not null) return "a string (S)";
            if (value.N is not null) return "a number (N)";
            if (value.BOOL is not null) return "a boolean (BOOL)";
            if (value.B is not null) return "binary (B)";
            if (value.IsSSSet) return "a string set (SS)";
            if (value.IsNSSet) return "a number set (NS)";
            if (value.IsBSSet) return "a binary set (BS)";
            if (value.IsMSet) return "a map (M)";
            if (value.IsLSet) return "a list (L)";
            if (value.NULL == true) return "NULL";
            return "an empty value";
        }

        public static bool TryInt32(string text, out int result)
            => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);

        public static bool TryInt64(string text, out long result)
            => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);

        public static bool TryDouble(string text, out double result)
            => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);

        /// <summary>
        /// decimal rounds silently past 28-29 significant digits and below 1E-28; DynamoDB stores 38 digits
        /// down to 1E-130, so such a number would not read back exactly: refuse it instead.
        /// </summary>
        public static bool TryDecimal(string text, out decimal result)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result))
            {
                return false;
            }

            // Formatted on the stack: reading a number allocates nothing beyond the value itself.
            System.Span<char> formatted = stackalloc char[64];
            return result.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture)
                   && SignificantDigits(formatted.Slice(0, written)) == SignificantDigits(text);
        }

        /// <summary>Digits of the mantissa without leading and trailing zeros: what must survive a conversion.</summary>
        private static int SignificantDigits(System.ReadOnlySpan<char> text)
        {
            var exponent = System.MemoryExtensions.IndexOfAny(text, 'e', 'E');
            var mantissa = exponent < 0 ? text : text.Slice(0, exponent);
            int position = 0, firstNonZero = -1, lastNonZero = -1;
            foreach (var c in mantissa)
            {
                if (c < '0' || c > '9')
                {
                    continue;
                }

                if (c != '0')
                {
                    firstNonZero = firstNonZero < 0 ? position : firstNonZero;
                    lastNonZero = position;
                }

                position++;
            }

            return firstNonZero < 0 ? 0 : lastNonZero - firstNonZero + 1;
        }
    }
}

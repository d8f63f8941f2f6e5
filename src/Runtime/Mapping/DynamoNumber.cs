using System;
using System.Globalization;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A number as DynamoDB holds it: a sign, its significant digits, and where the decimal point falls, so that
    /// <c>1.50</c>, <c>15E-1</c> and <c>+1.5</c> are one value. The item-size count and the comparison of stored values
    /// both read numbers through it.
    /// </summary>
    internal readonly struct DynamoNumber
    {
        private DynamoNumber(bool negative, string digits, long magnitude)
        {
            Negative = negative;
            Digits = digits;
            Magnitude = magnitude;
        }

        /// <summary>Whether the number is below zero (never for zero).</summary>
        public bool Negative { get; }

        /// <summary>The significant digits, without leading or trailing zeros; empty for zero.</summary>
        public string Digits { get; }

        /// <summary>The value is <c>0.Digits × 10^Magnitude</c>.</summary>
        public long Magnitude { get; }

        public bool IsZero => Digits.Length == 0;

        /// <summary>Reads number text (<c>-12.5</c>, <c>1E+10</c>); false for text that is not a number.</summary>
        public static bool TryParse(string text, out DynamoNumber number)
        {
            number = default;
            var span = text.AsSpan().Trim();
            var negative = span.StartsWith("-");
            if (negative || span.StartsWith("+"))
            {
                span = span[1..];
            }

            long magnitude = 0;
            var exponentAt = span.IndexOfAny('e', 'E');
            if (exponentAt >= 0)
            {
                if (!long.TryParse(span[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out magnitude))
                {
                    return false;
                }

                span = span[..exponentAt];
            }

            var dot = span.IndexOf('.');
            magnitude += dot >= 0 ? dot : span.Length;
            var first = -1;
            var last = -1;
            var position = 0;
            Span<char> digits = span.Length <= 128 ? stackalloc char[span.Length] : new char[span.Length];
            foreach (var c in span)
            {
                if (c == '.')
                {
                    continue;
                }

                if (c is < '0' or > '9')
                {
                    return false;
                }

                if (c != '0')
                {
                    first = first < 0 ? position : first;
                    last = position;
                }

                digits[position++] = c;
            }

            if (position == 0)
            {
                return false;
            }

            number = first < 0
                ? new DynamoNumber(false, string.Empty, 0)
                : new DynamoNumber(negative, digits[first..(last + 1)].ToString(), magnitude - first);
            return true;
        }

        /// <summary>One spelling per value (<c>+15e1</c> for 1.5; <c>0</c> for zero), to compare numbers by value.</summary>
        public override string ToString()
            => IsZero ? "0" : (Negative ? "-" : "+") + Digits + "e" + Magnitude.ToString(CultureInfo.InvariantCulture);
    }
}

using System;
using System.Diagnostics.CodeAnalysis;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Phone numbers: Korean mobile numbers (<c>"phoneRegion": "KR"</c>, the default) normalised to the stored
    /// <c>010-1234-5678</c> form and masked to <c>010-****-5678</c>; international numbers (<c>"phoneRegion": "E164"</c>)
    /// normalised to E.164 (<c>+447911123456</c>) and masked to <c>+********3456</c>, for anything the SDK prints.
    /// </summary>
    public static class PhoneNumber
    {
        private const string MaskedUnknown = "***-****-****";
        private const string MaskedUnknownE164 = "+***";

        /// <summary>The fewest and most digits of an E.164 number, country code included (ITU-T E.164 allows 15).</summary>
        private const int MinE164Digits = 8;
        private const int MaxE164Digits = 15;

        /// <summary>
        /// Normalises <c>01012345678</c>, <c>010-1234-5678</c>, <c>010 1234 5678</c> or <c>+82 10-1234-5678</c>
        /// to <c>010-1234-5678</c>. Ten-digit numbers (<c>011-123-4567</c>) keep a three-digit middle group.
        /// </summary>
        /// <returns>False when the text is not a Korean mobile number.</returns>
        public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized)
        {
            normalized = null;
            if (value is null)
            {
                return false;
            }

            if (IsNormalized(value))
            {
                // Already in the stored form (every key read back from a table is): one pass, no new string.
                normalized = value;
                return true;
            }

            Span<char> digits = stackalloc char[11];
            var count = 0;
            var text = value.AsSpan().Trim();
            if (text.StartsWith("+82", StringComparison.Ordinal))
            {
                // +82 10-1234-5678 is 010-1234-5678 dialled from abroad.
                digits[count++] = '0';
                text = text.Slice(3);
            }

            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    if (count == digits.Length)
                    {
                        return false;
                    }

                    digits[count++] = c;
                }
                else if (c != '-' && c != ' ' && c != '.')
                {
                    return false;
                }
            }

            if (!IsMobilePrefix(digits, count))
            {
                return false;
            }

            var middle = count - 7;
            ReadOnlySpan<char> d = digits;
            normalized = $"{d.Slice(0, 3)}-{d.Slice(3, middle)}-{d.Slice(3 + middle, 4)}";
            return true;
        }

        /// <summary>
        /// Whether <paramref name="value"/> is a mobile number in the stored form: <c>010-1234-5678</c>, or
        /// <c>011-123-4567</c> with a three-digit middle group.
        /// </summary>
        private static bool IsNormalized(string value)
        {
            if (value.Length is not (12 or 13))
            {
                return false;
            }

            // The dashes after the prefix and before the last four digits; every other character is a digit.
            var second = value.Length - 5;
            if (value[3] != '-' || value[second] != '-')
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                if (!char.IsAsciiDigit(value[i]) && i != 3 && i != second)
                {
                    return false;
                }
            }

            // The first three characters are the first three digits; the two dashes are not digits.
            return IsMobilePrefix(value, value.Length - 2);
        }

        /// <summary>
        /// Korean mobile carrier prefixes: 010 with eight more digits, and the older 011 and 016–019 with
        /// seven or eight. 012–015 are paging and machine numbers, not phones a person answers.
        /// </summary>
        private static bool IsMobilePrefix(ReadOnlySpan<char> digits, int count)
        {
            if (count < 10 || digits[0] != '0' || digits[1] != '1')
            {
                return false;
            }

            return digits[2] switch
            {
                '0' => count == 11,
                '1' or '6' or '7' or '8' or '9' => count is 10 or 11,
                _ => false,
            };
        }

        /// <summary>
        /// Normalises an international number to E.164: <c>+44 7911 123456</c>, <c>+44-7911-123456</c> or
        /// <c>+1 (415) 555-0100</c> become <c>+447911123456</c>, <c>+14155550100</c>. The number must start with <c>+</c>
        /// and a country code (not 0) and hold 8 to 15 digits; spaces, dashes, dots and brackets between them are dropped.
        /// </summary>
        /// <returns>False when the text is not such a number.</returns>
        public static bool TryNormalizeE164(string? value, [NotNullWhen(true)] out string? normalized)
        {
            normalized = null;
            var text = value.AsSpan().Trim();
            if (text.Length < 2 || text[0] != '+')
            {
                return false;
            }

            if (IsNormalizedE164(text) && text.Length == value!.Length)
            {
                // Already in the stored form (every key read back from a table is): no new string.
                normalized = value;
                return true;
            }

            Span<char> digits = stackalloc char[MaxE164Digits + 1];
            digits[0] = '+';
            var count = 0;
            foreach (var c in text.Slice(1))
            {
                if (char.IsAsciiDigit(c))
                {
                    if (count == MaxE164Digits || (count == 0 && c == '0'))
                    {
                        return false;
                    }

                    digits[++count] = c;
                }
                else if (c is not ('-' or ' ' or '.' or '(' or ')'))
                {
                    return false;
                }
            }

            if (count < MinE164Digits)
            {
                return false;
            }

            normalized = new string(digits.Slice(0, count + 1));
            return true;
        }

        /// <summary>
        /// Masks an international number as <c>+********3456</c>: the <c>+</c>, one <c>*</c> per hidden digit and the
        /// last four digits. Text that is not an E.164 number is masked completely (<c>+***</c>); nothing of it is printed.
        /// </summary>
        public static string MaskE164(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            return TryNormalizeE164(value, out var normalized) ? MaskedE164(normalized) : MaskedUnknownE164;
        }

        /// <summary><c>+</c>, a <c>*</c> per digit but the last four, and the last four, of a number in E.164 form.</summary>
        private static string MaskedE164(ReadOnlySpan<char> normalized)
            => string.Create(normalized.Length, normalized.Slice(normalized.Length - 4).ToString(), static (chars, last) =>
            {
                chars[0] = '+';
                chars.Slice(1, chars.Length - 5).Fill('*');
                last.AsSpan().CopyTo(chars.Slice(chars.Length - 4));
            });

        /// <summary>Whether the text is <c>+</c>, a digit other than 0, and 7 to 14 more digits, nothing else.</summary>
        private static bool IsNormalizedE164(ReadOnlySpan<char> text)
        {
            if (text.Length is < MinE164Digits + 1 or > MaxE164Digits + 1 || text[0] != '+' || text[1] == '0')
            {
                return false;
            }

            foreach (var c in text.Slice(1))
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        // A Korean mobile number anywhere in free text, in any of the spellings TryNormalize accepts.
        private static readonly System.Text.RegularExpressions.Regex PhoneInText = new(
            @"(?<![0-9])(?:\+82[-. ]?|0)(1[016789])[-. ]?([0-9]{3,4})[-. ]?([0-9]{4})(?![0-9])",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));

        // An international number in E.164 form anywhere in free text: '+' and 8 to 15 digits, the form the SDK stores.
        private static readonly System.Text.RegularExpressions.Regex E164InText = new(
            @"(?<![0-9])\+[1-9][0-9]{7,14}(?![0-9])",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));

        /// <summary>
        /// Masks every mobile number in free text (<c>... 01012345678 ...</c> → <c>... 010-****-5678 ...</c>), and every
        /// international number in E.164 form (<c>+447911123456</c> → <c>+********3456</c>).
        /// The SDK passes its exception messages and logged keys through this, so masking is enforced rather than
        /// remembered: a hand-written key type or message that prints a raw number is still masked.
        /// </summary>
        public static string MaskAll(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            try
            {
                var masked = PhoneInText.Replace(text, match => "0" + match.Groups[1].Value + "-****-" + match.Groups[3].Value);
                return E164InText.Replace(masked, match => MaskedE164(match.ValueSpan));
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Pathological input: print nothing of it rather than risk printing a number.
                return "[text withheld: could not be masked]";
            }
        }

        /// <summary>
        /// Masks a phone number as <c>010-****-5678</c>: the carrier prefix and the last four digits stay.
        /// Text that is not a phone number is masked completely; nothing of it is printed.
        /// </summary>
        public static string Mask(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            if (!TryNormalize(value, out var normalized))
            {
                return MaskedUnknown;
            }

            return string.Concat(normalized.AsSpan(0, 4), "****", normalized.AsSpan(normalized.Length - 5));
        }
    }
}

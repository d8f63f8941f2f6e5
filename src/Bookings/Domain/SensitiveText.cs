using System.Text.RegularExpressions;
using Bookings.Generated.Runtime;

namespace Bookings
{
    /// <summary>
    /// Masks Korean mobile numbers found inside free text (extra attributes, file content), for anything
    /// that prints values the schema does not mark as phones.
    /// </summary>
    public static partial class SensitiveText
    {
        /// <summary>Replaces every Korean mobile number in <paramref name="text"/> by its masked form (<c>010-****-5678</c>).</summary>
        public static string MaskPhones(string text)
        {
            System.ArgumentNullException.ThrowIfNull(text);
            return PhonePattern().Replace(text, match => PhoneNumber.Mask(match.Value));
        }

        /// <summary>Whether <paramref name="text"/> contains something that reads as a Korean mobile number.</summary>
        public static bool ContainsPhone(string text)
        {
            System.ArgumentNullException.ThrowIfNull(text);
            return PhonePattern().IsMatch(text);
        }

        // 01X, then 3 or 4 digits, then 4 digits, separated by nothing, '-', '.' or ' ' (also +82 10…);
        // not inside a longer run of digits, so ids and amounts are left alone.
        [GeneratedRegex(@"(?<![0-9])(?:\+82[- .]?|0)1[016789][- .]?[0-9]{3,4}[- .]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
        private static partial Regex PhonePattern();
    }
}

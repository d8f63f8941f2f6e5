using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>
    /// Which date formats a key may hold. Inside a key a date is text, and <c>begins_with</c> and ranges on the
    /// left-most parts compare that text, so it must sort in time order and read back exactly: ISO 8601 in a fixed
    /// offset, or a pattern whose fields run from the year down with fixed widths (<c>yyyy MM dd HH mm ss f…</c>).
    /// </summary>
    internal static class KeyDateFormats
    {
        /// <summary>The fields a key pattern may use, most significant first; fractions (<c>f</c>…) may follow <c>ss</c>.</summary>
        private static readonly string[] Fields = { "yyyy", "MM", "dd", "HH", "mm", "ss" };

        /// <summary>Letters that are specifiers in a custom .NET date pattern.</summary>
        private const string Specifiers = "dfFghHKmMstyz";

        /// <summary>A value with every field distinct and non-zero, so formatted samples show each field's place.</summary>
        internal static readonly DateTime Sample = new(2031, 12, 29, 13, 45, 56, DateTimeKind.Unspecified);

        /// <summary>What a descriptor should write instead of a refused format.</summary>
        public static string Advice(ValueKind kind)
            => kind == ValueKind.Date
                ? "\"format\": \"iso8601\" (the default, yyyy-MM-dd) or a pattern such as \"yyyyMMdd\""
                : "\"format\": \"iso8601\" (the default) with a fixed \"timeZone\" such as \"UTC\", or a pattern from the year down such as \"yyyyMMddHHmmss\"";

        /// <summary>Why a date in this format cannot be part of a key, or null when it can.</summary>
        public static string? Problem(ValueKind kind, DateFormatModel format)
        {
            if (format.EpochSeconds)
            {
                return "epoch seconds are numbers of varying length, and as text \"999999999\" sorts after \"1000000000\"";
            }

            if (format.OffsetMinutes is null)
            {
                return "\"timeZone\": \"keep\" writes each value in its own offset, so the text does not sort in time order";
            }

            return format.Pattern is null ? null : PatternProblem(kind, format.Pattern);
        }

        /// <summary>The text of a sample value in this format, for messages (<c>2031-12-29T13:45:56.0000000+00:00</c>).</summary>
        public static string SampleText(ValueKind kind, DateFormatModel format)
        {
            if (kind == ValueKind.Date)
            {
                return Sample.ToString(format.Pattern ?? "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var instant = new DateTimeOffset(Sample, TimeSpan.FromMinutes(format.OffsetMinutes ?? 0));
            return format.Pattern is null
                ? instant.ToString("o", CultureInfo.InvariantCulture)
                : instant.ToString(format.Pattern, CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Whether the text of a date in a key-safe format can contain <paramref name="c"/>: digits, and the
        /// format's own literal characters (ISO 8601: <c>- T : . +</c>; the sample is written in the declared offset, so a
        /// negative one shows its <c>-</c>).
        /// </summary>
        public static bool CanContain(ValueKind kind, DateFormatModel format, char c)
            => (c >= '0' && c <= '9') || SampleText(kind, format).IndexOf(c) >= 0;

        /// <summary>
        /// How many characters of a date-time's text hold its day (up to and including <c>dd</c>), so a day can be
        /// a prefix of every instant in it; null for a <c>date</c>, which is a day already, or a format that is not key-safe.
        /// </summary>
        public static int? DayLength(ValueKind kind, DateFormatModel format)
        {
            if (kind == ValueKind.Date || Problem(kind, format) is not null)
            {
                return null;
            }

            if (format.Pattern is null)
            {
                return "yyyy-MM-dd".Length;
            }

            var day = Tokenize(format.Pattern).FirstOrDefault(t => t.Field == "dd");
            return day.Field is null ? null : Sample.ToString(format.Pattern.Substring(0, day.End), CultureInfo.InvariantCulture).Length;
        }

        private static string? PatternProblem(ValueKind kind, string pattern)
        {
            var next = 0;
            var allowed = kind == ValueKind.Date ? 3 : Fields.Length;
            foreach (var (field, _) in Tokenize(pattern))
            {
                if (next < allowed && field == Fields[next])
                {
                    next++;
                    continue;
                }

                // Fixed-width fractions of a second may follow the seconds.
                if (next == Fields.Length && kind != ValueKind.Date && IsFraction(field))
                {
                    next++;
                    continue;
                }

                if (field.IndexOfAny(new[] { 'z', 'K' }) >= 0)
                {
                    return $"the pattern \"{pattern}\" writes an offset ('{field}'); in a key the offset is the declared \"timeZone\", so leave it out of the pattern";
                }

                var order = kind == ValueKind.Date ? "yyyy, MM, dd" : "yyyy, MM, dd, HH, mm, ss, then f…";
                if (Array.IndexOf(Fields, field) < 0 && !IsFraction(field))
                {
                    return $"in the pattern \"{pattern}\", '{field}' is not a fixed-width field that sorts (use {order}, in that order)";
                }

                if (next < allowed)
                {
                    return $"in the pattern \"{pattern}\", '{field}' stands where '{Fields[next]}' should: the fields must run from the year down ({order})";
                }

                return kind == ValueKind.Date
                    ? $"in the pattern \"{pattern}\", '{field}' is a time of day, which a date does not have"
                    : $"in the pattern \"{pattern}\", '{field}' follows the last field, where only fractions of a second ('f'…'fffffff') may";
            }

            return next == 0 ? $"the pattern \"{pattern}\" has no year 'yyyy' to start with" : null;
        }

        /// <summary>Fixed-width fractions of a second, <c>f</c> to <c>fffffff</c>.</summary>
        private static bool IsFraction(string field) => field.Length <= 7 && field.All(c => c == 'f');

        /// <summary>The specifier runs of a custom .NET date pattern, with where each ends; quoted and escaped text is skipped.</summary>
        private static IEnumerable<(string Field, int End)> Tokenize(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\'' || c == '"')
                {
                    var close = pattern.IndexOf(c, i + 1);
                    i = close < 0 ? pattern.Length : close;
                }
                else if (c == '\\')
                {
                    i++;
                }
                else if (Specifiers.IndexOf(c) >= 0)
                {
                    var start = i;
                    while (i + 1 < pattern.Length && pattern[i + 1] == c)
                    {
                        i++;
                    }

                    yield return (pattern.Substring(start, i - start + 1), i + 1);
                }
            }
        }
    }
}

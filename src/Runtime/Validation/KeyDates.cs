using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Dates and times in keys: parts of key templates (<c>ORDER#{created_at}#{order_id}</c>) and date key attributes
    /// on their own (<c>"sortKey": { "attribute": "read_at" }</c>), which are one-part keys. A part is written by the codec
    /// of a date attribute of the same format, so a key part and the attribute that stores it hold the same text
    /// and refuse the same values (a local or unspecified <see cref="DateTime"/>). The generator allows in keys only
    /// formats whose text sorts in time order and reads back exactly: ISO 8601 in a fixed offset, or a pattern with
    /// fixed-width fields from the year down.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class KeyDates
    {
        /// <summary>
        /// Checks a date part without throwing: it must be writable by <paramref name="codec"/>, and
        /// <paramref name="normalized"/> is the value its text reads back as (in the stored offset, to the
        /// format's precision), which is what the key holds.
        /// </summary>
        /// <param name="codec">The part's codec.</param>
        /// <param name="value">The part's value.</param>
        /// <param name="normalized">The value the key holds; the default when invalid.</param>
        /// <param name="problem">What is wrong, for a <see cref="DynamoValidationException"/>; empty when valid.</param>
        public static bool IsValid<T>(ScalarCodec<T> codec, T value, out T normalized, out string problem)
        {
            ArgumentNullException.ThrowIfNull(codec);
            string text;
            try
            {
                text = codec.Format(value);
            }
            catch (DynamoValidationException ex)
            {
                normalized = default!;
                problem = ex.Problem;
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                normalized = default!;
                problem = "is outside the range of dates the key's offset can hold";
                return false;
            }

            if (!codec.TryParseText(text, out normalized))
            {
                problem = "cannot be read back from the key's text";
                return false;
            }

            problem = string.Empty;
            return true;
        }

        /// <summary>
        /// Reads a date part from its text in a stored key. Only the text <paramref name="codec"/> itself writes is
        /// accepted, so a parsed key writes back exactly as stored.
        /// </summary>
        public static bool TryParse<T>(ScalarCodec<T> codec, string text, [MaybeNullWhen(false)] out T value)
        {
            ArgumentNullException.ThrowIfNull(codec);
            ArgumentNullException.ThrowIfNull(text);
            if (codec.TryParseText(text, out value) && string.Equals(codec.Format(value), text, StringComparison.Ordinal))
            {
                return true;
            }

            value = default;
            return false;
        }

        /// <summary>
        /// The text every <see cref="DateTimeOffset"/> part of <paramref name="day"/> (in the stored offset) starts
        /// with: the first <paramref name="length"/> characters of an instant of that day, which the generator knows
        /// from the format. For <c>begins_with</c> and ranges over whole days.
        /// </summary>
        public static string DayPrefix(ScalarCodec<DateTimeOffset> codec, DateOnly day, TimeSpan offset, int length)
        {
            ArgumentNullException.ThrowIfNull(codec);
            return codec.Format(InstantOf(day, offset)).Substring(0, length);
        }

        /// <summary>
        /// The text every UTC <see cref="DateTime"/> part of <paramref name="day"/> (in the stored offset) starts with,
        /// as <see cref="DayPrefix(ScalarCodec{DateTimeOffset}, DateOnly, TimeSpan, int)"/>.
        /// </summary>
        public static string DayPrefix(ScalarCodec<DateTime> codec, DateOnly day, TimeSpan offset, int length)
        {
            ArgumentNullException.ThrowIfNull(codec);
            return codec.Format(InstantOf(day, offset).UtcDateTime).Substring(0, length);
        }

        /// <summary>
        /// An instant of <paramref name="day"/> in <paramref name="offset"/> that exists in UTC even on the first and
        /// last days of the calendar: its last tick east of UTC, its midnight west of it.
        /// </summary>
        private static DateTimeOffset InstantOf(DateOnly day, TimeSpan offset)
            => new(day.ToDateTime(offset > TimeSpan.Zero ? TimeOnly.MaxValue : TimeOnly.MinValue), offset);
    }
}

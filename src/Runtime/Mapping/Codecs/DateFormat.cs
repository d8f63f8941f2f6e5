using System;
using System.ComponentModel;
using System.Globalization;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// How a date or time is stored: ISO 8601 text, text of a custom pattern (such as the legacy
    /// <c>yyyy-MM-dd HH:mm:ss</c>), or epoch seconds (N). The time zone is declared, never the machine's:
    /// values are converted to the declared offset on write and read back in it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DateFormat
    {
        private readonly string? _pattern;
        private readonly bool _patternHasZone;

        private DateFormat(bool epochSeconds, string? pattern, TimeSpan? offset)
        {
            IsEpochSeconds = epochSeconds;
            _pattern = pattern;
            _patternHasZone = pattern is not null && DatePatterns.HasZone(pattern);
            Offset = offset;
        }

        /// <summary>
        /// The offset values are stored in and read back with; null keeps each value's own offset
        /// (ISO 8601 only; epoch seconds then read back as UTC).
        /// </summary>
        public TimeSpan? Offset { get; }

        /// <summary>True when values are stored as a number of seconds since 1970-01-01T00:00:00Z.</summary>
        public bool IsEpochSeconds { get; }

        /// <summary>ISO 8601 text (<c>2026-11-22T10:30:00.0000000+09:00</c>; dates as <c>2026-11-22</c>).</summary>
        /// <param name="offset">The offset to store in; null keeps each value's own offset.</param>
        public static DateFormat Iso8601(TimeSpan? offset) => new(false, null, offset);

        /// <summary>Whole seconds since the Unix epoch, stored as N; sub-second parts are dropped (truncated).</summary>
        /// <param name="offset">The offset values are read back with; null for UTC.</param>
        public static DateFormat EpochSeconds(TimeSpan? offset) => new(true, null, offset);

        /// <summary>Text of a custom .NET date pattern, formatted and parsed with the invariant culture.</summary>
        /// <param name="pattern">The pattern, such as <c>yyyy-MM-dd HH:mm:ss</c>.</param>
        /// <param name="offset">The offset the text is in, unless the pattern itself holds an offset (<c>zzz</c> or <c>K</c>).</param>
        public static DateFormat Pattern(string pattern, TimeSpan? offset)
        {
            ArgumentException.ThrowIfNullOrEmpty(pattern);
            return new(false, pattern, offset);
        }

        /// <summary>What the stored text or number looks like, for error messages.</summary>
        public override string ToString()
            => IsEpochSeconds ? "epoch seconds (N)" : _pattern is null ? "ISO 8601 text (S)" : $"text of the form {_pattern} (S)";

        internal string Format(DateTimeOffset value)
        {
            if (IsEpochSeconds)
            {
                return value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }

            var stored = Offset is { } offset ? value.ToOffset(offset) : value;
            return _pattern is null
                ? stored.ToString("o", CultureInfo.InvariantCulture)
                : stored.ToString(_pattern, CultureInfo.InvariantCulture);
        }

        internal bool TryParse(string text, out DateTimeOffset value)
        {
            try
            {
                return TryParseInOffset(text, out value);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Text within the calendar can still fall outside it in the declared offset (0001-01-01 00:00 at +09:00).
                value = default;
                return false;
            }
        }

        private bool TryParseInOffset(string text, out DateTimeOffset value)
        {
            if (IsEpochSeconds)
            {
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    && seconds >= -62135596800L && seconds <= 253402300799L)
                {
                    value = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(Offset ?? TimeSpan.Zero);
                    return true;
                }

                value = default;
                return false;
            }

            bool parsed;
            if (_pattern is null)
            {
                // What this SDK writes is the round-trip form with an offset. .NET reads it on a fast path only with
                // DateTimeStyles.None (about 7× faster), which would put text without an offset in the machine's
                // zone, so None is asked for only for text that has one (the styles differ only for text without).
                // Everything else assumes UTC, never the machine's zone, and text without an offset is then taken to
                // be in the declared offset. Other writers' ISO 8601 spellings go to the general parser.
                var hasOffset = HasOffset(text);
                parsed = DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal, out value)
                    || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
                if (parsed && !hasOffset && Offset is { } declared)
                {
                    value = new DateTimeOffset(value.DateTime, declared);
                }
            }
            else if (_patternHasZone)
            {
                parsed = DateTimeOffset.TryParseExact(text, _pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
            }
            else
            {
                parsed = DateTime.TryParseExact(text, _pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
                value = parsed ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset ?? TimeSpan.Zero) : default;
            }

            if (parsed && Offset is { } offset)
            {
                value = value.ToOffset(offset);
            }

            return parsed;
        }

        internal string FormatDate(DateOnly value)
        {
            if (IsEpochSeconds)
            {
                return Format(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }

            return value.ToString(_pattern ?? "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        internal bool TryParseDate(string text, out DateOnly value)
        {
            if (IsEpochSeconds)
            {
                var parsed = TryParse(text, out var instant);
                value = parsed ? DateOnly.FromDateTime(instant.UtcDateTime) : default;
                return parsed;
            }

            return DateOnly.TryParseExact(text, _pattern ?? "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        /// <summary>Whether ISO 8601 text ends with an offset or <c>Z</c>.</summary>
        private static bool HasOffset(string text)
        {
            var t = text.IndexOf('T', StringComparison.Ordinal);
            if (t < 0)
            {
                return false;
            }

            var time = text.AsSpan(t);
            return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.LastIndexOf('-') > 0;
        }
    }
}

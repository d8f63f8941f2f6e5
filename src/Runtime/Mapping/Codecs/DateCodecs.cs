using System;

namespace Bookings.Generated.Runtime
{
    /// <summary><see cref="DateTimeOffset"/> values in a declared <see cref="DateFormat"/>.</summary>
    internal sealed class DateTimeOffsetCodec : ScalarCodec<DateTimeOffset>
    {
        private readonly DateFormat _format;

        public DateTimeOffsetCodec(DateFormat format) => _format = format;

        public override bool IsNumber => _format.IsEpochSeconds;

        public override string Expected => _format.ToString();

        public override string Format(DateTimeOffset value) => _format.Format(value);

        public override DateTimeOffset Parse(string text)
            => _format.TryParse(text, out var value) ? value : throw AttributePath.Unreadable(_format.ToString(), "text that does not fit it");
    }

    /// <summary>
    /// <see cref="DateTime"/> values as UTC instants. A local or unspecified <see cref="DateTime"/> is refused
    /// rather than converted with the machine's time zone; values read back have <see cref="DateTimeKind.Utc"/>.
    /// </summary>
    internal sealed class DateTimeCodec : ScalarCodec<DateTime>
    {
        private readonly DateFormat _format;

        public DateTimeCodec(DateFormat format) => _format = format;

        public override bool IsNumber => _format.IsEpochSeconds;

        public override string Expected => _format.ToString();

        public override string Format(DateTime value)
            => value.Kind == DateTimeKind.Utc
                ? _format.Format(new DateTimeOffset(value))
                : throw AttributePath.Invalid($"must be a UTC DateTime (DateTimeKind.Utc), not {value.Kind}; the SDK never converts with the machine's time zone (use DateTime.UtcNow or DateTimeOffset)");

        public override DateTime Parse(string text)
            => _format.TryParse(text, out var value) ? value.UtcDateTime : throw AttributePath.Unreadable(_format.ToString(), "text that does not fit it");
    }

    /// <summary><see cref="DateOnly"/> values, as <c>yyyy-MM-dd</c> unless a pattern is declared.</summary>
    internal sealed class DateOnlyCodec : ScalarCodec<DateOnly>
    {
        private readonly DateFormat _format;

        public DateOnlyCodec(DateFormat format) => _format = format;

        public override bool IsNumber => _format.IsEpochSeconds;

        public override string Expected => _format.ToString();

        public override string Format(DateOnly value) => _format.FormatDate(value);

        public override DateOnly Parse(string text)
            => _format.TryParseDate(text, out var value) ? value : throw AttributePath.Unreadable(_format.ToString(), "text that does not fit it");
    }
}

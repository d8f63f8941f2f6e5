using System;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>A date or time in a declared <see cref="DateFormat"/>: stored as text, or as N for epoch seconds.</summary>
    internal abstract class DateCodec<T> : ScalarCodec<T>
    {
        protected DateCodec(DateFormat format) => StoredFormat = format;

        protected DateFormat StoredFormat { get; }

        public override bool IsNumber => StoredFormat.IsEpochSeconds;

        public override string Expected => StoredFormat.ToString();

        // Stored in one call, not through IsNumber and Format.
        public sealed override AttributeValue Write(T value)
        {
            var text = Format(value);
            return StoredFormat.IsEpochSeconds ? new() { N = text } : new() { S = text };
        }

        public override T Read(AttributeValue value)
            => (StoredFormat.IsEpochSeconds ? value.N : value.S) is { } text ? Parse(text) : throw Mismatch(value);

        public override T Parse(string text)
            => TryParseText(text, out var value) ? value : throw AttributePath.Unreadable(StoredFormat.ToString(), "text that does not fit it");

        internal abstract override bool TryParseText(string text, out T value);
    }

    /// <summary><see cref="DateTimeOffset"/> values in a declared <see cref="DateFormat"/>.</summary>
    internal sealed class DateTimeOffsetCodec(DateFormat format) : DateCodec<DateTimeOffset>(format)
    {
        public override string Format(DateTimeOffset value) => StoredFormat.Format(value);

        internal override bool TryParseText(string text, out DateTimeOffset value) => StoredFormat.TryParse(text, out value);
    }

    /// <summary>
    /// <see cref="DateTime"/> values as UTC instants. A local or unspecified <see cref="DateTime"/> is refused
    /// rather than converted with the machine's time zone; values read back have <see cref="DateTimeKind.Utc"/>.
    /// </summary>
    internal sealed class DateTimeCodec(DateFormat format) : DateCodec<DateTime>(format)
    {
        public override string Format(DateTime value)
            => value.Kind == DateTimeKind.Utc
                ? StoredFormat.Format(new DateTimeOffset(value))
                : throw AttributePath.Invalid($"must be a UTC DateTime (DateTimeKind.Utc), not {value.Kind}; the SDK never converts with the machine's time zone (use DateTime.UtcNow or DateTimeOffset)");

        internal override bool TryParseText(string text, out DateTime value)
        {
            var parsed = StoredFormat.TryParse(text, out var instant);
            value = parsed ? instant.UtcDateTime : default;
            return parsed;
        }
    }

    /// <summary><see cref="DateOnly"/> values, as <c>yyyy-MM-dd</c> unless a pattern is declared.</summary>
    internal sealed class DateOnlyCodec(DateFormat format) : DateCodec<DateOnly>(format)
    {
        public override string Format(DateOnly value) => StoredFormat.FormatDate(value);

        internal override bool TryParseText(string text, out DateOnly value) => StoredFormat.TryParseDate(text, out value);
    }
}

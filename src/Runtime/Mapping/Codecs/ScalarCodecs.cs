using System;
using System.Globalization;
using System.IO;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>Strings, stored as S.</summary>
    internal sealed class StringCodec : ScalarCodec<string>
    {
        public override bool IsNumber => false;

        public override string Format(string value) => value ?? throw AttributePath.Required();

        public override string Parse(string text) => text;

        // Strings are the commonest collection element: stored and read here in one call, not through IsNumber and Format or Parse.
        public override AttributeValue Write(string value) => new() { S = Format(value) };

        public override string Read(AttributeValue value) => value.S ?? throw Mismatch(value);
    }

    /// <summary>Booleans, stored as BOOL.</summary>
    internal sealed class BooleanCodec : AttributeCodec<bool>
    {
        public override string Expected => "a boolean (BOOL)";

        public override AttributeValue Write(bool value) => new() { BOOL = value };

        public override bool Read(AttributeValue value) => value.BOOL ?? throw Mismatch(value);
    }

    /// <summary>Whole numbers that fit in <see cref="int"/>, stored as N.</summary>
    internal sealed class Int32Codec : ScalarCodec<int>
    {
        public override bool IsNumber => true;

        // Stored and read here in one call, not through IsNumber and Format or Parse (numbers are common collection elements).
        public override AttributeValue Write(int value) => new() { N = Format(value) };

        public override int Read(AttributeValue value) => value.N is { } text ? Parse(text) : throw Mismatch(value);

        public override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

        public override int Parse(string text)
            => StoredTypes.TryInt32(text, out var result) ? result : throw AttributePath.Unreadable("a whole number that fits in int", "a number outside that range");
    }

    /// <summary>Whole numbers that fit in <see cref="long"/>, stored as N.</summary>
    internal sealed class Int64Codec : ScalarCodec<long>
    {
        public override bool IsNumber => true;

        // Stored and read here in one call, not through IsNumber and Format or Parse (numbers are common collection elements).
        public override AttributeValue Write(long value) => new() { N = Format(value) };

        public override long Read(AttributeValue value) => value.N is { } text ? Parse(text) : throw Mismatch(value);

        public override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        public override long Parse(string text)
            => StoredTypes.TryInt64(text, out var result) ? result : throw AttributePath.Unreadable("a whole number that fits in long", "a number outside that range");
    }

    /// <summary>Decimals, stored as N and read back exactly or not at all.</summary>
    internal sealed class DecimalCodec : ScalarCodec<decimal>
    {
        public override bool IsNumber => true;

        // Stored and read here in one call, not through IsNumber and Format or Parse (numbers are common collection elements).
        public override AttributeValue Write(decimal value) => new() { N = Format(value) };

        public override decimal Read(AttributeValue value) => value.N is { } text ? Parse(text) : throw Mismatch(value);

        public override string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        public override decimal Parse(string text)
            => StoredTypes.TryDecimal(text, out var result) ? result : throw AttributePath.Unreadable("a number that fits in decimal exactly", "a number outside that range");
    }

    /// <summary>Doubles, stored as N in round-trip form; NaN and infinity are refused (DynamoDB has neither).</summary>
    internal sealed class DoubleCodec : ScalarCodec<double>
    {
        public override bool IsNumber => true;

        // Stored and read here in one call, not through IsNumber and Format or Parse (numbers are common collection elements).
        public override AttributeValue Write(double value) => new() { N = Format(value) };

        public override double Read(AttributeValue value) => value.N is { } text ? Parse(text) : throw Mismatch(value);

        public override string Format(double value)
            => InputValidation.IsStorable(value)
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : throw AttributePath.Invalid(InputValidation.NotFiniteProblem);

        public override double Parse(string text)
            => StoredTypes.TryDouble(text, out var result) ? result : throw AttributePath.Unreadable("a number that fits in double", "a number outside that range");
    }

    /// <summary>Bytes, stored as B; a read returns a new array, so entities never share a buffer with a response.</summary>
    internal sealed class BinaryCodec : AttributeCodec<byte[]>
    {
        public override string Expected => "binary (B)";

        public override AttributeValue Write(byte[] value)
            => new() { B = new MemoryStream(value ?? throw AttributePath.Required(), writable: false) };

        public override byte[] Read(AttributeValue value) => value.B is { } stream ? stream.ToArray() : throw Mismatch(value);
    }
}

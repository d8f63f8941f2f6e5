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

    /// <summary>
    /// Numbers, stored as N. Numbers are common collection elements, so each is stored and read here in one call,
    /// not through <see cref="ScalarCodec{T}.IsNumber"/> and Format or Parse.
    /// </summary>
    internal abstract class NumberCodec<T> : ScalarCodec<T>
    {
        private readonly string _fits;

        /// <param name="fits">The numbers <typeparamref name="T"/> holds, for the error on one outside them.</param>
        protected NumberCodec(string fits) => _fits = fits;

        public sealed override bool IsNumber => true;

        public sealed override AttributeValue Write(T value) => new() { N = Format(value) };

        public sealed override T Read(AttributeValue value) => value.N is { } text ? Parse(text) : throw Mismatch(value);

        public sealed override T Parse(string text)
            => TryParseText(text, out var result) ? result : throw AttributePath.Unreadable(_fits, "a number outside that range");

        internal abstract override bool TryParseText(string text, out T value);
    }

    /// <summary>Whole numbers that fit in <see cref="int"/>, stored as N.</summary>
    internal sealed class Int32Codec() : NumberCodec<int>("a whole number that fits in int")
    {
        public override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

        internal override bool TryParseText(string text, out int value) => StoredTypes.TryInt32(text, out value);
    }

    /// <summary>Whole numbers that fit in <see cref="long"/>, stored as N.</summary>
    internal sealed class Int64Codec() : NumberCodec<long>("a whole number that fits in long")
    {
        public override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        internal override bool TryParseText(string text, out long value) => StoredTypes.TryInt64(text, out value);
    }

    /// <summary>Decimals, stored as N and read back exactly or not at all.</summary>
    internal sealed class DecimalCodec() : NumberCodec<decimal>("a number that fits in decimal exactly")
    {
        public override string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        internal override bool TryParseText(string text, out decimal value) => StoredTypes.TryDecimal(text, out value);
    }

    /// <summary>Doubles, stored as N in round-trip form; NaN and infinity are refused (DynamoDB has neither).</summary>
    internal sealed class DoubleCodec() : NumberCodec<double>("a number that fits in double")
    {
        public override string Format(double value)
            => InputValidation.IsStorable(value)
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : throw AttributePath.Invalid(InputValidation.NotFiniteProblem);

        internal override bool TryParseText(string text, out double value) => StoredTypes.TryDouble(text, out value);
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

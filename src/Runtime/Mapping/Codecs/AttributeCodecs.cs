using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// The built-in codecs generated marshallers compose, and the call that writes with one.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class AttributeCodecs
    {
        /// <summary>Text, stored as S.</summary>
        public static ScalarCodec<string> String { get; } = new StringCodec();

        /// <summary>Booleans, stored as BOOL.</summary>
        public static AttributeCodec<bool> Boolean { get; } = new BooleanCodec();

        /// <summary><see cref="int"/>, stored as N.</summary>
        public static ScalarCodec<int> Int32 { get; } = new Int32Codec();

        /// <summary><see cref="long"/>, stored as N.</summary>
        public static ScalarCodec<long> Int64 { get; } = new Int64Codec();

        /// <summary><see cref="decimal"/>, stored as N and read back exactly.</summary>
        public static ScalarCodec<decimal> Decimal { get; } = new DecimalCodec();

        /// <summary><see cref="double"/>, stored as N; finite values only.</summary>
        public static ScalarCodec<double> Double { get; } = new DoubleCodec();

        /// <summary>Bytes, stored as B.</summary>
        public static AttributeCodec<byte[]> Binary { get; } = new BinaryCodec();

        /// <summary>Binary sets (BS), as a list of distinct arrays.</summary>
        public static AttributeCodec<IReadOnlyList<byte[]>> BinarySet { get; } = new BinarySetCodec();

        /// <summary><see cref="System.DateTimeOffset"/> in <paramref name="format"/>.</summary>
        public static ScalarCodec<DateTimeOffset> DateTimeOffset(DateFormat format) => new DateTimeOffsetCodec(format ?? throw new ArgumentNullException(nameof(format)));

        /// <summary>UTC <see cref="System.DateTime"/> in <paramref name="format"/>.</summary>
        public static ScalarCodec<DateTime> DateTime(DateFormat format) => new DateTimeCodec(format ?? throw new ArgumentNullException(nameof(format)));

        /// <summary><see cref="System.DateOnly"/> in <paramref name="format"/>.</summary>
        public static ScalarCodec<DateOnly> DateOnly(DateFormat format) => new DateOnlyCodec(format ?? throw new ArgumentNullException(nameof(format)));

        /// <summary>Lists (L) of <paramref name="element"/>.</summary>
        public static AttributeCodec<IReadOnlyList<T>> List<T>(AttributeCodec<T> element) => new ListCodec<T>(element ?? throw new ArgumentNullException(nameof(element)));

        /// <summary>Maps (M) from text to <paramref name="element"/>.</summary>
        public static AttributeCodec<IReadOnlyDictionary<string, T>> Map<T>(AttributeCodec<T> element) => new MapCodec<T>(element ?? throw new ArgumentNullException(nameof(element)));

        /// <summary>String (SS) or number (NS) sets of <paramref name="element"/>.</summary>
        public static AttributeCodec<IReadOnlySet<T>> Set<T>(ScalarCodec<T> element) => new ScalarSetCodec<T>(element ?? throw new ArgumentNullException(nameof(element)));

        /// <summary>
        /// The stored form of an attribute's value, validated; a problem anywhere inside the value is a
        /// <see cref="DynamoValidationException"/> naming the entity and the full path (<c>addresses[2].city</c>).
        /// </summary>
        public static AttributeValue Write<T>(AttributeCodec<T> codec, T value, string entity, string attribute)
        {
            ArgumentNullException.ThrowIfNull(codec);
            if (value is null)
            {
                throw new DynamoValidationException(entity, attribute, InputValidation.RequiredProblem);
            }

            try
            {
                return codec.Write(value);
            }
            catch (DynamoValidationException ex)
            {
                throw AttributePath.Within(ex, entity, attribute);
            }
        }
    }
}

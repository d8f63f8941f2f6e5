using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Converts one C# type to and from a DynamoDB attribute value, with no reflection. Generated marshallers
    /// hold one per list, set, map, date, enum or nested object attribute; codecs compose (a list codec wraps
    /// its element's codec), so a nested value is converted by the same code as a top-level one.
    /// </summary>
    /// <remarks>
    /// A codec reports bad input with a <see cref="DynamoValidationException"/> and a stored value of the wrong
    /// shape with a <see cref="DynamoMappingException"/>, each naming the path inside the value
    /// (<c>[2].city</c>); the marshaller that called it adds the entity, the attribute and the key.
    /// </remarks>
    /// <typeparam name="T">The C# type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class AttributeCodec<T>
    {
        /// <summary>What the stored value should be, for error messages (<c>a list (L)</c>).</summary>
        public abstract string Expected { get; }

        /// <summary>The stored form of <paramref name="value"/>, validated.</summary>
        public abstract AttributeValue Write(T value);

        /// <summary>The C# value of a stored value that is present and not NULL.</summary>
        public abstract T Read(AttributeValue value);

        /// <summary>The error for a stored value of another type.</summary>
        protected DynamoMappingException Mismatch(AttributeValue found) => AttributePath.Mismatch(Expected, found);
    }

    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// A codec whose stored form is a single string (S) or number (N), so it can also be an element of a
    /// string or number set.
    /// </summary>
    /// <typeparam name="T">The C# type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class ScalarCodec<T> : AttributeCodec<T>
    {
        /// <summary>True when the stored form is a number (N); false for a string (S).</summary>
        public abstract bool IsNumber { get; }

        /// <summary>The stored text of <paramref name="value"/>, validated.</summary>
        public abstract string Format(T value);

        /// <summary>The value of stored text; a <see cref="DynamoMappingException"/> when it does not fit.</summary>
        public abstract T Parse(string text);

        /// <summary>The value of stored text without throwing; false when it does not fit.</summary>
        internal virtual bool TryParseText(string text, out T value)
        {
            try
            {
                value = Parse(text);
                return true;
            }
            catch (DynamoMappingException)
            {
                value = default!;
                return false;
            }
        }

        /// <inheritdoc/>
        public override string Expected => IsNumber ? "a number (N)" : "a string (S)";

        /// <inheritdoc/>
        public override AttributeValue Write(T value)
            => IsNumber ? new AttributeValue { N = Format(value) } : new AttributeValue { S = Format(value) };

        /// <inheritdoc/>
        public override T Read(AttributeValue value)
        {
            var text = IsNumber ? value.N : value.S;
            return text is null ? throw Mismatch(value) : Parse(text);
        }
    }
}

using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// A nested object type declared in the schema, stored as a map (M). Generated code supplies the members;
    /// this base class supplies the map and the error paths.
    /// </summary>
    /// <typeparam name="T">The generated record.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class ObjectCodec<T> : AttributeCodec<T>
        where T : class
    {
        /// <inheritdoc/>
        public override string Expected => "a map (M)";

        /// <inheritdoc/>
        public override AttributeValue Write(T value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            return new AttributeValue { M = ToMap(value) };
        }

        /// <inheritdoc/>
        public override T Read(AttributeValue value)
            => ReadMembers(new ItemReader(value.M ?? throw Mismatch(value), string.Empty));

        /// <summary>The stored form of each member of <paramref name="value"/>, validated.</summary>
        protected abstract Dictionary<string, AttributeValue> ToMap(T value);

        /// <summary>Reads the members from a reader over the stored map.</summary>
        protected abstract T ReadMembers(ItemReader reader);
    }
}

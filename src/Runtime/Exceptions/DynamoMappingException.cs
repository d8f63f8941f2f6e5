using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A stored item does not fit the schema: a required attribute is missing or has another type.
    /// Raised instead of a <see cref="NullReferenceException"/> or <see cref="InvalidCastException"/> from generated code.
    /// </summary>
    public sealed class DynamoMappingException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type being read.</param>
        /// <param name="attribute">The attribute that could not be mapped.</param>
        /// <param name="expected">The DynamoDB type the schema expects (such as <c>S</c>), or a description.</param>
        /// <param name="found">What the item held instead (a DynamoDB type, or <c>nothing</c>).</param>
        /// <param name="key">The item key, masked, when known.</param>
        public DynamoMappingException(string entity, string attribute, string expected, string found, string? key)
            : base($"Cannot read {entity}{(key is null ? string.Empty : " " + key)}: attribute '{attribute}' should be {expected} but is {found}.", key: key)
        {
            Entity = entity;
            Attribute = attribute;
            Expected = expected;
            Found = found;
        }

        /// <summary>The entity type being read.</summary>
        public string Entity { get; }

        /// <summary>The attribute that could not be mapped.</summary>
        public string Attribute { get; }

        /// <summary>What the schema expects.</summary>
        public string Expected { get; }

        /// <summary>What the stored item held.</summary>
        public string Found { get; }
    }
}

using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A write would give an entity a value of a unique attribute (<c>"unique": true</c>) that another entity of its type
    /// already holds. Nothing was written. The message names the attribute and the value as the SDK prints it: masked
    /// when the attribute is sensitive (<c>010-****-5678</c>, <c>K***</c>), left out when it is a secret.
    /// </summary>
    public sealed class DynamoUniqueValueException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type, such as <c>User</c>.</param>
        /// <param name="attribute">The stored name of the unique attribute, such as <c>username</c>.</param>
        /// <param name="printedValue">The value as printed: already masked when the attribute is sensitive.</param>
        /// <param name="operation">The operation, such as <c>TransactWriteItems</c>.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="key">The key of the entity that was being written, masked.</param>
        /// <param name="attempts">How many times the request was sent.</param>
        /// <param name="innerException">The underlying exception, or null.</param>
        public DynamoUniqueValueException(string entity, string attribute, string printedValue, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base($"{entity} '{attribute}' {printedValue} is already held by another {entity}; nothing was written{(key is null ? string.Empty : " for " + key)}. Choose another value.", operation, table, key, attempts, innerException)
        {
            ArgumentNullException.ThrowIfNull(entity);
            ArgumentNullException.ThrowIfNull(attribute);
            Entity = entity;
            Attribute = attribute;
        }

        /// <summary>The entity type whose value is taken.</summary>
        public string Entity { get; }

        /// <summary>The stored name of the unique attribute whose value is taken.</summary>
        public string Attribute { get; }
    }
}

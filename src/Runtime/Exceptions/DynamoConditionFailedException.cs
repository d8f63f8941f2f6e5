using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>A condition on a write was not met, for example the item did not exist.</summary>
    public sealed class DynamoConditionFailedException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception, DynamoErrorKind, TimeSpan?)"/>
        public DynamoConditionFailedException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }

        private StoredItem? _stored;

        /// <summary>
        /// The item as stored when the condition failed, exactly as DynamoDB returned it; null when the item does not
        /// exist or the request did not ask for it.
        /// </summary>
        public IReadOnlyDictionary<string, AttributeValue>? StoredItem => _stored?.Item;

        /// <summary>
        /// <see cref="StoredItem"/> read as the generated entity type, on first use; null when there is no stored item,
        /// or when it does not fit the schema (a legacy row: <see cref="StoredItem"/> still holds it).
        /// </summary>
        public object? CurrentItem => _stored?.Entity;

        /// <summary>The same failure, carrying the item as it was stored when the condition failed.</summary>
        internal DynamoConditionFailedException WithStoredItem(StoredItem? stored)
            => new(Message, Operation, Table, Key, Attempts, InnerException) { _stored = stored, AfterUncertainAttempt = AfterUncertainAttempt };
    }
}

using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Another writer changed (or deleted) the item since it was read: its version is not the one this write
    /// expected. Nothing was written; read the item again and reapply the change.
    /// </summary>
    public sealed class DynamoOptimisticLockException : DynamoRepositoryException
    {
        private readonly StoredItem? _stored;

        /// <summary>Creates the exception.</summary>
        /// <param name="operation">The operation, such as <c>TransactWriteItems</c>.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="key">The item key with personal parts masked, or null.</param>
        /// <param name="expectedVersion">The version the write expected.</param>
        /// <param name="storedItem">The item as stored now, as DynamoDB returned it; null when it no longer exists.</param>
        /// <param name="attempts">How many times the request was sent.</param>
        /// <param name="innerException">The underlying exception, or null.</param>
        public DynamoOptimisticLockException(string operation, string table, string? key, long expectedVersion, IReadOnlyDictionary<string, AttributeValue>? storedItem, int attempts, Exception? innerException)
            : this(operation, table, key, expectedVersion, Runtime.StoredItem.Of(storedItem, null), attempts, innerException)
        {
        }

        internal DynamoOptimisticLockException(string operation, string table, string? key, long expectedVersion, StoredItem? stored, int attempts, Exception? innerException)
            : base($"{operation} on table '{table}'{(key is null ? string.Empty : " for " + key)} lost a race: the item is no longer at version {expectedVersion}{(stored is null ? " (it was deleted)" : string.Empty)}. Read it again and reapply the change.", operation, table, key, attempts, innerException)
        {
            ExpectedVersion = expectedVersion;
            _stored = stored;
        }

        /// <summary>The version the write expected.</summary>
        public long ExpectedVersion { get; }

        /// <summary>The item as stored now, exactly as DynamoDB returned it; null when it no longer exists.</summary>
        public IReadOnlyDictionary<string, AttributeValue>? StoredItem => _stored?.Item;

        /// <summary>
        /// <see cref="StoredItem"/> read as the generated entity type, on first use; null when the item no longer
        /// exists, or when it does not fit the schema (<see cref="StoredItem"/> still holds it).
        /// </summary>
        public object? CurrentItem => _stored?.Entity;
    }
}

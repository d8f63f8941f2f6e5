using System;
using System.Collections.Generic;
using System.Threading;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The item as stored when a write failed, kept as DynamoDB returned it and read as the entity only when asked:
    /// the outcome of a write never depends on whether the stored item fits the schema (a legacy row may not).
    /// </summary>
    internal sealed class StoredItem
    {
        private readonly Lazy<object?> _entity;

        public StoredItem(IReadOnlyDictionary<string, AttributeValue> item, Func<IReadOnlyDictionary<string, AttributeValue>, object>? read)
        {
            Item = item;
            _entity = new Lazy<object?>(
                () =>
                {
                    try
                    {
                        return read?.Invoke(item);
                    }
                    catch (DynamoMappingException)
                    {
                        return null;
                    }
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The item as DynamoDB returned it.</summary>
        public IReadOnlyDictionary<string, AttributeValue> Item { get; }

        /// <summary>The item read as its entity type; null when it does not fit the schema.</summary>
        public object? Entity => _entity.Value;

        /// <summary>The stored item of a failure, or null when DynamoDB returned none (the item does not exist).</summary>
        public static StoredItem? Of(IReadOnlyDictionary<string, AttributeValue>? item, Func<IReadOnlyDictionary<string, AttributeValue>, object>? read)
            => item is { Count: > 0 } ? new StoredItem(item, read) : null;
    }
}

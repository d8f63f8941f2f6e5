using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// What <see cref="DynamoRepositoryCore{TEntity, TKey}"/> needs to know of one generated entity: its
    /// table and how it turns into an item and back. Generated repositories create one per entity type.
    /// </summary>
    /// <typeparam name="TEntity">The generated entity record.</typeparam>
    /// <typeparam name="TKey">The generated key type.</typeparam>
    public sealed class EntityMapping<TEntity, TKey>
        where TEntity : class
        where TKey : class, IDynamoKey
    {
        /// <summary>Creates the mapping.</summary>
        /// <param name="table">The table definition (its partition key guards updates of missing items).</param>
        /// <param name="keyOf">The entity's key.</param>
        /// <param name="toItem">The generated marshaller's <c>ToItem</c>: validates and converts.</param>
        /// <param name="fromItem">The generated marshaller's <c>FromItem</c>.</param>
        public EntityMapping(
            TableDefinition table,
            Func<TEntity, TKey> keyOf,
            Func<TEntity, Dictionary<string, AttributeValue>> toItem,
            Func<IReadOnlyDictionary<string, AttributeValue>, TEntity> fromItem)
        {
            ArgumentNullException.ThrowIfNull(table);
            ArgumentNullException.ThrowIfNull(keyOf);
            ArgumentNullException.ThrowIfNull(toItem);
            ArgumentNullException.ThrowIfNull(fromItem);
            Table = table;
            KeyOf = keyOf;
            ToItem = toItem;
            FromItem = fromItem;
        }

        /// <summary>The table definition.</summary>
        public TableDefinition Table { get; }

        /// <summary>The entity's key.</summary>
        public Func<TEntity, TKey> KeyOf { get; }

        /// <summary>Entity to item, validated.</summary>
        public Func<TEntity, Dictionary<string, AttributeValue>> ToItem { get; }

        /// <summary>Item to entity.</summary>
        public Func<IReadOnlyDictionary<string, AttributeValue>, TEntity> FromItem { get; }
    }
}

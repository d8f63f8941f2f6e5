using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// What <see cref="DynamoRepository{TEntity, TKey, TUpdate}"/> needs to know of one generated entity: its
    /// table and how it turns into an item and back. Generated repositories create one per entity type.
    /// </summary>
    /// <typeparam name="TEntity">The generated entity record.</typeparam>
    /// <typeparam name="TKey">The generated key type.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
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
            : this(table, keyOf, toItem, fromItem, null, null)
        {
        }

        /// <summary>Creates the mapping of an entity with a version attribute for optimistic locking.</summary>
        /// <param name="table">The table definition.</param>
        /// <param name="keyOf">The entity's key.</param>
        /// <param name="toItem">The generated marshaller's <c>ToItem</c>.</param>
        /// <param name="fromItem">The generated marshaller's <c>FromItem</c>.</param>
        /// <param name="versionAttribute">The stored version attribute, or null for no optimistic locking.</param>
        /// <param name="versionOf">The entity's version as read (0 for an entity never stored).</param>
        public EntityMapping(
            TableDefinition table,
            Func<TEntity, TKey> keyOf,
            Func<TEntity, Dictionary<string, AttributeValue>> toItem,
            Func<IReadOnlyDictionary<string, AttributeValue>, TEntity> fromItem,
            string? versionAttribute,
            Func<TEntity, long>? versionOf)
        {
            VersionAttribute = versionAttribute;
            VersionOf = versionOf;
            if ((versionAttribute is null) != (versionOf is null))
            {
                throw new ArgumentException("A version attribute and its accessor go together.", nameof(versionOf));
            }

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

        /// <summary>The stored version attribute, or null when the entity has no optimistic locking.</summary>
        public string? VersionAttribute { get; }

        /// <summary>The entity's version as read, or null when the entity has no optimistic locking.</summary>
        public Func<TEntity, long>? VersionOf { get; }

        /// <summary>
        /// The counters (<c>"counter": true</c>) with the value a new item starts at: no put writes them; only the generated
        /// <c>Increment…Async</c> changes them. Empty when the entity has none.
        /// </summary>
        public IReadOnlyList<(string Attribute, long Start)> Counters { get; init; } = Array.Empty<(string, long)>();

        /// <summary>The <c>"timestamp": "created"</c> attributes, each with the stored form of a time: written once, when the item is new.</summary>
        public IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> CreatedTimestamps { get; init; } = Array.Empty<(string, Func<DateTimeOffset, AttributeValue>)>();

        /// <summary>The <c>"timestamp": "updated"</c> attributes, each with the stored form of a time: written by every write.</summary>
        public IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> UpdatedTimestamps { get; init; } = Array.Empty<(string, Func<DateTimeOffset, AttributeValue>)>();

        /// <summary>
        /// Every attribute an item of the entity can hold besides its key attributes, for a put sent as an update (an entity
        /// with counters or creation times), which removes those the new item lacks. Empty otherwise.
        /// </summary>
        public IReadOnlyList<string> StoredAttributes { get; init; } = Array.Empty<string>();

        /// <summary>
        /// For an entity that shares its table with other entity types: the attribute that names the type of
        /// each item, and this entity's name in it. Queries and scans through the entity's repository then
        /// return only items of this type. Null for a table of one entity.
        /// </summary>
        public (string Attribute, string Value)? Discriminator { get; init; }

        /// <summary>
        /// For an entity that shares its table: the literal text every sort key of this type starts with. Queries of a
        /// partition through the entity's repository put it in the key condition, so DynamoDB reads (and a page holds)
        /// only items of this type. Null for a table of one entity.
        /// </summary>
        public string? SortKeyPrefix { get; init; }

        /// <summary>
        /// The attributes declared <c>"unique": true</c>: every create, put, update that changes one and delete keeps a
        /// guard item per value in the same transaction. Empty for an entity without unique attributes.
        /// </summary>
        public IReadOnlyList<UniqueAttribute> UniqueAttributes { get; init; } = Array.Empty<UniqueAttribute>();
    }
}

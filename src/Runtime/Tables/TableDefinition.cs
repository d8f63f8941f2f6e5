using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>A key attribute of a table: its name and scalar type.</summary>
    /// <param name="Name">The stored attribute name.</param>
    /// <param name="Type">S, N or B.</param>
    public sealed record KeyAttributeDefinition(string Name, ScalarAttributeType Type)
    {
        /// <summary>The stored attribute name.</summary>
        public string Name { get; init; } = Name ?? throw new System.ArgumentNullException(nameof(Name));

        /// <summary>S, N or B.</summary>
        public ScalarAttributeType Type { get; init; } = Type ?? throw new System.ArgumentNullException(nameof(Type));
    }

    /// <summary>A global or local secondary index as the schema declares it.</summary>
    /// <param name="Name">The index name.</param>
    /// <param name="IsGlobal">True for a global secondary index; false for a local one, which shares the table's partition key.</param>
    /// <param name="PartitionKey">The index's partition key (for a local index, the table's).</param>
    /// <param name="SortKey">The index's sort key, or null.</param>
    /// <param name="Projection">Which attributes the index holds: ALL, KEYS_ONLY or INCLUDE.</param>
    /// <param name="NonKeyAttributes">For INCLUDE, the attributes the index holds beside the keys; otherwise null.</param>
    public sealed record IndexDefinition(
        string Name,
        bool IsGlobal,
        KeyAttributeDefinition PartitionKey,
        KeyAttributeDefinition? SortKey,
        ProjectionType Projection,
        IReadOnlyList<string>? NonKeyAttributes = null)
    {
        /// <summary>The index name.</summary>
        public string Name { get; init; } = Name ?? throw new System.ArgumentNullException(nameof(Name));

        /// <summary>The index's partition key (for a local index, the table's).</summary>
        public KeyAttributeDefinition PartitionKey { get; init; } = PartitionKey ?? throw new System.ArgumentNullException(nameof(PartitionKey));

        /// <summary>Which attributes the index holds: ALL, KEYS_ONLY or INCLUDE.</summary>
        public ProjectionType Projection { get; init; } = Projection ?? throw new System.ArgumentNullException(nameof(Projection));

        /// <summary>
        /// A global index's own capacity on a provisioned table; null when it takes the table's (and always for a local
        /// index, which uses the table's).
        /// </summary>
        public ProvisionedCapacity? Capacity { get; init; }

        internal Projection ToProjection()
            => new() { ProjectionType = Projection, NonKeyAttributes = NonKeyAttributes is null ? null : new List<string>(NonKeyAttributes) };

        internal List<KeySchemaElement> KeySchema()
        {
            var schema = new List<KeySchemaElement> { new(PartitionKey.Name, KeyType.HASH) };
            if (SortKey is not null)
            {
                schema.Add(new KeySchemaElement(SortKey.Name, KeyType.RANGE));
            }

            return schema;
        }
    }

    /// <summary>
    /// The shape of a table as the schema declares it, generated per table; enough to create it.
    /// </summary>
    /// <param name="EntityName">The entity's C# type name, the key for per-table name overrides.</param>
    /// <param name="TableName">The default physical table name.</param>
    /// <param name="PartitionKey">The partition (HASH) key.</param>
    /// <param name="SortKey">The sort (RANGE) key, or null.</param>
    /// <param name="BillingMode">The billing mode: <c>PAY_PER_REQUEST</c> (on demand, the default) or <c>PROVISIONED</c>.</param>
    /// <param name="TtlAttribute">The attribute DynamoDB's time to live reads (epoch seconds), or null when items never expire.</param>
    /// <param name="Indexes">The table's secondary indexes, or null for none.</param>
    public sealed record TableDefinition(
        string EntityName,
        string TableName,
        KeyAttributeDefinition PartitionKey,
        KeyAttributeDefinition? SortKey,
        BillingMode BillingMode,
        string? TtlAttribute = null,
        IReadOnlyList<IndexDefinition>? Indexes = null)
    {
        /// <summary>The entity's C# type name, the key for per-table name overrides.</summary>
        public string EntityName { get; init; } = EntityName ?? throw new System.ArgumentNullException(nameof(EntityName));

        /// <summary>The default physical table name.</summary>
        public string TableName { get; init; } = TableName ?? throw new System.ArgumentNullException(nameof(TableName));

        /// <summary>The partition (HASH) key.</summary>
        public KeyAttributeDefinition PartitionKey { get; init; } = PartitionKey ?? throw new System.ArgumentNullException(nameof(PartitionKey));

        /// <summary>The billing mode: <c>PAY_PER_REQUEST</c> (on demand, the default) or <c>PROVISIONED</c>.</summary>
        public BillingMode BillingMode { get; init; } = BillingMode ?? throw new System.ArgumentNullException(nameof(BillingMode));

        /// <summary>
        /// For a <c>PROVISIONED</c> table, its capacity (5 and 5 when null); ignored on demand. Each global index takes it
        /// unless the index has its own. <see cref="DynamoRepositoryOptions.Capacities"/> overrides both per service.
        /// </summary>
        public ProvisionedCapacity? Capacity { get; init; }

        /// <summary>The index named <paramref name="name"/>.</summary>
        /// <exception cref="System.ArgumentException">The table has no such index.</exception>
        public IndexDefinition Index(string name)
        {
            foreach (var index in Indexes ?? System.Array.Empty<IndexDefinition>())
            {
                if (index.Name == name)
                {
                    return index;
                }
            }

            throw new System.ArgumentException($"Table '{TableName}' has no index '{name}'.", nameof(name));
        }

        /// <summary>A CreateTable request for this table under the given physical name, with the capacities it declares.</summary>
        public CreateTableRequest ToCreateTableRequest(string physicalName) => ToCreateTableRequest(physicalName, null);

        /// <summary>
        /// The capacity of the table (<paramref name="index"/> null) or of one of its indexes: null on demand and for a local
        /// index; otherwise the override in <paramref name="overrides"/> (by <c>Entity</c>, or <c>Entity.index</c> for an
        /// index), else the declared one (an index's own, else the table's), else 5 and 5.
        /// </summary>
        internal ProvisionedCapacity? ResolveCapacity(IndexDefinition? index, IDictionary<string, ProvisionedCapacity>? overrides)
        {
            if (BillingMode != BillingMode.PROVISIONED || index is { IsGlobal: false })
            {
                return null;
            }

            ProvisionedCapacity? capacity = null;
            if (index is not null && (overrides?.TryGetValue(EntityName + "." + index.Name, out capacity) == true || (capacity = index.Capacity) is not null))
            {
                return capacity;
            }

            return overrides?.TryGetValue(EntityName, out capacity) == true ? capacity : Capacity ?? new ProvisionedCapacity();
        }

        internal CreateTableRequest ToCreateTableRequest(string physicalName, IDictionary<string, ProvisionedCapacity>? overrides)
        {
            var keySchema = new List<KeySchemaElement> { new(PartitionKey.Name, KeyType.HASH) };
            var attributes = new List<AttributeDefinition> { new(PartitionKey.Name, PartitionKey.Type) };
            if (SortKey is not null)
            {
                keySchema.Add(new KeySchemaElement(SortKey.Name, KeyType.RANGE));
                attributes.Add(new AttributeDefinition(SortKey.Name, SortKey.Type));
            }

            var request = new CreateTableRequest
            {
                TableName = physicalName,
                KeySchema = keySchema,
                AttributeDefinitions = attributes,
                BillingMode = BillingMode,
                ProvisionedThroughput = Throughput(ResolveCapacity(null, overrides)),
            };

            foreach (var index in Indexes ?? System.Array.Empty<IndexDefinition>())
            {
                // Each key attribute is defined once, however many indexes use it.
                foreach (var key in new[] { index.PartitionKey, index.SortKey })
                {
                    if (key is not null && !attributes.Exists(a => a.AttributeName == key.Name))
                    {
                        attributes.Add(new AttributeDefinition(key.Name, key.Type));
                    }
                }

                if (index.IsGlobal)
                {
                    (request.GlobalSecondaryIndexes ??= new List<GlobalSecondaryIndex>()).Add(new GlobalSecondaryIndex
                    {
                        IndexName = index.Name,
                        KeySchema = index.KeySchema(),
                        Projection = index.ToProjection(),
                        ProvisionedThroughput = Throughput(ResolveCapacity(index, overrides)),
                    });
                }
                else
                {
                    (request.LocalSecondaryIndexes ??= new List<LocalSecondaryIndex>()).Add(new LocalSecondaryIndex
                    {
                        IndexName = index.Name,
                        KeySchema = index.KeySchema(),
                        Projection = index.ToProjection(),
                    });
                }
            }

            return request;
        }

        private static ProvisionedThroughput? Throughput(ProvisionedCapacity? capacity)
            => capacity is null ? null : new ProvisionedThroughput(capacity.Read, capacity.Write);
    }
}

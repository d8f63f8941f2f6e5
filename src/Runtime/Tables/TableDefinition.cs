using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>A key attribute of a table: its name and scalar type.</summary>
    /// <param name="Name">The stored attribute name.</param>
    /// <param name="Type">S, N or B.</param>
    public sealed record KeyAttributeDefinition(string Name, ScalarAttributeType Type);

    /// <summary>
    /// The shape of a table as the schema declares it, generated per table; enough to create it.
    /// </summary>
    /// <param name="EntityName">The entity's C# type name, the key for per-table name overrides.</param>
    /// <param name="TableName">The default physical table name.</param>
    /// <param name="PartitionKey">The partition (HASH) key.</param>
    /// <param name="SortKey">The sort (RANGE) key, or null.</param>
    /// <param name="BillingMode">The billing mode; generated tables use on-demand.</param>
    /// <param name="TtlAttribute">The attribute DynamoDB's time to live reads (epoch seconds), or null when items never expire.</param>
    public sealed record TableDefinition(
        string EntityName,
        string TableName,
        KeyAttributeDefinition PartitionKey,
        KeyAttributeDefinition? SortKey,
        BillingMode BillingMode,
        string? TtlAttribute = null)
    {
        /// <summary>A CreateTable request for this table under the given physical name.</summary>
        public CreateTableRequest ToCreateTableRequest(string physicalName)
        {
            var keySchema = new List<KeySchemaElement> { new(PartitionKey.Name, KeyType.HASH) };
            var attributes = new List<AttributeDefinition> { new(PartitionKey.Name, PartitionKey.Type) };
            if (SortKey is not null)
            {
                keySchema.Add(new KeySchemaElement(SortKey.Name, KeyType.RANGE));
                attributes.Add(new AttributeDefinition(SortKey.Name, SortKey.Type));
            }

            return new CreateTableRequest
            {
                TableName = physicalName,
                KeySchema = keySchema,
                AttributeDefinitions = attributes,
                BillingMode = BillingMode,
            };
        }
    }
}

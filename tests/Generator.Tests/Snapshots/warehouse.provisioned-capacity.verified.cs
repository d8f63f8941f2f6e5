// warehouse.tables.json: PROVISIONED tables: the table's capacity, a global index with its own and one that takes the
// table's, a local index (the table's), and a shared table's capacity.

// BinTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "Bin",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("bin_id", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("slot", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    global::Amazon.DynamoDBv2.BillingMode.PROVISIONED,
    TtlAttribute: "expires_at",
    Indexes: new global::Bookings.Generated.Runtime.IndexDefinition[]
    {
        new("by_sku", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("sku", global::Amazon.DynamoDBv2.ScalarAttributeType.S), new global::Bookings.Generated.Runtime.KeyAttributeDefinition("counted_on", global::Amazon.DynamoDBv2.ScalarAttributeType.S), global::Amazon.DynamoDBv2.ProjectionType.ALL) { Capacity = new(Read: 2, Write: 1) },
        new("by_zone", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("zone", global::Amazon.DynamoDBv2.ScalarAttributeType.S), null, global::Amazon.DynamoDBv2.ProjectionType.KEYS_ONLY),
        new("by_counted_on", false, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("bin_id", global::Amazon.DynamoDBv2.ScalarAttributeType.S), new global::Bookings.Generated.Runtime.KeyAttributeDefinition("counted_on", global::Amazon.DynamoDBv2.ScalarAttributeType.S), global::Amazon.DynamoDBv2.ProjectionType.INCLUDE, new[] { "sku" }),
    })
{
    Capacity = new(Read: 3, Write: 2),
};

// DepotsTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "Depots",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("sk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    global::Amazon.DynamoDBv2.BillingMode.PROVISIONED,
    Indexes: new global::Bookings.Generated.Runtime.IndexDefinition[]
    {
        new("depots_by_city", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("city", global::Amazon.DynamoDBv2.ScalarAttributeType.S), null, global::Amazon.DynamoDBv2.ProjectionType.ALL),
    })
{
    Capacity = new(Read: 4, Write: 4),
};

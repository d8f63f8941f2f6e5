// stores.tables.json: A table shared by three entity types: its definition and type attribute, the closed item type
// with Match, the reader of each item as its type, and partition queries that return every type.

// StoresTable
/// <summary>The <c>stores</c> table, shared by <see cref="Store"/>, <see cref="Staff"/>, <see cref="Shift"/>. Single-table design: a store, its staff and their shifts share one partition per store.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class StoresTable
{
    /// <summary>The physical table name used unless options add a prefix or override it.</summary>
    public const string DefaultName = "stores";

    /// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
    public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
        "Stores",
        DefaultName,
        new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
        new global::Bookings.Generated.Runtime.KeyAttributeDefinition("sk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
        global::Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        Indexes: new global::Bookings.Generated.Runtime.IndexDefinition[]
        {
            new("staff_by_email", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("gsi1_pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S), null, global::Amazon.DynamoDBv2.ProjectionType.ALL),
        });

    /// <summary>The attribute that names each item's entity type.</summary>
    public const string TypeAttribute = "entity_type";
}

// StoresItem
/// <summary>An item of the <c>stores</c> table: one of <see cref="Store"/>, <see cref="Staff"/>, <see cref="Shift"/>; no other type can derive from it, so <see cref="Match"/> covers every case.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public abstract partial record StoresItem
{
    private protected StoresItem()
    {
    }

    /// <summary>Calls the function for this item's type: adding an entity type to the table adds a parameter, so every caller is told at compile time.</summary>
    public TResult Match<TResult>(global::System.Func<global::Bookings.Generated.Integration.Tests.Stores.Store, TResult> store, global::System.Func<global::Bookings.Generated.Integration.Tests.Stores.Staff, TResult> staff, global::System.Func<global::Bookings.Generated.Integration.Tests.Stores.Shift, TResult> shift)
        => this switch
        {
            global::Bookings.Generated.Integration.Tests.Stores.Store item => (store ?? throw new global::System.ArgumentNullException("store"))(item),
            global::Bookings.Generated.Integration.Tests.Stores.Staff item => (staff ?? throw new global::System.ArgumentNullException("staff"))(item),
            global::Bookings.Generated.Integration.Tests.Stores.Shift item => (shift ?? throw new global::System.ArgumentNullException("shift"))(item),
            _ => throw new global::System.InvalidOperationException("Unknown item type."),
        };
}

// StoresMarshaller
/// <summary>Reads items of the <c>stores</c> table, each as its own entity type.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class StoresMarshaller
{
    /// <summary>Reads a stored item as the entity type its <c>entity_type</c> attribute names.</summary>
    /// <exception cref="global::Bookings.Generated.Runtime.DynamoMappingException">The type is missing or unknown, or the item does not fit its type.</exception>
    public static StoresItem FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)
    {
        global::System.ArgumentNullException.ThrowIfNull(item);
        var reader = new global::Bookings.Generated.Runtime.Internal.ItemReader(item, "StoresItem");
        var type = reader.String("entity_type");
        return type switch
        {
            "Store" => StoreMarshaller.FromItem(item),
            "Staff" => StaffMarshaller.FromItem(item),
            "Shift" => ShiftMarshaller.FromItem(item),
            _ => throw reader.UnknownType("entity_type", type, "Store, Staff, Shift"),
        };
    }
}

// IStoresRepository
/// <summary>Reads partitions of the <c>stores</c> table that hold items of several types; each entity's own repository reads and writes items of its type.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public partial interface IStoresRepository
{
    /// <summary>The physical table name in use, after prefixes and overrides.</summary>
    string TableName { get; }

    /// <summary>Every item of one partition, each as its own type, in sort-key order, read lazily; <c>options.SortKey</c> (an entity's <c>…SortKey</c> builds one) reads only the items whose sort key meets it.</summary>
    global::System.Collections.Generic.IAsyncEnumerable<StoresItem> QueryPartitionAsync(string storeId, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

    /// <summary>One page of a partition (narrowed by <c>options.SortKey</c> as in <c>QueryPartitionAsync</c>), each item as its own type, from the place <paramref name="continuationToken"/> marks.</summary>
    global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<StoresItem>> QueryPartitionPageAsync(string storeId, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);
}

// StoresRepository
/// <summary><see cref="IStoresRepository"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed partial class StoresRepository : IStoresRepository
{
    private readonly global::Bookings.Generated.Runtime.Internal.DynamoTableReader _reader;

    /// <summary>Creates the repository.</summary>
    /// <param name="client">The DynamoDB client; the caller owns it.</param>
    /// <param name="options">Table names, retries and read consistency; defaults when null.</param>
    /// <param name="logger">Where operation logs go, with keys masked; nothing is logged when null.</param>
    public StoresRepository(
        global::Amazon.DynamoDBv2.IAmazonDynamoDB client,
        global::Bookings.Generated.Runtime.DynamoRepositoryOptions? options = null,
        global::Microsoft.Extensions.Logging.ILogger<StoresRepository>? logger = null)
        => _reader = new global::Bookings.Generated.Runtime.Internal.DynamoTableReader(client, StoresTable.Definition, options, logger);

    /// <inheritdoc/>
    public string TableName => _reader.TableName;

    /// <inheritdoc/>
    public global::System.Collections.Generic.IAsyncEnumerable<StoresItem> QueryPartitionAsync(string storeId, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
        => _reader.QueryAsync(null, StoreKey.PartitionKeyValue(storeId), PartitionLabel(storeId), options, StoresMarshaller.FromItem, cancellationToken);

    /// <inheritdoc/>
    public global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<StoresItem>> QueryPartitionPageAsync(string storeId, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
        => _reader.QueryPageAsync(null, StoreKey.PartitionKeyValue(storeId), PartitionLabel(storeId), pageSize, continuationToken, options, StoresMarshaller.FromItem, cancellationToken);

    private static string PartitionLabel(string storeId)
        => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Stores partition {{ StoreId = {storeId} }}");
}

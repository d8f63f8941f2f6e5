// stores.tables.json: An entity of a shared table: its table is the shared one, its repository is bound to its type
// (and to its sort-key prefix), its record derives from the table's item type, it refuses items of another type, and it
// queries an index declared on it alone.

// Store
/// <summary>An item of the <c>stores</c> table.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed partial record Store : StoresItem
{
    /// <summary>The item's key. Key attributes are read from it.</summary>
    public required StoreKey Key { get; init; }

    /// <summary>The stored <c>pk</c> key attribute, from <see cref="Key"/>.</summary>
    public string Pk => Key.Pk;

    /// <summary>The stored <c>sk</c> key attribute, from <see cref="Key"/>.</summary>
    public string Sk => Key.Sk;

    /// <summary>Stored as <c>store_name</c>; required.</summary>
    public required string StoreName { get; init; }

    /// <summary>Stored as <c>opened_on</c>; optional (null when absent).</summary>
    public global::System.DateOnly? OpenedOn { get; init; }

    /// <summary>Prints the item with personal data masked and secrets left out.</summary>
    public override string ToString()
        => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Store {{ Key = {Key}, StoreName = {StoreName}, OpenedOn = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(OpenedOn, "yyyy-MM-dd"))} }}");
}

// StoreTable.DefaultName
/// <summary>The physical table name used unless options add a prefix or override it; shared with the other entities of <see cref="StoresTable"/>.</summary>
public const string DefaultName = StoresTable.DefaultName;

// StoreTable.Definition
/// <summary>The shared table's keys, indexes and billing mode.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition => StoresTable.Definition;

// StoreRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Store, StoreKey> Mapping = new(
    StoreTable.Definition,
    static store => store.Key,
    StoreMarshaller.ToItem,
    StoreMarshaller.FromItem) { Discriminator = ("entity_type", "Store") };

// StaffRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Staff, StaffKey> Mapping = new(
    StaffTable.Definition,
    static staff => staff.Key,
    StaffMarshaller.ToItem,
    StaffMarshaller.FromItem) { Discriminator = ("entity_type", "Staff"), SortKeyPrefix = "STAFF#" };

// StaffRepository.QueryStaffByEmailAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<Staff> QueryStaffByEmailAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(StaffTable.StaffByEmailIndex, global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("EMAIL#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Stores.StaffMarshaller.EmailValue(email)))), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Staff staff_by_email partition {{ Email = {email} }}"), options, StaffMarshaller.FromItem, cancellationToken);

// StoreMarshaller.FromItem
/// <summary>Reads a stored item as a <see cref="Store"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoMappingException">A required attribute is missing, has another type, or the key does not fit its template.</exception>
public static Store FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)
{
    var reader = new global::Bookings.Generated.Runtime.Internal.ItemReader(item, "Store");
    if (reader.String("entity_type") is { } storedType && storedType != "Store")
    {
        throw reader.OtherType("entity_type", storedType);
    }

    var pk = reader.String("pk") ?? throw reader.Missing("pk", "a string (S)");
    var sk = reader.String("sk") ?? throw reader.Missing("sk", "a string (S)");
    var key = global::Bookings.Generated.Integration.Tests.Stores.StoreKey.TryParse(pk, sk, out var parsed)
        ? parsed
        : throw reader.InvalidKey("pk, sk", "pk = STORE#{store_id}, sk = #META");
    reader.SetKey(key);
    return new Store
    {
        Key = key,
        StoreName = reader.String("store_name") ?? throw reader.Missing("store_name", "a string (S)"),
        OpenedOn = reader.ReadValue("opened_on", OpenedOnCodec),
    };
}

// customers.tables.json: A partition key whose template is one stored attribute ({email}): one property, written to
// both attributes and read back from the key attribute; personal, so masked in partition labels; a local index on such
// a table.

// CustomerOrder.Email
/// <summary>The stored <c>pk</c> key attribute and the <c>email</c> attribute, which hold the same value, from <see cref="Key"/>.</summary>
public string Email => Key.Email;

// CustomerOrderKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? email, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CustomerOrderKey? result)
{
    result = global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(email, null, null, out _)
        && SkTemplate.Split(sk) is [var orderIdText]
        && long.TryParse(orderIdText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderId)
        && orderId.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == orderIdText
        ? new(email, orderId, sk)
        : null;
    return result is not null;
}

// CustomerOrderKey.ToAttributeMap
/// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()
    => new(2) { ["pk"] = new() { S = Email }, ["sk"] = new() { S = Sk } };

// CustomerOrderKey.PartitionKeyValue
/// <summary>The stored <c>pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(string email)
    => new() { S = ValidEmail(email) };

// CustomerOrderMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(CustomerOrder customerOrder)
{
    global::System.ArgumentNullException.ThrowIfNull(customerOrder);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(customerOrder.Key, "CustomerOrder", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(5)
    {
        ["pk"] = new() { S = key.Email },
        ["sk"] = new() { S = key.Sk },
        ["email"] = new() { S = key.Email },
        ["placed_on"] = PlacedOnValue(customerOrder.PlacedOn),
        ["total"] = TotalValue(customerOrder.Total),
    };

    return item;
}

// CustomerOrderFields.Email
/// <summary><c>email</c>, an attribute a key is built from, as stored on its own.</summary>
public static readonly global::Bookings.Generated.Runtime.Field<string> Email = new("email", global::Bookings.Generated.Runtime.Internal.InputValidation.StoredText("CustomerOrder", "email"));

// CustomerOrderTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "CustomerOrder",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("sk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    global::Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
    Indexes: new global::Bookings.Generated.Runtime.IndexDefinition[]
    {
        new("by_placed_on", false, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S), new global::Bookings.Generated.Runtime.KeyAttributeDefinition("placed_on", global::Amazon.DynamoDBv2.ScalarAttributeType.S), global::Amazon.DynamoDBv2.ProjectionType.ALL),
    });

// CustomerOrderTable.Attributes
/// <summary>The stored attribute names, for hand-written expressions.</summary>
public static class Attributes
{
    /// <summary><c>pk</c>, a key attribute.</summary>
    public const string Pk = "pk";
    /// <summary><c>sk</c>, a key attribute.</summary>
    public const string Sk = "sk";
    /// <summary><c>email</c>, also a key part.</summary>
    public const string Email = "email";
    /// <summary><c>placed_on</c>.</summary>
    public const string PlacedOn = "placed_on";
    /// <summary><c>total</c>.</summary>
    public const string Total = "total";
}

// CustomerOrderRepository.QueryByPlacedOnAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<CustomerOrder> QueryByPlacedOnAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(CustomerOrderTable.ByPlacedOnIndex, CustomerOrderKey.PartitionKeyValue(email), PartitionLabel(email), options, CustomerOrderMarshaller.FromItem, cancellationToken);

// CustomerOrderRepository.PartitionLabel
private static string PartitionLabel(string email)
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"CustomerOrder partition {{ Email = {(global::Bookings.Generated.Runtime.Internal.Redact.Personal(email))} }}");

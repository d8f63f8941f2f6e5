// orders.tables.json: Every value type (decimal, int, long, double, bool, string) required, optional and with defaults,
// one of them text that needs escaping; a csharpName; personal, phone and secret attributes; a keyword-named attribute
// (event); a description with & " < >; reads with their defaults, number checks, and deltas for numbers.

// Order
/// <summary>An item of the <c>shop-orders</c> table. An order &amp; its "lines" &lt;summed&gt;.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed partial record Order
{
    /// <summary>The item's key. Key attributes are read from it.</summary>
    public required OrderKey Key { get; init; }

    /// <summary>The stored <c>pk</c> key attribute, from <see cref="Key"/>. ORDER# and the order number.</summary>
    public string PartitionKey => Key.PartitionKey;

    /// <summary>The stored <c>sk</c> key attribute, from <see cref="Key"/>.</summary>
    public string Sk => Key.Sk;

    /// <summary>Stored as <c>customer_email</c>; required. Personal data: masked when printed. Where receipts go.</summary>
    public required string CustomerEmail { get; init; }

    /// <summary>Stored as <c>customer_phone</c>; optional (null when absent). A phone number: normalised on write, masked when printed.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>Stored as <c>total</c>; defaults to <c>0.00m</c>.</summary>
    public decimal Total { get; init; } = 0.00m;

    /// <summary>Stored as <c>item_count</c>; required.</summary>
    public required int ItemCount { get; init; }

    /// <summary>Stored as <c>loyalty_points</c>; defaults to <c>-1L</c>.</summary>
    public long LoyaltyPoints { get; init; } = -1L;

    /// <summary>Stored as <c>weight_kg</c>; optional (null when absent).</summary>
    public double? WeightKg { get; init; }

    /// <summary>Stored as <c>gift</c>; optional (null when absent).</summary>
    public bool? Gift { get; init; }

    /// <summary>Stored as <c>note</c>; defaults to <c>"tab\tquote\" backslash\\ done"</c>.</summary>
    public string CustomerNote { get; init; } = "tab\tquote\" backslash\\ done";

    /// <summary>Stored as <c>event</c>; optional (null when absent).</summary>
    public string? Event { get; init; }

    /// <summary>Stored as <c>api_token</c>; optional (null when absent). A secret: never printed.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Prints the item with personal data masked and secrets left out.</summary>
    public override string ToString()
        => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Order {{ Key = {Key}, CustomerEmail = {(global::Bookings.Generated.Runtime.Internal.Redact.Personal(CustomerEmail))}, CustomerPhone = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(CustomerPhone))}, Total = {Total}, ItemCount = {ItemCount}, LoyaltyPoints = {LoyaltyPoints}, WeightKg = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(WeightKg))}, Gift = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Gift))}, CustomerNote = {CustomerNote}, Event = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Event))}, ApiToken = {(global::Bookings.Generated.Runtime.Internal.Redact.Secret(ApiToken))} }}");
}

// OrderMarshaller.FromItem
/// <summary>Reads a stored item as a <see cref="Order"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoMappingException">A required attribute is missing, has another type, or the key does not fit its template.</exception>
public static Order FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)
{
    var reader = new global::Bookings.Generated.Runtime.Internal.ItemReader(item, "Order");
    var partitionKey = reader.String("pk") ?? throw reader.Missing("pk", "a string (S)");
    var sk = reader.String("sk") ?? throw reader.Missing("sk", "a string (S)");
    var key = global::Shop.Orders.OrderKey.TryParse(partitionKey, sk, out var parsed)
        ? parsed
        : throw reader.InvalidKey("pk, sk", "pk = ORDER#{order_id}, sk = #META");
    reader.SetKey(key);
    return new Order
    {
        Key = key,
        CustomerEmail = reader.String("customer_email") ?? throw reader.Missing("customer_email", "a string (S)"),
        CustomerPhone = reader.String("customer_phone"),
        Total = reader.Decimal("total") ?? 0.00m,
        ItemCount = reader.Int32("item_count") ?? throw reader.Missing("item_count", "a number (N)"),
        LoyaltyPoints = reader.Int64("loyalty_points") ?? -1L,
        WeightKg = reader.Double("weight_kg"),
        Gift = reader.Boolean("gift"),
        CustomerNote = reader.String("note") ?? "tab\tquote\" backslash\\ done",
        Event = reader.String("event"),
        ApiToken = reader.String("api_token"),
    };
}

// OrderMarshaller.CustomerEmailValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue CustomerEmailValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Matches(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Order", "customer_email"), CustomerEmailPattern, "Order", "customer_email") };

// OrderMarshaller.CustomerPhoneValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue CustomerPhoneValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Phone(value, "Order", "customer_phone") };

// OrderMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Order order)
{
    global::System.ArgumentNullException.ThrowIfNull(order);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(order.Key, "Order", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(12)
    {
        ["pk"] = new() { S = key.PartitionKey },
        ["sk"] = new() { S = key.Sk },
        ["customer_email"] = CustomerEmailValue(order.CustomerEmail),
        ["total"] = new() { N = order.Total.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["item_count"] = new() { N = order.ItemCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["loyalty_points"] = new() { N = order.LoyaltyPoints.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["note"] = CustomerNoteValue(order.CustomerNote),
    };

    if (order.CustomerPhone is { } customerPhoneGiven)
    {
        item["customer_phone"] = CustomerPhoneValue(customerPhoneGiven);
    }

    if (order.WeightKg is { } weightKgGiven)
    {
        item["weight_kg"] = WeightKgValue(weightKgGiven);
    }

    if (order.Gift is { } giftGiven)
    {
        item["gift"] = new() { BOOL = giftGiven };
    }

    if (order.Event is { } eventGiven)
    {
        item["event"] = EventValue(eventGiven);
    }

    if (order.ApiToken is { } apiTokenGiven)
    {
        item["api_token"] = ApiTokenValue(apiTokenGiven);
    }

    return item;
}

// OrderMarshaller.WeightKgValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue WeightKgValue(double value)
    => new() { N = global::Bookings.Generated.Runtime.Internal.InputValidation.Finite(value, "Order", "weight_kg").ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) };

// OrderUpdate.AddTotal
/// <summary>Adds <paramref name="delta"/> to <c>total</c> (a missing value counts as 0). The delta may be negative, to subtract. Not retried blindly after an ambiguous failure.</summary>
public OrderUpdate AddTotal(decimal delta) => Add<OrderUpdate>("total", new() { N = delta.ToString(global::System.Globalization.CultureInfo.InvariantCulture) });

// OrderUpdate.AddWeightKg
/// <summary>Adds <paramref name="delta"/> to <c>weight_kg</c> (a missing value counts as 0). The delta may be negative, to subtract. Not retried blindly after an ambiguous failure.</summary>
public OrderUpdate AddWeightKg(double delta)
    => Add<OrderUpdate>("weight_kg", new() { N = global::Bookings.Generated.Runtime.Internal.InputValidation.Finite(delta, "Order", "weight_kg").ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) });

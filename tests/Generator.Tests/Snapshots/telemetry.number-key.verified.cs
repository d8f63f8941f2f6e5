// telemetry.tables.json: A number partition key without a template and no sort key: a long in the key, stored and
// declared as N; the schema class named by the descriptor's name.

// CounterKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(long counterId, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CounterKey? result)
{
    result = new(counterId);
    return true;
}

// CounterKey.ToAttributeMap
/// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()
    => new(1) { ["counter_id"] = new() { N = CounterId.ToString(global::System.Globalization.CultureInfo.InvariantCulture) } };

// CounterMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Counter counter)
{
    global::System.ArgumentNullException.ThrowIfNull(counter);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(counter.Key, "Counter", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(5)
    {
        ["counter_id"] = new() { N = key.CounterId.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["count"] = new() { N = counter.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["ratio"] = RatioValue(counter.Ratio),
        ["enabled"] = new() { BOOL = counter.Enabled },
    };

    if (counter.Label is { } labelGiven)
    {
        item["label"] = LabelValue(labelGiven);
    }

    return item;
}

// CounterMarshaller.FromItem
/// <summary>Reads a stored item as a <see cref="Counter"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoMappingException">A required attribute is missing, has another type, or the key does not fit its template.</exception>
public static Counter FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)
{
    var reader = new global::Bookings.Generated.Runtime.Internal.ItemReader(item, "Counter");
    var counterId = reader.Int64("counter_id") ?? throw reader.Missing("counter_id", "a number (N)");
    var key = global::Metrics.Storage.CounterKey.TryParse(counterId, out var parsed)
        ? parsed
        : throw reader.InvalidKey("counter_id", "counter_id = {counter_id}");
    reader.SetKey(key);
    return new Counter
    {
        Key = key,
        Count = reader.Int64("count") ?? 0L,
        Ratio = reader.Double("ratio") ?? 0.5d,
        Label = reader.String("label"),
        Enabled = reader.Boolean("enabled") ?? true,
    };
}

// CounterFields.CounterId
/// <summary><c>counter_id</c>, a key attribute, as stored.</summary>
public static readonly global::Bookings.Generated.Runtime.Field<long> CounterId = new("counter_id", global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Int64.Write);

// CounterTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "Counter",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("counter_id", global::Amazon.DynamoDBv2.ScalarAttributeType.N),
    null,
    global::Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST);

// TelemetrySchema.Tables
/// <summary>Every table of the descriptor, in declaration order; pass them to <c>DynamoTableManager.EnsureTablesAsync</c>.</summary>
public static global::System.Collections.Generic.IReadOnlyList<global::Bookings.Generated.Runtime.TableDefinition> Tables { get; } =
    global::System.Array.AsReadOnly(new global::Bookings.Generated.Runtime.TableDefinition[] { CounterTable.Definition });

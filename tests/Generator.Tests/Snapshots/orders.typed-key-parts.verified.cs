// orders.tables.json: Number key parts behind a prefix (ORDER#{order_id} as long, LINE#{line_no} as int), parsed back
// exactly; a constant sort key (#META); a text part before a literal of several characters ({tenant}#ORDER#{order_no}),
// which it refuses and which splits the stored key.

// OrderKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? partitionKey, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderKey? result)
{
    result = PartitionKeyTemplate.Split(partitionKey) is [var orderIdText]
        && long.TryParse(orderIdText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderId)
        && orderId.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == orderIdText
        && sk == "#META"
        ? new(orderId, partitionKey, sk)
        : null;
    return result is not null;
}

// OrderKey.*Template
private static readonly global::Bookings.Generated.Runtime.Internal.KeyTemplate PartitionKeyTemplate = new("ORDER#{order_id}");

// OrderLineKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? linePk, string? lineSk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderLineKey? result)
{
    result = LinePkTemplate.Split(linePk) is [var tenant, var orderNoText]
        && global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(tenant, TenantPattern, "#ORDER#", out _)
        && long.TryParse(orderNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderNo)
        && orderNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == orderNoText
        && LineSkTemplate.Split(lineSk) is [var lineNoText]
        && int.TryParse(lineNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var lineNo)
        && lineNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == lineNoText
        ? new(tenant, orderNo, lineNo, linePk, lineSk)
        : null;
    return result is not null;
}

// OrderLineKey.PartitionKeyValue
/// <summary>The stored <c>line_pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(string tenant, long orderNo)
    => new() { S = string.Concat(ValidTenant(tenant), "#ORDER#", orderNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture)) };

// OrderLineKey.*Template
private static readonly global::Bookings.Generated.Runtime.Internal.KeyTemplate LinePkTemplate = new("{tenant}#ORDER#{order_no}");
private static readonly global::Bookings.Generated.Runtime.Internal.KeyTemplate LineSkTemplate = new("LINE#{line_no}");

// orders.tables.json: Number key parts behind a prefix (ORDER#{order_id} as long, LINE#{line_no} as int), parsed back
// exactly; a constant sort key (#META); a text part before a literal of several characters ({tenant}#ORDER#{order_no}),
// which it refuses and which splits the stored key.

// OrderKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? partitionKey, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderKey? result)
{
    result = null;
    if (partitionKey is null
        || !TrySplitPartitionKey(partitionKey, out var orderIdText)
        || !long.TryParse(orderIdText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderId)
        || orderId.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != orderIdText
        || sk != "#META")
    {
        return false;
    }

    result = new(orderId, partitionKey, sk);
    return true;
}

// OrderKey.TrySplit*
/// <summary>Splits a stored <c>pk</c> (<c>ORDER#{order_id}</c>) into the text of its parts.</summary>
private static bool TrySplitPartitionKey(string partitionKey, out string orderIdText)
{
    orderIdText = string.Empty;
    if (!partitionKey.StartsWith("ORDER#", global::System.StringComparison.Ordinal))
    {
        return false;
    }

    orderIdText = partitionKey.Substring(6);
    return true;
}

// OrderLineKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? linePk, string? lineSk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderLineKey? result)
{
    result = null;
    if (linePk is null
        || !TrySplitLinePk(linePk, out var tenant, out var orderNoText)
        || !global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(tenant, TenantPattern, "#ORDER#", out _)
        || !long.TryParse(orderNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderNo)
        || orderNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != orderNoText
        || lineSk is null
        || !TrySplitLineSk(lineSk, out var lineNoText)
        || !int.TryParse(lineNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var lineNo)
        || lineNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != lineNoText)
    {
        return false;
    }

    result = new(tenant, orderNo, lineNo, linePk, lineSk);
    return true;
}

// OrderLineKey.PartitionKeyValue
/// <summary>The stored <c>line_pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(string tenant, long orderNo)
    => new() { S = string.Concat(ValidTenant(tenant), "#ORDER#", orderNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture)) };

// OrderLineKey.TrySplit*
/// <summary>Splits a stored <c>line_pk</c> (<c>{tenant}#ORDER#{order_no}</c>) into the text of its parts.</summary>
private static bool TrySplitLinePk(string linePk, out string tenant, out string orderNoText)
{
    tenant = orderNoText = string.Empty;
    var tenantEnd = linePk.IndexOf("#ORDER#", global::System.StringComparison.Ordinal);
    if (tenantEnd < 0)
    {
        return false;
    }

    tenant = linePk.Substring(0, tenantEnd);
    orderNoText = linePk.Substring(tenantEnd + 7);
    return true;
}

/// <summary>Splits a stored <c>line_sk</c> (<c>LINE#{line_no}</c>) into the text of its parts.</summary>
private static bool TrySplitLineSk(string lineSk, out string lineNoText)
{
    lineNoText = string.Empty;
    if (!lineSk.StartsWith("LINE#", global::System.StringComparison.Ordinal))
    {
        return false;
    }

    lineNoText = lineSk.Substring(5);
    return true;
}

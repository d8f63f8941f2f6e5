// orders.tables.json: Number key parts behind a prefix (ORDER#{order_id} as long, LINE#{line_no} as int), parsed back
// exactly; a constant sort key (#META); a text part before a literal of several characters ({tenant}#ORDER#{order_no}),
// which it refuses and which splits the stored key.

// OrderKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? partitionKey, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderKey? result)
{
    result = null;
    if (partitionKey is null || sk is null)
    {
        return false;
    }

    if (!TrySplitPartitionKey(partitionKey, out var orderIdText))
    {
        return false;
    }

    if (!long.TryParse(orderIdText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderIdValue)
        || orderIdValue.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != orderIdText)
    {
        return false;
    }

    if (!TrySplitSk(sk))
    {
        return false;
    }

    return TryCreate(orderIdValue, storedPartitionKey: partitionKey, storedSk: sk, out result, out _);
}

// OrderKey.PartitionKeyValue
/// <summary>The stored <c>pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(long orderId)
{
    return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = string.Concat("ORDER#", orderId.ToString(global::System.Globalization.CultureInfo.InvariantCulture)) };
}

// OrderKey.SortKeyValue
/// <summary>The stored <c>sk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue SortKeyValue()
{
    return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "#META" };
}

// OrderKey.TrySplit*
/// <summary>Splits a stored <c>pk</c> (<c>ORDER#{order_id}</c>) into the text of its parts.</summary>
private static bool TrySplitPartitionKey(string storedKey, out string orderId)
{
    orderId = string.Empty;
    var cursor = 0;
    if (storedKey.Length - cursor < 6 || string.CompareOrdinal(storedKey, cursor, "ORDER#", 0, 6) != 0)
    {
        return false;
    }

    cursor += 6;
    orderId = storedKey.Substring(cursor);
    return true;
}

/// <summary>Splits a stored <c>sk</c> (<c>#META</c>) into the text of its parts.</summary>
private static bool TrySplitSk(string storedKey)
{
    var cursor = 0;
    if (storedKey.Length - cursor < 5 || string.CompareOrdinal(storedKey, cursor, "#META", 0, 5) != 0)
    {
        return false;
    }

    cursor += 5;
    return cursor == storedKey.Length;
}

// OrderLineKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? linePk, string? lineSk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrderLineKey? result)
{
    result = null;
    if (linePk is null || lineSk is null)
    {
        return false;
    }

    if (!TrySplitLinePk(linePk, out var tenantText, out var orderNoText))
    {
        return false;
    }

    if (!long.TryParse(orderNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var orderNoValue)
        || orderNoValue.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != orderNoText)
    {
        return false;
    }

    if (!TrySplitLineSk(lineSk, out var lineNoText))
    {
        return false;
    }

    if (!int.TryParse(lineNoText, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var lineNoValue)
        || lineNoValue.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != lineNoText)
    {
        return false;
    }

    return TryCreate(tenantText, orderNoValue, lineNoValue, storedLinePk: linePk, storedLineSk: lineSk, out result, out _);
}

// OrderLineKey.PartitionKeyValue
/// <summary>The stored <c>line_pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(string tenant, long orderNo)
{
    string problem;

    if (!global::Bookings.Generated.Runtime.InputValidation.IsValidKeyText(tenant, TenantPattern, "#ORDER#", out problem))
    {
        throw new global::Bookings.Generated.Runtime.DynamoValidationException("OrderLine", "tenant", problem);
    }

    return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = string.Concat(tenant, "#ORDER#", orderNo.ToString(global::System.Globalization.CultureInfo.InvariantCulture)) };
}

// OrderLineKey.TrySplit*
/// <summary>Splits a stored <c>line_pk</c> (<c>{tenant}#ORDER#{order_no}</c>) into the text of its parts.</summary>
private static bool TrySplitLinePk(string storedKey, out string tenant, out string orderNo)
{
    tenant = string.Empty;
    orderNo = string.Empty;
    var cursor = 0;
    var tenantEnd = storedKey.IndexOf("#ORDER#", cursor, global::System.StringComparison.Ordinal);
    if (tenantEnd < 0)
    {
        return false;
    }

    tenant = storedKey.Substring(cursor, tenantEnd - cursor);
    cursor = tenantEnd + 7;
    orderNo = storedKey.Substring(cursor);
    return true;
}

/// <summary>Splits a stored <c>line_sk</c> (<c>LINE#{line_no}</c>) into the text of its parts.</summary>
private static bool TrySplitLineSk(string storedKey, out string lineNo)
{
    lineNo = string.Empty;
    var cursor = 0;
    if (storedKey.Length - cursor < 5 || string.CompareOrdinal(storedKey, cursor, "LINE#", 0, 5) != 0)
    {
        return false;
    }

    cursor += 5;
    lineNo = storedKey.Substring(cursor);
    return true;
}

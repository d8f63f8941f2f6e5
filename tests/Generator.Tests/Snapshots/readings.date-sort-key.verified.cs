// readings.tables.json: A stored datetimeoffset sort key without a template: read back and written through the key's
// codec; typed comparisons and day prefixes.

// ReadingKey.ReadAtCodec
/// <summary>Writes and reads the <c>read_at</c> part in the key, as a date attribute of its format does.</summary>
internal static readonly global::Bookings.Generated.Runtime.ScalarCodec<global::System.DateTimeOffset> ReadAtCodec =
    global::Bookings.Generated.Runtime.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.DateFormat.Iso8601(global::System.TimeSpan.Zero));

// ReadingKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? sensorId, string? readAt, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReadingKey? result)
{
    result = null;
    if (sensorId is null || readAt is null)
    {
        return false;
    }

    if (!global::Bookings.Generated.Runtime.KeyDates.TryParse(ReadAtCodec, readAt, out var readAtValue))
    {
        return false;
    }

    return TryCreate(sensorId, readAtValue, out result, out _);
}

// ReadingKey.ToAttributeMap
/// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()
    => new(2)
    {
        ["sensor_id"] = new global::Amazon.DynamoDBv2.Model.AttributeValue { S = SensorId },
        ["read_at"] = ReadAtCodec.Write(ReadAt),
    };

// ReadingKey.SortKey*
/// <summary>The stored <c>read_at</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue SortKeyValue(global::System.DateTimeOffset readAt)
{
    string problem;

    if (!global::Bookings.Generated.Runtime.KeyDates.IsValid(ReadAtCodec, readAt, out _, out problem))
    {
        throw new global::Bookings.Generated.Runtime.DynamoValidationException("Reading", "read_at", problem);
    }

    return ReadAtCodec.Write(readAt);
}

/// <summary>The text every stored <c>read_at</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static string SortKeyPrefix(global::System.DateOnly readAtDay)
{
    return global::Bookings.Generated.Runtime.KeyDates.DayPrefix(ReadAtCodec, readAtDay, global::System.TimeSpan.Zero, 10);
}

// ReadingSortKey
/// <summary>
/// Conditions on the sort key <c>read_at</c> (<c>{read_at}</c>) of
/// <see cref="Reading"/>, for queries within one partition. Parts are validated and normalised like keys.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class ReadingSortKey
{
    /// <summary>The sort key equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Equal(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Equal(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts before the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThan(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThan(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts before or equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThanOrEqual(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThanOrEqual(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts after the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThan(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThan(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts after or equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThanOrEqual(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThanOrEqual(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key lies between the two made from these parts, both included.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTimeOffset lowReadAt, global::System.DateTimeOffset highReadAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Between(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(lowReadAt), global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyValue(highReadAt));

    /// <summary>Sort keys with <c>read_at</c> on the given day, in its stored offset.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(global::System.DateOnly readAtDay)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyPrefix(readAtDay));

    /// <summary>Sort keys with <c>read_at</c> on a day from the low to the high one, both included, in its stored offset.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateOnly lowReadAtDay, global::System.DateOnly highReadAtDay)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BetweenPrefixes(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyPrefix(lowReadAtDay), global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.SortKeyPrefix(highReadAtDay));
}

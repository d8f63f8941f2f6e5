// readings.tables.json: A stored datetimeoffset sort key without a template: read back and written through the key's
// codec; typed comparisons and day prefixes.

// ReadingKey.ReadAtCodec
/// <summary>Writes and reads the <c>read_at</c> part in the key, as a date attribute of its format does.</summary>
internal static readonly global::Bookings.Generated.Runtime.Internal.ScalarCodec<global::System.DateTimeOffset> ReadAtCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(global::System.TimeSpan.Zero));

// ReadingKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? sensorId, string? readAt, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReadingKey? result)
{
    result = global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(sensorId, SensorIdPattern, null, out _)
        && readAt is not null
        && global::Bookings.Generated.Runtime.Internal.KeyDates.TryParse(ReadAtCodec, readAt, out var readAtValue)
        ? new(sensorId, readAtValue)
        : null;
    return result is not null;
}

// ReadingKey.ToAttributeMap
/// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()
    => new(2) { ["sensor_id"] = new() { S = SensorId }, ["read_at"] = ReadAtCodec.Write(ReadAt) };

// ReadingKey.SortKey*
/// <summary>The stored <c>read_at</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue SortKeyValue(global::System.DateTimeOffset readAt)
    => ReadAtCodec.Write(ValidReadAt(readAt));

/// <summary>The text every stored <c>read_at</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries.</summary>
public static string SortKeyPrefix(global::System.DateOnly readAtDay)
    => global::Bookings.Generated.Runtime.Internal.KeyDates.DayPrefix(ReadAtCodec, readAtDay, global::System.TimeSpan.Zero, 10);

// ReadingSortKey
/// <summary>Conditions on the sort key <c>read_at</c> (<c>{read_at}</c>) of <see cref="Reading"/>, for queries within one partition; parts are validated and normalised like keys.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class ReadingSortKey
{
    /// <summary>The sort key equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Equal(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Equal(ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts before the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThan(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThan(ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts before or equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThanOrEqual(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThanOrEqual(ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts after the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThan(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThan(ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key sorts after or equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThanOrEqual(global::System.DateTimeOffset readAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThanOrEqual(ReadingKey.SortKeyValue(readAt));

    /// <summary>The sort key lies between the two made from these parts, both included.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTimeOffset lowReadAt, global::System.DateTimeOffset highReadAt)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Between(ReadingKey.SortKeyValue(lowReadAt), ReadingKey.SortKeyValue(highReadAt));

    /// <summary>Sort keys with <c>read_at</c> on the given day, in its stored offset.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(global::System.DateOnly readAtDay)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(ReadingKey.SortKeyPrefix(readAtDay));

    /// <summary>Sort keys with <c>read_at</c> on a day from the low to the high one, both included, in its stored offset.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateOnly lowReadAtDay, global::System.DateOnly highReadAtDay)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BetweenPrefixes(ReadingKey.SortKeyPrefix(lowReadAtDay), ReadingKey.SortKeyPrefix(highReadAtDay));
}

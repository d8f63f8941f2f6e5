// shop.tables.json: A sort key of several typed parts (SHIFT#{date}#{staff_id}): conditions on whole keys, on the
// left-most part, and between left-most parts.

// ShiftKey.SortKeyPrefix
/// <summary>The text every stored <c>sk</c> with any parts starts with, for <c>begins_with</c> queries.</summary>
public static string SortKeyPrefix()
    => "SHIFT#";

/// <summary>The text every stored <c>sk</c> with these left-most parts starts with, for <c>begins_with</c> queries.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static string SortKeyPrefix(string date)
    => string.Concat("SHIFT#", ValidDate(date), "#");

// ShiftSortKey
/// <summary>Conditions on the sort key <c>sk</c> (<c>SHIFT#{date}#{staff_id}</c>) of <see cref="Shift"/>, for queries within one partition; parts are validated and normalised like keys.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class ShiftSortKey
{
    /// <summary>The sort key equals the one these parts make.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Equal(string date, long staffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Equal(ShiftKey.SortKeyValue(date, staffId));

    /// <summary>The sort key sorts before the one these parts make. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThan(string date, long staffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThan(ShiftKey.SortKeyValue(date, staffId));

    /// <summary>The sort key sorts before or equals the one these parts make. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition LessThanOrEqual(string date, long staffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.LessThanOrEqual(ShiftKey.SortKeyValue(date, staffId));

    /// <summary>The sort key sorts after the one these parts make. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThan(string date, long staffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThan(ShiftKey.SortKeyValue(date, staffId));

    /// <summary>The sort key sorts after or equals the one these parts make. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition GreaterThanOrEqual(string date, long staffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.GreaterThanOrEqual(ShiftKey.SortKeyValue(date, staffId));

    /// <summary>The sort key lies between the two made from these parts, both included. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(string lowDate, long lowStaffId, string highDate, long highStaffId)
        => global::Bookings.Generated.Runtime.SortKeyCondition.Between(ShiftKey.SortKeyValue(lowDate, lowStaffId), ShiftKey.SortKeyValue(highDate, highStaffId));

    /// <summary>Any sort key of this template: it starts with the template's leading text.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith()
        => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(ShiftKey.SortKeyPrefix());

    /// <summary>Sort keys whose left-most part is <paramref name="date"/>.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(string date)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(ShiftKey.SortKeyPrefix(date));

    /// <summary>Sort keys whose left-most part lie between the low and the high values, both included, whatever the other parts; compared as stored text, like the whole keys.</summary>
    public static global::Bookings.Generated.Runtime.SortKeyCondition Between(string lowDate, string highDate)
        => global::Bookings.Generated.Runtime.SortKeyCondition.BetweenPrefixes(ShiftKey.SortKeyPrefix(lowDate), ShiftKey.SortKeyPrefix(highDate));
}

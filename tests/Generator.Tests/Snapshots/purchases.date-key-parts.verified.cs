// purchases.tables.json: Dates in key templates: a stored datetimeoffset in the sort key (ISO 8601, written by the
// key's codec in the key and in conditions), with day prefixes; a date in a pattern in the partition key and a datetime
// in a pattern and an offset in the sort key, parsed back and printed, and a partition query by date; a local index on
// the stored date.

// PurchaseKey.CreatedAtCodec
/// <summary>Writes and reads the <c>created_at</c> part in the key, as a date attribute of its format does.</summary>
internal static readonly global::Bookings.Generated.Runtime.Internal.ScalarCodec<global::System.DateTimeOffset> CreatedAtCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(global::System.TimeSpan.Zero));

// PurchaseFields.CreatedAt
/// <summary><c>created_at</c>, an attribute a key is built from, as stored on its own.</summary>
public static readonly global::Bookings.Generated.Runtime.Field<global::System.DateTimeOffset> CreatedAt =
    new("created_at", static value => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(global::Bookings.Generated.Integration.Tests.Purchases.PurchaseKey.CreatedAtCodec, value, "Purchase", "created_at"));

// PurchaseSortKey.BeginsWith
/// <summary>Any sort key of this template: it starts with the template's leading text.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith()
    => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(PurchaseKey.SortKeyPrefix());

/// <summary>Sort keys whose left-most part is <paramref name="createdAt"/>.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(global::System.DateTimeOffset createdAt)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(PurchaseKey.SortKeyPrefix(createdAt));

/// <summary>Sort keys with <c>created_at</c> on the given day, in its stored offset.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(global::System.DateOnly createdAtDay)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(PurchaseKey.SortKeyPrefix(createdAtDay));

// PurchaseSortKey.Between
/// <summary>The sort key lies between the two made from these parts, both included. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width (<c>"format": "D10"</c>) to compare in number order.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTimeOffset lowCreatedAt, long lowOrderId, global::System.DateTimeOffset highCreatedAt, long highOrderId)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(PurchaseKey.SortKeyValue(lowCreatedAt, lowOrderId), PurchaseKey.SortKeyValue(highCreatedAt, highOrderId));

/// <summary>Sort keys whose left-most part lie between the low and the high values, both included, whatever the other parts; compared as stored text, like the whole keys.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTimeOffset lowCreatedAt, global::System.DateTimeOffset highCreatedAt)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BetweenPrefixes(PurchaseKey.SortKeyPrefix(lowCreatedAt), PurchaseKey.SortKeyPrefix(highCreatedAt));

/// <summary>Sort keys with <c>created_at</c> on a day from the low to the high one, both included, in its stored offset.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateOnly lowCreatedAtDay, global::System.DateOnly highCreatedAtDay)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BetweenPrefixes(PurchaseKey.SortKeyPrefix(lowCreatedAtDay), PurchaseKey.SortKeyPrefix(highCreatedAtDay));

// PurchaseByPlacedSortKey.Between
/// <summary>The index sort key lies between the given values, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTimeOffset lowCreatedAt, global::System.DateTimeOffset highCreatedAt)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(global::Bookings.Generated.Integration.Tests.Purchases.PurchaseKey.CreatedAtCodec, lowCreatedAt, "Purchase", "created_at"), global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(global::Bookings.Generated.Integration.Tests.Purchases.PurchaseKey.CreatedAtCodec, highCreatedAt, "Purchase", "created_at"));

// DeliveryKey.DayCodec
/// <summary>Writes and reads the <c>day</c> part in the key, as a date attribute of its format does.</summary>
internal static readonly global::Bookings.Generated.Runtime.Internal.ScalarCodec<global::System.DateOnly> DayCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateOnly(global::Bookings.Generated.Runtime.Internal.DateFormat.Pattern("yyyyMMdd", global::System.TimeSpan.Zero));

// DeliveryKey.DueCodec
/// <summary>Writes and reads the <c>due</c> part in the key, as a date attribute of its format does.</summary>
internal static readonly global::Bookings.Generated.Runtime.Internal.ScalarCodec<global::System.DateTime> DueCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTime(global::Bookings.Generated.Runtime.Internal.DateFormat.Pattern("yyyy-MM-dd HH:mm:ss", global::System.TimeSpan.FromMinutes(540)));

// DeliveryKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? pk, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeliveryKey? result)
{
    result = PkTemplate.Split(pk) is [var dayText]
        && global::Bookings.Generated.Runtime.Internal.KeyDates.TryParse(DayCodec, dayText, out var day)
        && SkTemplate.Split(sk) is [var dueText, var parcel]
        && global::Bookings.Generated.Runtime.Internal.KeyDates.TryParse(DueCodec, dueText, out var due)
        && global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(parcel, ParcelPattern, null, out _)
        ? new(day, due, parcel, pk, sk)
        : null;
    return result is not null;
}

// DeliveryKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"DeliveryKey {{ Day = {Day:yyyy-MM-dd}, Due = {Due:o}, Parcel = {Parcel} }}");

// DeliveryKey.SortKeyPrefix
/// <summary>The text every stored <c>sk</c> with any parts starts with, for <c>begins_with</c> queries.</summary>
public static string SortKeyPrefix()
    => "DUE#";

/// <summary>The text every stored <c>sk</c> with these left-most parts starts with, for <c>begins_with</c> queries.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static string SortKeyPrefix(global::System.DateTime due)
    => string.Concat("DUE#", DueCodec.Format(ValidDue(due)), "#");

/// <summary>The text every stored <c>sk</c> with <c>due</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries.</summary>
public static string SortKeyPrefix(global::System.DateOnly dueDay)
    => string.Concat("DUE#", global::Bookings.Generated.Runtime.Internal.KeyDates.DayPrefix(DueCodec, dueDay, global::System.TimeSpan.FromMinutes(540), 10));

// DeliveryRepository.QueryAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<Delivery> QueryAsync(global::System.DateOnly day, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadPartitionAsync(DeliveryKey.PartitionKeyValue(day), PartitionLabel(day), options, cancellationToken);

// DeliveryRepository.PartitionLabel
private static string PartitionLabel(global::System.DateOnly day)
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Delivery partition {{ Day = {day:yyyy-MM-dd} }}");

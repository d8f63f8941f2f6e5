// readings.tables.json: Dates in computed index key templates: AT#{read_at} from the key's date, DAY#{delivered_on}
// from a stored date (set and removed with it), AT#{delivered_at}#{shipment_id} from a date and the key (no update
// method: it needs the key); queried with typed dates; the table's key as an index sort key; an attribute that is an
// index key refuses text a key cannot hold.

// ReadingMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Reading reading)
{
    global::System.ArgumentNullException.ThrowIfNull(reading);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(reading.Key, "Reading", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(4)
    {
        ["sensor_id"] = new() { S = key.SensorId },
        ["read_at"] = global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.ReadAtCodec.Write(key.ReadAt),
        ["celsius"] = new() { N = reading.Celsius.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
    };

    item["instant_pk"] = global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("AT#", global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.ReadAtCodec.Format(key.ReadAt)));

    return item;
}

// ReadingRepository.QueryByInstantAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<ReadingKey> QueryByInstantAsync(global::System.DateTimeOffset readAt, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(ReadingTable.ByInstantIndex, global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("AT#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(global::Bookings.Generated.Integration.Tests.Readings.ReadingKey.ReadAtCodec, readAt, "Reading", "read_at")))), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Reading by_instant partition {{ ReadAt = {readAt:o} }}"), options, ReadingMarshaller.KeyFromItem, cancellationToken);

// ReadingByInstantSortKey.Equal
/// <summary>The index sort key equals the given value.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Equal(string sensorId)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Equal(new global::Amazon.DynamoDBv2.Model.AttributeValue { S = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(sensorId, "Reading", "sensor_id") });

// ShipmentMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Shipment shipment)
{
    global::System.ArgumentNullException.ThrowIfNull(shipment);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(shipment.Key, "Shipment", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(6)
    {
        ["shipment_id"] = new() { S = key.ShipmentId },
        ["carrier"] = CarrierValue(shipment.Carrier),
    };

    if (shipment.DeliveredOn is { } deliveredOnGiven)
    {
        item["delivered_on"] = DeliveredOnValue(deliveredOnGiven);
    }

    if (shipment.DeliveredAt is { } deliveredAtGiven)
    {
        item["delivered_at"] = DeliveredAtValue(deliveredAtGiven);
    }

    global::Bookings.Generated.Runtime.Internal.IndexKeys.TryText(item, "delivered_on", out var deliveredOnText);
    global::Bookings.Generated.Runtime.Internal.IndexKeys.TryText(item, "delivered_at", out var deliveredAtText);

    if (deliveredOnText is not null)
    {
        item["day_pk"] = global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("DAY#", deliveredOnText));
    }

    if (deliveredAtText is not null)
    {
        item["carrier_sk"] = global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("AT#", deliveredAtText, "#", key.ShipmentId));
    }

    return item;
}

// ShipmentMarshaller.CarrierValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue CarrierValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.KeyText(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Shipment", "carrier"), "Shipment", "carrier") };

// ShipmentUpdate
/// <summary>
/// Typed changes to a stored <see cref="Shipment"/>, for <c>ShipmentRepository.UpdateAsync</c>.
/// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.
/// An attribute that feeds a computed index key is set together with that key; one that feeds it together
/// with other values has no methods here either: store the whole item with <c>PutAsync</c> to change it.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed class ShipmentUpdate : global::Bookings.Generated.Runtime.EntityUpdate
{
    /// <summary>Sets <c>carrier</c>.</summary>
    public ShipmentUpdate SetCarrier(string value) => Set<ShipmentUpdate>("carrier", global::Bookings.Generated.Integration.Tests.Readings.ShipmentMarshaller.CarrierValue(value));

    /// <summary>Sets <c>delivered_on</c> and the index key <c>day_pk</c> computed from it, in the same request.</summary>
    public ShipmentUpdate SetDeliveredOn(global::System.DateOnly value)
    {
        var stored = global::Bookings.Generated.Integration.Tests.Readings.ShipmentMarshaller.DeliveredOnValue(value);
        Set<ShipmentUpdate>("delivered_on", stored);
        return Set<ShipmentUpdate>("day_pk", global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("DAY#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(stored))));
    }

    /// <summary>Removes <c>delivered_on</c> and the index key <c>day_pk</c>, so the item leaves the index.</summary>
    public ShipmentUpdate RemoveDeliveredOn()
    {
        Remove<ShipmentUpdate>("delivered_on");
        return Remove<ShipmentUpdate>("day_pk");
    }
}

// ShipmentRepository.QueryByDayAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<Shipment> QueryByDayAsync(global::System.DateOnly deliveredOn, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(ShipmentTable.ByDayIndex, global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("DAY#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Readings.ShipmentMarshaller.DeliveredOnValue(deliveredOn)))), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Shipment by_day partition {{ DeliveredOn = {deliveredOn:yyyy-MM-dd} }}"), options, ShipmentMarshaller.FromItem, cancellationToken);

// ShipmentByCarrierSortKey.Between
/// <summary>The index sort key lies between the given values, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateTime lowDeliveredAt, string lowShipmentId, global::System.DateTime highDeliveredAt, string highShipmentId)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("AT#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Readings.ShipmentMarshaller.DeliveredAtValue(lowDeliveredAt)), "#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(new global::Amazon.DynamoDBv2.Model.AttributeValue { S = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(lowShipmentId, "Shipment", "shipment_id") }))), global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("AT#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Readings.ShipmentMarshaller.DeliveredAtValue(highDeliveredAt)), "#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(new global::Amazon.DynamoDBv2.Model.AttributeValue { S = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(highShipmentId, "Shipment", "shipment_id") }))));

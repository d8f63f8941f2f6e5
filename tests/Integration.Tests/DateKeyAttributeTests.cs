using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Readings;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Dates as keys against DynamoDB Local: a sort key that is a stored <c>datetimeoffset</c> on its own (ISO 8601
    /// text in UTC, so ranges of instants and whole days select exactly the right readings), and stored dates in
    /// computed index keys, written on every put and recomputed by updates.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class DateKeyAttributeTests
    {
        private readonly DynamoDbFixture _fixture;

        public DateKeyAttributeTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_date_sort_key_is_queried_by_range_of_instants_and_by_days()
        {
            var options = await FreshTables.CreateAsync(_fixture, "date-key-attribute", new[] { ReadingTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var readings = new ReadingRepository(_fixture.Client, options, GuardedLogs.For<ReadingRepository>());

            // Around 2026-11-22 (UTC), to the tick at its edges, in other offsets, and years apart.
            var taken = new[]
            {
                new DateTimeOffset(2026, 11, 21, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
                new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.FromHours(9)),     // 09:00 UTC
                new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 22, 18, 30, 0, TimeSpan.FromHours(-5)),   // 23:30 UTC
                new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(999, 1, 1, 0, 0, 0, TimeSpan.Zero),
            };
            await readings.PutManyAsync(taken.Select((at, i) => new Reading { Key = ReadingKey.Create("S-1", at), Celsius = i }));
            await readings.PutAsync(new Reading { Key = ReadingKey.Create("S-2", taken[3]), Celsius = 99m });

            static decimal[] Values(IEnumerable<Reading> items) => items.Select(r => r.Celsius).ToArray();

            // The partition in time order (the offset of each value does not matter: the key is written in UTC).
            var all = await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.GreaterThan(DateTimeOffset.MinValue) }));
            Assert.Equal(new decimal[] { 6, 0, 1, 2, 3, 4, 5 }, Values(all));

            // A range of instants, both ends included.
            var range = await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.Between(taken[1], taken[3].ToOffset(TimeSpan.FromHours(9))) }));
            Assert.Equal(new decimal[] { 1, 2, 3 }, Values(range));
            Assert.Equal(new decimal[] { 6, 0 }, Values(await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.LessThan(taken[1]) }))));
            Assert.Equal(new decimal[] { 5 }, Values(await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.Equal(taken[5]) }))));

            // A day, and a range of days, in the key's offset (UTC).
            var day = await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.BeginsWith(new DateOnly(2026, 11, 22)) }));
            Assert.Equal(new decimal[] { 1, 2, 3, 4 }, Values(day));
            var days = await AsyncItems.ToListAsync(readings.QueryAsync("S-1", new QueryOptions { SortKey = ReadingSortKey.Between(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22)) }));
            Assert.Equal(new decimal[] { 0, 1, 2, 3, 4 }, Values(days));

            // The key attribute is the date's text, and reads back as the value in UTC.
            var read = await readings.GetAsync(ReadingKey.Create("S-1", taken[2]));
            Assert.NotNull(read);
            Assert.Equal(taken[2], read!.ReadAt);
            Assert.Equal(TimeSpan.Zero, read.ReadAt.Offset);
            var stored = await _fixture.Client.GetItemAsync(readings.TableName, read.Key.ToAttributeMap());
            Assert.Equal("2026-11-22T09:00:00.0000000+00:00", stored.Item["read_at"].S);
            Assert.True(ReadingKey.TryParse("S-1", "2026-11-22T09:00:00.0000000+00:00", out var parsed));
            Assert.Equal(read.Key, parsed);
            Assert.False(ReadingKey.TryParse("S-1", "2026-11-22T18:00:00.0000000+09:00", out _));
        }

        [Fact]
        public async Task Dates_in_computed_index_keys_are_written_on_put_recomputed_by_updates_and_queried_by_typed_values()
        {
            var options = await FreshTables.CreateAsync(_fixture, "date-index-keys", new[] { ShipmentTable.Definition, ReadingTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var shipments = new ShipmentRepository(_fixture.Client, options, GuardedLogs.For<ShipmentRepository>());
            var readings = new ReadingRepository(_fixture.Client, options, GuardedLogs.For<ReadingRepository>());
            var monday = new DateOnly(2026, 11, 23);
            var tuesday = monday.AddDays(1);

            // Delivery times in UTC; the index key writes them in Korean time (+09:00).
            await shipments.PutManyAsync(new[]
            {
                new Shipment { Key = ShipmentKey.Create("A1"), Carrier = "CJ", DeliveredOn = monday, DeliveredAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc) },
                new Shipment { Key = ShipmentKey.Create("B2"), Carrier = "CJ", DeliveredOn = monday, DeliveredAt = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc) },
                new Shipment { Key = ShipmentKey.Create("C3"), Carrier = "CJ", DeliveredOn = tuesday, DeliveredAt = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc) },
                new Shipment { Key = ShipmentKey.Create("D4"), Carrier = "CJ" },   // not delivered: in neither index
            });

            static string[] Ids(IEnumerable<Shipment> items) => items.Select(s => s.Key.ShipmentId).Order(StringComparer.Ordinal).ToArray();

            Assert.Equal(new[] { "A1", "B2" }, Ids(await AsyncItems.ToListAsync(shipments.QueryByDayAsync(monday))));
            Assert.Equal(new[] { "C3" }, Ids(await AsyncItems.ToListAsync(shipments.QueryByDayAsync(tuesday))));
            var stored = await _fixture.Client.GetItemAsync(shipments.TableName, ShipmentKey.Create("A1").ToAttributeMap());
            Assert.Equal("DAY#20261123", stored.Item["day_pk"].S);
            Assert.Equal("AT#2026-11-23T10:00:00.0000000+09:00#A1", stored.Item["carrier_sk"].S);

            // A date-time and a text part in the index sort key, queried by typed values: delivered from 09:00 to 18:00 UTC on the 23rd.
            var window = await AsyncItems.ToListAsync(shipments.QueryByCarrierAsync("CJ", new QueryOptions { SortKey = ShipmentByCarrierSortKey.Between(
                new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), "0",
                new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc), "Z") }));
            Assert.Equal(new[] { "A1", "B2" }, Ids(window));

            // An update of the date recomputes the index key from it; removing it takes the item out of the index.
            await shipments.UpdateAsync(ShipmentKey.Create("B2"), new ShipmentUpdate().SetDeliveredOn(tuesday));
            await shipments.UpdateAsync(ShipmentKey.Create("A1"), new ShipmentUpdate().RemoveDeliveredOn());
            await shipments.UpdateAsync(ShipmentKey.Create("D4"), new ShipmentUpdate().SetDeliveredOn(monday));
            Assert.Equal(new[] { "D4" }, Ids(await AsyncItems.ToListAsync(shipments.QueryByDayAsync(monday))));
            Assert.Equal(new[] { "B2", "C3" }, Ids(await AsyncItems.ToListAsync(shipments.QueryByDayAsync(tuesday))));

            // The table's own date key in an index key template: every sensor's reading at one instant.
            var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            await readings.PutManyAsync(new[]
            {
                new Reading { Key = ReadingKey.Create("S-1", at), Celsius = 1m },
                new Reading { Key = ReadingKey.Create("S-2", at.ToOffset(TimeSpan.FromHours(9))), Celsius = 2m },
                new Reading { Key = ReadingKey.Create("S-3", at.AddSeconds(1)), Celsius = 3m },
            });
            var together = await AsyncItems.ToListAsync(readings.QueryByInstantAsync(at.ToOffset(TimeSpan.FromHours(-5))));
            Assert.Equal(new[] { "S-1", "S-2" }, together.Select(k => k.SensorId).ToArray());
        }
    }
}

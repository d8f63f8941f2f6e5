using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Purchases;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Dates inside sort-key templates against DynamoDB Local: ranges of instants and whole days select exactly the
    /// items whose date part lies in them, because the key text of a date sorts in time order.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class DateKeyQueryTests
    {
        private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        private readonly DynamoDbFixture _fixture;

        public DateKeyQueryTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Between_and_BeginsWith_on_a_date_part_select_exactly_the_right_orders()
        {
            var options = await FreshTables.CreateAsync(_fixture, "date-keys", new[] { PurchaseTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var purchases = new PurchaseRepository(_fixture.Client, options, GuardedLogs.For<PurchaseRepository>());

            // Around the day of 2026-11-22 (UTC), to the tick at its edges, in other offsets too, and years apart
            // (a year of 10 000 days' worth of text would sort wrongly if the format were not fixed-width).
            var placed = new (DateTimeOffset At, long Id)[]
            {
                (new DateTimeOffset(2026, 11, 21, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), 1),
                (new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), 2),
                (new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(9)), 3),     // 00:00 UTC, the same instant as 2
                (Noon, 4),
                (Noon, 10),                                                                  // the same instant, a larger id that sorts first as text
                (new DateTimeOffset(2026, 11, 22, 18, 30, 0, TimeSpan.FromHours(-5)), 5),   // 23:30 UTC
                (new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), 6),
                (new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 7),
                (new DateTimeOffset(999, 1, 1, 0, 0, 0, TimeSpan.Zero), 8),
            };
            await purchases.PutManyAsync(placed.Select(p => new Purchase { Key = PurchaseKey.Create("1", p.At, p.Id), Total = p.Id }));
            await purchases.PutAsync(new Purchase { Key = PurchaseKey.Create("2", Noon, 99), Total = 1m });

            static long[] Ids(IEnumerable<Purchase> items) => items.Select(p => p.Key.OrderId).ToArray();
            long[] Expected(Func<DateTimeOffset, bool> within) => placed.Where(p => within(p.At)).OrderBy(p => p.At).ThenBy(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal).Select(p => p.Id).ToArray();

            // The whole partition comes back in time order.
            var all = await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.BeginsWith() }));
            Assert.Equal(Expected(_ => true), Ids(all));

            // A range of instants, both ends included, whatever the order id.
            var low = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
            var high = Noon.ToOffset(TimeSpan.FromHours(9));
            var range = await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.Between(low, high) }));
            Assert.Equal(Expected(at => at >= low && at <= high), Ids(range));
            Assert.Equal(new long[] { 2, 3, 10, 4 }, Ids(range));

            // A day (in the part's offset, UTC): every order placed on it, to the last tick, and nothing of its neighbours.
            var day = await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.BeginsWith(new DateOnly(2026, 11, 22)) }));
            Assert.Equal(Expected(at => at.UtcDateTime.Date == new DateTime(2026, 11, 22)), Ids(day));
            Assert.Equal(new long[] { 2, 3, 10, 4, 5 }, Ids(day));

            var days = await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.Between(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22)) }));
            Assert.Equal(new long[] { 1, 2, 3, 10, 4, 5 }, Ids(days));

            // One instant exactly, and the comparisons on whole keys.
            Assert.Equal(new long[] { 10, 4 }, Ids(await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.BeginsWith(Noon) }))));
            Assert.Equal(new long[] { 8, 7 }, Ids(await AsyncItems.ToListAsync(purchases.QueryAsync("1", new QueryOptions { SortKey = PurchaseSortKey.LessThan(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 0) }))));

            // The item stores the date on its own too, in the same text, and reads back as the key's value.
            var read = await purchases.GetAsync(PurchaseKey.Create("1", placed[2].At, 3));
            Assert.NotNull(read);
            Assert.Equal(placed[2].At, read!.CreatedAt);
            Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
            Assert.Equal("ORDER#2026-11-22T00:00:00.0000000+00:00#3", read.Key.Sk);
            var stored = await _fixture.Client.GetItemAsync(purchases.TableName, read.Key.ToAttributeMap());
            Assert.Equal("2026-11-22T00:00:00.0000000+00:00", stored.Item["created_at"].S);

            // The local index on the stored date orders by it too.
            var indexed = await AsyncItems.ToListAsync(purchases.QueryByPlacedAsync("1", new QueryOptions { SortKey = PurchaseByPlacedSortKey.Between(low, high) }));
            Assert.Equal(new long[] { 2, 3, 4, 10 }, indexed.Select(k => k.OrderId).Order().ToArray());

        }

        [Fact]
        public async Task A_condition_can_name_an_attribute_a_key_template_is_built_from()
        {
            var options = await FreshTables.CreateAsync(_fixture, "date-key-fields", new[] { PurchaseTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var purchases = new PurchaseRepository(_fixture.Client, options, GuardedLogs.For<PurchaseRepository>());
            var key = PurchaseKey.Create("1", Noon, 42);
            await purchases.PutAsync(new Purchase { Key = key, Total = 10m });

            // created_at is stored on its own as well as inside "ORDER#{created_at}#{order_id}", so conditions take it
            // typed, written the way the key writes it (an instant in another offset is the same stored text).
            Assert.True(await purchases.UpdateAsync(key, new PurchaseUpdate().SetTotal(12m), new WriteOptions { Condition = PurchaseFields.CreatedAt.Equal(Noon.ToOffset(TimeSpan.FromHours(9))) }));
            Assert.Equal(12m, (await purchases.GetAsync(key, new ReadOptions { ConsistentRead = true }))!.Total);
            await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => purchases.UpdateAsync(key, new PurchaseUpdate().SetTotal(13m), new WriteOptions { Condition = PurchaseFields.CreatedAt.GreaterThan(Noon) }));
            Assert.False(await purchases.DeleteAsync(PurchaseKey.Create("1", Noon, 43), new WriteOptions { Condition = PurchaseFields.CreatedAt.LessThan(Noon.AddDays(1)) }));
            Assert.True(await purchases.DeleteAsync(key, new WriteOptions { Condition = PurchaseFields.CreatedAt.LessThan(Noon.AddDays(1)) }));
            Assert.Null(await purchases.GetAsync(key));
        }

        [Fact]
        public async Task A_date_time_in_a_declared_offset_selects_by_the_day_of_that_offset()
        {
            var options = await FreshTables.CreateAsync(_fixture, "date-keys-kst", new[] { DeliveryTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var deliveries = new DeliveryRepository(_fixture.Client, options, GuardedLogs.For<DeliveryRepository>());
            var day = new DateOnly(2026, 11, 22);

            // Due times in UTC; the key writes them in Korean time (+09:00), where 15:00 UTC is already the next day.
            var due = new[]
            {
                ("A1", new DateTime(2026, 11, 21, 14, 59, 59, DateTimeKind.Utc)),   // 23:59:59 on the 21st in Korea
                ("B2", new DateTime(2026, 11, 21, 15, 0, 0, DateTimeKind.Utc)),     // 00:00 on the 22nd in Korea
                ("C3", new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc)),
                ("D4", new DateTime(2026, 11, 22, 14, 59, 59, DateTimeKind.Utc)),   // 23:59:59 on the 22nd in Korea
                ("E5", new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc)),     // the 23rd in Korea
            };
            await deliveries.PutManyAsync(due.Select(d => new Delivery { Key = DeliveryKey.Create(day, d.Item2, d.Item1), Driver = "Kim" }));

            var onTheDay = await AsyncItems.ToListAsync(deliveries.QueryAsync(day, new QueryOptions { SortKey = DeliverySortKey.BeginsWith(day) }));
            Assert.Equal(new[] { "B2", "C3", "D4" }, onTheDay.Select(d => d.Key.Parcel));

            var morning = await AsyncItems.ToListAsync(deliveries.QueryAsync(day, new QueryOptions { SortKey = DeliverySortKey.Between(new DateTime(2026, 11, 21, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc)) }));
            Assert.Equal(new[] { "B2", "C3" }, morning.Select(d => d.Key.Parcel));

            Assert.Empty(await AsyncItems.ToListAsync(deliveries.QueryAsync(day.AddDays(1), new QueryOptions { SortKey = DeliverySortKey.BeginsWith() })));
            Assert.Equal("DUE#2026-11-22 00:00:00#B2", onTheDay[0].Key.Sk);
            Assert.Equal(due[1].Item2, onTheDay[0].Key.Due);
        }
    }
}

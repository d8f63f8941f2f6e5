using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Typed sort-key conditions, on a plain sort key and on a template with several parts.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class SortKeyQueryTests
    {
        private readonly DynamoDbFixture _fixture;

        public SortKeyQueryTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Conditions_on_a_phone_sort_key_use_the_normalised_form()
        {
            var options = await BookingTables.CreateAsync(_fixture, "sk-phone");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            await repository.PutManyAsync(new[] { "010-1111-0001", "010-1111-0002", "010-2222-0003", "010-3333-0004" }.Select(phone =>
                new Booking { Key = BookingKey.Create("1051707", "1", phone), Name = "N", BookingTime = "2025-10-20 14:30:00" }));

            var prefix = await AsyncItems.ToListAsync(repository.QueryAsync("1051707", "1", new QueryOptions { SortKey = BookingSortKey.BeginsWith("010-1111") }));
            Assert.Equal(new[] { "010-1111-0001", "010-1111-0002" }, prefix.Select(b => b.Key.Phone));

            var between = await AsyncItems.ToListAsync(repository.QueryAsync("1051707", "1", new QueryOptions { SortKey = BookingSortKey.Between("01011110002", "010 2222 0003") }));
            Assert.Equal(new[] { "010-1111-0002", "010-2222-0003" }, between.Select(b => b.Key.Phone));

            var exact = await repository.QueryPageAsync("1051707", "1", pageSize: 10, options: new QueryOptions { SortKey = BookingSortKey.Equal("01033330004") });
            Assert.Single(exact.Items);
            Assert.Null(exact.ContinuationToken);
        }

        [Fact]
        public async Task Prefix_builders_select_by_the_left_most_parts_of_a_template()
        {
            var options = await FreshTables.CreateAsync(_fixture, "sk-prefix", new[] { ShiftTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var shifts = new ShiftRepository(_fixture.Client, options, GuardedLogs.For<ShiftRepository>());
            var all = new[] { ("2025-10-20", 1L), ("2025-10-20", 2L), ("2025-10-21", 1L), ("2025-10-22", 3L) }
                .Select(s => new Shift { Key = ShiftKey.Create("7", s.Item1, s.Item2), Hours = 7.5m })
                .ToList();
            await shifts.PutManyAsync(all);
            await shifts.PutAsync(new Shift { Key = ShiftKey.Create("8", "2025-10-20", 1), Hours = 1m });

            Assert.Equal(4, (await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.BeginsWith() }))).Count);
            var day = await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.BeginsWith("2025-10-20") }));
            Assert.Equal(new[] { 1L, 2L }, day.Select(s => s.Key.StaffId));
            var range = await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.Between("2025-10-20", 2, "2025-10-21", 1) }));
            Assert.Equal(2, range.Count);
            Assert.Single(await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.GreaterThan("2025-10-21", 1) })));

            // A range over the left-most part only: every shift of those days, whoever works them.
            var days = await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.Between("2025-10-20", "2025-10-21") }));
            Assert.Equal(new[] { ("2025-10-20", 1L), ("2025-10-20", 2L), ("2025-10-21", 1L) }, days.Select(s => (s.Key.Date, s.Key.StaffId)));
            Assert.Equal(3L, Assert.Single(await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.Between("2025-10-22", "2025-12-31") }))).Key.StaffId);
            Assert.Empty(await AsyncItems.ToListAsync(shifts.QueryAsync("7", new QueryOptions { SortKey = ShiftSortKey.Between("2025-10-23", "2025-12-31") })));
            Assert.Throws<DynamoValidationException>(() => ShiftSortKey.Between("2025-10-20", "Oct 21"));

            Assert.Throws<DynamoValidationException>(() => ShiftSortKey.BeginsWith("20 Oct"));

            Assert.True(await shifts.UpdateAsync(all[0].Key, new ShiftUpdate().AddVisits(2).SetNote("busy")));
            var updated = await shifts.GetAsync(all[0].Key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(2, updated?.Visits);
            Assert.Equal("busy", updated?.Note);
            Assert.Equal("SHIFT#2025-10-20#1", all[0].Key.Sk);

            var ttl = await _fixture.Client.DescribeTimeToLiveAsync(new Amazon.DynamoDBv2.Model.DescribeTimeToLiveRequest { TableName = shifts.TableName });
            Assert.Equal("expires_at", ttl.TimeToLiveDescription.AttributeName);
            Assert.Equal(Amazon.DynamoDBv2.TimeToLiveStatus.ENABLED, ttl.TimeToLiveDescription.TimeToLiveStatus);
        }
    }
}

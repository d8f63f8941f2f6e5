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
    /// A date as a key attribute on its own against DynamoDB Local: the sort key is a stored <c>datetimeoffset</c>
    /// written as ISO 8601 text in UTC, so ranges of instants and whole days select exactly the right readings.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class DateKeyAttributeTests
    {
        private readonly DynamoDbFixture _fixture;

        public DateKeyAttributeTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
            {
                list.Add(item);
            }

            return list;
        }

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
            var all = await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.GreaterThan(DateTimeOffset.MinValue)));
            Assert.Equal(new decimal[] { 6, 0, 1, 2, 3, 4, 5 }, Values(all));

            // A range of instants, both ends included.
            var range = await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.Between(taken[1], taken[3].ToOffset(TimeSpan.FromHours(9)))));
            Assert.Equal(new decimal[] { 1, 2, 3 }, Values(range));
            Assert.Equal(new decimal[] { 6, 0 }, Values(await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.LessThan(taken[1])))));
            Assert.Equal(new decimal[] { 5 }, Values(await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.Equal(taken[5])))));

            // A day, and a range of days, in the key's offset (UTC).
            var day = await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.BeginsWith(new DateOnly(2026, 11, 22))));
            Assert.Equal(new decimal[] { 1, 2, 3, 4 }, Values(day));
            var days = await ToListAsync(readings.QueryAsync("S-1", ReadingSortKey.Between(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22))));
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
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Conditional writes on stored items that do not fit the schema (legacy rows: a required attribute missing, a
    /// flag stored as text). The outcome of a write never depends on whether the stored item maps: it is "exists",
    /// a failed condition or a lost race as for any item, the raw item rides along, and it is read as the entity only
    /// when asked, with null when it does not fit.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class LegacyRowWriteTests
    {
        private readonly DynamoDbFixture _fixture;

        public LegacyRowWriteTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static readonly BookingKey Key = BookingKey.Create("1051707", "77", "01012345678");

        private async Task<BookingRepository> BookingsWithLegacyRowAsync(string name)
        {
            var options = await BookingTables.CreateAsync(_fixture, name);
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = options.ResolveTableName(BookingTable.Definition),
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_77" },
                    ["phone"] = new() { S = "010-1234-5678" },
                    ["booking_time"] = new() { S = "2025-10-20 14:30:00" },
                    ["confirm_sms"] = new() { S = "true" },
                },
            });
            return new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
        }

        private static Booking Fresh() => new() { Key = Key, Name = "Kim Soo", BookingTime = "2025-10-20 15:00:00" };

        private static void AssertRawItemOnly(IReadOnlyDictionary<string, AttributeValue>? stored, object? current)
        {
            Assert.Equal("true", stored?["confirm_sms"].S);
            Assert.Null(current);
        }

        [Fact]
        public async Task A_legacy_row_reads_as_stored_where_it_does_not_read_as_the_entity()
        {
            var bookings = await BookingsWithLegacyRowAsync("legacy-get-stored");

            await Assert.ThrowsAsync<DynamoMappingException>(() => bookings.GetAsync(Key));
            var stored = await bookings.GetStoredAsync(Key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(4, stored!.Count);
            Assert.Equal("true", stored["confirm_sms"].S);
            Assert.Null(await bookings.GetStoredAsync(BookingKey.Create("1051707", "78", "01012345678")));
        }

        [Fact]
        public async Task Create_if_absent_finds_the_legacy_row_and_leaves_it()
        {
            var bookings = await BookingsWithLegacyRowAsync("legacy-create");

            Assert.False(await bookings.CreateAsync(Fresh()));
            var stored = Assert.Single(await AsyncItems.ToListAsync(bookings.ScanStoredAsync(new ScanOptions { Attributes = new[] { "confirm_sms" } })));
            Assert.Equal("true", stored["confirm_sms"].S);
        }

        [Fact]
        public async Task Conditional_put_update_and_delete_on_a_legacy_row_fail_their_condition_with_the_raw_item()
        {
            var bookings = await BookingsWithLegacyRowAsync("legacy-conditional");

            var put = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => bookings.PutAsync(Fresh(), new WriteOptions { Condition = BookingFields.Name.Exists() }));
            AssertRawItemOnly(put.StoredItem, put.CurrentItem);

            var update = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => bookings.UpdateAsync(Key, new BookingUpdate().SetRemindSms(true), new WriteOptions { Condition = BookingFields.Name.Exists() }));
            AssertRawItemOnly(update.StoredItem, update.CurrentItem);

            var delete = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => bookings.DeleteAsync(Key, new WriteOptions { Condition = BookingFields.Name.Exists() }));
            AssertRawItemOnly(delete.StoredItem, delete.CurrentItem);

            // A change that does not read the item back works on the legacy row as it did for the legacy code.
            Assert.True(await bookings.UpdateAsync(Key, new BookingUpdate().SetRemindSms(true)));
            Assert.True(await bookings.DeleteAsync(Key));
        }

        [Fact]
        public async Task Versioned_writes_on_a_legacy_row_lose_the_race_with_the_raw_item()
        {
            var options = await FreshTables.CreateAsync(_fixture, "legacy-versioned", new[] { CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var counters = new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>());
            var key = CounterKey.Create("legacy");
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = options.ResolveTableName(CounterTable.Definition),
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = "legacy" },
                    ["count"] = new() { S = "twelve" },
                    ["version"] = new() { N = "3" },
                },
            });

            Assert.False(await counters.CreateAsync(new Counter { Key = key }));

            var put = await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.PutAsync(new Counter { Key = key, Count = 1, Version = 1 }));
            var update = await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.UpdateAsync(key, new CounterUpdate().SetCount(2), new WriteOptions { ExpectedVersion = 1 }));
            var delete = await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.DeleteAsync(key, new WriteOptions { ExpectedVersion = 1 }));
            var transactions = new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>());
            var transaction = await Assert.ThrowsAsync<DynamoOptimisticLockException>(
                () => transactions.WriteAsync(new[] { counters.TransactUpdate(key, new CounterUpdate().SetCount(2), new WriteOptions { ExpectedVersion = 1 }) }));
            foreach (var lost in new[] { put, update, delete, transaction })
            {
                Assert.Equal("twelve", lost.StoredItem?["count"].S);
                Assert.Equal("3", lost.StoredItem?["version"].N);
                Assert.Null(lost.CurrentItem);
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// What a conditional put asks DynamoDB for, read from the requests sent: a create discards the item it finds, so it
    /// does not ask for it (reading it costs capacity); a conditional put reports it, so it does.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class CreateRequestTests
    {
        private readonly DynamoDbFixture _fixture;

        public CreateRequestTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_create_does_not_ask_for_the_item_it_finds_and_a_conditional_put_does()
        {
            var options = await BookingTables.CreateAsync(_fixture, "create-request");
            var table = options.TableNames[BookingTable.Definition.EntityName];
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var booking = new Booking { Key = BookingKey.Create("1051707", "1", "01012345678"), Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" };

            var created = await PutsAsync(table, async () =>
            {
                Assert.True(await repository.CreateAsync(booking));
                Assert.False(await repository.CreateAsync(booking with { Name = "Lee" }));
            });
            var conditional = await PutsAsync(table, async () =>
            {
                var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                    () => repository.PutAsync(booking with { Name = "Lee" }, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(true) }));
                Assert.Equal("Kim Soo", Assert.IsType<Booking>(failed.CurrentItem).Name);
            });

            Assert.Equal(new string?[] { null, null }, created);
            Assert.Equal(new string?[] { "ALL_OLD" }, conditional);
        }

        [Fact]
        public async Task A_versioned_create_does_not_ask_for_the_item_it_finds_and_a_versioned_put_does()
        {
            var options = await FreshTables.CreateAsync(_fixture, "create-request-versioned", new[] { CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var table = options.TableNames[CounterTable.Definition.EntityName];
            var counters = new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>());
            var key = CounterKey.Create("visits");

            var created = await PutsAsync(table, async () =>
            {
                Assert.True(await counters.CreateAsync(new Counter { Key = key }));
                Assert.False(await counters.CreateAsync(new Counter { Key = key, Count = 5 }));
            });
            var stale = await PutsAsync(table, async () =>
            {
                var failed = await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.PutAsync(new Counter { Key = key, Count = 5 }));
                Assert.Equal(1, Assert.IsType<Counter>(failed.CurrentItem).Version);
            });

            Assert.Equal(new string?[] { null, null }, created);
            Assert.Equal(new string?[] { "ALL_OLD" }, stale);
        }

        /// <summary>
        /// The <c>ReturnValuesOnConditionCheckFailure</c> of each put on <paramref name="table"/> that <paramref name="writes"/>
        /// sends, alone (<c>PutItem</c>) or as the put of a transaction (a write that must not apply twice goes as a one-item
        /// <c>TransactWriteItems</c> with a client request token); null where the request leaves it out, as DynamoDB's <c>NONE</c>.
        /// </summary>
        private static async Task<string?[]> PutsAsync(string table, Func<Task> writes)
        {
            var asked = new ConcurrentQueue<string?>();
            void Watch(string operation, string body)
            {
                var request = JsonNode.Parse(body);
                var puts = operation switch
                {
                    "PutItem" => new[] { request },
                    "TransactWriteItems" => request?["TransactItems"]?.AsArray().Select(i => i?["Put"]).ToArray() ?? Array.Empty<JsonNode?>(),
                    _ => Array.Empty<JsonNode?>(),
                };
                foreach (var put in puts.Where(p => (string?)p?["TableName"] == table))
                {
                    var returned = (string?)put?["ReturnValuesOnConditionCheckFailure"];
                    asked.Enqueue(returned == "NONE" ? null : returned);
                }
            }

            SensitiveValues.Sent += Watch;
            try
            {
                await writes();
            }
            finally
            {
                SensitiveValues.Sent -= Watch;
            }

            return asked.ToArray();
        }
    }
}

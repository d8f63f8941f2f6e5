using System;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>A table with a version attribute: every put, update, delete and transaction checks and moves it on.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class OptimisticLockingTests
    {
        private readonly DynamoDbFixture _fixture;

        public OptimisticLockingTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(CounterRepository Counters, DynamoRepositoryOptions Options)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, new[] { CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            return (new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>()), options);
        }

        [Fact]
        public async Task Puts_and_updates_check_and_move_the_version_on()
        {
            var (counters, _) = await CreateAsync("lock-basics");
            var key = CounterKey.Create("visits");

            await counters.PutAsync(new Counter { Key = key });
            var stored = await counters.GetAsync(key);
            Assert.Equal(1, stored?.Version);

            var stale = await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.PutAsync(new Counter { Key = key, Count = 5 }));
            Assert.Equal(0, stale.ExpectedVersion);
            Assert.Equal(1, Assert.IsType<Counter>(stale.CurrentItem).Version);

            // A successful update leaves the item at the expected version plus one, without reading it back.
            Assert.True(await counters.UpdateAsync(key, new CounterUpdate().SetCount(7), new WriteOptions { ExpectedVersion = 1 }));
            var updated = await counters.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(2, updated?.Version);
            Assert.Equal(7, updated?.Count);

            await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.UpdateAsync(key, new CounterUpdate().SetCount(8), new WriteOptions { ExpectedVersion = 1 }));
            await Assert.ThrowsAsync<DynamoValidationException>(() => counters.UpdateAsync(key, new CounterUpdate().SetCount(8)));
            await Assert.ThrowsAsync<DynamoValidationException>(() => counters.DeleteAsync(key));

            // A put writes the entity's own version, so an expected version in the options is refused before anything is sent.
            Assert.Throws<System.ArgumentException>(() => counters.TransactPut(updated!, new WriteOptions { ExpectedVersion = 2 }));
            await Assert.ThrowsAsync<System.ArgumentException>(() => counters.PutAsync(updated!, new WriteOptions { ExpectedVersion = 2 }));

            await counters.PutAsync(updated! with { Count = 9 });
            Assert.Equal(3, (await counters.GetAsync(key))?.Version);
        }

        [Fact]
        public async Task Deletes_and_transactions_lose_the_race_the_same_way()
        {
            var (counters, options) = await CreateAsync("lock-delete");
            var key = CounterKey.Create("orders");
            await counters.PutAsync(new Counter { Key = key });

            await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => counters.DeleteAsync(key, new WriteOptions { ExpectedVersion = 7 }));
            var transactions = new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>());
            var lost = await Assert.ThrowsAsync<DynamoOptimisticLockException>(
                () => transactions.WriteAsync(new[] { counters.TransactUpdate(key, new CounterUpdate().SetCount(1), new WriteOptions { ExpectedVersion = 5 }) }));
            Assert.IsType<DynamoTransactionCanceledException>(lost.InnerException);
            Assert.Equal(1, Assert.IsType<Counter>(lost.CurrentItem).Version);

            await transactions.WriteAsync(new[] { counters.TransactUpdate(key, new CounterUpdate().SetCount(1), new WriteOptions { ExpectedVersion = 1 }) });
            Assert.True(await counters.DeleteAsync(key, new WriteOptions { ExpectedVersion = 2 }));
            Assert.False(await counters.DeleteAsync(key, new WriteOptions { ExpectedVersion = 2 }));
        }

        [Fact]
        public async Task Concurrent_writers_lose_no_update()
        {
            var (counters, _) = await CreateAsync("lock-race");
            var key = CounterKey.Create("race");
            await counters.PutAsync(new Counter { Key = key });
            const int Writers = 6;
            const int Increments = 5;
            var conflicts = 0;

            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < Increments; i++)
                {
                    while (true)
                    {
                        var current = (await counters.GetAsync(key, new ReadOptions { ConsistentRead = true }))!;
                        try
                        {
                            await counters.UpdateAsync(key, new CounterUpdate().SetCount(current.Count + 1), new WriteOptions { ExpectedVersion = current.Version });
                            break;
                        }
                        catch (DynamoOptimisticLockException)
                        {
                            System.Threading.Interlocked.Increment(ref conflicts);
                        }
                    }
                }
            })));

            var final = await counters.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(Writers * Increments, final?.Count);
            Assert.Equal(1 + (Writers * Increments), final?.Version);
        }
    }
}

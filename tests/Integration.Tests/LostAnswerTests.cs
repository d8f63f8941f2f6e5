using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Every kind of write through a proxy that loses answers after DynamoDB applied the request (the connection
    /// dropped, or a 500 sent, once DynamoDB Local has answered), so the runtime retries writes that already
    /// succeeded. The final state must be exactly the intended one, and each call must report what happened to it:
    /// a retry of a write that succeeded is a success, never "exists", "not found" or a lost race.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class LostAnswerTests
    {
        private readonly DynamoDbFixture _fixture;

        public LostAnswerTests(DynamoDbFixture fixture) => _fixture = fixture;

        /// <summary>A quarter of all requests have their answer lost after DynamoDB applied them.</summary>
        private static FaultPlan LostAnswers(int seed) => new()
        {
            Seed = seed,
            DropAfterForwardRate = 0.15,
            InternalServerErrorAfterForwardRate = 0.10,
            MaxRequests = 200_000,
            MaxLifetime = TimeSpan.FromMinutes(10),
        };

        private static DynamoRepositoryOptions Patient(DynamoRepositoryOptions options)
        {
            // At a 25% fault rate, 30 attempts leave no realistic chance of a request failing every time; the shared retry
            // budget, made to shed load, is unbounded here, where every write must end in success.
            options.Retry = new RetryOptions { MaxAttempts = 30, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20), MaxElapsed = TimeSpan.FromMinutes(2), Budget = 1_000_000 };
            options.Batch = new BatchOptions { MaxRounds = 30, MaxConcurrency = 4 };
            options.ConsistentRead = true;
            return options;
        }

        private static void AssertLostAnswers(FaultInjectingProxy proxy)
            => Assert.True(proxy.Stats.DroppedAfterForward + proxy.Stats.InternalServerErrorAfterForward > 5, "Too few answers were lost: " + proxy.Stats);

        private static Booking Sample(int n, string name = "Customer") => new()
        {
            Key = BookingKey.Create("1051707", n.ToString(CultureInfo.InvariantCulture), $"010-{2000 + n:D4}-{n:D4}"),
            Name = name + " " + n.ToString(CultureInfo.InvariantCulture),
            BookingTime = "2025-10-20 14:30:00",
        };

        private async Task<(CounterRepository Through, CounterRepository Direct, DynamoRepositoryOptions Options)> CountersAsync(string name, FaultInjectingProxy proxy, Amazon.DynamoDBv2.IAmazonDynamoDB client)
        {
            var options = Patient(await FreshTables.CreateAsync(_fixture, name, new[] { CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>()));
            return (new CounterRepository(client, options, GuardedLogs.For<CounterRepository>()), new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>()), options);
        }

        /// <summary>Reads the counter and writes it back one higher, again after each lost race, as the exception advises.</summary>
        private static async Task IncrementAsync(ICounterRepository counters, CounterKey key, Action? lostRace = null)
        {
            while (true)
            {
                var current = (await counters.GetAsync(key, new ReadOptions { ConsistentRead = true }))!;
                try
                {
                    await counters.UpdateAsync(key, new CounterUpdate().SetCount(current.Count + 1), new WriteOptions { ExpectedVersion = current.Version });
                    return;
                }
                catch (DynamoOptimisticLockException)
                {
                    lostRace?.Invoke();
                }
            }
        }

        [Fact]
        public async Task One_writer_incrementing_a_versioned_counter_through_lost_answers_applies_each_increment_once()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 21));
            using var client = proxy.CreateClient();
            var (counters, direct, _) = await CountersAsync("lost-counter-one", proxy, client);
            var key = CounterKey.Create("one");
            await counters.PutAsync(new Counter { Key = key });

            var lostRaces = 0;
            for (var i = 0; i < 50; i++)
            {
                await IncrementAsync(counters, key, () => lostRaces++);
            }

            var final = await direct.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(50, final?.Count);
            Assert.Equal(51, final?.Version);
            Assert.Equal(0, lostRaces);
            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Concurrent_writers_incrementing_a_versioned_counter_through_lost_answers_end_at_exactly_the_sum()
        {
            const int Writers = 16;
            const int Increments = 25;
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 22));
            using var client = proxy.CreateClient();
            var (counters, direct, _) = await CountersAsync("lost-counter-many", proxy, client);
            var key = CounterKey.Create("many");
            await counters.PutAsync(new Counter { Key = key });

            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < Increments; i++)
                {
                    await IncrementAsync(counters, key);
                }
            })));

            var final = await direct.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(Writers * Increments, final?.Count);
            Assert.Equal(1 + (Writers * Increments), final?.Version);
            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Versioned_puts_creates_and_deletes_through_lost_answers_report_their_own_success()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 23));
            using var client = proxy.CreateClient();
            var (counters, direct, _) = await CountersAsync("lost-versioned", proxy, client);

            for (var i = 0; i < 30; i++)
            {
                var key = CounterKey.Create("c" + i.ToString(CultureInfo.InvariantCulture));
                Assert.True(await counters.CreateAsync(new Counter { Key = key, Count = i }));
                await counters.PutAsync(new Counter { Key = key, Count = i + 100, Version = 1 });
                await counters.PutAsync(new Counter { Key = key, Count = i + 200, Version = 2 });
                Assert.Equal(new Counter { Key = key, Count = i + 200, Version = 3 }, await direct.GetAsync(key, new ReadOptions { ConsistentRead = true }));
                Assert.False(await counters.CreateAsync(new Counter { Key = key, Count = -1 }));
                if (i % 2 == 0)
                {
                    Assert.True(await counters.DeleteAsync(key, new WriteOptions { ExpectedVersion = 3 }));
                    Assert.Null(await direct.GetAsync(key, new ReadOptions { ConsistentRead = true }));
                }
            }

            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Adding_to_a_number_through_lost_answers_adds_once_per_call()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 24));
            using var client = proxy.CreateClient();
            var options = Patient(await FreshTables.CreateAsync(_fixture, "lost-add", new[] { Shop.ShiftTable.Definition }, GuardedLogs.For<DynamoTableManager>()));
            var shifts = new Shop.ShiftRepository(client, options, GuardedLogs.For<Shop.ShiftRepository>());
            var key = Shop.ShiftKey.Create("1051707", "2025-10-20", 7);
            await shifts.PutAsync(new Shop.Shift { Key = key, Hours = 8m });

            for (var i = 0; i < 50; i++)
            {
                Assert.True(await shifts.UpdateAsync(key, new Shop.ShiftUpdate().AddVisits(1)));
            }

            var final = await new Shop.ShiftRepository(_fixture.Client, options, GuardedLogs.For<Shop.ShiftRepository>()).GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(50, final?.Visits);
            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Creates_conditional_writes_and_deletes_through_lost_answers_report_their_own_success()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 25));
            using var client = proxy.CreateClient();
            var options = Patient(await BookingTables.CreateAsync(_fixture, "lost-conditional"));
            var bookings = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var direct = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var samples = Enumerable.Range(0, 40).Select(n => Sample(n)).ToList();

            foreach (var booking in samples)
            {
                // Create-if-absent retried after its own success is still "created".
                Assert.True(await bookings.CreateAsync(booking));
                Assert.False(await bookings.CreateAsync(booking with { Name = "Someone else" }));

                // A conditional put, update and flag write retried after their own success are successes.
                var renamed = booking with { Name = "Renamed " + booking.Key.BookId };
                await bookings.PutAsync(renamed, new WriteOptions { Condition = BookingFields.Name.Equal(booking.Name) });
                Assert.True(await bookings.UpdateAsync(booking.Key, new BookingUpdate().SetRemindSms(true), new WriteOptions { Condition = BookingFields.RemindSms.Equal(false) }));
                Assert.True(await bookings.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true)));
                Assert.Equal(renamed with { RemindSms = true, ConfirmSms = true }, await direct.GetAsync(booking.Key));
            }

            // A delete retried after its own success deleted the item: true, once per item.
            foreach (var booking in samples.Take(20))
            {
                Assert.True(await bookings.DeleteAsync(booking.Key));
            }

            foreach (var booking in samples.Skip(20))
            {
                Assert.True(await bookings.DeleteAsync(booking.Key, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(true) }));
            }

            Assert.Empty(await direct.GetManyAsync(samples.Select(b => b.Key)));
            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task A_conditional_update_that_admits_one_winner_has_exactly_one_through_lost_answers()
        {
            // Six callers each set the same flag on a booking, on the condition that it is not set yet. Comparing the stored
            // item after a lost answer cannot tell a caller's own write from another's equal one, so every loser whose
            // "condition failed" answer was lost would report success; sent once with a request token, exactly one wins.
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 27));
            using var client = proxy.CreateClient();
            var options = Patient(await BookingTables.CreateAsync(_fixture, "lost-claim"));
            var bookings = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var samples = Enumerable.Range(0, 12).Select(n => Sample(n)).ToList();
            await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).PutManyAsync(samples);

            foreach (var booking in samples)
            {
                var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
                {
                    try
                    {
                        return await bookings.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true), new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) });
                    }
                    catch (DynamoConditionFailedException lost)
                    {
                        Assert.True(lost.CurrentItem is Booking { ConfirmSms: true });
                        return false;
                    }
                }));

                Assert.Equal(1, claims.Count(won => won));
            }

            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Appending_to_a_list_and_versioned_conditional_writes_through_lost_answers_apply_once()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 28));
            using var client = proxy.CreateClient();
            var options = Patient(await FreshTables.CreateAsync(_fixture, "lost-append", new TableDefinition[] { Catalog.ProductTable.Definition, CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>()));
            var products = new Catalog.ProductRepository(client, options, GuardedLogs.For<Catalog.ProductRepository>());
            var key = Catalog.ProductKey.Create("P1");
            await products.PutAsync(new Catalog.Product { Key = key, Title = "Shirt", Price = 10m, CreatedAt = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero) });

            // A list append repeated would append twice: each call appends exactly once.
            for (var i = 0; i < 40; i++)
            {
                Assert.True(await products.UpdateAsync(key, new Catalog.ProductUpdate().AppendToScores(i)));
            }

            var product = await new Catalog.ProductRepository(_fixture.Client, options, GuardedLogs.For<Catalog.ProductRepository>()).GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(Enumerable.Range(0, 40).Select(i => (double)i), product?.Scores);

            // Versioned writes with a condition of the caller's: each applied once, each reporting its own success; a
            // condition that really fails is an exception, not a success, however often its answer is lost.
            var counters = new CounterRepository(client, options, GuardedLogs.For<CounterRepository>());
            for (var n = 0; n < 20; n++)
            {
                var counterKey = CounterKey.Create("c" + n.ToString(CultureInfo.InvariantCulture));
                Assert.True(await counters.CreateAsync(new Counter { Key = counterKey, Count = 5 }));
                var stored = (await counters.GetAsync(counterKey, new ReadOptions { ConsistentRead = true }))!;
                await counters.PutAsync(stored with { Count = 6 }, new WriteOptions { Condition = CounterFields.Count.Equal(5) });
                await Assert.ThrowsAsync<DynamoConditionFailedException>(() => counters.UpdateAsync(counterKey, new CounterUpdate().SetCount(7), new WriteOptions { ExpectedVersion = 2, Condition = CounterFields.Count.Equal(5) }));
                await Assert.ThrowsAsync<DynamoConditionFailedException>(() => counters.DeleteAsync(counterKey, new WriteOptions { ExpectedVersion = 2, Condition = CounterFields.Count.Equal(5) }));
                Assert.True(await counters.DeleteAsync(counterKey, new WriteOptions { ExpectedVersion = 2, Condition = CounterFields.Count.Equal(6) }));
            }

            Assert.Empty(await new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>()).GetManyAsync(Enumerable.Range(0, 20).Select(n => CounterKey.Create("c" + n.ToString(CultureInfo.InvariantCulture)))));
            AssertLostAnswers(proxy);
        }

        [Fact]
        public async Task Batches_and_transactions_through_lost_answers_store_exactly_the_intended_items()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, LostAnswers(seed: 26));
            using var client = proxy.CreateClient();
            var options = Patient(await FreshTables.CreateAsync(_fixture, "lost-batch", BookingsSchema.Tables.Concat(new[] { CounterTable.Definition }).ToList(), GuardedLogs.For<DynamoTableManager>()));
            var bookings = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var counters = new CounterRepository(client, options, GuardedLogs.For<CounterRepository>());
            var direct = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var transactions = new DynamoTransactions(client, options, GuardedLogs.For<DynamoTransactions>());
            var samples = Enumerable.Range(0, 200).Select(n => Sample(n)).ToList();

            await bookings.PutManyAsync(samples);
            await bookings.DeleteManyAsync(samples.Take(50).Select(b => b.Key));
            Assert.Equal(150, (await direct.GetManyAsync(samples.Select(b => b.Key))).Count);

            var counterKey = CounterKey.Create("transactions");
            await counters.PutAsync(new Counter { Key = counterKey });
            for (var i = 0; i < 30; i++)
            {
                var booking = samples[50 + i];
                await transactions.WriteAsync(new[]
                {
                    bookings.TransactUpdate(booking.Key, new BookingUpdate().SetOptionSms(true), new WriteOptions { Condition = BookingFields.OptionSms.Equal(false) }),
                    counters.TransactUpdate(counterKey, new CounterUpdate().SetCount(i + 1), new WriteOptions { ExpectedVersion = 1 + i }),
                    bookings.TransactDelete(samples[100 + i].Key, new WriteOptions { Condition = BookingFields.Name.Exists() }),
                    bookings.TransactPut(samples[i] with { Name = "Back " + i }),
                });
            }

            var counter = await counters.GetAsync(counterKey, new ReadOptions { ConsistentRead = true });
            Assert.Equal(30, counter?.Count);
            Assert.Equal(31, counter?.Version);
            Assert.All((await direct.GetManyAsync(samples.Skip(50).Take(30).Select(b => b.Key))), b => Assert.True(b.OptionSms));
            Assert.Empty(await direct.GetManyAsync(samples.Skip(100).Take(30).Select(b => b.Key)));
            Assert.Equal(
                Enumerable.Range(0, 30).Select(i => "Back " + i).ToHashSet(),
                (await direct.GetManyAsync(samples.Take(30).Select(b => b.Key))).Select(b => b.Name).ToHashSet());
            AssertLostAnswers(proxy);
        }
    }
}

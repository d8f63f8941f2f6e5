using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>The generated repositories through a proxy that injects faults into real DynamoDB Local traffic.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class FaultToleranceTests
    {
        private static readonly Regex UnmaskedPhone = new(@"01[016789]-?\d{3,4}-?\d{4}", RegexOptions.CultureInvariant);
        private readonly DynamoDbFixture _fixture;

        public FaultToleranceTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static DynamoRepositoryOptions Patient(DynamoRepositoryOptions options)
        {
            // These tests are about every operation completing through the faults, not about the budgets (tested on
            // their own): at a 36% fault rate, 12 attempts left about a 1% chance that one of 2,100 requests drew 12
            // faults in a row, and a loaded machine could outlast the default 10 s elapsed budget.
            // The shared retry budget is made for a fleet, not for a 36% fault rate that must end in success: unbounded here.
            options.Retry = new RetryOptions { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(40), MaxElapsed = TimeSpan.FromMinutes(2), Budget = 1_000_000 };
            options.Batch = new BatchOptions { MaxRounds = 20, MaxConcurrency = 4 };
            return options;
        }

        private static Booking Sample(int n) => new()
        {
            Key = BookingKey.Create("1051707", n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"010-{2000 + n:D4}-{n:D4}"),
            Name = "Customer " + n,
            BookingTime = "2025-10-20 14:30:00",
        };

        [Fact]
        public async Task Two_thousand_mixed_operations_under_heavy_throttling_all_complete_and_retry_logs_are_masked()
        {
            var options = Patient(await BookingTables.CreateAsync(_fixture, "faults-mixed"));
            var plan = new FaultPlan { Seed = 7, ProvisionedThroughputExceededRate = 0.25, ThrottlingRate = 0.05, InternalServerErrorRate = 0.03, ServiceUnavailableRate = 0.03 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var logs = new FakeLogCollector();
            var repository = new BookingRepository(client, options, new FakeLogger<BookingRepository>(logs));

            var bookings = Enumerable.Range(0, 500).Select(Sample).ToList();
            await Parallel.ForEachAsync(bookings, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (booking, ct) =>
            {
                await repository.PutAsync(booking, cancellationToken: ct);
                Assert.Equal(booking, await repository.GetAsync(booking.Key, cancellationToken: ct));
                Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true), cancellationToken: ct));
                Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetRemindSms(true), cancellationToken: ct));
            });
            await Parallel.ForEachAsync(bookings.Take(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (booking, ct) =>
                Assert.True(await repository.DeleteAsync(booking.Key, cancellationToken: ct)));

            var stored = await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).GetManyAsync(bookings.Select(b => b.Key));
            Assert.Equal(400, stored.Count);
            Assert.All(stored, b => Assert.True(b.ConfirmSms && b.RemindSms));

            Assert.True(proxy.Stats.Faults > 20, $"Only {proxy.Stats.Faults} faults were injected.");
            var lines = logs.GetSnapshot();
            var retries = lines.Where(l => l.Id.Id == 1003).ToList();
            Assert.NotEmpty(retries);
            Assert.All(retries, l => Assert.Equal(LogLevel.Warning, l.Level));
            Assert.All(lines, l => Assert.False(UnmaskedPhone.IsMatch(GuardedLogs.WithoutRequestId(l.Message, l.GetStructuredStateValue("request_id"))), "Unmasked phone in a log line: " + l.Message));
        }

        [Fact]
        public async Task A_large_batch_write_with_unprocessed_items_and_throttling_stores_every_item()
        {
            var options = Patient(await BookingTables.CreateAsync(_fixture, "faults-batch"));
            var plan = new FaultPlan { Seed = 11, PartialBatchRate = 0.5, UnprocessedFraction = 0.4, ProvisionedThroughputExceededRate = 0.15 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 500).Select(Sample).ToList();

            await repository.PutManyAsync(bookings);

            Assert.True(proxy.Stats.UnprocessedItems > 0);
            var stored = await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).GetManyAsync(bookings.Select(b => b.Key));
            Assert.Equal(500, stored.Count);
        }

        [Fact]
        public async Task A_batch_that_cannot_finish_names_exactly_the_items_not_written()
        {
            var options = await BookingTables.CreateAsync(_fixture, "faults-incomplete");
            options.Batch = new BatchOptions { MaxRounds = 2 };
            options.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            var plan = new FaultPlan { Seed = 3, PartialBatchRate = 1.0, UnprocessedFraction = 0.4 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 25).Select(Sample).ToList();

            var error = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(() => repository.PutManyAsync(bookings));

            var stored = await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).GetManyAsync(bookings.Select(b => b.Key));
            var missing = bookings.Select(b => b.Key).Except(stored.Select(b => b.Key)).ToHashSet();
            Assert.NotEmpty(missing);
            Assert.Equal(missing, error.PendingKeys.Cast<BookingKey>().ToHashSet());
            Assert.False(UnmaskedPhone.IsMatch(error.Message), error.Message);
        }

        [Fact]
        public async Task A_large_batch_get_with_unprocessed_keys_and_throttling_returns_every_item()
        {
            var options = Patient(await BookingTables.CreateAsync(_fixture, "faults-batch-get"));
            var bookings = Enumerable.Range(0, 500).Select(Sample).ToList();
            await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).PutManyAsync(bookings);
            var plan = new FaultPlan { Seed = 13, PartialBatchRate = 0.5, UnprocessedFraction = 0.4, ProvisionedThroughputExceededRate = 0.15 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();

            var read = await new BookingRepository(client, options, GuardedLogs.For<BookingRepository>()).GetManyAsync(bookings.Select(b => b.Key));

            Assert.True(proxy.Stats.UnprocessedItems > 0);
            Assert.Equal(bookings.ToHashSet(), read.ToHashSet());
        }

        [Fact]
        public async Task A_batch_get_that_cannot_finish_names_exactly_the_keys_not_read()
        {
            var options = await BookingTables.CreateAsync(_fixture, "faults-get-incomplete");
            var bookings = Enumerable.Range(0, 100).Select(Sample).ToList();
            await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).PutManyAsync(bookings);
            options.Batch = new BatchOptions { MaxRounds = 2 };
            var plan = new FaultPlan { Seed = 3, PartialBatchRate = 1.0, UnprocessedFraction = 0.4 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();

            var error = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(
                () => new BookingRepository(client, options, GuardedLogs.For<BookingRepository>()).GetManyAsync(bookings.Select(b => b.Key)));

            // One request of 100 keys: the proxy leaves the last 40 unprocessed, then the last 16 of those 40.
            Assert.Equal(bookings.Skip(84).Select(b => b.Key).ToHashSet(), error.PendingKeys.Cast<BookingKey>().ToHashSet());
            Assert.Equal(2, error.Attempts);
            Assert.False(UnmaskedPhone.IsMatch(error.Message), error.Message);
        }

        [Fact]
        public async Task Success_logs_carry_the_duration_and_the_consumed_capacity()
        {
            var options = await BookingTables.CreateAsync(_fixture, "logs-capacity");
            var logs = new FakeLogCollector();
            var repository = new BookingRepository(_fixture.Client, options, new FakeLogger<BookingRepository>(logs));

            await repository.PutAsync(Sample(1));
            await repository.GetAsync(Sample(1).Key);

            var successes = logs.GetSnapshot().Where(l => l.Id.Id == 1002).Select(l => l.Message).ToList();
            Assert.Equal(2, successes.Count);
            Assert.All(successes, m => Assert.Matches(@"succeeded in \d+\.\d ms, \d+(\.\d+)? capacity units", m));
            Assert.All(successes, m => Assert.Contains("010-****-0001", m, StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_retry_budget_is_respected_under_constant_throttling()
        {
            var options = await BookingTables.CreateAsync(_fixture, "faults-budget");
            options.Retry = new RetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
            var plan = new FaultPlan { Seed = 5, ProvisionedThroughputExceededRate = 1.0, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());

            var error = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => repository.GetAsync(Sample(1).Key));

            Assert.Equal(4, error.Attempts);
            Assert.Equal(4, proxy.Stats.TotalRequests);
            Assert.False(UnmaskedPhone.IsMatch(error.Message), error.Message);
        }

        [Fact]
        public async Task A_throttling_storm_from_many_callers_sends_fewer_requests_than_attempts_allow()
        {
            // 40 callers, 5 gets each, every request throttled. Without a shared budget each get made its 5 attempts:
            // 1,000 requests (measured before the budget came). The default budget allows the 200 first attempts and
            // 100 retries between them, whatever the number of callers: 300.
            var options = await BookingTables.CreateAsync(_fixture, "faults-storm");
            options.Retry = new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
            var plan = new FaultPlan { Seed = 5, ProvisionedThroughputExceededRate = 1.0, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());

            var throttled = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 40 }, async (caller, ct) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => repository.GetAsync(Sample((caller * 5) + i).Key, cancellationToken: ct));
                    System.Threading.Interlocked.Increment(ref throttled);
                }
            });

            Assert.Equal(200, throttled);
            Assert.True(proxy.Stats.TotalRequests <= 400, $"{proxy.Stats.TotalRequests} requests were sent for 200 gets.");
        }

        [Fact]
        public async Task The_circuit_opens_under_an_outage_fails_fast_without_sending_and_closes_after_recovery()
        {
            // Every GetItem answers 503 until the proxy has injected 10 faults, then it forwards again (the recovery).
            // The runtime keeps time by a fake clock that only the test moves: no backoff waits, and the break ends
            // when the test says so.
            var time = new FakeTimeProvider();
            var options = await BookingTables.CreateAsync(_fixture, "faults-outage");
            options.TimeProvider = time;
            options.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
            options.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 10, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(1) };
            var plan = new FaultPlan { Seed = 5, ServiceUnavailableRate = 1.0, MaxFaults = 10, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var logs = new FakeLogCollector();
            var repository = new BookingRepository(client, options, new FakeLogger<BookingRepository>(logs));
            var key = Sample(1).Key;
            for (var i = 0; i < 5; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => repository.GetAsync(key));
            }

            Assert.Equal(10, proxy.Stats.ServiceUnavailable);
            var sent = proxy.Stats.TotalRequests;
            DynamoRepositoryException? open = null;
            for (var i = 0; i < 20; i++)
            {
                open = await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => repository.GetAsync(key));
            }

            Assert.Equal(sent, proxy.Stats.TotalRequests);
            Assert.Equal(repository.TableName, open!.Table);
            Assert.NotNull(open.RetryAfter);
            Assert.False(UnmaskedPhone.IsMatch(open.Message), open.Message);

            // After the break a probe goes through, finds the service healthy and closes the circuit.
            time.Advance(open.RetryAfter!.Value);
            Assert.Null(await repository.GetAsync(key));
            for (var i = 0; i < 5; i++)
            {
                Assert.Null(await repository.GetAsync(key));
            }

            Assert.Equal(sent + 6, proxy.Stats.TotalRequests);
            var snapshot = logs.GetSnapshot();
            Assert.Single(snapshot, l => l.Id.Id == 1100);
            Assert.Single(snapshot, l => l.Id.Id == 1102);
        }

        [Fact]
        public async Task A_versioned_write_whose_transaction_stays_in_conflict_is_throttled()
        {
            // A versioned update goes as a one-item transaction; contention that outlasts the retries is the same
            // a Throttled failure as a throttled write sent alone, not a generic "cancelled".
            var options = await FreshTables.CreateAsync(_fixture, "faults-conflict", new[] { CounterTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            options.Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
            var key = CounterKey.Create("conflict");
            await new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>()).PutAsync(new Counter { Key = key });
            var plan = new FaultPlan { Seed = 5, TransactionCanceledRate = 1.0, OnlyOperations = new HashSet<string> { "TransactWriteItems" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var counters = new CounterRepository(client, options, GuardedLogs.For<CounterRepository>());

            var error = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => counters.UpdateAsync(key, new CounterUpdate().SetCount(1), new WriteOptions { ExpectedVersion = 1 }));

            Assert.Equal(3, error.Attempts);
            Assert.Equal(3, proxy.Stats.TransactionsCanceled);
            Assert.Contains("TransactionConflict", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_one_item_transaction_DynamoDB_refuses_is_an_error_logged_with_its_reason()
        {
            // Adding to a number goes as a one-item transaction. DynamoDB can refuse a transaction as a whole
            // (ValidationException: DynamoDB Local does so for an ADD to a stored string) or cancel it with the reason
            // ValidationError for its item (injected here). Either is an error, 1004 at Error with the reason, as for
            // the same update sent alone, never an expected outcome logged at Debug or a generic "cancelled".
            var options = await FreshTables.CreateAsync(_fixture, "faults-refused", new[] { Shop.ShiftTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var key = Shop.ShiftKey.Create("1051707", "2025-10-20", 7);
            await new Shop.ShiftRepository(_fixture.Client, options, GuardedLogs.For<Shop.ShiftRepository>()).PutAsync(new Shop.Shift { Key = key, Hours = 8m });
            var plan = new FaultPlan { Seed = 5, TransactionCanceledRate = 1.0, TransactionCancellationReason = "ValidationError", OnlyOperations = new HashSet<string> { "TransactWriteItems" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var logs = new FakeLogCollector();
            var shifts = new Shop.ShiftRepository(client, options, new FakeLogger<Shop.ShiftRepository>(logs));

            var cancelled = await Assert.ThrowsAsync<DynamoRepositoryException>(() => shifts.UpdateAsync(key, new Shop.ShiftUpdate().AddVisits(1)));

            Assert.Equal("TransactWriteItems on table '" + shifts.TableName + "' for ShiftKey { StoreId = 1051707, Date = 2025-10-20, StaffId = 7 } was rejected by DynamoDB as invalid (TransactionCanceledException [ValidationError]).", cancelled.Message);
            Assert.Equal(1, proxy.Stats.TransactionsCanceled);
            var failed = Assert.Single(logs.GetSnapshot(), l => l.Id.Id == 1004);
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.Contains("TransactionCanceledException [ValidationError]", failed.Message, StringComparison.Ordinal);

            await _fixture.Client.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
            {
                TableName = shifts.TableName,
                Key = key.ToAttributeMap(),
                UpdateExpression = "SET visits = :v",
                ExpressionAttributeValues = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { [":v"] = new() { S = "many" } },
            });
            var direct = new Shop.ShiftRepository(_fixture.Client, options, new FakeLogger<Shop.ShiftRepository>(logs));

            var refused = await Assert.ThrowsAsync<DynamoRepositoryException>(() => direct.UpdateAsync(key, new Shop.ShiftUpdate().AddVisits(1)));

            Assert.Contains("was rejected by DynamoDB as invalid (ValidationException)", refused.Message, StringComparison.Ordinal);
            Assert.Equal(2, logs.GetSnapshot().Count(l => l.Id.Id == 1004 && l.Level == LogLevel.Error));
        }

        [Fact]
        public async Task Cancellation_during_backoff_ends_the_call_promptly()
        {
            var options = await BookingTables.CreateAsync(_fixture, "faults-cancel");
            options.Retry = new RetryOptions { MaxAttempts = 10, BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(20), MaxElapsed = TimeSpan.FromMinutes(5) };
            var plan = new FaultPlan { Seed = 5, ProvisionedThroughputExceededRate = 1.0, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            using var cancellation = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.GetAsync(Sample(1).Key, cancellationToken: cancellation.Token));

            // Cancelled while waiting out a backoff of up to 20 s: it must end close to the 0.5 s mark.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.InRange(proxy.Stats.TotalRequests, 1, 2);
        }
    }
}

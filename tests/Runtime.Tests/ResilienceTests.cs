using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Runtime.Tests.Support;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// The resilience pipeline's edges: what an open circuit reports after earlier attempts, the per-table retry budget,
    /// and where breaker events are logged. Driven by fake send delegates on a fake clock; no DynamoDB.
    /// </summary>
    public sealed class ResilienceTests
    {
        // Two service failures among at least two attempts open a table's circuit.
        private static readonly CircuitBreakerOptions TwoFailuresOpen = new()
        {
            MinimumThroughput = 2,
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
        };

        private static DynamoRepositoryOptions Options(int maxAttempts, int budget = 100, CircuitBreakerOptions? breaker = null) => new()
        {
            Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Budget = budget },
            CircuitBreaker = breaker ?? TwoFailuresOpen,
            TimeProvider = new FakeTimeProvider(),
        };

        private static DynamoOperation GetItem(string table = "test-sms")
            => new("GetItem", table, new PhoneKey("010-1234-5678"));

        private static Exception ServerError(string? requestId = null)
        {
            var error = RetryPolicyTests.Aws("InternalServerError", HttpStatusCode.InternalServerError);
            error.RequestId = requestId;
            return error;
        }

        private static Exception Throttle() => RetryPolicyTests.Aws("ProvisionedThroughputExceededException");

        private static Task<string> Fail(Exception failure) => Task.FromException<string>(failure);

        [Fact]
        public async Task A_retry_the_circuit_refuses_after_a_possibly_applied_attempt_is_a_transient_failure_not_circuit_open()
        {
            var runner = new DynamoOperationRunner(Options(maxAttempts: 3));
            var calls = 0;

            // Attempts 1 and 2 fail with a 5xx (either may have applied the write) and open the circuit; it refuses attempt 3.
            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), _ =>
            {
                calls++;
                return Fail(ServerError());
            }, CancellationToken.None));

            Assert.Equal(2, calls);
            Assert.Equal(2, ex.Attempts);
            Assert.True(ex.AfterUncertainAttempt);
            Assert.IsType<BrokenCircuitException>(ex.InnerException);
            Assert.Contains("may have been applied", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not sent", ex.Message, StringComparison.Ordinal);

            // The next call sends nothing: that one is the circuit's refusal.
            var refused = await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => runner.ExecuteAsync(GetItem(), _ => Fail(ServerError()), CancellationToken.None));
            Assert.Equal(0, refused.Attempts);
            Assert.Contains("was not sent", refused.Message, StringComparison.Ordinal);
            Assert.Equal(2, calls);
        }

        [Fact]
        public async Task A_retry_the_circuit_refuses_after_throttled_attempts_is_circuit_open_and_says_nothing_was_applied()
        {
            var options = Options(maxAttempts: 3);
            var runner = new DynamoOperationRunner(options);
            var first = true;

            // While this call's first attempt is out, another call on the table fails twice and opens the circuit; the
            // attempt comes back throttled (never applied), and its retry is refused.
            async Task<string> Send(CancellationToken cancellationToken)
            {
                if (first)
                {
                    first = false;
                    await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), _ => Fail(ServerError()), CancellationToken.None));
                }

                throw Throttle();
            }

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => runner.ExecuteAsync(GetItem(), Send, CancellationToken.None));

            Assert.Equal(1, ex.Attempts);
            Assert.False(ex.AfterUncertainAttempt);
            Assert.Contains("was not applied", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not sent", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(20, 3, false)] // the overall timeout (Retry:MaxElapsed) ends both calls: not the table's failure
        [InlineData(2, 30, true)] // the attempt timeout ends both: a service failure, counted
        public async Task The_breaker_counts_attempt_timeouts_and_not_the_overall_timeout(int attemptSeconds, int overallSeconds, bool opens)
        {
            var time = new FakeTimeProvider();
            var runner = new DynamoOperationRunner(new DynamoRepositoryOptions
            {
                Retry = new RetryOptions { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds), MaxElapsed = TimeSpan.FromSeconds(overallSeconds) },
                CircuitBreaker = TwoFailuresOpen,
                TimeProvider = time,
            });

            for (var i = 0; i < 2; i++)
            {
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var call = runner.ExecuteAsync(GetItem(), async token =>
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite, token);
                    return "unreachable";
                }, CancellationToken.None);
                await started.Task;
                time.Advance(TimeSpan.FromSeconds(Math.Min(attemptSeconds, overallSeconds)));
                var timedOut = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => call);
                Assert.Equal(!opens, timedOut.Message.Contains("Retry:MaxElapsed", StringComparison.Ordinal));
            }

            if (opens)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => runner.ExecuteAsync(GetItem(), _ => Task.FromResult("ok"), CancellationToken.None));
            }
            else
            {
                Assert.Equal("ok", await runner.ExecuteAsync(GetItem(), _ => Task.FromResult("ok"), CancellationToken.None));
            }
        }

        [Fact]
        public async Task Each_table_has_its_own_retry_budget()
        {
            var options = Options(maxAttempts: 3, budget: 1, breaker: new CircuitBreakerOptions { Enabled = false });
            var runner = new DynamoOperationRunner(options);

            // The hot table spends its one retry.
            var hot = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => runner.ExecuteAsync(GetItem("hot"), _ => Fail(Throttle()), CancellationToken.None));
            Assert.Equal(2, hot.Attempts);
            Assert.Contains("Retry:Budget", hot.Message, StringComparison.Ordinal);

            // Another table still has its own: its lost answer is retried, and the retry succeeds.
            var calls = 0;
            var result = await runner.ExecuteAsync(GetItem("quiet"), _ => ++calls == 1 ? Fail(ServerError()) : Task.FromResult("ok"), CancellationToken.None);
            Assert.Equal("ok", result);
            Assert.Equal(2, calls);
        }

        [Fact]
        public async Task Breaker_events_are_logged_through_the_logger_of_the_operation_that_caused_them()
        {
            var options = Options(maxAttempts: 1);
            var collector = new FakeLogCollector();
            var logger = new FakeLogger(collector);
            var time = (FakeTimeProvider)options.TimeProvider!;

            // A runner without a logger builds the table's pipeline first.
            var quiet = new DynamoOperationRunner(options);
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => quiet.ExecuteAsync(GetItem(), _ => Fail(ServerError()), CancellationToken.None));

            var logged = new DynamoOperationRunner(options, logger);
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => logged.ExecuteAsync(GetItem(), _ => Fail(ServerError("REQ-1100")), CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal("ok", await logged.ExecuteAsync(GetItem(), _ => Task.FromResult("ok"), CancellationToken.None));

            var records = collector.GetSnapshot();
            var opened = Assert.Single(records, r => r.Id.Id == 1100);
            Assert.Contains("REQ-1100", opened.Message, StringComparison.Ordinal);
            Assert.Single(records, r => r.Id.Id == 1101);
            Assert.Single(records, r => r.Id.Id == 1102);
        }

        [Fact]
        public async Task A_batch_round_takes_a_token_from_the_table_budget_and_stops_when_it_is_spent()
        {
            var options = Options(maxAttempts: 1, budget: 2);
            var client = new NothingProcessedClient();
            var batches = new DynamoBatches(client, new DynamoOperationRunner(options), options.Retry, new BatchOptions { MaxRounds = 8 });
            var write = new WriteRequest { PutRequest = new PutRequest { Item = new() { ["pk"] = new AttributeValue { S = "a" } } } };

            var ex = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(() => batches.WriteAsync("test-sms", new (object, WriteRequest)[] { ("a", write) }, CancellationToken.None));

            // The first round, then one round per token (two, and a fifth back for each successful request is not a third).
            Assert.Equal(3, client.Calls);
            Assert.Equal(new object[] { "a" }, ex.PendingKeys);
            Assert.Equal(3, ex.Attempts);
        }

        /// <summary>A client whose every BatchWriteItem returns all its items as unprocessed.</summary>
        private sealed class NothingProcessedClient() : AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = "http://localhost:1" })
        {
            public int Calls { get; private set; }

            public override Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
            {
                Calls++;
                return Task.FromResult(new BatchWriteItemResponse { UnprocessedItems = request.RequestItems });
            }
        }
    }
}

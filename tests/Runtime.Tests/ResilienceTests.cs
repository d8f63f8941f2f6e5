using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Runtime.Tests.Support;
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

        private static Exception ServerError() => RetryPolicyTests.Aws("InternalServerError", HttpStatusCode.InternalServerError);

        private static Exception Throttle() => RetryPolicyTests.Aws("ProvisionedThroughputExceededException");

        private static Task<string> Fail(Exception failure) => Task.FromException<string>(failure);

        [Fact]
        public async Task A_retry_the_circuit_refuses_after_a_possibly_applied_attempt_is_a_transient_failure_not_circuit_open()
        {
            var runner = new DynamoOperationRunner(Options(maxAttempts: 3));
            var calls = 0;

            // Attempts 1 and 2 fail with a 5xx (either may have applied the write) and open the circuit; it refuses attempt 3.
            var ex = await Assert.ThrowsAsync<DynamoTransientException>(() => runner.ExecuteAsync(GetItem(), _ =>
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
            var refused = await Assert.ThrowsAsync<DynamoCircuitOpenException>(() => runner.ExecuteAsync(GetItem(), _ => Fail(ServerError()), CancellationToken.None));
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
                    await Assert.ThrowsAsync<DynamoTransientException>(() => runner.ExecuteAsync(GetItem(), _ => Fail(ServerError()), CancellationToken.None));
                }

                throw Throttle();
            }

            var ex = await Assert.ThrowsAsync<DynamoCircuitOpenException>(() => runner.ExecuteAsync(GetItem(), Send, CancellationToken.None));

            Assert.Equal(1, ex.Attempts);
            Assert.False(ex.AfterUncertainAttempt);
            Assert.Contains("was not applied", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not sent", ex.Message, StringComparison.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Runtime.Tests.Support;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>The retry loop, driven by a fake send delegate: no DynamoDB and no AWS client involved.</summary>
    public sealed class DynamoOperationRunnerTests
    {
        private const string RawPhone = "010-1234-5678";
        private const string MaskedPhone = "010-****-5678";
        private const int RetryingEventId = 1003;

        private static readonly RetryOptions FastRetries = new()
        {
            MaxAttempts = 4,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(4),
        };

        private readonly FakeLogger _logger = new();

        private static DynamoOperation GetItem(ErrorCategory? expected = null)
            => new("GetItem", "test-sms", new PhoneKey(RawPhone), expected);

        private static Exception Throttle() => RetryPolicyTests.Aws("ProvisionedThroughputExceededException");

        private static Exception ServerError() => RetryPolicyTests.Aws("InternalServerError", HttpStatusCode.InternalServerError);

        private DynamoOperationRunner Runner(RetryOptions? options = null, TimeProvider? time = null, CircuitBreakerOptions? breaker = null, ILogger? logger = null)
            => new(new DynamoRepositoryOptions { Retry = options ?? FastRetries, CircuitBreaker = breaker ?? new CircuitBreakerOptions(), TimeProvider = time ?? TimeProvider.System }, logger ?? _logger);

        /// <summary>A send delegate that throws the given failures in turn, then returns "ok".</summary>
        private sealed class FakeSend
        {
            private readonly Func<int, Exception?> _failure;
            private int _calls;

            public FakeSend(Func<int, Exception?> failure) => _failure = failure;

            public int Calls => Volatile.Read(ref _calls);

            public Task<string> Send(CancellationToken cancellationToken)
            {
                var call = Interlocked.Increment(ref _calls);
                var failure = _failure(call);
                return failure is null ? Task.FromResult("ok") : Task.FromException<string>(failure);
            }
        }

        [Fact]
        public async Task A_response_whose_item_does_not_fit_is_logged_as_a_failed_operation_not_a_success()
        {
            var send = new FakeSend(_ => null);
            var mapping = new DynamoMappingException("Booking", "name", "a string (S)", "missing", "BookingKey { Phone = 010-****-5678 }");

            var thrown = await Assert.ThrowsAsync<DynamoMappingException>(
                () => Runner().ExecuteAsync<string, string>(GetItem(), send.Send, _ => throw mapping, CancellationToken.None));

            Assert.Same(mapping, thrown);
            Assert.Empty(_logger.Collector.WithEventId(1002));
            Assert.Empty(_logger.Collector.WithEventId(1006));
            var failed = Assert.Single(_logger.Collector.WithEventId(1004));
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.Equal("DynamoMappingException", failed.GetStructuredStateValue("error_code"));
        }

        [Fact]
        public async Task A_success_without_consumed_capacity_says_nothing_of_capacity()
        {
            await Runner().ExecuteAsync(GetItem(), new FakeSend(_ => null).Send, CancellationToken.None);

            var succeeded = Assert.Single(_logger.Collector.WithEventId(1006));
            Assert.DoesNotContain("capacity", succeeded.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("null", succeeded.Message, StringComparison.Ordinal);
            Assert.Empty(_logger.Collector.WithEventId(1002));

            var withCapacity = new Amazon.DynamoDBv2.Model.GetItemResponse { ConsumedCapacity = new Amazon.DynamoDBv2.Model.ConsumedCapacity { CapacityUnits = 0.5 } };
            await Runner().ExecuteAsync(GetItem(), _ => Task.FromResult(withCapacity), CancellationToken.None);
            Assert.Equal("0.5", Assert.Single(_logger.Collector.WithEventId(1002)).GetStructuredStateValue("consumed_capacity"));
        }

        [Fact]
        public async Task A_failure_after_a_retried_server_error_is_marked_as_meeting_a_possibly_applied_attempt()
        {
            var condition = RetryPolicyTests.Aws("ConditionalCheckFailedException");
            var afterServerError = new FakeSend(call => call == 1 ? ServerError() : condition);
            var afterThrottle = new FakeSend(call => call == 1 ? Throttle() : condition);
            var first = new FakeSend(_ => condition);

            var uncertain = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => Runner().ExecuteAsync(GetItem(), afterServerError.Send, CancellationToken.None));
            var throttled = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => Runner().ExecuteAsync(GetItem(), afterThrottle.Send, CancellationToken.None));
            var certain = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => Runner().ExecuteAsync(GetItem(), first.Send, CancellationToken.None));

            // A server error may have applied the first attempt; a throttled one was never applied.
            Assert.True(uncertain.AfterUncertainAttempt);
            Assert.False(throttled.AfterUncertainAttempt);
            Assert.False(certain.AfterUncertainAttempt);
        }

        [Fact]
        public async Task Stops_retrying_when_the_next_delay_would_end_past_the_overall_timeout()
        {
            // Every attempt takes 100 ms of the fake clock and delays are zero: the attempts that start within the
            // 350 ms overall timeout are made, far fewer than the 1000 allowed.
            var time = new FakeTimeProvider();
            var options = new RetryOptions { MaxAttempts = 1000, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxElapsed = TimeSpan.FromMilliseconds(350), Budget = 10_000 };
            var send = new FakeSend(_ =>
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                return Throttle();
            });

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => Runner(options, time).ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.InRange(ex.Attempts, 3, 4);
            Assert.Equal(send.Calls, ex.Attempts);
        }

        [Fact]
        public void A_negative_overall_timeout_is_refused()
            => Assert.Contains("Retry:MaxElapsed", Assert.Throws<ArgumentException>(() => Runner(new RetryOptions { MaxElapsed = TimeSpan.FromSeconds(-1) })).Message, StringComparison.Ordinal);

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(3)]
        public async Task Succeeds_after_throttles_within_MaxAttempts(int throttles)
        {
            var send = new FakeSend(call => call <= throttles ? Throttle() : null);

            var result = await Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None);

            Assert.Equal("ok", result);
            Assert.Equal(throttles + 1, send.Calls);

            var retries = _logger.Collector.WithEventId(RetryingEventId);
            Assert.Equal(throttles, retries.Count);
            Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
            Assert.Equal(Enumerable.Range(1, throttles).Select(Invariant), retries.Select(e => e.GetStructuredStateValue("attempt")));
            Assert.All(retries, e => Assert.Equal("ProvisionedThroughputExceededException", e.GetStructuredStateValue("error_code")));

            // The fake response reports no consumed capacity: the success without it.
            Assert.Single(_logger.Collector.WithEventId(1006));
            Assert.DoesNotContain(_logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Error);
            AssertNoRawPhoneLogged();
        }

        [Fact]
        public async Task Raises_a_Throttled_failure_after_MaxAttempts_throttles()
        {
            var send = new FakeSend(_ => Throttle());

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(FastRetries.MaxAttempts, send.Calls);
            Assert.Equal(FastRetries.MaxAttempts, ex.Attempts);
            Assert.Equal("GetItem", ex.Operation);
            Assert.Equal("test-sms", ex.Table);
            Assert.Contains(MaskedPhone, ex.Message, StringComparison.Ordinal);
            Assert.Contains(MaskedPhone, ex.Key, StringComparison.Ordinal);
            Assert.Contains("ProvisionedThroughputExceededException", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"{FastRetries.MaxAttempts} attempt", ex.Message, StringComparison.Ordinal);
            AssertHasNoRawPhone(ex.Message);
            AssertHasNoRawPhone(ex.Key!);
            Assert.IsType<AmazonDynamoDBException>(ex.InnerException);

            var retries = _logger.Collector.WithEventId(RetryingEventId);
            Assert.Equal(FastRetries.MaxAttempts - 1, retries.Count);
            Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
            var failed = Assert.Single(_logger.Collector.WithEventId(1004));
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.Equal(Invariant(FastRetries.MaxAttempts), failed.GetStructuredStateValue("attempts"));
            AssertNoRawPhoneLogged();
        }

        [Fact]
        public async Task Retry_delays_logged_stay_within_the_policy_bounds()
        {
            var options = new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(3) };
            var policy = new RetryPolicy(options);
            var send = new FakeSend(_ => Throttle());

            await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => Runner(options).ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            foreach (var entry in _logger.Collector.WithEventId(RetryingEventId))
            {
                var attempt = int.Parse(entry.GetStructuredStateValue("attempt")!, CultureInfo.InvariantCulture);
                var delayMs = double.Parse(entry.GetStructuredStateValue("delay_ms")!, CultureInfo.InvariantCulture);
                Assert.InRange(delayMs, 0, policy.UpperBound(attempt).TotalMilliseconds);
            }
        }

        [Fact]
        public async Task Idempotent_operation_retries_transient_failures()
        {
            var send = new FakeSend(call => call switch
            {
                1 => ServerError(),
                2 => new HttpRequestException("connection reset"),
                _ => null,
            });

            Assert.Equal("ok", await Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            Assert.Equal(3, send.Calls);
            Assert.Equal(2, _logger.Collector.WithEventId(RetryingEventId).Count);
            Assert.Equal("HttpRequestException", _logger.Collector.WithEventId(RetryingEventId)[1].GetStructuredStateValue("error_code"));
        }

        [Fact]
        public async Task Idempotent_operation_raises_a_Transient_failure_when_transient_failures_persist()
        {
            var send = new FakeSend(_ => ServerError());

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(FastRetries.MaxAttempts, send.Calls);
            Assert.Equal(FastRetries.MaxAttempts, ex.Attempts);
            Assert.Contains(MaskedPhone, ex.Message, StringComparison.Ordinal);
            AssertHasNoRawPhone(ex.Message);
        }

        [Fact]
        public async Task Cancellation_during_the_backoff_delay_ends_the_wait_and_is_not_retried()
        {
            // Delays of 30 s on a fake clock that never moves: the call only ends because the wait is cancelled.
            var time = new FakeTimeProvider();
            var options = new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30), MaxElapsed = TimeSpan.FromMinutes(5) };
            using var cts = new CancellationTokenSource();
            var send = new FakeSend(_ => Throttle());

            // Cancel once the first retry is announced, i.e. as the runner starts its backoff wait: the sink is
            // called after each record is collected.
            FakeLogCollector? collector = null;
            collector = FakeLogCollector.Create(new FakeLogCollectorOptions
            {
                OutputSink = _ =>
                {
                    if (collector!.LatestRecord.Id.Id == RetryingEventId)
                    {
                        cts.Cancel();
                    }
                },
            });
            var logger = new FakeLogger(collector);

            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(options, time, logger: logger).ExecuteAsync(GetItem(), send.Send, cts.Token));

            Assert.Equal(cts.Token, ex.CancellationToken);
            Assert.Equal(1, send.Calls);
            Assert.Single(collector.WithEventId(RetryingEventId));
            Assert.DoesNotContain(collector.GetSnapshot(), e => e.Level >= LogLevel.Error);
        }

        [Fact]
        public async Task A_request_cancelled_by_the_caller_is_not_retried_or_wrapped()
        {
            using var cts = new CancellationTokenSource();
            var calls = 0;

            Task<string> Send(CancellationToken token)
            {
                calls++;
                cts.Cancel();
                token.ThrowIfCancellationRequested();
                return Task.FromResult("unreachable");
            }

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().ExecuteAsync(GetItem(), Send, cts.Token));
            Assert.Equal(1, calls);
            Assert.Empty(_logger.Collector.WithEventId(RetryingEventId));
        }

        [Fact]
        public async Task ConditionalCheckFailed_is_a_DynamoConditionFailedException_and_not_retried()
        {
            var send = new FakeSend(_ => RetryPolicyTests.Aws("ConditionalCheckFailedException"));

            var ex = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(1, send.Calls);
            Assert.Equal(1, ex.Attempts);
            Assert.Contains("condition was not met", ex.Message, StringComparison.Ordinal);
            Assert.Contains(MaskedPhone, ex.Message, StringComparison.Ordinal);
            AssertHasNoRawPhone(ex.Message);
            Assert.Empty(_logger.Collector.WithEventId(RetryingEventId));
            Assert.Equal(LogLevel.Error, Assert.Single(_logger.Collector.WithEventId(1004)).Level);
        }

        [Fact]
        public async Task An_expected_failure_is_logged_at_debug_not_error()
        {
            var send = new FakeSend(_ => RetryPolicyTests.Aws("ConditionalCheckFailedException"));

            await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => Runner().ExecuteAsync(GetItem(expected: ErrorCategory.ConditionFailed), send.Send, CancellationToken.None));

            Assert.Equal(LogLevel.Debug, Assert.Single(_logger.Collector.WithEventId(1005)).Level);
            Assert.Empty(_logger.Collector.WithEventId(1004));
        }

        [Theory]
        [InlineData("AccessDeniedException", DynamoErrorKind.AccessDenied)]
        [InlineData("UnrecognizedClientException", DynamoErrorKind.AccessDenied)]
        [InlineData("ResourceNotFoundException", DynamoErrorKind.TableNotFound)]
        [InlineData("ValidationException", DynamoErrorKind.Failed)]
        [InlineData("SomethingNew", DynamoErrorKind.Failed)]
        public async Task Failures_that_are_not_retried_are_translated_to_failures_of_their_kind(string code, DynamoErrorKind expected)
        {
            var send = new FakeSend(_ => RetryPolicyTests.Aws(code));

            var ex = await DynamoAssert.ThrowsAsync(expected, () => Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(1, send.Calls);
            Assert.Equal(1, ex.Attempts);
            Assert.Contains(code == "ResourceNotFoundException" ? "does not exist" : code, ex.Message, StringComparison.Ordinal);
            Assert.Contains(MaskedPhone, ex.Message, StringComparison.Ordinal);
            AssertHasNoRawPhone(ex.Message);
            Assert.IsType<AmazonDynamoDBException>(ex.InnerException);
        }

        [Fact]
        public async Task An_SDK_exception_thrown_by_send_passes_through_unchanged()
        {
            var mapping = new DynamoMappingException("Sms", "phone", "a string (S)", "a number (N)", null);
            var send = new FakeSend(_ => mapping);

            var ex = await Assert.ThrowsAsync<DynamoMappingException>(() => Runner().ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Same(mapping, ex);
            Assert.Equal(1, send.Calls);
        }

        [Fact]
        public async Task An_operation_without_a_key_prints_no_key()
        {
            var send = new FakeSend(_ => RetryPolicyTests.Aws("ResourceNotFoundException"));
            var operation = new DynamoOperation("DescribeTable", "test-sms");

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.TableNotFound, () => Runner().ExecuteAsync(operation, send.Send, CancellationToken.None));

            Assert.Null(ex.Key);
            Assert.StartsWith("DescribeTable on table 'test-sms' failed", ex.Message, StringComparison.Ordinal);
            Assert.Equal("-", Assert.Single(_logger.Collector.WithEventId(1004)).GetStructuredStateValue("key"));
        }

        [Fact]
        public async Task A_null_send_delegate_is_rejected()
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => Runner().ExecuteAsync<string>(GetItem(), null!, CancellationToken.None));
        }

        private static readonly RetryOptions NoRetries = new() { MaxAttempts = 1 };

        private static readonly CircuitBreakerOptions QuickBreaker = new()
        {
            MinimumThroughput = 4,
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
        };

        [Fact]
        public async Task The_circuit_opens_after_sustained_server_errors_and_then_fails_fast_without_sending()
        {
            var time = new FakeTimeProvider();
            var runner = Runner(NoRetries, time, QuickBreaker);
            var send = new FakeSend(_ => ServerError());
            for (var i = 0; i < 4; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            }

            var open = await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(4, send.Calls);
            Assert.Equal("test-sms", open.Table);
            Assert.Equal(0, open.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(5), open.RetryAfter);
            Assert.Contains("circuit breaker is open", open.Message, StringComparison.Ordinal);
            Assert.Contains(MaskedPhone, open.Message, StringComparison.Ordinal);
            var opened = Assert.Single(_logger.Collector.WithEventId(1100));
            Assert.Equal(LogLevel.Warning, opened.Level);
            Assert.Equal("test-sms", opened.GetStructuredStateValue("table"));
            AssertNoRawPhoneLogged();
        }

        [Fact]
        public async Task The_circuit_is_per_table_and_shared_by_the_runners_of_one_options_instance()
        {
            var time = new FakeTimeProvider();
            var options = new DynamoRepositoryOptions { Retry = NoRetries, CircuitBreaker = QuickBreaker, TimeProvider = time };
            var failing = new FakeSend(_ => ServerError());
            for (var i = 0; i < 4; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), failing.Send, CancellationToken.None));
            }

            var healthy = new FakeSend(_ => null);
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), healthy.Send, CancellationToken.None));
            Assert.Equal("ok", await new DynamoOperationRunner(options, _logger).ExecuteAsync(new DynamoOperation("GetItem", "other-table"), healthy.Send, CancellationToken.None));
            Assert.Equal(1, healthy.Calls);
        }

        [Fact]
        public async Task A_successful_probe_after_the_break_closes_the_circuit_and_a_failed_one_opens_it_again()
        {
            var time = new FakeTimeProvider();
            var runner = Runner(NoRetries, time, QuickBreaker);
            var healthy = false;
            var send = new FakeSend(_ => healthy ? null : ServerError());
            for (var i = 0; i < 4; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            }

            time.Advance(TimeSpan.FromSeconds(5));
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.CircuitOpen, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            Assert.Equal(5, send.Calls);

            time.Advance(TimeSpan.FromSeconds(5));
            healthy = true;
            Assert.Equal("ok", await runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            Assert.Equal("ok", await runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));

            Assert.Equal(7, send.Calls);
            Assert.Equal(2, _logger.Collector.WithEventId(1100).Count);
            Assert.Equal(2, _logger.Collector.WithEventId(1101).Count);
            Assert.Single(_logger.Collector.WithEventId(1102));
        }

        [Fact]
        public async Task Throttling_does_not_open_the_circuit()
        {
            var runner = Runner(NoRetries, new FakeTimeProvider(), QuickBreaker);
            var send = new FakeSend(_ => Throttle());
            for (var i = 0; i < 40; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            }

            Assert.Equal(40, send.Calls);
            Assert.Empty(_logger.Collector.WithEventId(1100));
        }

        [Fact]
        public async Task A_disabled_circuit_breaker_never_opens()
        {
            var runner = Runner(NoRetries, new FakeTimeProvider(), new CircuitBreakerOptions { Enabled = false });
            var send = new FakeSend(_ => ServerError());
            for (var i = 0; i < 40; i++)
            {
                await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(GetItem(), send.Send, CancellationToken.None));
            }

            Assert.Equal(40, send.Calls);
        }

        [Fact]
        public async Task A_spent_retry_budget_stops_retries_until_successes_refill_it()
        {
            var options = new DynamoRepositoryOptions
            {
                Retry = new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Budget = 3 },
                TimeProvider = new FakeTimeProvider(),
            };
            var throttled = new FakeSend(_ => Throttle());

            var first = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), throttled.Send, CancellationToken.None));
            var second = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), throttled.Send, CancellationToken.None));

            // The budget is the options': three retries in all, then first attempts only.
            Assert.Equal(4, first.Attempts);
            Assert.Equal(1, second.Attempts);
            Assert.Contains("Retry:Budget", second.Message, StringComparison.Ordinal);
            Assert.Equal(5, throttled.Calls);

            // Five successful attempts give one retry back.
            var ok = new FakeSend(_ => null);
            for (var i = 0; i < 5; i++)
            {
                await new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), ok.Send, CancellationToken.None);
            }

            var third = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => new DynamoOperationRunner(options, _logger).ExecuteAsync(GetItem(), throttled.Send, CancellationToken.None));
            Assert.Equal(2, third.Attempts);
        }

        [Fact]
        public async Task An_attempt_that_outlasts_the_attempt_timeout_is_cancelled_and_retried()
        {
            var time = new FakeTimeProvider();
            var options = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(2), MaxElapsed = TimeSpan.FromSeconds(30) };
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = 0;
            var cancelledAttempts = 0;

            async Task<string> Send(CancellationToken token)
            {
                if (Interlocked.Increment(ref calls) > 1)
                {
                    return "ok";
                }

                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelledAttempts);
                    throw;
                }

                return "unreachable";
            }

            var call = Runner(options, time).ExecuteAsync(GetItem(), Send, CancellationToken.None);
            await started.Task;
            time.Advance(TimeSpan.FromSeconds(2));

            Assert.Equal("ok", await call);
            Assert.Equal(2, calls);
            Assert.Equal(1, cancelledAttempts);
            Assert.Equal("TimeoutRejectedException", Assert.Single(_logger.Collector.WithEventId(RetryingEventId)).GetStructuredStateValue("error_code"));
        }

        [Fact]
        public async Task An_operation_that_outlasts_the_overall_timeout_fails_as_transient_and_possibly_applied()
        {
            var time = new FakeTimeProvider();
            var options = new RetryOptions { MaxAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(20), MaxElapsed = TimeSpan.FromSeconds(3) };
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            async Task<string> Send(CancellationToken token)
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                return "unreachable";
            }

            var call = Runner(options, time).ExecuteAsync(GetItem(), Send, CancellationToken.None);
            await started.Task;
            time.Advance(TimeSpan.FromSeconds(3));

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => call);
            Assert.Contains("Retry:MaxElapsed", ex.Message, StringComparison.Ordinal);
            Assert.Equal(1, ex.Attempts);
            Assert.True(ex.AfterUncertainAttempt);
            Assert.Equal(LogLevel.Error, Assert.Single(_logger.Collector.WithEventId(1004)).Level);
        }

        [Fact]
        public async Task A_retry_gets_only_what_is_left_of_the_overall_timeout()
        {
            var time = new FakeTimeProvider();
            var options = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(4), MaxElapsed = TimeSpan.FromSeconds(6) };
            var attempts = 0;
            var started = new SemaphoreSlim(0);

            async Task<string> Send(CancellationToken token)
            {
                Interlocked.Increment(ref attempts);
                started.Release();
                await Task.Delay(Timeout.Infinite, token);
                return "unreachable";
            }

            var call = Runner(options, time).ExecuteAsync(GetItem(), Send, CancellationToken.None);
            await started.WaitAsync();
            time.Advance(TimeSpan.FromSeconds(4)); // the first attempt's own timeout: retried
            await started.WaitAsync();
            time.Advance(TimeSpan.FromSeconds(2)); // the second is cut at the overall timeout, 2 s into its 4
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(call.IsCompleted, "the second attempt outlived the overall timeout");

            var ex = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => call);
            Assert.Contains("Retry:MaxElapsed", ex.Message, StringComparison.Ordinal);
            Assert.Equal(2, ex.Attempts);
            Assert.Equal(2, attempts);
        }

        private void AssertNoRawPhoneLogged()
        {
            Assert.NotEmpty(_logger.Collector.GetSnapshot());
            foreach (var entry in _logger.Collector.GetSnapshot())
            {
                AssertHasNoRawPhone(AllText(entry));
            }

            Assert.All(_logger.Collector.GetSnapshot().Where(e => e.GetStructuredStateValue("key") is not null), e => Assert.Contains(MaskedPhone, AllText(e), StringComparison.Ordinal));
        }

        /// <summary>Structured values that are numbers (durations, counts): their digits could match anything.</summary>
        private static readonly HashSet<string> NumberValues = new(StringComparer.Ordinal) { "duration_ms", "delay_ms", "consumed_capacity", "attempt", "attempts", "break_s" };

        /// <summary>
        /// What a sink could print as text: the line, its exception and every structured text value (the fake
        /// logger keeps every value as a string, so the numbers are left out by name).
        /// </summary>
        private static string AllText(FakeLogRecord record)
            => record.Message + " " + record.Exception + " | "
                + string.Join(" | ", (record.StructuredState ?? []).Where(p => !NumberValues.Contains(p.Key)).Select(p => p.Key + "=" + p.Value));

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static void AssertHasNoRawPhone(string text)
        {
            Assert.DoesNotContain(RawPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("01012345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Reads of the fake logger's records by event id.</summary>
    internal static class FakeLogCollectorExtensions
    {
        public static IReadOnlyList<FakeLogRecord> WithEventId(this FakeLogCollector collector, int id)
            => collector.GetSnapshot().Where(r => r.Id.Id == id).ToArray();
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Bookings.Generated.Runtime.Internal;
using Xunit;
using RetryPolicy = Bookings.Generated.Runtime.Internal.RetryPolicy;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class RetryPolicyTests
    {
        internal static AmazonDynamoDBException Aws(string? errorCode, HttpStatusCode status = HttpStatusCode.BadRequest)
            => new("simulated " + errorCode) { ErrorCode = errorCode, StatusCode = status };

        [Theory]
        [InlineData("ProvisionedThroughputExceededException", ErrorCategory.Throttling)]
        [InlineData("ThrottlingException", ErrorCategory.Throttling)]
        [InlineData("Throttling", ErrorCategory.Throttling)]
        [InlineData("RequestLimitExceeded", ErrorCategory.Throttling)]
        [InlineData("TooManyRequestsException", ErrorCategory.Throttling)]
        [InlineData("InternalServerError", ErrorCategory.Transient)]
        [InlineData("InternalFailure", ErrorCategory.Transient)]
        [InlineData("ServiceUnavailable", ErrorCategory.Transient)]
        [InlineData("AccessDeniedException", ErrorCategory.AccessDenied)]
        [InlineData("UnrecognizedClientException", ErrorCategory.AccessDenied)]
        [InlineData("InvalidSignatureException", ErrorCategory.AccessDenied)]
        [InlineData("ExpiredTokenException", ErrorCategory.AccessDenied)]
        [InlineData("ResourceNotFoundException", ErrorCategory.TableNotFound)]
        [InlineData("ConditionalCheckFailedException", ErrorCategory.ConditionFailed)]
        [InlineData("ValidationException", ErrorCategory.Validation)]
        [InlineData("SerializationException", ErrorCategory.Validation)]
        [InlineData("TransactionCanceledException", ErrorCategory.TransactionCanceled)]
        [InlineData("TransactionConflictException", ErrorCategory.Throttling)]
        [InlineData("TransactionInProgressException", ErrorCategory.Throttling)]
        [InlineData("SomethingNew", ErrorCategory.Other)]
        public void Classify_maps_error_codes(string code, ErrorCategory expected)
        {
            Assert.Equal(expected, RetryPolicy.Classify(Aws(code)));
        }

        [Fact]
        public void An_answer_that_cannot_be_read_is_transient_since_the_request_may_have_been_applied()
        {
            var cutOff = new AmazonUnmarshallingException("simulated", "Item", new System.IO.IOException("The response ended prematurely."), HttpStatusCode.OK);
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(cutOff));
        }

        [Theory]
        [InlineData(ErrorCategory.Throttling, "None", "TransactionConflict")]
        [InlineData(ErrorCategory.Throttling, "ThrottlingError")]
        [InlineData(ErrorCategory.TransactionCanceled, "ConditionalCheckFailed")]
        [InlineData(ErrorCategory.TransactionCanceled, "TransactionConflict", "ConditionalCheckFailed")]
        [InlineData(ErrorCategory.Validation, "ValidationError")]
        [InlineData(ErrorCategory.Validation, "None", "ValidationError")]
        [InlineData(ErrorCategory.Other, "ItemCollectionSizeLimitExceeded")]
        [InlineData(ErrorCategory.TransactionCanceled)]
        public void A_transaction_is_classified_by_its_cancellation_reasons(ErrorCategory expected, params string[] reasons)
        {
            var canceled = new TransactionCanceledException("simulated")
            {
                ErrorCode = "TransactionCanceledException",
                CancellationReasons = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(reasons, code => new CancellationReason { Code = code })),
            };

            Assert.Equal(expected, RetryPolicy.Classify(canceled));
        }

        [Theory]
        [InlineData(HttpStatusCode.InternalServerError, ErrorCategory.Transient)]
        [InlineData(HttpStatusCode.BadGateway, ErrorCategory.Transient)]
        [InlineData(HttpStatusCode.ServiceUnavailable, ErrorCategory.Transient)]
        [InlineData(HttpStatusCode.GatewayTimeout, ErrorCategory.Transient)]
        [InlineData(HttpStatusCode.TooManyRequests, ErrorCategory.Throttling)]
        [InlineData(HttpStatusCode.BadRequest, ErrorCategory.Other)]
        [InlineData(HttpStatusCode.Forbidden, ErrorCategory.Other)]
        public void Classify_falls_back_to_the_status_code_when_the_error_code_is_unknown(HttpStatusCode status, ErrorCategory expected)
        {
            Assert.Equal(expected, RetryPolicy.Classify(Aws(null, status)));
            Assert.Equal(expected, RetryPolicy.Classify(Aws("UnknownCode", status)));
        }

        [Fact]
        public void A_known_error_code_wins_over_a_5xx_status()
        {
            Assert.Equal(ErrorCategory.Throttling, RetryPolicy.Classify(Aws("ThrottlingException", HttpStatusCode.ServiceUnavailable)));
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(Aws("InternalServerError", HttpStatusCode.InternalServerError)));
        }

        [Fact]
        public void Classify_recognises_the_typed_throttling_exceptions_without_an_error_code()
        {
            Assert.Equal(ErrorCategory.Throttling, RetryPolicy.Classify(new ProvisionedThroughputExceededException("slow down")));
            Assert.Equal(ErrorCategory.Throttling, RetryPolicy.Classify(new RequestLimitExceededException("slow down")));
        }

        [Fact]
        public void Classify_reads_the_error_code_of_typed_exceptions()
        {
            Assert.Equal(ErrorCategory.ConditionFailed, RetryPolicy.Classify(new ConditionalCheckFailedException("no") { ErrorCode = "ConditionalCheckFailedException" }));
            Assert.Equal(ErrorCategory.TableNotFound, RetryPolicy.Classify(new ResourceNotFoundException("no") { ErrorCode = "ResourceNotFoundException" }));
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new InternalServerErrorException("no") { ErrorCode = "InternalServerError", StatusCode = HttpStatusCode.InternalServerError }));
        }

        [Fact]
        public void Classify_treats_network_failures_and_timeouts_as_transient()
        {
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new HttpRequestException("connection reset")));
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new IOException("broken pipe")));
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new TimeoutException()));
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new SocketException((int)SocketError.ConnectionRefused)));
#pragma warning disable SYSLIB0014 // WebException is obsolete, but AWSSDK.Core still surfaces it.
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new WebException("dns")));
#pragma warning restore SYSLIB0014
        }

        [Fact]
        public void Classify_unwraps_a_client_exception_with_a_network_cause()
        {
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new AmazonClientException("send failed", new HttpRequestException("reset"))));
            Assert.Equal(ErrorCategory.Other, RetryPolicy.Classify(new AmazonClientException("no credentials")));
        }

        [Fact]
        public void Classify_calls_anything_else_other()
        {
            Assert.Equal(ErrorCategory.Other, RetryPolicy.Classify(new InvalidOperationException()));
            Assert.Equal(ErrorCategory.Other, RetryPolicy.Classify(new ArgumentException("bad")));
            Assert.Equal(ErrorCategory.Other, RetryPolicy.Classify(new NullReferenceException()));
        }

        [Theory]
        [InlineData(ErrorCategory.Throttling, true)]
        [InlineData(ErrorCategory.Transient, true)]
        [InlineData(ErrorCategory.Other, false)]
        [InlineData(ErrorCategory.AccessDenied, false)]
        [InlineData(ErrorCategory.TableNotFound, false)]
        [InlineData(ErrorCategory.ConditionFailed, false)]
        [InlineData(ErrorCategory.TransactionCanceled, false)]
        [InlineData(ErrorCategory.Validation, false)]
        public void Only_throttling_and_transient_failures_may_be_retried(ErrorCategory category, bool retriable)
        {
            // Every write may be resent: one that must not apply twice carries a client request token.
            Assert.Equal(retriable, RetryPolicy.IsRetriable(category));
        }

        [Fact]
        public void An_attempt_timeout_is_transient()
        {
            Assert.Equal(ErrorCategory.Transient, RetryPolicy.Classify(new Polly.Timeout.TimeoutRejectedException()));
        }

        [Fact]
        public void UpperBound_doubles_per_attempt_and_is_capped_at_MaxDelay()
        {
            var policy = new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) });

            Assert.Equal(TimeSpan.FromMilliseconds(10), policy.UpperBound(1));
            Assert.Equal(TimeSpan.FromMilliseconds(20), policy.UpperBound(2));
            Assert.Equal(TimeSpan.FromMilliseconds(40), policy.UpperBound(3));
            Assert.Equal(TimeSpan.FromMilliseconds(80), policy.UpperBound(4));
            Assert.Equal(TimeSpan.FromMilliseconds(100), policy.UpperBound(5));
            Assert.Equal(TimeSpan.FromMilliseconds(100), policy.UpperBound(6));
            Assert.Equal(TimeSpan.FromMilliseconds(100), policy.UpperBound(1000));
            Assert.Equal(TimeSpan.FromMilliseconds(100), policy.UpperBound(int.MaxValue));
            Assert.Equal(TimeSpan.FromMilliseconds(10), policy.UpperBound(0));
            Assert.Equal(TimeSpan.FromMilliseconds(10), policy.UpperBound(-5));
        }

        [Fact]
        public void UpperBound_is_monotonic_and_never_above_MaxDelay()
        {
            var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(3), MaxDelay = TimeSpan.FromSeconds(20) };
            var policy = new RetryPolicy(options);
            var previous = TimeSpan.Zero;
            for (var attempt = 1; attempt <= 64; attempt++)
            {
                var bound = policy.UpperBound(attempt);
                Assert.True(bound >= previous, $"attempt {attempt}: {bound} < {previous}");
                Assert.True(bound <= options.MaxDelay, $"attempt {attempt}: {bound} > {options.MaxDelay}");
                previous = bound;
            }

            Assert.Equal(options.MaxDelay, previous);
        }

        [Fact]
        public void GetDelay_is_always_between_zero_and_the_upper_bound()
        {
            var policy = new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(25), MaxDelay = TimeSpan.FromSeconds(1) });
            var random = new Random(12345);
            for (var attempt = 1; attempt <= 10; attempt++)
            {
                var bound = policy.UpperBound(attempt);
                for (var i = 0; i < 1000; i++)
                {
                    var delay = policy.GetDelay(attempt, random);
                    Assert.InRange(delay, TimeSpan.Zero, bound);
                }
            }
        }

        [Fact]
        public void GetDelay_uses_full_jitter_with_a_mean_of_about_half_the_bound()
        {
            var policy = new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2) });
            foreach (var attempt in new[] { 1, 3, 8 })
            {
                var random = new Random(31337 + attempt);
                var bound = policy.UpperBound(attempt).Ticks;
                const int Draws = 20000;
                double sum = 0;
                long min = long.MaxValue, max = 0;
                for (var i = 0; i < Draws; i++)
                {
                    var ticks = policy.GetDelay(attempt, random).Ticks;
                    sum += ticks;
                    min = Math.Min(min, ticks);
                    max = Math.Max(max, ticks);
                }

                var meanFraction = sum / Draws / bound;
                Assert.InRange(meanFraction, 0.47, 0.53);

                // Full jitter: the draws reach close to both zero and the bound.
                Assert.True(min < bound * 0.01, $"attempt {attempt}: smallest delay {min} of {bound}");
                Assert.True(max > bound * 0.99, $"attempt {attempt}: largest delay {max} of {bound}");
            }
        }

        [Fact]
        public void GetDelay_with_a_zero_base_delay_is_zero()
        {
            var policy = new RetryPolicy(new RetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
            Assert.Equal(TimeSpan.Zero, policy.GetDelay(3, new Random(1)));
        }

        [Fact]
        public void GetDelay_rejects_a_null_random()
        {
            var policy = new RetryPolicy(new RetryOptions());
            Assert.Throws<ArgumentNullException>(() => policy.GetDelay(1, null!));
        }

        [Theory]
        [InlineData(0, 50, 2000)]
        [InlineData(-1, 50, 2000)]
        [InlineData(3, -1, 2000)]
        [InlineData(3, 50, 10)]
        [InlineData(3, -10, -5)]
        public void Invalid_options_throw(int maxAttempts, int baseMs, int maxMs)
        {
            var options = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(baseMs), MaxDelay = TimeSpan.FromMilliseconds(maxMs) };

            if (maxAttempts > 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(options));
            }

            var refused = Assert.Throws<ArgumentException>(() => new DynamoOperationRunner(new DynamoRepositoryOptions { Retry = options }));
            Assert.Contains("Retry:", refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Null_options_throw()
        {
            Assert.Throws<ArgumentNullException>(() => new RetryPolicy(null!));
        }

        [Fact]
        public void Default_options_are_valid()
        {
            var options = new RetryOptions();
            var policy = new RetryPolicy(options);

            Assert.Equal(TimeSpan.FromMilliseconds(50), policy.UpperBound(1));
            Assert.Equal(TimeSpan.FromSeconds(2), policy.UpperBound(20));
        }
    }
}

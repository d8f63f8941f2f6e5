using System;
using System.ComponentModel;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Polly.Timeout;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Classifies failures and computes retry delays: exponential backoff with full jitter
    /// (a random delay between zero and the capped exponential bound), which spreads retries of
    /// many clients apart instead of letting them collide again. Whether a failure is retried, the budget and the
    /// circuit breaker are the operation runner's pipeline (Polly); batches use the same delays between rounds.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RetryPolicy
    {
        private readonly TimeSpan _baseDelay;
        private readonly TimeSpan _maxDelay;

        /// <summary>Creates a policy from options; the delays are validated here.</summary>
        public RetryPolicy(RetryOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "RetryOptions.BaseDelay must be non-negative and no more than MaxDelay.");
            }

            // Copied, so a later change to a shared options object cannot bypass the checks above.
            _baseDelay = options.BaseDelay;
            _maxDelay = options.MaxDelay;
        }

        /// <summary>Sorts an exception raised by the AWS client into a <see cref="ErrorCategory"/>.</summary>
        public static ErrorCategory Classify(Exception exception)
        {
            ArgumentNullException.ThrowIfNull(exception);
            switch (exception)
            {
                case AmazonUnmarshallingException:
                    // The answer was cut off or garbled after DynamoDB processed the request (often a 200): the write
                    // may have been applied, so it is retried under the lost-answer rules, like a dropped connection.
                    return ErrorCategory.Transient;
                case AmazonServiceException service:
                    return ClassifyService(service);
                case HttpRequestException:
                case IOException:
                case SocketException:
                case TimeoutException:
                case TimeoutRejectedException:
                case WebException:
                case OperationCanceledException:
                    // The runner lets the caller's own cancellation through before classifying, so a
                    // cancellation that reaches here is an HTTP timeout; TimeoutRejectedException is an attempt's.
                    return ErrorCategory.Transient;
                case AmazonClientException client when client.InnerException is not null:
                    return Classify(client.InnerException);
                default:
                    return ErrorCategory.Other;
            }
        }

        /// <summary>
        /// Whether a failure of <paramref name="category"/> may be retried: throttling and transient failures may. A
        /// transient failure may have applied a write; every write is safe to resend, because one that must not apply
        /// twice carries a client request token (docs/decisions.md).
        /// </summary>
        internal static bool IsRetriable(ErrorCategory category) => category is ErrorCategory.Throttling or ErrorCategory.Transient;

        /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry), drawn with full jitter.</summary>
        public TimeSpan GetDelay(int attempt, Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var bound = UpperBound(attempt);
            return TimeSpan.FromTicks((long)(random.NextDouble() * bound.Ticks));
        }

        /// <summary>The largest delay <see cref="GetDelay"/> can return for an attempt: base × 2^(attempt−1), capped.</summary>
        public TimeSpan UpperBound(int attempt)
        {
            var exponent = Math.Clamp(attempt - 1, 0, 30);
            var ticks = Math.Min((double)_baseDelay.Ticks * Math.Pow(2, exponent), _maxDelay.Ticks);
            return TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>
        /// Why a transaction was cancelled, by its reasons: only contention (another transaction on one of its items, or
        /// throttling), which DynamoDB's guidance is to retry; a failed condition, which is an answer (the caller's
        /// expected outcome); or a request DynamoDB refuses (<c>ValidationError</c>, an item too large), an error like the
        /// same refusal of a single-item write. Anything else is an error too.
        /// </summary>
        private static ErrorCategory ClassifyCancellation(TransactionCanceledException canceled)
        {
            bool contention = false, conditionFailed = false;
            foreach (var reason in canceled.CancellationReasons ?? new System.Collections.Generic.List<CancellationReason>())
            {
                switch (reason?.Code)
                {
                    case null:
                    case "None":
                        break;
                    case "TransactionConflict":
                    case "ThrottlingError":
                    case "ProvisionedThroughputExceeded":
                    case "RequestLimitExceeded":
                        contention = true;
                        break;
                    case "ConditionalCheckFailed":
                        conditionFailed = true;
                        break;
                    case "ValidationError":
                        return ErrorCategory.Validation;
                    default:
                        return ErrorCategory.Other;
                }
            }

            return conditionFailed || !contention ? ErrorCategory.TransactionCanceled : ErrorCategory.Throttling;
        }

        private static ErrorCategory ClassifyService(AmazonServiceException exception)
        {
            switch (exception.ErrorCode)
            {
                case "ProvisionedThroughputExceededException":
                case "ThrottlingException":
                case "Throttling":
                case "RequestLimitExceeded":
                case "TooManyRequestsException":
                    return ErrorCategory.Throttling;
                case "InternalServerError":
                case "InternalFailure":
                case "ServiceUnavailable":
                case "ServiceUnavailableException":
                    return ErrorCategory.Transient;
                case "AccessDeniedException":
                case "UnrecognizedClientException":
                case "InvalidSignatureException":
                case "MissingAuthenticationToken":
                case "ExpiredTokenException":
                    return ErrorCategory.AccessDenied;
                case "ResourceNotFoundException":
                    return ErrorCategory.TableNotFound;
                case "ConditionalCheckFailedException":
                    return ErrorCategory.ConditionFailed;
                case "TransactionCanceledException":
                    return exception is TransactionCanceledException canceled ? ClassifyCancellation(canceled) : ErrorCategory.TransactionCanceled;
                case "TransactionConflictException":
                case "TransactionInProgressException":
                    // Another transaction holds the item, or this one's earlier attempt is still running: nothing
                    // was applied by this request, and a retry (with the same client request token) is safe.
                    return ErrorCategory.Throttling;
                case "ValidationException":
                case "SerializationException":
                    return ErrorCategory.Validation;
            }

            if (exception is ProvisionedThroughputExceededException or RequestLimitExceededException)
            {
                return ErrorCategory.Throttling;
            }

            var status = (int)exception.StatusCode;
            if (status >= 500)
            {
                return ErrorCategory.Transient;
            }

            return status == 429 ? ErrorCategory.Throttling : ErrorCategory.Other;
        }
    }
}

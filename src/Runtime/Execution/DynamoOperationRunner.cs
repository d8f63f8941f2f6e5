using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Runs one DynamoDB request for a generated repository: logs it, sends it through the table's resilience pipeline
    /// (retries of throttling and transient failures with full-jitter backoff and the table's retry budget, the table's circuit
    /// breaker, attempt and overall timeouts), and turns AWS exceptions into the SDK's typed exceptions with a masked key.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DynamoOperationRunner
    {
        private readonly DynamoResilience _resilience;
        private readonly ILogger _logger;

        /// <summary>Creates a runner.</summary>
        /// <param name="options">
        /// Retry, circuit breaker and clock settings; runners of one options instance share each table's retry budget
        /// and circuit breaker. <see cref="DynamoRepositoryOptions"/> defaults when null.
        /// </param>
        /// <param name="logger">Where operation logs go; nothing is logged when null.</param>
        public DynamoOperationRunner(DynamoRepositoryOptions? options = null, ILogger? logger = null)
        {
            _resilience = DynamoResilience.For(options ?? new DynamoRepositoryOptions());
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The clock retries and timeouts use (<see cref="DynamoRepositoryOptions.TimeProvider"/>).</summary>
        internal TimeProvider Time => _resilience.Time;

        /// <summary>Takes a token from <paramref name="table"/>'s retry budget for a resend outside the runner (a batch's next round); false when it is spent.</summary>
        internal bool TryTakeRetry(string table) => _resilience.BudgetOf(table).TryTake();

        /// <summary>Sends a request, retrying as the options allow.</summary>
        /// <typeparam name="TResponse">The AWS response type.</typeparam>
        /// <param name="operation">What is being done, for logs and exceptions.</param>
        /// <param name="send">Sends the request once.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts; never retried.</param>
        /// <exception cref="DynamoRepositoryException">The request failed; the subtype says why.</exception>
        public Task<TResponse> ExecuteAsync<TResponse>(
            DynamoOperation operation,
            Func<CancellationToken, Task<TResponse>> send,
            CancellationToken cancellationToken)
            => ExecuteAsync(operation, send, static response => response, cancellationToken);

        /// <summary>
        /// Sends a request, retrying as the options allow, and reads its response with <paramref name="read"/> before
        /// the outcome is logged: a read whose stored item does not fit the schema is logged as a failure of the
        /// operation, not as a success followed by an exception.
        /// </summary>
        /// <typeparam name="TResponse">The AWS response type.</typeparam>
        /// <typeparam name="TResult">What the caller gets.</typeparam>
        /// <param name="operation">What is being done, for logs and exceptions.</param>
        /// <param name="send">Sends the request once.</param>
        /// <param name="read">Turns the response into the result; a <see cref="DynamoMappingException"/> from it fails the operation.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts; never retried.</param>
        /// <exception cref="DynamoRepositoryException">The request failed, or its response could not be read; the subtype says why.</exception>
        public async Task<TResult> ExecuteAsync<TResponse, TResult>(
            DynamoOperation operation,
            Func<CancellationToken, Task<TResponse>> send,
            Func<TResponse, TResult> read,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(send);
            ArgumentNullException.ThrowIfNull(read);
            using var telemetry = OperationTelemetry.Start(operation);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RuntimeLog.OperationStarting(_logger, operation.Name, operation.Table, operation.KeyText);
            }

            var attempts = new OperationAttempts(operation, telemetry, _logger, _resilience.Time.GetTimestamp());
            TResponse response;
            try
            {
                response = await _resilience.ExecuteAsync(attempts, send, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
            {
                telemetry.Failed(cancelled, expected: false, requestId: null);
                throw;
            }
            catch (Exception ex) when (ex is not DynamoRepositoryException)
            {
                // An open circuit or the overall timeout ended it, not DynamoDB's answer: never an expected outcome.
                var category = RetryPolicy.Classify(ex);
                var expected = category == operation.Expected && ex is not BrokenCircuitException && !attempts.TimedOut;
                telemetry.Failed(ex, expected, OperationTelemetry.RequestIdOf(ex));
                var failure = Fail(operation, category, expected, ex, attempts, telemetry);
                failure.AfterUncertainAttempt = attempts.Uncertain || attempts.TimedOut;
                throw failure;
            }

            TResult result;
            try
            {
                result = read(response);
            }
            catch (DynamoMappingException unreadable)
            {
                var requestId = OperationTelemetry.RequestIdOf(response);
                unreadable.RequestId ??= requestId;
                telemetry.Failed(unreadable, expected: false, requestId, response);
                if (_logger.IsEnabled(LogLevel.Error))
                {
                    RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, operation.KeyText, RuntimeLog.ErrorCode(unreadable), attempts.Count, ElapsedMs(telemetry), RuntimeLog.RequestIdField(requestId));
                }

                throw;
            }

            telemetry.Succeeded(response);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                if (OperationTelemetry.TotalCapacityUnits(response) is { } capacity)
                {
                    RuntimeLog.OperationSucceeded(_logger, operation.Name, operation.Table, operation.KeyText, ElapsedMs(telemetry), capacity);
                }
                else
                {
                    RuntimeLog.OperationSucceededWithoutCapacity(_logger, operation.Name, operation.Table, operation.KeyText, ElapsedMs(telemetry));
                }
            }

            return result;
        }

        private DynamoRepositoryException Fail(DynamoOperation operation, ErrorCategory category, bool expected, Exception ex, OperationAttempts attempts, in OperationTelemetry telemetry)
        {
            var key = operation.KeyText;
            var code = ex is BrokenCircuitException ? "CircuitOpen" : attempts.TimedOut ? "Timeout" : RuntimeLog.ErrorDetail(ex);
            var requestId = RuntimeLog.RequestIdField(OperationTelemetry.RequestIdOf(ex));
            var tries = attempts.Count;
            if (expected)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    RuntimeLog.OperationEndedAsExpected(_logger, operation.Name, operation.Table, key, code, ElapsedMs(telemetry), requestId);
                }
            }
            else if (_logger.IsEnabled(LogLevel.Error))
            {
                RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, key, code, tries, ElapsedMs(telemetry), requestId);
            }

            var subject = $"{operation.Name} on table '{operation.Table}'{(operation.Key is null ? string.Empty : " for " + key)}";
            var keyForException = operation.Key is null ? null : key;
            DynamoRepositoryException Error(string what, DynamoErrorKind kind = DynamoErrorKind.Failed, TimeSpan? retryAfter = null)
                => new(subject + what, operation.Name, operation.Table, keyForException, tries, ex, kind, retryAfter);

            if (ex is BrokenCircuitException open)
            {
                // Only a call of which nothing may have been applied is the circuit's refusal: a caller may resend that
                // one. After an attempt that failed in a way that may have applied it, the outcome is uncertain, as after
                // a lost answer, so it is the transient failure, with the breaker's exception inside.
                if (attempts.Uncertain)
                {
                    return Error($" failed after {tries} attempt(s) and may have been applied: an attempt failed with {RuntimeLog.ErrorDetail(attempts.LastFailure!)}, then the table's circuit breaker opened and refused the retry.", DynamoErrorKind.Transient);
                }

                var after = open.RetryAfter is { } wait ? $"; a probe is let through in {wait.TotalSeconds:0.#} s" : string.Empty;
                var what = tries == 0 ? "was not sent" : $"was not applied: its {tries} attempt(s) were throttled, and";
                return Error($" {what} the table's circuit breaker is open after repeated service failures{after}.", DynamoErrorKind.CircuitOpen, open.RetryAfter);
            }

            if (attempts.TimedOut)
            {
                return Error($" timed out after {attempts.Count} attempt(s): it outlasted Retry:MaxElapsed ({_resilience.Retry.MaxElapsed.TotalSeconds:0.###} s).", DynamoErrorKind.Transient);
            }

            var spent = attempts.BudgetSpent ? " (the table's retry budget, Retry:Budget, is spent)" : string.Empty;
            return category switch
            {
                ErrorCategory.Throttling => Error($" was still throttled ({code}) after {tries} attempt(s){spent}.", DynamoErrorKind.Throttled),
                ErrorCategory.Transient => Error($" failed with {code} after {tries} attempt(s){spent}.", DynamoErrorKind.Transient),
                ErrorCategory.AccessDenied => Error($" was denied ({code}). Check the credentials and the IAM policy for this table.", DynamoErrorKind.AccessDenied),
                ErrorCategory.TableNotFound => Error(" failed: the table does not exist in this account and region. Create it first (for example with DynamoTableManager.EnsureTablesAsync).", DynamoErrorKind.TableNotFound),
                ErrorCategory.ConditionFailed => new DynamoConditionFailedException($"{subject}: the condition was not met.", operation.Name, operation.Table, keyForException, tries, ex),
                ErrorCategory.Validation => Error($" was rejected by DynamoDB as invalid ({code})."),
                _ => Error($" failed with {code}."),
            };
        }

        private static double ElapsedMs(in OperationTelemetry telemetry) => telemetry.Elapsed.TotalMilliseconds;
    }
}

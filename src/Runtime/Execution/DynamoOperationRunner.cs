using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Runs one DynamoDB request for a generated repository: logs it, retries throttling and transient
    /// failures with backoff, and turns AWS exceptions into the SDK's typed exceptions with a masked key.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DynamoOperationRunner
    {
        private readonly RetryPolicy _retry;
        private readonly ILogger _logger;

        /// <summary>Creates a runner.</summary>
        /// <param name="retry">Retry settings; <see cref="RetryOptions"/> defaults when null.</param>
        /// <param name="logger">Where operation logs go; nothing is logged when null.</param>
        public DynamoOperationRunner(RetryOptions? retry = null, ILogger? logger = null)
        {
            _retry = new RetryPolicy(retry ?? new RetryOptions());
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>Sends a request, retrying as the policy allows.</summary>
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
        /// Sends a request, retrying as the policy allows, and reads its response with <paramref name="read"/> before
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

            // Set once an attempt failed in a way that may have applied it, so a later failure can be told apart
            // from the retry meeting that attempt's own write.
            var uncertain = false;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var response = await send(cancellationToken).ConfigureAwait(false);
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
                            RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, operation.KeyText, RuntimeLog.ErrorCode(unreadable), attempt, ElapsedMs(telemetry), RuntimeLog.RequestIdField(requestId));
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
                catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
                {
                    telemetry.Failed(cancelled, expected: false, requestId: null);
                    throw;
                }
                catch (Exception ex) when (ex is not DynamoRepositoryException)
                {
                    var category = RetryPolicy.Classify(ex);
                    if (category == ErrorCategory.Throttling)
                    {
                        telemetry.Throttled(ex);
                    }

                    TimeSpan delay = default;
                    if (_retry.ShouldRetry(category, attempt)
                        && _retry.FitsBudget(telemetry.Elapsed, delay = _retry.GetDelay(attempt, Random.Shared)))
                    {
                        telemetry.Retrying(ex);
                        if (_logger.IsEnabled(LogLevel.Warning))
                        {
                            RuntimeLog.OperationRetrying(_logger, operation.Name, operation.Table, operation.KeyText, RuntimeLog.ErrorCode(ex), attempt, RuntimeLog.RequestIdField(OperationTelemetry.RequestIdOf(ex)), delay.TotalMilliseconds);
                        }

                        uncertain |= category == ErrorCategory.Transient;
                        try
                        {
                            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException cancelled)
                        {
                            telemetry.Failed(cancelled, expected: false, requestId: null);
                            throw;
                        }

                        continue;
                    }

                    var expected = category == operation.Expected;
                    telemetry.Failed(ex, expected, OperationTelemetry.RequestIdOf(ex));
                    var failure = Fail(operation, category, ex, attempt, telemetry);
                    failure.AfterUncertainAttempt = uncertain;
                    throw failure;
                }
            }
        }

        private DynamoRepositoryException Fail(DynamoOperation operation, ErrorCategory category, Exception ex, int attempts, in OperationTelemetry telemetry)
        {
            var key = operation.KeyText;
            var code = RuntimeLog.ErrorDetail(ex);
            var requestId = RuntimeLog.RequestIdField(OperationTelemetry.RequestIdOf(ex));
            if (category == operation.Expected)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    RuntimeLog.OperationEndedAsExpected(_logger, operation.Name, operation.Table, key, code, ElapsedMs(telemetry), requestId);
                }
            }
            else if (_logger.IsEnabled(LogLevel.Error))
            {
                RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, key, code, attempts, ElapsedMs(telemetry), requestId);
            }

            var subject = $"{operation.Name} on table '{operation.Table}'{(operation.Key is null ? string.Empty : " for " + key)}";
            var keyForException = operation.Key is null ? null : key;
            return category switch
            {
                ErrorCategory.Throttling => new DynamoThrottledException($"{subject} was still throttled ({code}) after {attempts} attempt(s).", operation.Name, operation.Table, keyForException, attempts, ex),
                ErrorCategory.Transient => new DynamoTransientException($"{subject} failed with {code} after {attempts} attempt(s).", operation.Name, operation.Table, keyForException, attempts, ex),
                ErrorCategory.AccessDenied => new DynamoAccessDeniedException($"{subject} was denied ({code}). Check the credentials and the IAM policy for this table.", operation.Name, operation.Table, keyForException, attempts, ex),
                ErrorCategory.TableNotFound => new DynamoTableNotFoundException($"{subject} failed: the table does not exist in this account and region. Create it first (for example with DynamoTableManager.EnsureTablesAsync).", operation.Name, operation.Table, keyForException, attempts, ex),
                ErrorCategory.ConditionFailed => new DynamoConditionFailedException($"{subject}: the condition was not met.", operation.Name, operation.Table, keyForException, attempts, ex),
                ErrorCategory.Validation => new DynamoRepositoryException($"{subject} was rejected by DynamoDB as invalid ({code}).", operation.Name, operation.Table, keyForException, attempts, ex),
                _ => new DynamoRepositoryException($"{subject} failed with {code}.", operation.Name, operation.Table, keyForException, attempts, ex),
            };
        }

        private static double ElapsedMs(in OperationTelemetry telemetry) => telemetry.Elapsed.TotalMilliseconds;
    }
}

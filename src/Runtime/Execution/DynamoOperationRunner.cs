using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
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
            var started = Stopwatch.GetTimestamp();
            using var activity = DynamoTelemetry.ActivitySource.StartActivity("DynamoDB " + operation.Name, ActivityKind.Client);
            activity?.SetTag("db.system", "dynamodb");
            activity?.SetTag("db.operation", operation.Name);
            activity?.SetTag("aws.dynamodb.table_names", operation.Table);
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
                        Record(operation, "error", started);
                        activity?.SetStatus(ActivityStatusCode.Error, nameof(DynamoMappingException));
                        if (_logger.IsEnabled(LogLevel.Error))
                        {
                            RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, operation.KeyText, RuntimeLog.ErrorCode(unreadable), attempt, ElapsedMs(started));
                        }

                        throw;
                    }

                    Record(operation, "success", started);
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        if (ConsumedCapacity(response) is { } capacity)
                        {
                            RuntimeLog.OperationSucceeded(_logger, operation.Name, operation.Table, operation.KeyText, ElapsedMs(started), capacity);
                        }
                        else
                        {
                            RuntimeLog.OperationSucceededWithoutCapacity(_logger, operation.Name, operation.Table, operation.KeyText, ElapsedMs(started));
                        }
                    }

                    return result;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (ex is not DynamoRepositoryException)
                {
                    var category = RetryPolicy.Classify(ex);
                    if (category == ErrorCategory.Throttling)
                    {
                        DynamoTelemetry.Throttles.Add(1, new("db.operation", operation.Name), new("aws.dynamodb.table_names", operation.Table));
                    }

                    TimeSpan delay = default;
                    if (_retry.ShouldRetry(category, attempt)
                        && _retry.FitsBudget(Stopwatch.GetElapsedTime(started), delay = _retry.GetDelay(attempt, Random.Shared)))
                    {
                        DynamoTelemetry.Retries.Add(1, new("db.operation", operation.Name), new("aws.dynamodb.table_names", operation.Table), new("error.type", RuntimeLog.ErrorCode(ex)));
                        if (_logger.IsEnabled(LogLevel.Warning))
                        {
                            RuntimeLog.OperationRetrying(_logger, operation.Name, operation.Table, operation.KeyText, RuntimeLog.ErrorCode(ex), attempt, delay.TotalMilliseconds);
                        }

                        uncertain |= category == ErrorCategory.Transient;
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    Record(operation, category == operation.Expected ? "expected" : "error", started);
                    activity?.SetStatus(category == operation.Expected ? ActivityStatusCode.Unset : ActivityStatusCode.Error, RuntimeLog.ErrorCode(ex));
                    var failure = Fail(operation, category, ex, attempt, started);
                    failure.AfterUncertainAttempt = uncertain;
                    throw failure;
                }
            }
        }

        private DynamoRepositoryException Fail(DynamoOperation operation, ErrorCategory category, Exception ex, int attempts, long started)
        {
            var key = operation.KeyText;
            var code = RuntimeLog.ErrorDetail(ex);
            if (category == operation.Expected)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    RuntimeLog.OperationEndedAsExpected(_logger, operation.Name, operation.Table, key, code, ElapsedMs(started));
                }
            }
            else if (_logger.IsEnabled(LogLevel.Error))
            {
                RuntimeLog.OperationFailed(_logger, operation.Name, operation.Table, key, code, attempts, ElapsedMs(started));
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

        private static void Record(DynamoOperation operation, string outcome, long started)
            => DynamoTelemetry.Duration.Record(
                ElapsedMs(started),
                new("db.operation", operation.Name),
                new("aws.dynamodb.table_names", operation.Table),
                new("outcome", outcome));

        /// <summary>The capacity units a response reports, when the request asked for them (<c>ReturnConsumedCapacity</c>).</summary>
        private static double? ConsumedCapacity(object? response) => response switch
        {
            GetItemResponse r => r.ConsumedCapacity?.CapacityUnits,
            PutItemResponse r => r.ConsumedCapacity?.CapacityUnits,
            UpdateItemResponse r => r.ConsumedCapacity?.CapacityUnits,
            DeleteItemResponse r => r.ConsumedCapacity?.CapacityUnits,
            QueryResponse r => r.ConsumedCapacity?.CapacityUnits,
            ScanResponse r => r.ConsumedCapacity?.CapacityUnits,
            BatchWriteItemResponse r => Sum(r.ConsumedCapacity),
            BatchGetItemResponse r => Sum(r.ConsumedCapacity),
            TransactWriteItemsResponse r => Sum(r.ConsumedCapacity),
            _ => null,
        };

        private static double? Sum(List<ConsumedCapacity>? capacities)
        {
            if (capacities is null || capacities.Count == 0)
            {
                return null;
            }

            double total = 0;
            foreach (var capacity in capacities)
            {
                total += capacity.CapacityUnits ?? 0;
            }

            return total;
        }

        private static double ElapsedMs(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}

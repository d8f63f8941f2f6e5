using System;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The runtime's log events, source-generated so they cost nothing when disabled. Event IDs are
    /// stable: dashboards and alerts may rely on them. Keys arrive here already masked.
    /// </summary>
    internal static partial class RuntimeLog
    {
        // Field names are snake_case, as in the legacy service's JSON logs (operation, duration_ms, ...), so
        // existing log queries keep working. No trace_id field: every operation line is written while the operation's
        // span is Activity.Current, so the logging pipeline links it to the trace (OpenTelemetry log records, or the
        // TraceId/SpanId scope of LoggerFactoryOptions.ActivityTrackingOptions).
        [LoggerMessage(EventId = 1001, EventName = "OperationStarting", Level = LogLevel.Debug,
            Message = "DynamoDB {operation} on {table} for {key} starting")]
        public static partial void OperationStarting(ILogger logger, string operation, string table, string? key);

        [LoggerMessage(EventId = 1002, EventName = "OperationSucceeded", Level = LogLevel.Information,
            Message = "DynamoDB {operation} on {table} for {key} succeeded in {duration_ms:F1} ms, {consumed_capacity} capacity units")]
        public static partial void OperationSucceeded(ILogger logger, string operation, string table, string? key, double duration_ms, double consumed_capacity);

        // Table management (DescribeTable, CreateTable, UpdateTimeToLive) reports no capacity: its own event, rather
        // than "(null) capacity units".
        [LoggerMessage(EventId = 1006, EventName = "OperationSucceededWithoutCapacity", Level = LogLevel.Information,
            Message = "DynamoDB {operation} on {table} for {key} succeeded in {duration_ms:F1} ms")]
        public static partial void OperationSucceededWithoutCapacity(ILogger logger, string operation, string table, string? key, double duration_ms);

        [LoggerMessage(EventId = 1003, EventName = "OperationRetrying", Level = LogLevel.Warning,
            Message = "DynamoDB {operation} on {table} for {key} failed with {error_code} on attempt {attempt} (request id {request_id}); retrying in {delay_ms:F0} ms")]
        public static partial void OperationRetrying(ILogger logger, string operation, string table, string? key, string error_code, int attempt, string request_id, double delay_ms);

        [LoggerMessage(EventId = 1004, EventName = "OperationFailed", Level = LogLevel.Error,
            Message = "DynamoDB {operation} on {table} for {key} failed with {error_code} after {attempts} attempt(s) in {duration_ms:F1} ms (request id {request_id})")]
        public static partial void OperationFailed(ILogger logger, string operation, string table, string? key, string error_code, int attempts, double duration_ms, string request_id);

        [LoggerMessage(EventId = 1005, EventName = "OperationEndedAsExpected", Level = LogLevel.Debug,
            Message = "DynamoDB {operation} on {table} for {key} ended with {error_code}, an outcome the caller handles, in {duration_ms:F1} ms (request id {request_id})")]
        public static partial void OperationEndedAsExpected(ILogger logger, string operation, string table, string? key, string error_code, double duration_ms, string request_id);

        [LoggerMessage(EventId = 1100, EventName = "CircuitOpened", Level = LogLevel.Warning,
            Message = "The circuit breaker of table {table} opened after repeated service failures (last {error_code}, request id {request_id}); calls on it fail fast for {break_s} s")]
        public static partial void CircuitOpened(ILogger logger, string table, string error_code, double break_s, string request_id);

        [LoggerMessage(EventId = 1101, EventName = "CircuitHalfOpened", Level = LogLevel.Information,
            Message = "The circuit breaker of table {table} lets a probe request through")]
        public static partial void CircuitHalfOpened(ILogger logger, string table);

        [LoggerMessage(EventId = 1102, EventName = "CircuitClosed", Level = LogLevel.Information,
            Message = "The circuit breaker of table {table} closed: requests are sent again")]
        public static partial void CircuitClosed(ILogger logger, string table);

        [LoggerMessage(EventId = 1103, EventName = "SdkRetriesStacked", Level = LogLevel.Warning,
            Message = "The registered IAmazonDynamoDB retries by itself (MaxErrorRetry = {max_error_retry}, RetryMode = {retry_mode}, MaxStaleConnectionRetries = {max_stale_connection_retries}) under the runtime's own retries, so attempts multiply and a write may be resent before the runtime sees the failure: set AmazonDynamoDBConfig.MaxErrorRetry = 0 and MaxStaleConnectionRetries = 0 on it, or let AddDynamoRepositories create the client")]
        public static partial void SdkRetriesStacked(ILogger logger, int max_error_retry, string retry_mode, int max_stale_connection_retries);

        [LoggerMessage(EventId = 1010, EventName = "TableCreating", Level = LogLevel.Information,
            Message = "Creating DynamoDB table {table}")]
        public static partial void TableCreating(ILogger logger, string table);

        [LoggerMessage(EventId = 1011, EventName = "TableReady", Level = LogLevel.Information,
            Message = "DynamoDB table {table} is active")]
        public static partial void TableReady(ILogger logger, string table);

        // Table verification (1200-1219). Names of tables, attributes and indexes only: no item data.
        [LoggerMessage(EventId = 1200, EventName = "TableMatches", Level = LogLevel.Information,
            Message = "DynamoDB table {table} matches its definition")]
        public static partial void TableMatches(ILogger logger, string table);

        [LoggerMessage(EventId = 1201, EventName = "TableDiffers", Level = LogLevel.Warning,
            Message = "DynamoDB table {table} differs from its definition: {what} is {actual}, expected {expected}")]
        public static partial void TableDiffers(ILogger logger, string table, string what, string expected, string actual);

        // Unique values (1400–1419): a write of an entity with unique attributes read the item, and another writer changed
        // its unique values before the transaction ran (it reads again); or a value it gave up was guarded for another
        // entity (both held it before the attribute was unique), so that guard stays.
        [LoggerMessage(EventId = 1400, EventName = "UniqueValuesChanged", Level = LogLevel.Debug,
            Message = "{entity} {key} on {table}: its unique values changed since it was read (round {round}); reading it again")]
        public static partial void UniqueValuesChanged(ILogger logger, string entity, string table, string key, int round);

        [LoggerMessage(EventId = 1401, EventName = "UniqueGuardOwnedByAnother", Level = LogLevel.Warning,
            Message = "{entity} {key} on {table} gave up a unique value whose guard belongs to another {entity} (both held it before it was unique); the guard stays with that one")]
        public static partial void GuardOwnedByAnother(ILogger logger, string entity, string table, string key);

        /// <summary>
        /// The error code printed for an exception, also its <c>error.type</c> in telemetry: the AWS error code, or the
        /// exception type.
        /// </summary>
        public static string ErrorCode(Exception exception) => AwsErrorCode(exception) ?? exception.GetType().Name;

        /// <summary>DynamoDB's error code when it answered with one (<c>ProvisionedThroughputExceededException</c>); otherwise null.</summary>
        public static string? AwsErrorCode(Exception exception)
            => exception is Amazon.Runtime.AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : null;

        /// <summary>
        /// The <c>request_id</c> field of failure lines: the AWS request id (<c>x-amzn-RequestId</c>) of the answer, or
        /// <c>-</c> when none came (a dropped connection, a timeout), as <c>key</c> is <c>-</c> for operations without one.
        /// </summary>
        public static string RequestIdField(string? requestId) => requestId ?? "-";

        /// <summary>
        /// The error code with what a cancelled transaction gives as its reasons (<c>TransactionCanceledException
        /// [ValidationError]</c>), for failure logs and messages: the code alone does not say why. Only the reason codes:
        /// DynamoDB's reason messages can quote stored values.
        /// </summary>
        public static string ErrorDetail(Exception exception)
        {
            var code = ErrorCode(exception);
            if (exception is not Amazon.DynamoDBv2.Model.TransactionCanceledException { CancellationReasons: { Count: > 0 } reasons })
            {
                return code;
            }

            var codes = new System.Collections.Generic.List<string>();
            foreach (var reason in reasons)
            {
                if (reason?.Code is { Length: > 0 } reasonCode && reasonCode != "None" && !codes.Contains(reasonCode))
                {
                    codes.Add(reasonCode);
                }
            }

            return codes.Count == 0 ? code : $"{code} [{string.Join(", ", codes)}]";
        }
    }
}

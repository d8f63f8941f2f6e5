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
        [LoggerMessage(EventId = 1001, EventName = "OperationStarting", Level = LogLevel.Debug,
            Message = "DynamoDB {Operation} on {Table} for {Key} starting")]
        public static partial void OperationStarting(ILogger logger, string operation, string table, string? key);

        [LoggerMessage(EventId = 1002, EventName = "OperationSucceeded", Level = LogLevel.Information,
            Message = "DynamoDB {Operation} on {Table} for {Key} succeeded in {DurationMs:F1} ms, {ConsumedCapacity} capacity units")]
        public static partial void OperationSucceeded(ILogger logger, string operation, string table, string? key, double durationMs, double? consumedCapacity);

        [LoggerMessage(EventId = 1003, EventName = "OperationRetrying", Level = LogLevel.Warning,
            Message = "DynamoDB {Operation} on {Table} for {Key} failed with {ErrorCode} on attempt {Attempt}; retrying in {DelayMs:F0} ms")]
        public static partial void OperationRetrying(ILogger logger, string operation, string table, string? key, string errorCode, int attempt, double delayMs);

        [LoggerMessage(EventId = 1004, EventName = "OperationFailed", Level = LogLevel.Error,
            Message = "DynamoDB {Operation} on {Table} for {Key} failed with {ErrorCode} after {Attempts} attempt(s) in {DurationMs:F1} ms")]
        public static partial void OperationFailed(ILogger logger, string operation, string table, string? key, string errorCode, int attempts, double durationMs);

        [LoggerMessage(EventId = 1005, EventName = "OperationEndedAsExpected", Level = LogLevel.Debug,
            Message = "DynamoDB {Operation} on {Table} for {Key} ended with {ErrorCode}, an outcome the caller handles, in {DurationMs:F1} ms")]
        public static partial void OperationEndedAsExpected(ILogger logger, string operation, string table, string? key, string errorCode, double durationMs);

        [LoggerMessage(EventId = 1010, EventName = "TableCreating", Level = LogLevel.Information,
            Message = "Creating DynamoDB table {Table}")]
        public static partial void TableCreating(ILogger logger, string table);

        [LoggerMessage(EventId = 1011, EventName = "TableReady", Level = LogLevel.Information,
            Message = "DynamoDB table {Table} is active")]
        public static partial void TableReady(ILogger logger, string table);

        /// <summary>The error code printed for an exception: the AWS error code, or the exception type.</summary>
        public static string ErrorCode(Exception exception)
            => exception is Amazon.Runtime.AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name;
    }
}

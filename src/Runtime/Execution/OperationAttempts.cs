using System;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// One operation's attempts as the pipeline sees them: how many were sent, the last failure's category, whether one
    /// may have applied a write, and why retrying stopped. The pipeline's callbacks record here; the runner reads it to
    /// raise the typed exception.
    /// </summary>
    internal sealed class OperationAttempts(DynamoOperation operation, OperationTelemetry telemetry, ILogger logger, long started)
    {
        public DynamoOperation Operation { get; } = operation;

        public OperationTelemetry Telemetry { get; } = telemetry;

        /// <summary>The operation's logger, which also logs the breaker events its outcome causes.</summary>
        public ILogger Logger { get; } = logger;

        /// <summary>When the first attempt started, on the pipeline's clock.</summary>
        public long Started { get; } = started;

        /// <summary>Attempts sent (an attempt an open circuit refused is not).</summary>
        public int Count { get; set; }

        /// <summary>
        /// Set once an attempt failed in a way that may have applied it and was retried, so a later failure can be told
        /// apart from the retry meeting that attempt's own write.
        /// </summary>
        public bool Uncertain { get; private set; }

        /// <summary>The delay drawn for the retry the pipeline is about to wait for.</summary>
        public TimeSpan NextDelay { get; set; }

        /// <summary>A retry was refused because the table's retry budget was spent.</summary>
        public bool BudgetSpent { get; set; }

        /// <summary>The running attempt's timeout is what was left of the overall one, so its timing out ends the operation.</summary>
        public bool EndsAtDeadline { get; set; }

        /// <summary>The overall timeout ended the operation.</summary>
        public bool TimedOut { get; set; }

        /// <summary>The category of the last failed attempt.</summary>
        public ErrorCategory LastCategory { get; private set; }

        /// <summary>The last failed attempt's exception, for the message when a later retry is refused.</summary>
        public Exception? LastFailure { get; private set; }

        public void Failed(Exception failure, ErrorCategory category)
        {
            LastCategory = category;
            LastFailure = failure;
            if (category == ErrorCategory.Throttling)
            {
                Telemetry.Throttled(failure);
            }
        }

        public void Retrying(Exception failure, TimeSpan delay)
        {
            Telemetry.Retrying(failure);
            if (Logger.IsEnabled(LogLevel.Warning))
            {
                RuntimeLog.OperationRetrying(Logger, Operation.Name, Operation.Table, Operation.KeyText, RuntimeLog.ErrorCode(failure), Count, RuntimeLog.RequestIdField(OperationTelemetry.RequestIdOf(failure)), delay.TotalMilliseconds);
            }

            Uncertain |= LastCategory == ErrorCategory.Transient;
        }
    }
}

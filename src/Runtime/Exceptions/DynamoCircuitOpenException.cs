using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Nothing of the call was applied: the table's circuit breaker is open after sustained service failures (5xx,
    /// dropped connections, timeouts), so calls fail fast instead of adding load to a table that is failing. Either no
    /// attempt was sent (<see cref="DynamoRepositoryException.Attempts"/> is 0), or every attempt sent was throttled
    /// (never applied) and the circuit refused the retry; the call may be sent again. When an earlier attempt of the
    /// call failed in a way that may have applied it (a 5xx, a lost answer, a timeout) and the circuit then refused the
    /// retry, the call fails with <see cref="DynamoTransientException"/> instead (possibly applied), the breaker's
    /// exception inside. The circuit closes when a probe request succeeds, after <see cref="RetryAfter"/>.
    /// </summary>
    public sealed class DynamoCircuitOpenException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        /// <param name="message">The message, naming the table.</param>
        /// <param name="operation">The DynamoDB operation that was refused.</param>
        /// <param name="table">The table whose circuit is open.</param>
        /// <param name="key">The masked key, or null.</param>
        /// <param name="attempts">Attempts sent before the circuit refused one (0 when the first was refused).</param>
        /// <param name="retryAfter">How long until the breaker lets a probe through, when known.</param>
        /// <param name="innerException">The breaker's own exception.</param>
        public DynamoCircuitOpenException(string message, string? operation, string? table, string? key, int attempts, TimeSpan? retryAfter, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
            RetryAfter = retryAfter;
        }

        /// <summary>How long from the refusal until the breaker lets a probe request through; null when not known.</summary>
        public TimeSpan? RetryAfter { get; }
    }
}

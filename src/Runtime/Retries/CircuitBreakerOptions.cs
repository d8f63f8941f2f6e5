using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The circuit breaker each table has (one per table name and options instance). It counts service failures of
    /// single attempts (5xx, dropped connections, attempt timeouts; not throttling, which the retry budget handles), and
    /// opens when they are at least <see cref="FailureRatio"/> of at least <see cref="MinimumThroughput"/> attempts within
    /// <see cref="SamplingDuration"/>. While open, calls on the table fail fast with a
    /// <see cref="DynamoRepositoryException"/> of kind <see cref="DynamoErrorKind.CircuitOpen"/>; after <see cref="BreakDuration"/> one probe request is let through, and
    /// its success closes the circuit. Defaults are conservative: only a sustained outage opens it.
    /// </summary>
    public sealed class CircuitBreakerOptions
    {
        /// <summary>Whether tables have a circuit breaker. Default true.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The share of failed attempts (above 0, up to 1) that opens the circuit. Default 0.5.</summary>
        public double FailureRatio { get; set; } = 0.5;

        /// <summary>Attempts within the sampling duration below which the circuit never opens (2 or more). Default 20.</summary>
        public int MinimumThroughput { get; set; } = 20;

        /// <summary>The window the failure ratio is measured over (at least 0.5 s). Default 30 s.</summary>
        public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long the circuit stays open before a probe is let through (at least 0.5 s). Default 5 s.</summary>
        public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
    }
}

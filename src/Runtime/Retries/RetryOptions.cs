using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>How the runtime retries throttled and transient failures. Defaults suit an interactive service.</summary>
    public sealed class RetryOptions
    {
        /// <summary>Attempts in all, the first included. 1 turns retries off. Default 5.</summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>The delay cap before the first retry; it doubles per retry. Default 50 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

        /// <summary>No single delay is longer than this. Default 2 s.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// The overall timeout of one operation, its attempts and the delays between them included: no retry is scheduled
        /// whose delay would end later, and an attempt still running then is cancelled (a
        /// <see cref="DynamoRepositoryException"/> of kind <see cref="DynamoErrorKind.Transient"/>). Default 10 s.
        /// </summary>
        public TimeSpan MaxElapsed { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The timeout of one attempt: one still running then is cancelled and counts as a transient failure, retried like
        /// a dropped connection. Default 5 s.
        /// </summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// The retry budget of each table: how many retries the operations on one table sharing one
        /// <see cref="DynamoRepositoryOptions"/> may make in a burst (a batch's extra rounds included). Each retry takes
        /// one; each successful attempt gives back a fifth, up to this. When it is spent, failures are not retried, so a
        /// fleet under throttling backs off instead of multiplying its load; each table has its own, so a throttled hot
        /// table never spends the retries another table needs. Default 100.
        /// </summary>
        public int Budget { get; set; } = 100;
    }
}

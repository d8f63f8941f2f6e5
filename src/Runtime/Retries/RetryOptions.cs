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
        /// No retry is scheduled whose delay would end later than this after the first attempt started, whatever
        /// attempts remain. Default 10 s.
        /// </summary>
        public TimeSpan MaxElapsed { get; set; } = TimeSpan.FromSeconds(10);
    }
}

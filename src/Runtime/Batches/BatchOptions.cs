namespace Bookings.Generated.Runtime
{
    /// <summary>How batch reads and writes are split and retried.</summary>
    public sealed class BatchOptions
    {
        /// <summary>Requests in flight at once for a large input. Default 4.</summary>
        public int MaxConcurrency { get; set; } = 4;

        /// <summary>
        /// Rounds of resending what DynamoDB returned as unprocessed, the first send included, before
        /// giving up and naming what was not done. Default 8.
        /// </summary>
        public int MaxRounds { get; set; } = 8;
    }
}

namespace Bookings.Cli
{
    /// <summary>Process exit codes; docs/cli.md lists them.</summary>
    internal static class ExitCodes
    {
        /// <summary>Everything worked.</summary>
        public const int Success = 0;

        /// <summary>A DynamoDB operation failed; the message says which and why.</summary>
        public const int Failure = 1;

        /// <summary>No DynamoDB could be reached or started (no Java, bad endpoint).</summary>
        public const int Unavailable = 3;
    }
}

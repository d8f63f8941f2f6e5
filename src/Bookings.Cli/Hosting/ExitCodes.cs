namespace Bookings.Cli
{
    /// <summary>Process exit codes; docs/cli.md lists them.</summary>
    internal static class ExitCodes
    {
        /// <summary>Everything worked.</summary>
        public const int Success = 0;

        /// <summary>A DynamoDB operation failed; the message says which and why.</summary>
        public const int Failure = 1;

        /// <summary>The command line or its input is invalid (bad option, invalid booking, unreadable file); nothing was changed.</summary>
        public const int Usage = 2;

        /// <summary>No DynamoDB could be reached or started (no Java, bad endpoint, connection refused).</summary>
        public const int Unavailable = 3;

        /// <summary>The booking or session asked for does not exist (get, flag, delete).</summary>
        public const int NotFound = 4;

        /// <summary>An import finished, but some rows were skipped (invalid) or failed (not written).</summary>
        public const int Incomplete = 5;

        /// <summary><c>booking create --if-absent</c>: a booking with that key already exists and was left unchanged.</summary>
        public const int Conflict = 6;

        /// <summary><c>import</c>: the file holds no rows (empty, only blank lines, or an empty JSON array); nothing was written.</summary>
        public const int NothingToImport = 7;

        /// <summary><c>tables verify</c>: the live tables differ from the schema (the differences are listed).</summary>
        public const int TablesDiffer = 8;
    }
}

using System;

namespace Bookings.Cli
{
    /// <summary>A problem the CLI explains itself: what was wrong, how to fix it, and the exit code.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(int exitCode, string message, string fix, Exception? innerException = null)
            : base(message, innerException)
        {
            ExitCode = exitCode;
            Fix = fix;
        }

        /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
        public int ExitCode { get; }

        /// <summary>How to fix it, one sentence.</summary>
        public string Fix { get; }

        public static CliException Usage(string message, string fix) => new(ExitCodes.Usage, message, fix);
    }
}

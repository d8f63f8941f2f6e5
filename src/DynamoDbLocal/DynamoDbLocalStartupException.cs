using System;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// Thrown when the DynamoDB Local process was started but did not become ready: it exited early, or
/// did not answer a request within the startup timeout. The message ends with the tail of the
/// process's output, which is also available as <see cref="ProcessOutput"/>.
/// </summary>
public sealed class DynamoDbLocalStartupException : Exception
{
    /// <summary>Creates the exception with a message and no process output.</summary>
    public DynamoDbLocalStartupException()
        : this("DynamoDB Local did not start.")
    {
    }

    /// <summary>Creates the exception with a message and no process output.</summary>
    /// <param name="message">What went wrong.</param>
    public DynamoDbLocalStartupException(string message)
        : this(message, string.Empty, exitCode: null, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message, no process output and an inner exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DynamoDbLocalStartupException(string message, Exception? innerException)
        : this(message, string.Empty, exitCode: null, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (the output tail is appended to it).</param>
    /// <param name="processOutput">The tail of the process's standard output and error.</param>
    /// <param name="exitCode">The process's exit code if it exited, else <c>null</c>.</param>
    /// <param name="innerException">The last error seen while probing, if any.</param>
    public DynamoDbLocalStartupException(string message, string processOutput, int? exitCode, Exception? innerException)
        : base(Compose(message, processOutput), innerException)
    {
        ProcessOutput = processOutput;
        ExitCode = exitCode;
    }

    /// <summary>The tail of the Java process's standard output and standard error (may be empty).</summary>
    public string ProcessOutput { get; }

    /// <summary>The exit code of the Java process if it had exited, otherwise <c>null</c>.</summary>
    public int? ExitCode { get; }

    private static string Compose(string message, string processOutput) =>
        string.IsNullOrWhiteSpace(processOutput)
            ? message + Environment.NewLine + "(DynamoDB Local printed nothing.)"
            : message + Environment.NewLine + "DynamoDB Local output (tail):" + Environment.NewLine + processOutput.TrimEnd();
}

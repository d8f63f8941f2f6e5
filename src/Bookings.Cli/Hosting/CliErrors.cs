using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Bookings.Generated.Runtime;

namespace Bookings.Cli
{
    /// <summary>A failure as the CLI reports it: the exit code, what was wrong, and how to fix it.</summary>
    /// <param name="ExitCode">The process exit code (see <see cref="ExitCodes"/>).</param>
    /// <param name="Message">What was wrong.</param>
    /// <param name="Fix">How to fix it, one sentence; empty when there is nothing to fix.</param>
    internal readonly record struct CliError(int ExitCode, string Message, string Fix);

    /// <summary>
    /// Turns a failure into a message that says what was wrong and how to fix it, and the exit code. Only
    /// messages that cannot hold personal data are printed: the SDK's (masked by design) and the CLI's own.
    /// </summary>
    internal static class CliErrors
    {
        /// <summary>
        /// Reports a failure on stderr (<c>error:</c> and <c>fix:</c> lines) and, with <c>--json</c>, as an error object
        /// on stdout (<c>{"error":{"exitCode":…,"message":…,"fix":…}}</c>), so a script always has a JSON document to parse.
        /// </summary>
        /// <returns>The exit code.</returns>
        public static int Report(Exception exception, CliIo io, CliContext? context, bool json)
        {
            var error = Describe(exception, context);
            io.WriteError(error.Message, error.Fix);
            if (json)
            {
                io.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    WriteJson(writer, error);
                    writer.WriteEndObject();
                });
            }

            return error.ExitCode;
        }

        /// <summary>Writes the <c>error</c> member of a JSON result: <c>"error":{"exitCode":…,"message":…,"fix":…}</c>.</summary>
        public static void WriteJson(Utf8JsonWriter writer, CliError error)
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("exitCode", error.ExitCode);
            writer.WriteString("message", error.Message);
            writer.WriteString("fix", error.Fix);
            writer.WriteEndObject();
        }

        /// <summary>What the CLI says about a failure, and its exit code.</summary>
        public static CliError Describe(Exception exception, CliContext? context)
        {
            if (exception is DynamoBatchIncompleteException { InnerException: DynamoRepositoryException cause })
            {
                // A batch stopped by an error every request would hit (no table, no access, no connection): report that error.
                return Describe(cause, context);
            }

            var target = context?.TargetDescription ?? "the endpoint";
            var (code, message, fix) = exception switch
            {
                CliException cli => (cli.ExitCode, cli.Message, cli.Fix),
                DynamoValidationException invalid => (ExitCodes.Usage, invalid.Message,
                    "Correct that value and run the command again; nothing was sent to DynamoDB. See --help for the expected formats."),
                DynamoRepositoryException { Kind: DynamoErrorKind.TableNotFound } missing => (ExitCodes.Failure, missing.Message,
                    $"Create the tables with 'bookings tables ensure' against {target} (same --endpoint and --table-prefix), or fix --table-prefix."),
                DynamoRepositoryException { Kind: DynamoErrorKind.AccessDenied } denied => (ExitCodes.Failure, denied.Message,
                    "Check the AWS credentials in use (AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and that their IAM policy allows this operation on the table."),
                DynamoRepositoryException { Kind: DynamoErrorKind.Throttled } throttled => (ExitCodes.Failure, throttled.Message,
                    "DynamoDB is throttling: wait a moment and run the command again (for imports, a smaller --batch-size helps)."),
                DynamoRepositoryException { Kind: DynamoErrorKind.Transient } transient when IsConnectionFailure(transient) => (ExitCodes.Unavailable, transient.Message,
                    $"Check that DynamoDB is running at {target} (start one with 'bookings local'), or fix --endpoint."),
                DynamoRepositoryException { Kind: DynamoErrorKind.Transient } transient => (ExitCodes.Failure, transient.Message,
                    "A network or server error that did not clear: run the command again; if it persists, check the endpoint and your network."),
                DynamoRepositoryException failed => (ExitCodes.Failure, failed.Message,
                    "See the message above; run again with --log-level Debug to see each request."),
                FileNotFoundException notFound => (ExitCodes.Usage, $"File not found: {notFound.FileName}", "Check the path (relative paths start at the current directory)."),
                DirectoryNotFoundException noDirectory => (ExitCodes.Usage, "Directory not found: " + noDirectory.Message, "Check the path."),
                UnauthorizedAccessException noAccess => (ExitCodes.Usage, "Access denied: " + noAccess.Message, "Check the file's permissions."),
                IOException io2 => (ExitCodes.Failure, "I/O error: " + io2.Message, "Check the path and free disk space."),
                OperationCanceledException => (ExitCodes.Failure, "Cancelled.", string.Empty),
                _ => (ExitCodes.Failure, $"Unexpected {exception.GetType().Name}.", "Run again with --log-level Debug; if it persists, report it with the command you ran (not your data)."),
            };

            return new CliError(code, message, fix);
        }

        /// <summary>Whether a failure comes from a connection that could not be made or was lost (no DynamoDB there).</summary>
        public static bool IsConnectionFailure(Exception exception)
        {
            for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is HttpRequestException or SocketException)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

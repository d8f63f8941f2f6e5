using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.DynamoDbLocal;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli.Commands
{
    /// <summary>
    /// <c>demo</c>: a walk through every layer against a real DynamoDB: create the tables, write and
    /// read bookings, flip a flag, and save, read and delete the session.
    /// </summary>
    internal static class DemoCommand
    {
        public static Command Create()
        {
            var command = new Command("demo", "Create the tables if missing, then write, read and update sample bookings and a session.");
            command.SetAction((parseResult, cancellationToken) => RunAsync(
                parseResult.GetValue(GlobalOptions.Endpoint),
                parseResult.GetValue(GlobalOptions.LogLevel) ?? LogLevel.Information,
                parseResult.GetValue(GlobalOptions.LogFormat),
                cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(string? endpoint, LogLevel level, LogFormat format, CancellationToken cancellationToken)
        {
            using var loggers = CliLogging.Create(level, format);
            DynamoDbTarget target;
            try
            {
                target = await DynamoDbEndpoint.ResolveAsync(endpoint, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or DynamoDbLocalStartupException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unavailable;
            }

            await using (target.ConfigureAwait(false))
            {
                Console.WriteLine(target.IsEmbedded
                    ? $"Using an embedded DynamoDB Local at {target.Endpoint} (stopped when the demo ends)."
                    : $"Using DynamoDB at {target.Endpoint}.");
                using var client = target.CreateClient();
                var options = new DynamoRepositoryOptions();
                try
                {
                    await new BookingDemo(client, options, loggers).RunAsync(cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Success;
                }
                catch (DynamoRepositoryException ex)
                {
                    // The SDK's messages are masked, so they are safe to print.
                    await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
            }
        }
    }
}

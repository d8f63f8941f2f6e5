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
    /// <c>local</c>: starts DynamoDB Local, creates the tables and keeps running until Ctrl+C, so other commands can
    /// share its data through <c>--endpoint</c> (each command without an endpoint gets a fresh, empty one).
    /// </summary>
    internal static class LocalCommand
    {
        public static Command Create(CliIo io)
        {
            var port = new Option<int?>("--port") { Description = "The port to listen on. Default: a free port." };
            var command = new Command("local", "Run an in-memory DynamoDB Local with the tables created until Ctrl+C, for other commands' --endpoint.") { port };
            command.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    if (parse.GetValue(port) is int chosen && (chosen < 1 || chosen > 65535))
                    {
                        throw CliException.Usage("--port must be between 1 and 65535.", "Leave it out to use a free port.");
                    }

                    using var loggers = CliLogging.Create(parse.GetValue(GlobalOptions.LogLevel) ?? LogLevel.Warning, parse.GetValue(GlobalOptions.LogFormat), io.Error);
                    DynamoDbLocalServer server;
                    try
                    {
                        server = await DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { Port = parse.GetValue(port) }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or DynamoDbLocalStartupException)
                    {
                        throw new CliException(ExitCodes.Unavailable, ex.Message, "Check that Java 17+ works ('java -version') and the port is free.", ex);
                    }

                    await using (server.ConfigureAwait(false))
                    {
                        using var client = server.CreateClient();
                        var options = new DynamoRepositoryOptions { TableNamePrefix = string.IsNullOrEmpty(parse.GetValue(GlobalOptions.TablePrefix)) ? null : parse.GetValue(GlobalOptions.TablePrefix) };
                        await new DynamoTableManager(client, options, loggers.CreateLogger<DynamoTableManager>()).EnsureTablesAsync(BookingsSchema.Tables, cancellationToken).ConfigureAwait(false);
                        await io.Out.WriteLineAsync($"DynamoDB Local is running at {server.Endpoint} with the tables created (in memory: the data is gone when this stops).").ConfigureAwait(false);
                        await io.Out.WriteLineAsync($"Use it from another terminal:  export DYNAMODB_ENDPOINT={server.Endpoint}   (or pass --endpoint {server.Endpoint})").ConfigureAwait(false);
                        await io.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                        await io.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                        try
                        {
                            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            // Ctrl+C: stop the server and leave.
                        }
                    }

                    await io.Out.WriteLineAsync("DynamoDB Local stopped.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }
                catch (Exception ex)
                {
                    return CliErrors.Report(ex, io, null, json: false);
                }
            });
            return command;
        }
    }
}

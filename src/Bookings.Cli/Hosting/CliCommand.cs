using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace Bookings.Cli
{
    /// <summary>Runs a command body with a <see cref="CliContext"/>, reporting any failure with a fix and an exit code.</summary>
    internal static class CliCommand
    {
        public delegate Task<int> Body(CliContext context, ParseResult parse, CancellationToken cancellationToken);

        /// <summary>Sets the command's action.</summary>
        /// <param name="command">The command.</param>
        /// <param name="io">Where output goes.</param>
        /// <param name="body">What the command does once connected.</param>
        /// <param name="ensureTablesWhenEmbedded">Create the tables first when the run uses its own in-memory DynamoDB Local.</param>
        /// <param name="validate">Checks the arguments before connecting (so a usage error never starts a DynamoDB Local).</param>
        public static Command Runs(this Command command, CliIo io, Body body, bool ensureTablesWhenEmbedded = true, Action<ParseResult>? validate = null)
        {
            command.SetAction(async (parse, cancellationToken) =>
            {
                CliContext? context = null;
                try
                {
                    validate?.Invoke(parse);
                    context = await CliContext.CreateAsync(parse, io, ensureTablesWhenEmbedded, cancellationToken).ConfigureAwait(false);
                    return await body(context, parse, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return CliErrors.Report(ex, io, context, parse.GetValue(GlobalOptions.Json));
                }
                finally
                {
                    if (context is not null)
                    {
                        await context.DisposeAsync().ConfigureAwait(false);
                    }

                    await io.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    await io.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            });
            return command;
        }
    }
}

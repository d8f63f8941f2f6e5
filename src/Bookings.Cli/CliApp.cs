using Bookings.Generated.Runtime;
using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Cli.Commands;

namespace Bookings.Cli
{
    /// <summary>
    /// The command tree and its entry point. Results go to <c>output</c> (stdout), messages, progress and logs
    /// to <c>error</c> (stderr); tests pass their own writers and run commands in-process.
    /// </summary>
    internal sealed class CliApp
    {
        private readonly CliIo _io;
        private readonly Func<TextReader> _stdin;

        public CliApp(TextWriter output, TextWriter error, bool errorIsTerminal = false, Func<TextReader>? stdin = null)
        {
            _io = new CliIo(output, error, errorIsTerminal);
            _stdin = stdin ?? (() => Console.In);
        }

        /// <summary>Builds the root command with every subcommand and the global options.</summary>
        public RootCommand BuildRootCommand()
        {
            var root = new RootCommand("Operator's tool for the booking (sms) and session tables. Results go to stdout, messages and logs to stderr; exit codes are listed in docs/cli.md.");
            root.Options.Add(GlobalOptions.Endpoint);
            root.Options.Add(GlobalOptions.Region);
            root.Options.Add(GlobalOptions.TablePrefix);
            root.Options.Add(GlobalOptions.LogLevel);
            root.Options.Add(GlobalOptions.LogFormat);
            root.Options.Add(GlobalOptions.Json);
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(TablesCommands.Create(_io));
            root.Subcommands.Add(BookingCommands.Create(_io));
            root.Subcommands.Add(SessionCommands.Create(_io, _stdin));
            root.Subcommands.Add(ImportCommand.Create(_io));
            root.Subcommands.Add(ExportCommand.Create(_io));
            root.Subcommands.Add(LocalCommand.Create(_io));
            return root;
        }

        /// <summary>Parses and runs a command line; returns the exit code.</summary>
        public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
        {
            var parse = BuildRootCommand().Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Usage errors get their own exit code (2) and a pointer to the help, instead of the whole help text.
                // Parser messages quote the offending token, which may be a phone number: mask any.
                var messages = parse.Errors.Select(error => PhoneNumber.MaskAll(error.Message)).Distinct(StringComparer.Ordinal).ToList();
                foreach (var message in messages)
                {
                    await _io.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
                }

                var command = parse.CommandResult.Command;
                var path = command is RootCommand ? string.Empty : " " + CommandPath(parse);
                var fix = $"see 'bookings{path} --help' for the arguments and options.";
                await _io.Error.WriteLineAsync("fix:   " + fix).ConfigureAwait(false);
                if (parse.Tokens.Any(token => token.Value == GlobalOptions.Json.Name))
                {
                    // A script that asked for JSON gets a document to parse even when the command line is wrong.
                    _io.WriteJson(json =>
                    {
                        json.WriteStartObject();
                        CliErrors.WriteJson(json, new CliError(ExitCodes.Usage, string.Join(" ", messages), fix));
                        json.WriteEndObject();
                    });
                }

                return ExitCodes.Usage;
            }

            var configuration = new InvocationConfiguration { Output = _io.Out, Error = _io.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        private static string CommandPath(ParseResult parse)
        {
            var names = new System.Collections.Generic.List<string>();
            for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                if (result.Command is not RootCommand)
                {
                    names.Insert(0, result.Command.Name);
                }
            }

            return string.Join(' ', names);
        }
    }
}

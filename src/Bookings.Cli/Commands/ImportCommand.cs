using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Spectre.Console;

namespace Bookings.Cli.Commands
{
    /// <summary>
    /// <c>import FILE</c>: writes bookings from JSON lines or a JSON array in batches, with a progress bar on stderr.
    /// Invalid rows are reported with their line number and skipped; rows DynamoDB did not write are reported
    /// as failed, each with its reason; neither stops the rest. Like the legacy create, an imported booking replaces
    /// one with the same key. A file that is not text or holds no rows is refused before anything is sent.
    /// </summary>
    internal static class ImportCommand
    {
        public static Command Create(CliIo io)
        {
            var file = new Argument<string>("file") { Description = "A JSON lines file (one booking object per line) or a JSON array of booking objects, in UTF-8." };
            var batchSize = new Option<int>("--batch-size")
            {
                Description = "Rows written per batch call (the SDK sends them 25 per request). Default 100.",
                DefaultValueFactory = _ => 100,
            };
            var command = new Command("import", "Write bookings from a file in batches; invalid rows are reported with their line number and skipped.") { file, batchSize };
            ImportSource? source = null;
            return command.Runs(
                io,
                (context, parse, ct) => RunAsync(context, parse.GetRequiredValue(file), source!, parse.GetValue(batchSize), ct),
                validate: parse =>
                {
                    var path = parse.GetRequiredValue(file);
                    if (!File.Exists(path))
                    {
                        throw CliException.Usage($"File not found: {path}", "Check the path (relative paths start at the current directory).");
                    }

                    if (parse.GetValue(batchSize) is < 1 or > 10_000)
                    {
                        throw CliException.Usage("--batch-size must be between 1 and 10000.", "Use the default (100) unless DynamoDB throttles; then try 25.");
                    }

                    // A file that is not text or holds no rows is refused here, before any DynamoDB is started or called.
                    source = ImportRows.Open(path);
                });
        }

        private static async Task<int> RunAsync(CliContext context, string path, ImportSource source, int batchSize, CancellationToken cancellationToken)
        {
            var service = new BookingService(context.Client, context.Options, context.Loggers);
            // On a terminal, lines go through the console that draws the progress bar, to appear above it. Anywhere else
            // (a pipe, a CI log, a test) they are written as they are, never wrapped, so each problem stays one line.
            var console = context.Io.ErrorIsTerminal
                ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error), Interactive = InteractionSupport.Yes })
                : null;
            var report = new ImportReport(console is null ? context.Error.WriteLine : line => console.WriteLine(line));
            CliError? stop = null;
            try
            {
                await ImportAsync(console, context.Error, service, source, batchSize, report, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Fatal for every row (missing table, no access, no connection, cancelled): stop, say how far it got, then the cause.
                stop = CliErrors.Describe(ex, context);
                await context.Error.WriteLineAsync($"import stopped: written {report.Written}, skipped {report.Skipped}, failed {report.Failed}; the remaining rows were not attempted. Fix the cause below and import the file again (rows already written are simply replaced).").ConfigureAwait(false);
                context.Io.WriteError(stop.Value.Message, stop.Value.Fix);
            }

            if (context.Json)
            {
                // One document, also when the import stopped: the counts so far and, then, the error.
                context.WriteJsonObject(json =>
                {
                    json.WriteString("file", path);
                    json.WriteString("table", service.TableName);
                    json.WriteNumber("written", report.Written);
                    json.WriteNumber("skipped", report.Skipped);
                    json.WriteNumber("failed", report.Failed);
                    json.WriteObjects("problems", report.Problems, (row, problem) =>
                    {
                        row.WriteNumber("line", problem.Line);
                        row.WriteString("status", problem.Status);
                        row.WriteString("reason", problem.Reason);
                    });
                    if (stop is { } error)
                    {
                        CliErrors.WriteJson(json, error);
                    }
                });
            }
            else if (stop is null)
            {
                context.Out.WriteLine($"Imported {Path.GetFileName(path)} into table '{service.TableName}': written {report.Written}, skipped {report.Skipped}, failed {report.Failed}.");
                if (report.Skipped + report.Failed > 0)
                {
                    context.Out.WriteLine("Fix the rows reported above (each with its line number) and import the file again: rows already written are simply replaced.");
                }
            }

            return stop?.ExitCode ?? (report.Skipped + report.Failed == 0 ? ExitCodes.Success : ExitCodes.Incomplete);
        }

        private static Task ImportAsync(IAnsiConsole? console, TextWriter error, BookingService service, ImportSource source, int batchSize, ImportReport report, string name, CancellationToken cancellationToken)
        {
            if (console is null)
            {
                // Not a terminal: a plain line per tenth of the file instead of a redrawn bar.
                var lines = new LineProgress(error, $"import {name}", source.Total);
                return ImportRowsAsync(service, source.Rows, batchSize, report, lines.Advance, cancellationToken);
            }

            return console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"import {name}", maxValue: Math.Max(source.Total, 1));
                    await ImportRowsAsync(service, source.Rows, batchSize, report, done => task.Increment(done), cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                });
        }

        private static async Task ImportRowsAsync(BookingService service, IEnumerable<ImportRow> rows, int batchSize, ImportReport report, Action<int> advance, CancellationToken cancellationToken)
        {
            var batch = new List<ImportRow>(batchSize);
            foreach (var row in rows)
            {
                if (row.Booking is null)
                {
                    report.Skip(row.Line, row.Problem!);
                    advance(1);
                    continue;
                }

                batch.Add(row);
                if (batch.Count == batchSize)
                {
                    await WriteBatchAsync(service, batch, report, cancellationToken).ConfigureAwait(false);
                    advance(batch.Count);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(service, batch, report, cancellationToken).ConfigureAwait(false);
                advance(batch.Count);
            }
        }

        private static async Task WriteBatchAsync(BookingService service, List<ImportRow> batch, ImportReport report, CancellationToken cancellationToken)
        {
            // A later row with the same key replaces an earlier one, as two puts in a row would: only the last is
            // sent, and the earlier rows share its outcome (the table ends up as if all had been written), with a note.
            var lastByKey = new Dictionary<BookingKey, ImportRow>();
            var replaced = new Dictionary<BookingKey, List<int>>();
            foreach (var row in batch)
            {
                if (lastByKey.TryGetValue(row.Booking!.Key, out var earlier))
                {
                    report.Line($"line {earlier.Line}: note: replaced by line {row.Line}, which has the same booking_num and phone");
                    if (!replaced.TryGetValue(row.Booking.Key, out var lines))
                    {
                        replaced[row.Booking.Key] = lines = new List<int>();
                    }

                    lines.Add(earlier.Line);
                }

                lastByKey[row.Booking.Key] = row;
            }

            // Why each key the batch did not write was not written; a key not listed was written.
            var notWritten = new Dictionary<object, string>();
            try
            {
                await service.Repository.PutManyAsync(lastByKey.Values.Select(r => r.Booking!), cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoBatchIncompleteException ex) when (!IsFatal(ex))
            {
                foreach (var rejection in ex.Rejected)
                {
                    notWritten[rejection.Key] = $"DynamoDB rejected it as invalid: {rejection.Reason}; correct the row and import it again";
                }

                foreach (var key in ex.PendingKeys)
                {
                    notWritten.TryAdd(key, $"DynamoDB did not write it ({ex.Attempts} round(s)); importing the file again retries it");
                }
            }

            foreach (var (key, row) in lastByKey)
            {
                var lines = replaced.TryGetValue(key, out var earlierLines) ? earlierLines.Append(row.Line) : new[] { row.Line };
                foreach (var line in lines)
                {
                    if (notWritten.TryGetValue(key, out var reason))
                    {
                        report.Fail(line, reason);
                    }
                    else
                    {
                        report.Written++;
                    }
                }
            }
        }

        /// <summary>Failures every further batch would hit too: the import stops instead of failing row after row.</summary>
        private static bool IsFatal(DynamoRepositoryException exception)
            => exception is DynamoValidationException or { Kind: DynamoErrorKind.TableNotFound or DynamoErrorKind.AccessDenied }
               || (exception.Kind == DynamoErrorKind.Transient && CliErrors.IsConnectionFailure(exception))
               || (exception is DynamoBatchIncompleteException { InnerException: DynamoRepositoryException cause } && IsFatal(cause));

        /// <summary>Progress as plain lines: "import x.jsonl: 500/2000 rows (25%)" at each tenth and at the end.</summary>
        private sealed class LineProgress
        {
            private readonly TextWriter _writer;
            private readonly string _label;
            private readonly int _total;
            private int _done;
            private int _shownTenths;

            public LineProgress(TextWriter writer, string label, int total)
            {
                _writer = writer;
                _label = label;
                _total = Math.Max(total, 1);
            }

            public void Advance(int rows)
            {
                _done += rows;
                var tenths = Math.Min(10, _done * 10 / _total);
                if (tenths > _shownTenths)
                {
                    _shownTenths = tenths;
                    _writer.WriteLine($"{_label}: {_done}/{_total} rows ({tenths * 10}%)");
                }
            }
        }

        /// <summary>The counts and problems of an import, each problem also written to stderr as it is found.</summary>
        private sealed class ImportReport
        {
            private readonly Action<string> _writeLine;

            public ImportReport(Action<string> writeLine) => _writeLine = writeLine;

            public int Written { get; set; }

            public int Skipped { get; private set; }

            public int Failed { get; private set; }

            public List<(int Line, string Status, string Reason)> Problems { get; } = new();

            public void Skip(int line, string reason)
            {
                Skipped++;
                Problems.Add((line, "skipped", reason));
                Line($"line {line}: skipped: {reason}");
            }

            public void Fail(int line, string reason)
            {
                Failed++;
                Problems.Add((line, "failed", reason));
                Line($"line {line}: failed: {reason}");
            }

            /// <summary>Writes one line to stderr.</summary>
            public void Line(string text) => _writeLine(text);
        }
    }
}

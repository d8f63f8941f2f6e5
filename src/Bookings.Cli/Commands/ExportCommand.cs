using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;

namespace Bookings.Cli.Commands
{
    /// <summary>
    /// <c>export</c>: every booking as JSON lines (the import format), streamed page by page. Written to stdout the
    /// phones, names and phone numbers inside other fields are masked, so the output is safe to print and share;
    /// written to a file (<c>--output</c>) the records are complete, so the file can be imported again.
    /// </summary>
    internal static class ExportCommand
    {
        public static Command Create(CliIo io)
        {
            var output = new Option<string?>("--output", "-o")
            {
                Description = "Write complete records (with personal data: keep the file safe) to this file instead of masked records to stdout.",
            };
            var segments = new Option<int>("--segments")
            {
                Description = "Parallel scan segments (order of lines is then not defined). Default 1.",
                DefaultValueFactory = _ => 1,
            };
            var command = new Command("export", "Write every booking as JSON lines: masked to stdout, or complete to --output FILE.") { output, segments };
            return command.Runs(
                io,
                async (context, parse, ct) =>
                {
                    var path = parse.GetValue(output);
                    var service = new BookingService(context.Client, context.Options, context.Loggers);
                    var count = 0;
                    if (path is null)
                    {
                        count = await ExportAsync(service, context.Out, maskPersonalData: true, parse.GetValue(segments), ct).ConfigureAwait(false);
                        await context.Error.WriteLineAsync($"Exported {count} booking(s) from table '{service.TableName}' (phones and names masked; use --output FILE for complete records).").ConfigureAwait(false);
                        return ExitCodes.Success;
                    }

                    await using (var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                    {
                        count = await ExportAsync(service, file, maskPersonalData: false, parse.GetValue(segments), ct).ConfigureAwait(false);
                    }

                    if (context.Json)
                    {
                        context.WriteJsonObject(json =>
                        {
                            json.WriteNumber("exported", count);
                            json.WriteString("table", service.TableName);
                            json.WriteString("output", path);
                        });
                    }
                    else
                    {
                        context.Out.WriteLine($"Exported {count} booking(s) from table '{service.TableName}' to {path} (complete records: the file holds personal data).");
                    }

                    return ExitCodes.Success;
                },
                validate: parse =>
                {
                    if (parse.GetValue(segments) is < 1 or > 64)
                    {
                        throw CliException.Usage("--segments must be between 1 and 64.", "Use 1 (the default) unless the table is large.");
                    }
                });
        }

        private static async Task<int> ExportAsync(BookingService service, TextWriter writer, bool maskPersonalData, int segments, CancellationToken cancellationToken)
        {
            var count = 0;
            using var buffer = new MemoryStream();
            await foreach (var item in service.Repository.ScanStoredAsync(new ScanOptions { Segments = segments }, cancellationToken).ConfigureAwait(false))
            {
                buffer.SetLength(0);
                using (var json = CliContext.CreateJsonWriter(buffer))
                {
                    BookingRecords.Write(json, item, maskPersonalData);
                }

                await writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
                count++;
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}

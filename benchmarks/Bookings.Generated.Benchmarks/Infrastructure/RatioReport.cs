using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using Bookings.Generated.Benchmarks.EndToEnd;
using Bookings.Generated.Benchmarks.Generator;
using Bookings.Generated.Benchmarks.Marshaling;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// The run's tables and ratios, computed from the paired measurements and BenchmarkDotNet's results, printed after
    /// the run and written to <c>ratios.md</c> in the artifacts folder: nothing here is typed in by hand. The end-to-end
    /// table comes first and carries the targets; marshaling and the generator are regression guards, without targets.
    /// </summary>
    public static class RatioReport
    {
        private const string Met = "met";
        private const string Missed = "**missed**";

        /// <summary>
        /// The run-to-run spread of the same code's paired ratios on the project's 2-core machine (7–11% between full
        /// runs): a ratio above its target by less than this is reported as within noise, not as met or missed.
        /// </summary>
        private const double Noise = 0.07;

        /// <summary>Builds the report of the suites that ran.</summary>
        public static string Build(IReadOnlyList<Summary> summaries, PairedResults paired, RunOptions options)
        {
            var results = new Results(summaries);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Ratios ({(options.Quick ? "quick" : "full")} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Processor()}, {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average when the report was written: {LoadAverage()}.");
            text.AppendLine();
            if (options.Runs("e2e"))
            {
                Interleaved(text, paired.EndToEnd);
                EndToEnd(text, results);
            }

            if (options.Runs("marshaling"))
            {
                PairedMarshaling(text, paired.Marshaling);
                Marshaling(text, results);
            }

            if (options.Runs("generator"))
            {
                GeneratorSection(text, results);
            }

            return text.ToString();
        }

        /// <summary>Prints the report and writes it next to BenchmarkDotNet's own reports.</summary>
        public static void Write(string report, string artifactsPath)
        {
            Console.WriteLine();
            Console.WriteLine(report);
            var path = Path.Combine(artifactsPath, "results", "ratios.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, report);
            Console.WriteLine($"Written to {path}");
        }

        private static void Marshaling(StringBuilder text, Results results)
        {
            text.AppendLine("### Marshaling, BenchmarkDotNet (sequential)");
            text.AppendLine();
            text.AppendLine("Each cell: mean wall time per call / CPU time per call, then bytes allocated per call. Ratios are on CPU time, with the wall-time ratio in brackets. "
                + "The variants ran one after another, so a change in the machine's load between them counts as a difference.");
            text.AppendLine();
            text.AppendLine("| Item | Direction | Hand-written | Generated | DynamoDBContext | Generated ÷ hand-written | DynamoDBContext ÷ generated |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var type in MarshalingTypes)
            {
                foreach (var direction in new[] { "ToItem", "FromItem" })
                {
                    var hand = results.Find(type, "HandWritten_" + direction);
                    var generated = results.Find(type, "Generated_" + direction);
                    var context = results.Find(type, "DynamoDBContext_" + direction);
                    if (hand is null && generated is null && context is null)
                    {
                        continue;
                    }

                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {ItemName(type)} | {direction} | {Cell(hand)} | {Cell(generated)} | {Cell(context)} | {Pair(generated, hand)} | {Pair(context, generated)} |");
                }
            }

            text.AppendLine();
        }

        private static readonly Type[] MarshalingTypes =
        [
            typeof(BookingMarshalingBenchmarks), typeof(SessionMarshalingBenchmarks), typeof(WideScalarMarshalingBenchmarks), typeof(WideItemMarshalingBenchmarks),
        ];

        private static string Cell(Result? result)
            => result is null ? "–" : $"{Time(result.Mean)} / {Time(result.ClientCpu)}, {Bytes(result.Allocated)}";

        private static string Pair(Result? numerator, Result? denominator)
            => Ratio(numerator?.Cost, denominator?.Cost) is { } cpu
                ? $"{Times(cpu)} [{Times(Ratio(numerator?.Mean, denominator?.Mean))}]"
                : "–";

        private static void EndToEnd(StringBuilder text, Results results)
        {
            text.AppendLine("### End to end, BenchmarkDotNet (sequential)");
            text.AppendLine();
            text.AppendLine("Client CPU is the benchmark process's CPU time per operation (user + kernel, all threads); server CPU is DynamoDB Local's. "
                + "The variants ran one after another, so a change in the machine's load between them counts as a difference; the paired table above is the one to judge by.");
            text.AppendLine();
            text.AppendLine("| Operation | Variant | Wall time | Client CPU | Server CPU | Allocated | Client CPU ÷ raw |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var (type, operation) in EndToEndOperations)
            {
                var raw = results.Find(type, "Raw_" + operation);
                foreach (var variant in new[] { "Raw", "Repository", "DynamoDBContext" })
                {
                    var result = results.Find(type, variant + "_" + operation);
                    if (result is not null)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture,
                            $"| {OperationName(operation)} | {variant} | {Time(result.Mean)} | {Time(result.ClientCpu)} | {Time(result.ServerCpu)} | {Bytes(result.Allocated)} | {Times(Ratio(result.ClientCpu, raw?.ClientCpu))} |");
                    }
                }
            }

            text.AppendLine();
        }

        private static readonly (Type Type, string Operation)[] EndToEndOperations =
        [
            (typeof(BookingEndToEndBenchmarks), "Get"), (typeof(BookingEndToEndBenchmarks), "Put"),
            (typeof(BookingEndToEndBenchmarks), "Query100"), (typeof(BatchWriteBenchmarks), "BatchWrite10k"),
        ];

        private static string OperationName(string operation) => operation switch
        {
            "Query100" => "Query of 100 items (one page)",
            "BatchWrite10k" => "Batch write of 10,000 items",
            _ => operation,
        };

        /// <summary>
        /// The target for the repository's client CPU against the raw client's: within 5% on a single get or put, at or
        /// below it on a query page and a batch write (where the repository's only extra work is per item).
        /// </summary>
        private static double RepositoryTarget(string operation) => operation is "Get" or "Put" ? 1.05 : 1.00;

        /// <summary>Met at or under the target, within noise above it by less than <see cref="Noise"/>, else missed.</summary>
        private static string Verdict(double ratio, double target)
            => ratio <= target ? Met : ratio <= target + Noise ? "within noise" : Missed;

        private static void PairedMarshaling(StringBuilder text, IReadOnlyList<(Type Class, string Direction, Interleaved.Result Result)> paired)
        {
            text.AppendLine("## Marshaling (regression guard, no targets)");
            text.AppendLine();
            if (paired.Count == 0)
            {
                return;
            }

            text.AppendLine("Paired and interleaved: the variants take turns of about 5 ms of CPU, the order rotating each round; each time is the median CPU time per call over the rounds, each ratio the median of the per-round ratios.");
            text.AppendLine();
            text.AppendLine("| Item | Direction | Rounds | Hand-written | Generated | DynamoDBContext | Bytes hand-written / generated / DynamoDBContext | Generated ÷ hand-written | DynamoDBContext ÷ generated |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (type, direction, result) in paired)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {ItemName(type)} | {direction} | {result.Rounds} | {Time(Value(result.CpuNs, "HandWritten"))} | {Time(Value(result.CpuNs, "Generated"))} | {Time(Value(result.CpuNs, "DynamoDBContext"))} | {Bytes(Value(result.Bytes, "HandWritten"))} / {Bytes(Value(result.Bytes, "Generated"))} / {Bytes(Value(result.Bytes, "DynamoDBContext"))} | {Times(result.RatioOf("Generated", "HandWritten"))} | {Times(result.RatioOf("DynamoDBContext", "Generated"))} |");
                if (result.CpuNs.ContainsKey("HandWrittenPlain"))
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {ItemName(type)}, plain hand-written (no checks) | {direction} | {result.Rounds} | {Time(Value(result.CpuNs, "HandWrittenPlain"))} | | | {Bytes(Value(result.Bytes, "HandWrittenPlain"))} | generated ÷ plain: {Times(result.RatioOf("Generated", "HandWrittenPlain"))} | DynamoDBContext ÷ plain: {Times(result.RatioOf("DynamoDBContext", "HandWrittenPlain"))} |");
                }
            }

            text.AppendLine();
        }

        private static string ItemName(Type type) => type.Name switch
        {
            nameof(BookingMarshalingBenchmarks) => "Booking (`sms`)",
            nameof(SessionMarshalingBenchmarks) => "Session (`session`)",
            nameof(WideScalarMarshalingBenchmarks) => "Wide, scalars only (34 attributes; stand-in)",
            nameof(WideItemMarshalingBenchmarks) => "Wide item (32 attributes: lists, maps, sets, dates, enum, nested)",
            _ => type.Name,
        };

        private static double? Value(IReadOnlyDictionary<string, double> values, string key) => values.TryGetValue(key, out var value) ? value : null;

        private static void Interleaved(StringBuilder text, IReadOnlyList<(string Operation, Interleaved.Result Result)> interleaved)
        {
            text.AppendLine("## Client CPU per request against DynamoDB Local");
            text.AppendLine();
            if (interleaved.Count == 0)
            {
                return;
            }

            text.AppendLine("Paired and interleaved: the raw client, the generated repository and DynamoDBContext take turns (100 gets, 100 puts, 20 queries or one batch write each), the order rotating each round. "
                + "Each time is the median over the rounds of the client process's CPU time per operation (user + kernel, all threads), each ratio the median of the per-round ratios to the raw client; bytes are allocated per operation over all rounds. "
                + $"Targets for the repository: within 5% of the raw client on get and put, at or below it on a query page and a batch write; a ratio above its target by less than the machine's run-to-run spread ({Noise:P0}) is within noise.");
            text.AppendLine();
            text.AppendLine("| Operation | Rounds × ops | Client CPU per op: raw / repository / DynamoDBContext | Allocated per op: raw / repository / DynamoDBContext | Repository ÷ raw | DynamoDBContext ÷ raw | Repository target |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var (operation, result) in interleaved)
            {
                var ratio = result.RatioOf("Repository", "Raw") ?? double.NaN;
                var target = RepositoryTarget(operation);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {OperationName(operation)} | {result.Rounds} × {result.OpsPerTurn["Raw"]} | {Time(result.CpuNs["Raw"])} / {Time(result.CpuNs["Repository"])} / {Time(result.CpuNs["DynamoDBContext"])} | {Bytes(result.Bytes["Raw"])} / {Bytes(result.Bytes["Repository"])} / {Bytes(result.Bytes["DynamoDBContext"])} | {Times(ratio)} | {Times(result.RatioOf("DynamoDBContext", "Raw"))} | ≤ {target:0.00}×: {Verdict(ratio, target)} |");
            }

            text.AppendLine();
            text.AppendLine("Wall time per operation in the same rounds (medians; DynamoDB Local runs on the same two cores, so this is mostly the server and the scheduler): "
                + string.Join("; ", interleaved.Select(r => $"{OperationName(r.Operation)} {Time(r.Result.WallNs["Raw"])} / {Time(r.Result.WallNs["Repository"])} / {Time(r.Result.WallNs["DynamoDBContext"])}")) + ".");
            text.AppendLine();
        }

        private static void GeneratorSection(StringBuilder text, Results results)
        {
            text.AppendLine("## Generator");
            text.AppendLine();
            text.AppendLine("Each cell: mean wall time / CPU time per run. Slopes and shares are on CPU time.");
            text.AppendLine();
            text.AppendLine("| Tables | First run | CPU per table | Re-run after an unrelated C# edit | Re-run after editing one descriptor (10 tables) | Allocated (first run) |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|");
            var counts = results.TableCounts();
            foreach (var tables in counts)
            {
                var first = results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.FirstRun), tables);
                var unrelated = results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.RerunAfterUnrelatedEdit), tables);
                var descriptor = results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.RerunAfterDescriptorEdit), tables);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {tables} | {Time(first?.Mean)} / {Time(first?.ClientCpu)} | {Time(first?.Cost / tables)} | {Time(unrelated?.Mean)} / {Time(unrelated?.ClientCpu)} | {Time(descriptor?.Mean)} / {Time(descriptor?.ClientCpu)} | {Bytes(first?.Allocated)} |");
            }

            text.AppendLine();
            if (counts.Count >= 2)
            {
                var high = counts[^1];
                var firstRuns = counts.Select(n => (Tables: n, Ns: results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.FirstRun), n)?.Cost)).ToList();
                var steps = new List<(int From, int To, double PerTable)>();
                for (var i = 1; i < firstRuns.Count; i++)
                {
                    if (firstRuns[i - 1].Ns is { } a && firstRuns[i].Ns is { } b)
                    {
                        steps.Add((firstRuns[i - 1].Tables, firstRuns[i].Tables, (b - a) / (firstRuns[i].Tables - firstRuns[i - 1].Tables)));
                    }
                }

                if (steps.Count > 0)
                {
                    text.AppendLine("Cost of each added table on a first run (the slope between neighbouring sizes; equal slopes mean linear growth): "
                        + string.Join(", ", steps.Select(s => $"{s.From}→{s.To}: {Time(s.PerTable)}")) + ".");
                }

                if (steps.Count >= 2)
                {
                    var growth = steps[^1].PerTable / steps[0].PerTable;
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"The last slope is {growth:0.00}× the first (target: linear, taken as ≤ 1.20×, i.e. no faster than linear: {(growth <= 1.2 ? Met : Missed)}).");
                }

                var unrelatedHigh = results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.RerunAfterUnrelatedEdit), high)?.Cost;
                var firstHigh = results.Find(typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.FirstRun), high)?.Cost;
                if (Ratio(unrelatedHigh, firstHigh) is { } share)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"A re-run after an unrelated edit at {high} tables costs {share:P2} of a first run.");
                }

                var (afterUnrelated, afterDescriptor) = GeneratorBenchmarks.CacheCheck(high);
                text.AppendLine(CultureInfo.InvariantCulture, $"Outputs of the re-run after an unrelated C# edit at {high} tables, by reason (step tracking on): {Describe(afterUnrelated)}; cached: {(afterUnrelated.Keys.All(k => k == "Cached") ? Met : Missed)}.");
                text.AppendLine(CultureInfo.InvariantCulture, $"Outputs of the re-run after editing one descriptor file: {Describe(afterDescriptor)}.");
                text.AppendLine();
            }
        }

        private static string Processor()
        {
            const string cpuInfo = "/proc/cpuinfo";
            var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            return line is null ? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        private static string LoadAverage()
            => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        private static string Describe(IReadOnlyDictionary<string, int> reasons)
            => string.Join(", ", reasons.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

        private static double? Ratio(double? numerator, double? denominator)
            => numerator is { } n && denominator is { } d && d > 0 ? n / d : null;

        private static string Times(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

        private static string Time(double? ns) => ns switch
        {
            null => "–",
            < 1_000 => ns.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
            < 1_000_000 => (ns.Value / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
            < 1_000_000_000 => (ns.Value / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
            _ => (ns.Value / 1_000_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        };

        private static string Bytes(double? bytes) => Bytes(bytes is { } b ? (long)Math.Round(b) : null);

        private static string Bytes(long? bytes) => bytes switch
        {
            null => "–",
            < 10_000 => bytes.Value.ToString("N0", CultureInfo.InvariantCulture) + " B",
            < 10_000_000 => (bytes.Value / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB",
            _ => (bytes.Value / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " MB",
        };

        /// <summary>One benchmark's numbers from BenchmarkDotNet.</summary>
        private sealed record Result(double? Mean, long? Allocated, double? ClientCpu, double? ServerCpu)
        {
            /// <summary>CPU time per operation when measured, else the wall time.</summary>
            public double? Cost => ClientCpu ?? Mean;
        }

        /// <summary>The results of every summary, found by type, method and table count.</summary>
        private sealed class Results(IReadOnlyList<Summary> summaries)
        {
            public Result? Find(Type type, string method, int? tables = null)
            {
                foreach (var summary in summaries)
                {
                    foreach (var report in summary.Reports)
                    {
                        var benchmark = report.BenchmarkCase;
                        if (benchmark.Descriptor.Type != type || benchmark.Descriptor.WorkloadMethod.Name != method)
                        {
                            continue;
                        }

                        if (tables is { } count && !Equals(benchmark.Parameters["Tables"], count))
                        {
                            continue;
                        }

                        if (report.ResultStatistics is null)
                        {
                            return null;
                        }

                        return new Result(
                            report.ResultStatistics.Mean,
                            report.GcStats.GetBytesAllocatedPerOperation(benchmark),
                            report.Metrics.TryGetValue(CpuTimeDiagnoser.ClientCpuDescriptor.Instance.Id, out var client) ? client.Value : null,
                            report.Metrics.TryGetValue(CpuTimeDiagnoser.ServerCpuDescriptor.Instance.Id, out var server) ? server.Value : null);
                    }
                }

                return null;
            }

            public List<int> TableCounts()
                => summaries.SelectMany(s => s.Reports)
                    .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks))
                    .Select(r => (int)r.BenchmarkCase.Parameters["Tables"])
                    .Distinct()
                    .Order()
                    .ToList();
        }
    }
}

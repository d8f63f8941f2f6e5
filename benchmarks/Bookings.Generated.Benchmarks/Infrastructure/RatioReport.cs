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
    /// The ratios the issue sets targets for, computed from BenchmarkDotNet's results, printed after the run and
    /// written to <c>ratios.md</c> in the artifacts folder: nothing here is typed in by hand.
    /// </summary>
    public static class RatioReport
    {
        private const string Met = "met";
        private const string Missed = "**missed**";

        /// <summary>Builds the report of the suites that ran.</summary>
        public static string Build(IReadOnlyList<Summary> summaries, PairedResults paired, RunOptions options)
        {
            var results = new Results(summaries);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Ratios ({(options.Quick ? "quick" : "full")} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Processor()}, {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average when the report was written: {LoadAverage()}.");
            text.AppendLine();
            if (options.Runs("marshaling"))
            {
                PairedMarshaling(text, paired.Marshaling);
                Marshaling(text, results);
            }

            if (options.Runs("e2e"))
            {
                Interleaved(text, paired.EndToEnd);
                EndToEnd(text, results);
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
                + "The variants ran one after another, so a change in the machine's load between them counts as a difference; the targets column repeats the checks for these numbers.");
            text.AppendLine();
            text.AppendLine("| Item | Direction | Hand-written | Generated | DynamoDBContext | Generated ÷ hand-written | DynamoDBContext ÷ generated | DynamoDBContext ÷ hand-written | Targets |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
            var items = new (Type Type, string Name)[]
            {
                (typeof(BookingMarshalingBenchmarks), "Booking (`sms`)"),
                (typeof(SessionMarshalingBenchmarks), "Session (`session`)"),
                (typeof(WideScalarMarshalingBenchmarks), "Wide, scalars only (34 attributes; stand-in)"),
                (typeof(WideItemMarshalingBenchmarks), "Wide item (32 attributes: lists, maps, sets, dates, enum, nested)"),
            };
            foreach (var (type, name) in items)
            {
                foreach (var (direction, contextTarget) in new[] { ("ToItem", 8.0), ("FromItem", 25.0) })
                {
                    var hand = results.Find(type, "HandWritten_" + direction);
                    var generated = results.Find(type, "Generated_" + direction);
                    var context = results.Find(type, "DynamoDBContext_" + direction);
                    if (hand is null && generated is null && context is null)
                    {
                        continue;
                    }

                    var targets = new List<string>();
                    var timeRatio = Ratio(generated?.Cost, hand?.Cost);
                    var contextRatio = Ratio(context?.Cost, generated?.Cost);
                    if (timeRatio is { } t)
                    {
                        targets.Add($"time ≤ 1.05×: {(t <= 1.05 ? Met : Missed)}");
                    }

                    if (generated?.Allocated is { } genBytes && hand?.Allocated is { } handBytes)
                    {
                        targets.Add($"bytes ≤ hand-written: {(genBytes <= handBytes ? Met : Missed)}");
                    }

                    if (contextRatio is { } c)
                    {
                        targets.Add($"DynamoDBContext ≥ {contextTarget:0}×: {(c >= contextTarget ? Met : Missed)}");
                    }

                    if (generated is null)
                    {
                        targets.Add("generated half pending (schema types)");
                    }

                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {name} | {direction} | {Cell(hand)} | {Cell(generated)} | {Cell(context)} | {Pair(generated, hand)} | {Pair(context, generated)} | {Pair(context, hand)} | {string.Join("; ", targets)} |");
                }
            }

            text.AppendLine();
        }

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
            text.AppendLine("Client CPU is the benchmark process's CPU time per operation (user + kernel, all threads); server CPU is DynamoDB Local's. The variants ran one after another (see above).");
            text.AppendLine();
            text.AppendLine("| Operation | Variant | Wall time | Client CPU | Server CPU | Allocated | Client CPU ÷ raw | Target |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
            var operations = new (Type Type, string Operation, string Label)[]
            {
                (typeof(BookingEndToEndBenchmarks), "Get", "Get"),
                (typeof(BookingEndToEndBenchmarks), "Put", "Put"),
                (typeof(BookingEndToEndBenchmarks), "Query100", "Query of 100 items"),
                (typeof(BatchWriteBenchmarks), "BatchWrite10k", "Batch write of 10,000 items"),
            };
            foreach (var (type, operation, label) in operations)
            {
                var raw = results.Find(type, "Raw_" + operation);
                foreach (var variant in new[] { "Raw", "Repository", "DynamoDBContext" })
                {
                    var result = results.Find(type, variant + "_" + operation);
                    if (result is null)
                    {
                        continue;
                    }

                    var ratio = Ratio(result.ClientCpu, raw?.ClientCpu);
                    var target = variant == "Repository" && ratio is { } r ? $"≤ 1.05×: {(r <= 1.05 ? Met : Missed)}" : "";
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {label} | {variant} | {Time(result.Mean)} | {Time(result.ClientCpu)} | {Time(result.ServerCpu)} | {Bytes(result.Allocated)} | {Times(ratio)} | {target} |");
                }
            }

            text.AppendLine();
            var put = results.Find(typeof(BookingEndToEndBenchmarks), "Repository_Put");
            var batch = results.Find(typeof(BatchWriteBenchmarks), "Repository_BatchWrite10k");
            if (put?.Mean is { } putNs && batch?.Mean is { } batchNs)
            {
                var sequential = 1e9 / putNs;
                var batched = BatchWriteBenchmarks.Items * 1e9 / batchNs;
                var ratio = batched / sequential;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"Batch write throughput: {batched:N0} items/s through the repository against {sequential:N0} items/s of sequential repository puts: {ratio:0.0}× (target ≥ 10×: {(ratio >= 10 ? Met : Missed)}).");
                foreach (var variant in new[] { "Raw", "DynamoDBContext" })
                {
                    if (results.Find(typeof(BatchWriteBenchmarks), variant + "_BatchWrite10k")?.Mean is { } ns)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"- {variant}: {BatchWriteBenchmarks.Items * 1e9 / ns:N0} items/s.");
                    }
                }

                text.AppendLine();
            }
        }

        private static void PairedMarshaling(StringBuilder text, IReadOnlyList<(Type Class, string Direction, Interleaved.Result Result)> paired)
        {
            text.AppendLine("## Marshaling");
            text.AppendLine();
            if (paired.Count == 0)
            {
                return;
            }

            text.AppendLine("Paired and interleaved: the variants take turns of about 5 ms of CPU, the order rotating each round; each time is the median CPU time per call over the rounds, each ratio the median of the per-round ratios. "
                + "Targets: generated within 5% of hand-written in time and no more bytes; DynamoDBContext at least 8× slower than generated on to-item and 25× on from-item.");
            text.AppendLine();
            text.AppendLine("| Item | Direction | Rounds | Hand-written | Generated | DynamoDBContext | Bytes hand-written / generated / DynamoDBContext | Generated ÷ hand-written | DynamoDBContext ÷ generated | DynamoDBContext ÷ hand-written | Targets |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var (type, direction, result) in paired)
            {
                var contextTarget = direction == "ToItem" ? 8.0 : 25.0;
                var targets = new List<string>();
                var timeRatio = result.RatioOf("Generated", "HandWritten");
                var contextRatio = result.RatioOf("DynamoDBContext", "Generated");
                if (timeRatio is { } t)
                {
                    targets.Add($"time ≤ 1.05×: {(t <= 1.05 ? Met : Missed)}");
                }

                if (Value(result.Bytes, "Generated") is { } genBytes && Value(result.Bytes, "HandWritten") is { } handBytes)
                {
                    targets.Add($"bytes ≤ hand-written: {(genBytes <= handBytes + 0.5 ? Met : Missed)}");
                }

                if (contextRatio is { } c)
                {
                    targets.Add($"DynamoDBContext ≥ {contextTarget:0}×: {(c >= contextTarget ? Met : Missed)}");
                }

                if (!result.CpuNs.ContainsKey("Generated"))
                {
                    targets.Add("generated half pending (schema types)");
                }

                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {ItemName(type)} | {direction} | {result.Rounds} | {Time(Value(result.CpuNs, "HandWritten"))} | {Time(Value(result.CpuNs, "Generated"))} | {Time(Value(result.CpuNs, "DynamoDBContext"))} | {Bytes(Value(result.Bytes, "HandWritten"))} / {Bytes(Value(result.Bytes, "Generated"))} / {Bytes(Value(result.Bytes, "DynamoDBContext"))} | {Times(timeRatio)} | {Times(contextRatio)} | {Times(result.RatioOf("DynamoDBContext", "HandWritten"))} | {string.Join("; ", targets)} |");
                if (result.CpuNs.ContainsKey("HandWrittenPlain"))
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {ItemName(type)}, plain hand-written (no checks) | {direction} | {result.Rounds} | {Time(Value(result.CpuNs, "HandWrittenPlain"))} | | | {Bytes(Value(result.Bytes, "HandWrittenPlain"))} | generated ÷ plain: {Times(result.RatioOf("Generated", "HandWrittenPlain"))} | | {Times(result.RatioOf("DynamoDBContext", "HandWrittenPlain"))} | DynamoDBContext ÷ plain hand-written |");
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
            text.AppendLine("## End to end against DynamoDB Local");
            text.AppendLine();
            if (interleaved.Count == 0)
            {
                return;
            }

            text.AppendLine("Paired and interleaved: the three variants take turns (100 gets, 100 puts, 20 queries or one batch write each), the order rotating each round; each cell is the median over the rounds of the client process's CPU time per operation (wall time in brackets), each ratio the median of the per-round ratios to the raw client. "
                + "Target: repository client CPU within 5% of the raw client's.");
            text.AppendLine();
            text.AppendLine("| Operation | Rounds × ops | Raw CPU (wall) | Repository CPU (wall) | DynamoDBContext CPU (wall) | Bytes raw / repository / DynamoDBContext | Repository ÷ raw | DynamoDBContext ÷ raw | Target |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var (operation, result) in interleaved)
            {
                var ratio = result.RatioOf("Repository", "Raw") ?? double.NaN;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {operation} | {result.Rounds} × {result.OpsPerTurn["Raw"]} | {Time(result.CpuNs["Raw"])} ({Time(result.WallNs["Raw"])}) | {Time(result.CpuNs["Repository"])} ({Time(result.WallNs["Repository"])}) | {Time(result.CpuNs["DynamoDBContext"])} ({Time(result.WallNs["DynamoDBContext"])}) | {Bytes(result.Bytes["Raw"])} / {Bytes(result.Bytes["Repository"])} / {Bytes(result.Bytes["DynamoDBContext"])} | {Times(ratio)} | {Times(result.RatioOf("DynamoDBContext", "Raw"))} | ≤ 1.05×: {(ratio <= 1.05 ? Met : Missed)} |");
            }

            var put = interleaved.FirstOrDefault(r => r.Operation == "Put").Result;
            var batch = interleaved.FirstOrDefault(r => r.Operation == "BatchWrite10k").Result;
            if (put is not null && batch is not null)
            {
                var sequential = 1e9 / put.WallNs["Repository"];
                var batched = BatchWriteBenchmarks.Items * 1e9 / batch.WallNs["Repository"];
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"Batch write throughput (medians of the same rounds): {batched:N0} items/s through the repository against {sequential:N0} items/s of sequential repository puts: {batched / sequential:0.0}× (target ≥ 10×: {(batched / sequential >= 10 ? Met : Missed)}). "
                    + $"Server CPU is what limits it: see the BenchmarkDotNet table below.");
            }

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

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Bookings.Generated.Benchmarks.EndToEnd;
using Bookings.Generated.Benchmarks.Generator;
using Bookings.Generated.Benchmarks.Infrastructure;
using Bookings.Generated.Benchmarks.Marshaling;
using Bookings.Generated.DynamoDbLocal;

namespace Bookings.Generated.Benchmarks
{
    /// <summary>
    /// Runs the benchmark suites and prints the ratios the targets are about. See docs/benchmarks.md.
    /// </summary>
    public static class Program
    {
        private const string Usage = """
            Usage: dotnet run -c Release --project benchmarks/Bookings.Generated.Benchmarks -- [options]

              --quick              A few minutes: fewer iterations and rounds, 10/100/200 tables, in process.
              --suite NAME[,NAME]  marshaling, e2e, generator (default: all three).
              --filter GLOB        Only benchmarks whose full name matches (BenchmarkDotNet glob, repeatable),
                                   e.g. --filter '*Booking*' or --filter '*Generator*FirstRun*'.
              --inprocess          Run every benchmark in this process (the default of --quick: no build, less isolation).
              --outofprocess       One process per benchmark (the default of a full run), also with --quick.
              --artifacts PATH     Where reports go (default: ./BenchmarkDotNet.Artifacts).
              --help               This text.

            The end-to-end suite starts DynamoDB Local (Java 17) unless DYNAMODB_ENDPOINT is set.
            """;

        /// <summary>Entry point.</summary>
        public static async Task<int> Main(string[] args)
        {
            RunOptions? options;
            try
            {
                options = Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (options is null)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            // Read by the benchmark classes, here and in the processes BenchmarkDotNet starts (they inherit it).
            Environment.SetEnvironmentVariable(BenchmarkSettings.QuickVariable, options.Quick ? "1" : "0");

            DynamoDbLocalServer? server = null;
            try
            {
                Func<TimeSpan?> serverCpu = () => null;
                if (options.Runs("e2e") && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DynamoDbEndpoint.EndpointVariable)))
                {
                    server = await StartDynamoDbLocalAsync().ConfigureAwait(false);
                    Environment.SetEnvironmentVariable(DynamoDbEndpoint.EndpointVariable, server.Endpoint.AbsoluteUri);
                    var processes = ProcessTree(server.ProcessId);
                    serverCpu = () => processes.Aggregate((TimeSpan?)TimeSpan.Zero, (sum, process) =>
                    {
                        process.Refresh();
                        return process.HasExited ? null : sum + process.TotalProcessorTime;
                    });
                    Console.WriteLine($"DynamoDB Local started at {server.Endpoint} (pid {server.ProcessId}).");
                    await ServerWarmup.RunAsync(TimeSpan.FromSeconds(options.Quick ? 15 : 45)).ConfigureAwait(false);
                }

                // CPU time per operation everywhere: on a shared machine it is what the benchmark itself used, where
                // wall time also counts the time other processes held the cores. The server's only for end to end.
                var cpu = new CpuTimeDiagnoser(() => null);
                var cpuWithServer = new CpuTimeDiagnoser(serverCpu);
                var runs = new List<BenchmarkRunInfo>();
                if (options.Runs("marshaling"))
                {
                    var config = BenchmarkConfigs.Marshaling(options, cpu);
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(BookingMarshalingBenchmarks), config));
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(SessionMarshalingBenchmarks), config));
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(WideScalarMarshalingBenchmarks), config));
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(WideItemMarshalingBenchmarks), config));
                }

                if (options.Runs("generator"))
                {
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(GeneratorBenchmarks), BenchmarkConfigs.Generator(options, cpu)));
                }

                if (options.Runs("e2e"))
                {
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(BookingEndToEndBenchmarks), BenchmarkConfigs.EndToEnd(options, cpuWithServer)));
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(typeof(BatchWriteBenchmarks), BenchmarkConfigs.BatchWrite(options, cpuWithServer)));
                }

                runs.RemoveAll(run => run.BenchmarksCases.Length == 0);
                if (runs.Count == 0)
                {
                    Console.Error.WriteLine("No benchmark matches the suites and filters given.");
                    return 2;
                }

                var summaries = BenchmarkRunner.Run([.. runs]);
                // The paired, interleaved measurements the targets are judged on (docs/benchmarks.md), after BenchmarkDotNet's.
                var paired = new PairedResults();
                if (options.Runs("marshaling"))
                {
                    Console.WriteLine("Paired, interleaved marshaling measurement...");
                    paired.Marshaling = await InterleavedMarshaling.RunAsync(options.Quick).ConfigureAwait(false);
                }

                if (options.Runs("e2e"))
                {
                    Console.WriteLine("Paired, interleaved end-to-end measurement...");
                    paired.EndToEnd = await InterleavedCpu.RunAsync(options.Quick).ConfigureAwait(false);
                }

                RatioReport.Write(RatioReport.Build(summaries, paired, options), options.ArtifactsPath);
                return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private static async Task<DynamoDbLocalServer> StartDynamoDbLocalAsync()
        {
            var start = new DynamoDbLocalStartOptions();

            // The server's full JIT (the launcher's default stops at C1 for fast test start-up) and a larger heap:
            // the benchmark runs long enough for both to pay off, and batch writes hold 10,000 items.
            start.JvmArguments.Clear();
            start.JvmArguments.Add("-XX:+UseSerialGC");
            start.JvmArguments.Add("-Xmx2g");
            return await DynamoDbLocalServer.StartAsync(start).ConfigureAwait(false);
        }

        /// <summary>
        /// The server process and its descendants: on Unix the launcher runs Java under a small sh watchdog, so the
        /// CPU time is Java's, found through the parent ids in /proc (the tree does not change once started).
        /// </summary>
        private static List<Process> ProcessTree(int root)
        {
            var tree = new List<int> { root };
            if (Directory.Exists("/proc"))
            {
                var parents = new Dictionary<int, int>();
                foreach (var directory in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(directory), out var pid))
                    {
                        continue;
                    }

                    try
                    {
                        // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
                        var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                        parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (IOException)
                    {
                        // The process ended while the list was read.
                    }
                }

                for (var i = 0; i < tree.Count; i++)
                {
                    tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
                }
            }

            return tree.Select(Process.GetProcessById).ToList();
        }

        private static RunOptions? Parse(string[] args)
        {
            var quick = false;
            bool? inProcess = null;
            var suites = new HashSet<string>(RunOptions.AllSuites, StringComparer.OrdinalIgnoreCase);
            var filters = new List<string>();
            var artifacts = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts");
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        inProcess ??= true;
                        break;
                    case "--inprocess":
                        inProcess = true;
                        break;
                    case "--outofprocess":
                        inProcess = false;
                        break;
                    case "--suite":
                        suites = new HashSet<string>(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                        var unknown = suites.Except(RunOptions.AllSuites, StringComparer.OrdinalIgnoreCase).ToList();
                        if (unknown.Count > 0)
                        {
                            throw new ArgumentException($"Unknown suite(s): {string.Join(", ", unknown)}.");
                        }

                        break;
                    case "--filter":
                        filters.Add(Value(args, ref i));
                        break;
                    case "--artifacts":
                        artifacts = Path.GetFullPath(Value(args, ref i));
                        break;
                    case "--help" or "-h":
                        return null;
                    default:
                        throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }

            return new RunOptions(quick, inProcess ?? false, suites, filters, artifacts);
        }

        private static string Value(string[] args, ref int i)
            => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    }
}

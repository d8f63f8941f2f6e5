using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Bookings.Generated.Benchmarks.EndToEnd;
using Bookings.Generated.Benchmarks.Infrastructure;
using Bookings.Generated.DynamoDbLocal;
using Bookings.Generated.Runtime;
using LoopBooking = Bookings.Generated.Benchmarks.Patterns.Loops.Booking;
using LoopKey = Bookings.Generated.Benchmarks.Patterns.Loops.BookingKey;
using LoopMarshaller = Bookings.Generated.Benchmarks.Patterns.Loops.BookingMarshaller;
using LoopRepository = Bookings.Generated.Benchmarks.Patterns.Loops.BookingRepository;
using RegexBooking = Bookings.Generated.Benchmarks.Patterns.Regexes.Booking;
using RegexKey = Bookings.Generated.Benchmarks.Patterns.Regexes.BookingKey;
using RegexMarshaller = Bookings.Generated.Benchmarks.Patterns.Regexes.BookingMarshaller;
using RegexRepository = Bookings.Generated.Benchmarks.Patterns.Regexes.BookingRepository;

// Throw-away measurement for issue 18, part C: what the generated pattern loops save on a whole request.
// Schemas/patterns-loops.tables.json is the bookings descriptor's Booking table; patterns-regexes.tables.json is the
// same with every pattern written as ^(?:...)$, which the generator cannot turn into a loop, so it runs as the
// runtime's Regex. .NET's parser drops a non-capturing group, so both Regexes are the same program. Both descriptors
// name the table "sms", so both repositories read and write the same items.
namespace Bookings.Generated.Benchmarks.Patterns
{
    /// <summary>The samples both variants store.</summary>
    public static class PatternSamples
    {
        /// <summary>The booking, with the loop-checked types.</summary>
        public static LoopBooking Loop() => new()
        {
            Key = LoopKey.Create("20231", "884512", "010-2345-6789"),
            Name = "홍길동",
            BookingTime = "2025-03-14 18:30:00",
            ConfirmSms = true,
        };

        /// <summary>The same booking, with the Regex-checked types.</summary>
        public static RegexBooking Regex() => new()
        {
            Key = RegexKey.Create("20231", "884512", "010-2345-6789"),
            Name = "홍길동",
            BookingTime = "2025-03-14 18:30:00",
            ConfirmSms = true,
        };

        /// <summary>Fails unless both items are the same.</summary>
        public static void Same(Dictionary<string, AttributeValue> expected, Dictionary<string, AttributeValue> actual, string what)
            => AttributeMaps.AssertSame(expected, actual, what);
    }

    /// <summary>A put and a get of a booking through the generated repository: pattern loops against the Regex path.</summary>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PatternRequestBenchmarks
    {
        private BenchmarkDatabase _database = null!;
        private LoopRepository _loops = null!;
        private RegexRepository _regexes = null!;
        private LoopBooking _loopBooking = null!;
        private RegexBooking _regexBooking = null!;

        /// <summary>Connects, stores the booking and checks both variants read the same item.</summary>
        [GlobalSetup]
        public void Setup() => SetupAsync().GetAwaiter().GetResult();

        private async Task SetupAsync()
        {
            _database = await BenchmarkDatabase.OpenAsync().ConfigureAwait(false);
            _loops = new LoopRepository(_database.Client, _database.Options);
            _regexes = new RegexRepository(_database.Client, _database.Options);
            _loopBooking = PatternSamples.Loop();
            _regexBooking = PatternSamples.Regex();
            await Loops_Put().ConfigureAwait(false);
            var expected = LoopMarshaller.ToItem(_loopBooking);
            PatternSamples.Same(expected, RegexMarshaller.ToItem(_regexBooking), "to-item");
            PatternSamples.Same(expected, LoopMarshaller.ToItem((await Loops_Get().ConfigureAwait(false))!), "loop get");
            PatternSamples.Same(expected, RegexMarshaller.ToItem((await Regex_Get().ConfigureAwait(false))!), "regex get");
            for (var i = 0; i < 200; i++)
            {
                await Loops_PutGet().ConfigureAwait(false);
                await Regex_PutGet().ConfigureAwait(false);
            }
        }

        /// <summary>Disconnects.</summary>
        [GlobalCleanup]
        public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>GetAsync, key parts checked by loops on the way back.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Get")]
        public Task<LoopBooking?> Loops_Get() => _loops.GetAsync(_loopBooking.Key);

        /// <summary>GetAsync, key parts checked by Regex.</summary>
        [Benchmark, BenchmarkCategory("Get")]
        public Task<RegexBooking?> Regex_Get() => _regexes.GetAsync(_regexBooking.Key);

        /// <summary>PutAsync, booking time checked by a loop.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Put")]
        public Task Loops_Put() => _loops.PutAsync(_loopBooking);

        /// <summary>PutAsync, booking time checked by Regex.</summary>
        [Benchmark, BenchmarkCategory("Put")]
        public Task Regex_Put() => _regexes.PutAsync(_regexBooking);

        /// <summary>A put and a get.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("PutGet")]
        public async Task<LoopBooking?> Loops_PutGet()
        {
            await _loops.PutAsync(_loopBooking).ConfigureAwait(false);
            return await _loops.GetAsync(_loopBooking.Key).ConfigureAwait(false);
        }

        /// <summary>A put and a get.</summary>
        [Benchmark, BenchmarkCategory("PutGet")]
        public async Task<RegexBooking?> Regex_PutGet()
        {
            await _regexes.PutAsync(_regexBooking).ConfigureAwait(false);
            return await _regexes.GetAsync(_regexBooking.Key).ConfigureAwait(false);
        }
    }

    /// <summary>To-item, from-item and building a key alone: pattern loops against the Regex path.</summary>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PatternMarshalingBenchmarks
    {
        private LoopBooking _loopBooking = null!;
        private RegexBooking _regexBooking = null!;
        private Dictionary<string, AttributeValue> _item = null!;

        /// <summary>The samples; both variants build and read the same item.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _loopBooking = PatternSamples.Loop();
            _regexBooking = PatternSamples.Regex();
            _item = LoopMarshaller.ToItem(_loopBooking);
            PatternSamples.Same(_item, RegexMarshaller.ToItem(_regexBooking), "to-item");
            PatternSamples.Same(_item, RegexMarshaller.ToItem(Regex_FromItem()), "regex from-item");
            PatternSamples.Same(_item, LoopMarshaller.ToItem(Loops_FromItem()), "loop from-item");
            for (var i = 0; i < 20_000; i++)
            {
                Loops_ToItem();
                Regex_ToItem();
                Loops_FromItem();
                Regex_FromItem();
                Loops_KeyCreate();
                Regex_KeyCreate();
            }
        }

        /// <summary>ToItem (booking time by a loop).</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("ToItem")]
        public Dictionary<string, AttributeValue> Loops_ToItem() => LoopMarshaller.ToItem(_loopBooking);

        /// <summary>ToItem (booking time by Regex).</summary>
        [Benchmark, BenchmarkCategory("ToItem")]
        public Dictionary<string, AttributeValue> Regex_ToItem() => RegexMarshaller.ToItem(_regexBooking);

        /// <summary>FromItem (key parts by loops).</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("FromItem")]
        public LoopBooking Loops_FromItem() => LoopMarshaller.FromItem(_item);

        /// <summary>FromItem (key parts by Regex).</summary>
        [Benchmark, BenchmarkCategory("FromItem")]
        public RegexBooking Regex_FromItem() => RegexMarshaller.FromItem(_item);

        /// <summary>BookingKey.Create (key parts by loops).</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("KeyCreate")]
        public LoopKey Loops_KeyCreate() => LoopKey.Create("20231", "884512", "010-2345-6789");

        /// <summary>BookingKey.Create (key parts by Regex).</summary>
        [Benchmark, BenchmarkCategory("KeyCreate")]
        public RegexKey Regex_KeyCreate() => RegexKey.Create("20231", "884512", "010-2345-6789");
    }

    /// <summary>One pattern check: the generated loop, the runtime's interpreted Regex, and a compiled Regex.</summary>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PatternCheckBenchmarks
    {
        private const string Time = "2025-03-14 18:30:00";
        private const string Digits = "884512";
        private Func<string, bool> _timeLoop = null!;
        private Func<string, bool> _digitsLoop = null!;
        private TextPattern _timeInterpreted = null!;
        private TextPattern _digitsInterpreted = null!;
        private Regex _timeCompiled = null!;
        private Regex _digitsCompiled = null!;

        /// <summary>The generated loop methods (private, by name) and the two Regexes of each pattern.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _timeLoop = typeof(LoopMarshaller).GetMethod("BookingTimePatternMatches", BindingFlags.NonPublic | BindingFlags.Static)!.CreateDelegate<Func<string, bool>>();
            _digitsLoop = typeof(LoopKey).GetMethod("BizIdPatternMatches", BindingFlags.NonPublic | BindingFlags.Static)!.CreateDelegate<Func<string, bool>>();
            _timeInterpreted = new TextPattern("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$");
            _digitsInterpreted = new TextPattern("^[0-9]+$");
            _timeCompiled = new Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);
            _digitsCompiled = new Regex("^[0-9]+\\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);
            foreach (var check in new Func<bool>[] { Loop_Time, Interpreted_Time, Compiled_Time, Loop_Digits, Interpreted_Digits, Compiled_Digits })
            {
                if (!check())
                {
                    throw new InvalidOperationException("A check refused its sample.");
                }

                for (var i = 0; i < 50_000; i++)
                {
                    check();
                }
            }
        }

        /// <summary>Booking time, loop.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Time")]
        public bool Loop_Time() => _timeLoop(Time);

        /// <summary>Booking time, interpreted Regex (TextPattern).</summary>
        [Benchmark, BenchmarkCategory("Time")]
        public bool Interpreted_Time() => _timeInterpreted.IsMatch(Time);

        /// <summary>Booking time, RegexOptions.Compiled.</summary>
        [Benchmark, BenchmarkCategory("Time")]
        public bool Compiled_Time() => _timeCompiled.IsMatch(Time);

        /// <summary>Digits, loop.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Digits")]
        public bool Loop_Digits() => _digitsLoop(Digits);

        /// <summary>Digits, interpreted Regex (TextPattern).</summary>
        [Benchmark, BenchmarkCategory("Digits")]
        public bool Interpreted_Digits() => _digitsInterpreted.IsMatch(Digits);

        /// <summary>Digits, RegexOptions.Compiled.</summary>
        [Benchmark, BenchmarkCategory("Digits")]
        public bool Compiled_Digits() => _digitsCompiled.IsMatch(Digits);
    }

    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/Bookings.Generated.Benchmarks -- --patterns [--quick] [--rounds N] [--paired-only]</c>:
    /// the three classes above under BenchmarkDotNet, then the same variants paired and interleaved
    /// (<see cref="Interleaved"/>), with the loop variant also paired with itself to show this run's noise.
    /// </summary>
    public static class PatternCost
    {
        /// <summary>Runs the measurement.</summary>
        public static async Task<int> RunAsync(string[] args)
        {
            var quick = args.Contains("--quick");
            var pairedOnly = args.Contains("--paired-only");
            var roundsAt = Array.IndexOf(args, "--rounds");
            var rounds = roundsAt >= 0 ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : quick ? 21 : 201;
            Environment.SetEnvironmentVariable(BenchmarkSettings.QuickVariable, quick ? "1" : "0");
            DynamoDbLocalServer? server = null;
            try
            {
                if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DynamoDbEndpoint.EndpointVariable)))
                {
                    var start = new DynamoDbLocalStartOptions();
                    start.JvmArguments.Clear();
                    start.JvmArguments.Add("-XX:+UseSerialGC");
                    start.JvmArguments.Add("-Xmx2g");
                    server = await DynamoDbLocalServer.StartAsync(start).ConfigureAwait(false);
                    Environment.SetEnvironmentVariable(DynamoDbEndpoint.EndpointVariable, server.Endpoint.AbsoluteUri);
                    await ServerWarmup.RunAsync(TimeSpan.FromSeconds(quick ? 15 : 45)).ConfigureAwait(false);
                }

                var report = new StringBuilder();
                var failed = false;
                if (!pairedOnly)
                {
                    var options = new RunOptions(quick, InProcess: quick, new HashSet<string>(), [], System.IO.Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts"));
                    var cpu = new CpuTimeDiagnoser(() => null);
                    var summaries = BenchmarkRunner.Run(
                    [
                        BenchmarkConverter.TypeToBenchmarks(typeof(PatternRequestBenchmarks), BenchmarkConfigs.EndToEnd(options, cpu)),
                        BenchmarkConverter.TypeToBenchmarks(typeof(PatternMarshalingBenchmarks), BenchmarkConfigs.Marshaling(options, cpu)),
                        BenchmarkConverter.TypeToBenchmarks(typeof(PatternCheckBenchmarks), BenchmarkConfigs.Marshaling(options, cpu)),
                    ]);
                    failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
                    report.AppendLine("BenchmarkDotNet (sequential): client CPU per operation, ratio to the loop variant on CPU [on wall time]");
                    report.AppendLine();
                    report.AppendLine("| Benchmark | Wall | Client CPU | Allocated | CPU ÷ loops [wall ÷ loops] |");
                    report.AppendLine("|---|---:|---:|---:|---:|");
                    foreach (var summary in summaries)
                    {
                        var reports = summary.Reports.Where(r => r.Success && r.ResultStatistics is not null).ToList();
                        foreach (var r in reports)
                        {
                            var name = r.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                            var category = name[(name.IndexOf('_', StringComparison.Ordinal) + 1)..];
                            var baseline = reports.First(b => b.BenchmarkCase.Descriptor.Baseline && b.BenchmarkCase.Descriptor.WorkloadMethod.Name.EndsWith("_" + category, StringComparison.Ordinal));
                            var cpuNs = ClientCpu(r);
                            var baseCpu = ClientCpu(baseline);
                            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Ns(r.ResultStatistics!.Mean)} | {Ns(cpuNs)} | {r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0:N0} B | {cpuNs / baseCpu:0.000}× [{r.ResultStatistics.Mean / baseline.ResultStatistics!.Mean:0.000}×] |");
                        }
                    }

                    report.AppendLine();
                }

                report.AppendLine(CultureInfo.InvariantCulture, $"Paired and interleaved ({rounds} rounds): median CPU per operation (wall), median per-round CPU ratio to the loop variant; 'Loops again' is the loop variant paired with itself.");
                report.AppendLine();
                report.AppendLine("| Operation | Ops per turn | Loops CPU (wall) | Regex CPU (wall) | Loops again CPU | Regex ÷ loops | Loops again ÷ loops | Bytes loops / Regex |");
                report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
                var requests = new PatternRequestBenchmarks();
                requests.Setup();
                try
                {
                    await Paired(report, "Get (request)", rounds, 100, requests.Loops_Get, requests.Regex_Get).ConfigureAwait(false);
                    await Paired(report, "Put (request)", rounds, 100, requests.Loops_Put, requests.Regex_Put).ConfigureAwait(false);
                    await Paired(report, "Put + get (requests)", rounds, 50, requests.Loops_PutGet, requests.Regex_PutGet).ConfigureAwait(false);
                }
                finally
                {
                    requests.Cleanup();
                }

                var marshaling = new PatternMarshalingBenchmarks();
                marshaling.Setup();
                await PairedSync(report, "ToItem", rounds, marshaling.Loops_ToItem, marshaling.Regex_ToItem).ConfigureAwait(false);
                await PairedSync(report, "FromItem", rounds, marshaling.Loops_FromItem, marshaling.Regex_FromItem).ConfigureAwait(false);
                await PairedSync(report, "BookingKey.Create", rounds, marshaling.Loops_KeyCreate, marshaling.Regex_KeyCreate).ConfigureAwait(false);

                Console.WriteLine();
                Console.WriteLine(report);
                var path = System.IO.Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results", "patterns.md");
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                await System.IO.File.WriteAllTextAsync(path, report.ToString()).ConfigureAwait(false);
                Console.WriteLine($"Written to {path}");
                return failed ? 1 : 0;
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private static double ClientCpu(BenchmarkDotNet.Reports.BenchmarkReport report)
            => report.Metrics.TryGetValue(CpuTimeDiagnoser.ClientCpuDescriptor.Instance.Id, out var metric) ? metric.Value : double.NaN;

        private static Task Paired<TLoop, TRegex>(StringBuilder report, string operation, int rounds, int ops, Func<Task<TLoop>> loops, Func<Task<TRegex>> regex)
            => Paired(report, operation, rounds, ops, () => (Task)loops(), () => regex());

        private static async Task Paired(StringBuilder report, string operation, int rounds, int ops, Func<Task> loops, Func<Task> regex)
        {
            var result = await Interleaved.MeasureAsync(
            [
                new("Loops", async () => await loops().ConfigureAwait(false)),
                new("Regex", async () => await regex().ConfigureAwait(false)),
                new("LoopsAgain", async () => await loops().ConfigureAwait(false)),
            ], rounds, ops, TimeSpan.Zero).ConfigureAwait(false);
            Row(report, operation, result);
        }

        private static async Task PairedSync<TLoop, TRegex>(StringBuilder report, string operation, int rounds, Func<TLoop> loops, Func<TRegex> regex)
        {
            var result = await Interleaved.MeasureAsync(
            [
                new("Loops", () => { loops(); return default; }, Synchronous: true),
                new("Regex", () => { regex(); return default; }, Synchronous: true),
                new("LoopsAgain", () => { loops(); return default; }, Synchronous: true),
            ], rounds, null, TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
            Row(report, operation, result);
        }

        private static void Row(StringBuilder report, string operation, Interleaved.Result result)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"| {operation} | {result.OpsPerTurn["Loops"]:N0} | {Ns(result.CpuNs["Loops"])} ({Ns(result.WallNs["Loops"])}) | {Ns(result.CpuNs["Regex"])} ({Ns(result.WallNs["Regex"])}) | {Ns(result.CpuNs["LoopsAgain"])} | {result.RatioOf("Regex", "Loops"):0.000}× | {result.RatioOf("LoopsAgain", "Loops"):0.000}× | {result.Bytes["Loops"]:N0} B / {result.Bytes["Regex"]:N0} B |");
            report.AppendLine(line);
            Console.WriteLine(line);
        }

        private static string Ns(double ns) => ns >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ns / 1000:N2} µs") : string.Create(CultureInfo.InvariantCulture, $"{ns:N1} ns");
    }
}

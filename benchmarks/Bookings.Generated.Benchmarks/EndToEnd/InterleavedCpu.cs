using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// A paired, interleaved measurement of client CPU time per operation, next to BenchmarkDotNet's. BenchmarkDotNet
    /// measures one variant after another, so on a shared machine a change in load between them shows up as a
    /// difference between variants. Here the variants take turns in short rounds (raw, repository, DynamoDBContext,
    /// then the order rotates), and the repository-to-raw ratio is taken within each round and its median reported:
    /// load that drifts over seconds affects both sides of a ratio alike.
    /// </summary>
    public static class InterleavedCpu
    {
        /// <summary>The result of one operation: per-variant medians and the median paired ratios to raw.</summary>
        /// <param name="Operation">The operation's label.</param>
        /// <param name="Rounds">Rounds measured.</param>
        /// <param name="OpsPerTurn">Operations per variant per round.</param>
        /// <param name="CpuNs">Median client CPU per operation by variant, in nanoseconds.</param>
        /// <param name="WallNs">Median wall time per operation by variant, in nanoseconds.</param>
        /// <param name="Bytes">Bytes allocated per operation by variant (all rounds).</param>
        /// <param name="RatioToRaw">Median of the per-round CPU ratios to the raw client, by variant.</param>
        public sealed record Result(
            string Operation,
            int Rounds,
            int OpsPerTurn,
            IReadOnlyDictionary<string, double> CpuNs,
            IReadOnlyDictionary<string, double> WallNs,
            IReadOnlyDictionary<string, double> Bytes,
            IReadOnlyDictionary<string, double> RatioToRaw);

        /// <summary>Runs get, put, query of 100 and the batch write of 10,000, interleaved.</summary>
        public static async Task<IReadOnlyList<Result>> RunAsync(bool quick)
        {
            var results = new List<Result>();
            var single = new BookingEndToEndBenchmarks();
            single.Setup();
            try
            {
                var rounds = quick ? 9 : 31;
                results.Add(await MeasureAsync("Get", rounds, 100, single.Raw_Get, single.Repository_Get, single.DynamoDBContext_Get).ConfigureAwait(false));
                results.Add(await MeasureAsync("Put", rounds, 100, single.Raw_Put, single.Repository_Put, single.DynamoDBContext_Put).ConfigureAwait(false));
                results.Add(await MeasureAsync("Query100", rounds, 20, single.Raw_Query100, single.Repository_Query100, single.DynamoDBContext_Query100).ConfigureAwait(false));
            }
            finally
            {
                single.Cleanup();
            }

            var batch = new BatchWriteBenchmarks();
            batch.Setup();
            try
            {
                results.Add(await MeasureAsync("BatchWrite10k", quick ? 2 : 5, 1, batch.Raw_BatchWrite10k, batch.Repository_BatchWrite10k, batch.DynamoDBContext_BatchWrite10k).ConfigureAwait(false));
            }
            finally
            {
                batch.Cleanup();
            }

            return results;
        }

        private static Task<Result> MeasureAsync<T1, T2, T3>(string operation, int rounds, int ops, Func<Task<T1>> raw, Func<Task<T2>> repository, Func<Task<T3>> context)
            => MeasureAsync(operation, rounds, ops, new Func<Task>(raw), new Func<Task>(repository), new Func<Task>(context));

        private static async Task<Result> MeasureAsync(string operation, int rounds, int ops, Func<Task> raw, Func<Task> repository, Func<Task> context)
        {
            var variants = new (string Name, Func<Task> Run)[] { ("Raw", raw), ("Repository", repository), ("DynamoDBContext", context) };
            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
            var wall = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
            var bytes = variants.ToDictionary(v => v.Name, _ => 0L, StringComparer.Ordinal);

            // One unmeasured round warms every variant.
            foreach (var (_, run) in variants)
            {
                for (var i = 0; i < ops; i++)
                {
                    await run().ConfigureAwait(false);
                }
            }

            var self = Process.GetCurrentProcess();
            for (var round = 0; round < rounds; round++)
            {
                for (var turn = 0; turn < variants.Length; turn++)
                {
                    var (name, run) = variants[(round + turn) % variants.Length];
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    self.Refresh();
                    var cpuStart = self.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < ops; i++)
                    {
                        await run().ConfigureAwait(false);
                    }

                    clock.Stop();
                    self.Refresh();
                    cpu[name].Add((self.TotalProcessorTime - cpuStart).Ticks * 100.0 / ops);
                    wall[name].Add(clock.Elapsed.Ticks * 100.0 / ops);
                    bytes[name] += GC.GetTotalAllocatedBytes(precise: true) - allocated;
                }
            }

            var ratios = variants.ToDictionary(
                v => v.Name,
                v => Median(cpu[v.Name].Zip(cpu["Raw"], (mine, baseline) => mine / baseline)),
                StringComparer.Ordinal);
            return new Result(
                operation,
                rounds,
                ops,
                cpu.ToDictionary(p => p.Key, p => Median(p.Value), StringComparer.Ordinal),
                wall.ToDictionary(p => p.Key, p => Median(p.Value), StringComparer.Ordinal),
                bytes.ToDictionary(p => p.Key, p => (double)p.Value / (rounds * ops), StringComparer.Ordinal),
                ratios);
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

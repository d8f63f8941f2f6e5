using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// Paired, interleaved measurement of CPU time per operation. BenchmarkDotNet measures one variant after another,
    /// so on a shared machine a change in load between two of them shows up as a difference between them. Here the
    /// variants take turns in short rounds, the order rotating each round, and each ratio to the baseline is taken
    /// within a round; the medians over rounds are reported. Load that drifts over seconds affects both halves of a
    /// ratio alike. CPU time is the process's (getrusage). Allocated bytes are counted exactly, once per turn: the
    /// calling thread's for a synchronous variant (so that the runtime's own background work, a few bytes now and then,
    /// is not put on the variant), the process's for an asynchronous one, whose continuations run on other threads.
    /// </summary>
    public static class Interleaved
    {
        /// <summary>One variant to measure: its name and one operation.</summary>
        /// <param name="Name">The variant's name in the results.</param>
        /// <param name="Run">One operation.</param>
        /// <param name="Synchronous">True when <paramref name="Run"/> always completes on the calling thread.</param>
        public sealed record Variant(string Name, Func<ValueTask> Run, bool Synchronous = false);

        /// <summary>The medians of one measurement.</summary>
        /// <param name="Rounds">Rounds measured.</param>
        /// <param name="OpsPerTurn">Operations per variant per round, by variant.</param>
        /// <param name="CpuNs">Median CPU time per operation by variant, in nanoseconds.</param>
        /// <param name="WallNs">Median wall time per operation by variant, in nanoseconds.</param>
        /// <param name="Bytes">Bytes allocated per operation by variant, over all rounds.</param>
        /// <param name="Ratio">Median of the per-round CPU ratios of one variant to another, by "numerator/denominator".</param>
        public sealed record Result(
            int Rounds,
            IReadOnlyDictionary<string, int> OpsPerTurn,
            IReadOnlyDictionary<string, double> CpuNs,
            IReadOnlyDictionary<string, double> WallNs,
            IReadOnlyDictionary<string, double> Bytes,
            IReadOnlyDictionary<string, double> Ratio)
        {
            /// <summary>The median paired CPU ratio of <paramref name="numerator"/> to <paramref name="denominator"/>, if both were measured.</summary>
            public double? RatioOf(string numerator, string denominator)
                => Ratio.TryGetValue(numerator + "/" + denominator, out var ratio) ? ratio : null;
        }

        /// <summary>
        /// Measures the variants in <paramref name="rounds"/> rounds. With <paramref name="fixedOps"/> null, each
        /// variant gets as many operations per turn as take about <paramref name="turn"/> of CPU time.
        /// </summary>
        public static async Task<Result> MeasureAsync(IReadOnlyList<Variant> variants, int rounds, int? fixedOps, TimeSpan turn)
        {
            // Warm every variant and size its turn.
            var ops = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var variant in variants)
            {
                var count = 0;
                var start = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                while (fixedOps is { } n ? count < n : clock.Elapsed < turn + turn)
                {
                    await variant.Run().ConfigureAwait(false);
                    count++;
                }

                var cpuPerOp = (Environment.CpuUsage.TotalTime - start).Ticks / (double)Math.Max(count, 1);
                ops[variant.Name] = fixedOps ?? (int)Math.Clamp(turn.Ticks / Math.Max(cpuPerOp, 1), 1, 10_000_000);
            }

            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
            var wall = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
            var bytes = variants.ToDictionary(v => v.Name, _ => (Bytes: 0L, Ops: 0L), StringComparer.Ordinal);
            for (var round = 0; round < rounds; round++)
            {
                for (var turnIndex = 0; turnIndex < variants.Count; turnIndex++)
                {
                    var variant = variants[(round + turnIndex) % variants.Count];
                    var count = ops[variant.Name];
                    var allocated = AllocatedBytes(variant);
                    var cpuStart = Environment.CpuUsage.TotalTime;
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < count; i++)
                    {
                        await variant.Run().ConfigureAwait(false);
                    }

                    clock.Stop();
                    cpu[variant.Name].Add((Environment.CpuUsage.TotalTime - cpuStart).Ticks * 100.0 / count);
                    wall[variant.Name].Add(clock.Elapsed.Ticks * 100.0 / count);
                    var sum = bytes[variant.Name];
                    bytes[variant.Name] = (sum.Bytes + AllocatedBytes(variant) - allocated, sum.Ops + count);
                }
            }

            var ratios = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var numerator in variants)
            {
                foreach (var denominator in variants)
                {
                    if (numerator != denominator)
                    {
                        ratios[numerator.Name + "/" + denominator.Name] = Median(cpu[numerator.Name].Zip(cpu[denominator.Name], (a, b) => a / b));
                    }
                }
            }

            return new Result(
                rounds,
                ops,
                cpu.ToDictionary(p => p.Key, p => Median(p.Value), StringComparer.Ordinal),
                wall.ToDictionary(p => p.Key, p => Median(p.Value), StringComparer.Ordinal),
                bytes.ToDictionary(p => p.Key, p => (double)p.Value.Bytes / p.Value.Ops, StringComparer.Ordinal),
                ratios);
        }

        private static long AllocatedBytes(Variant variant)
            => variant.Synchronous ? GC.GetAllocatedBytesForCurrentThread() : GC.GetTotalAllocatedBytes(precise: true);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

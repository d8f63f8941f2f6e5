using System;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// Settings the benchmark classes read. The host sets them in its environment before BenchmarkDotNet starts
    /// the benchmark processes, which inherit it.
    /// </summary>
    public static class BenchmarkSettings
    {
        /// <summary>Set to <c>1</c> in quick mode.</summary>
        public const string QuickVariable = "BOOKINGS_BENCH_QUICK";

        /// <summary>The table-name prefix of every end-to-end benchmark table.</summary>
        public const string TablePrefix = "bench-";

        /// <summary>Whether this is a quick run (fewer parameter values).</summary>
        public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";
    }
}

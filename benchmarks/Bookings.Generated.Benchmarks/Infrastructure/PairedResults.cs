using System;
using System.Collections.Generic;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>The paired, interleaved measurements of a run (empty for the suites that did not run).</summary>
    public sealed class PairedResults
    {
        /// <summary>Marshaling, by benchmark class and direction.</summary>
        public IReadOnlyList<(Type Class, string Direction, Interleaved.Result Result)> Marshaling { get; set; } = [];

        /// <summary>End to end, by operation.</summary>
        public IReadOnlyList<(string Operation, Interleaved.Result Result)> EndToEnd { get; set; } = [];
    }
}

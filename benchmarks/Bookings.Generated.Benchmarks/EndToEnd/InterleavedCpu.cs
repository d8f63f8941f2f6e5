using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Bookings.Generated.Benchmarks.Infrastructure;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// The end-to-end variants measured paired and interleaved (<see cref="Interleaved"/>): raw, repository and
    /// DynamoDBContext take turns of 100 gets, 100 puts, 20 queries of 100 items or one batch write of 10,000.
    /// </summary>
    public static class InterleavedCpu
    {
        /// <summary>Runs get, put, query of 100 and the batch write of 10,000.</summary>
        public static async Task<IReadOnlyList<(string Operation, Interleaved.Result Result)>> RunAsync(bool quick)
        {
            var results = new List<(string, Interleaved.Result)>();
            // 201 rounds (under two minutes for the three operations): with 31 the query's ratio moved by ±8% between
            // full runs of the same code, and with 61 it was 1.08x in one run and 1.05x in the next; four 201-round
            // medians of the same pairing in a separate harness ranged from 1.00x to 1.04x.
            var rounds = quick ? 9 : 201;
            var single = new BookingEndToEndBenchmarks();
            single.Setup();
            try
            {
                results.Add(("Get", await Interleaved.MeasureAsync(Variants(single.Raw_Get, single.Repository_Get, single.DynamoDBContext_Get), rounds, 100, TimeSpan.Zero).ConfigureAwait(false)));
                results.Add(("Put", await Interleaved.MeasureAsync(Variants(single.Raw_Put, single.Repository_Put, single.DynamoDBContext_Put), rounds, 100, TimeSpan.Zero).ConfigureAwait(false)));
                results.Add(("Query100", await Interleaved.MeasureAsync(Variants(single.Raw_Query100, single.Repository_Query100, single.DynamoDBContext_Query100), rounds, 20, TimeSpan.Zero).ConfigureAwait(false)));
            }
            finally
            {
                single.Cleanup();
            }

            var batch = new BatchWriteBenchmarks();
            batch.Setup();
            try
            {
                results.Add(("BatchWrite10k", await Interleaved.MeasureAsync(Variants(batch.Raw_BatchWrite10k, batch.Repository_BatchWrite10k, batch.DynamoDBContext_BatchWrite10k), quick ? 2 : BatchRounds, 1, TimeSpan.Zero).ConfigureAwait(false)));
            }
            finally
            {
                batch.Cleanup();
            }

            return results;
        }

        /// <summary>
        /// Rounds of the batch write (about two and a half minutes): single rounds range from 0.8× to 1.2× of the raw
        /// client, so 9 rounds gave medians that moved by ±4% between runs of the same code.
        /// </summary>
        private const int BatchRounds = 31;

        private static Interleaved.Variant[] Variants(Func<Task> raw, Func<Task> repository, Func<Task> context) =>
        [
            new("Raw", async () => await raw().ConfigureAwait(false)),
            new("Repository", async () => await repository().ConfigureAwait(false)),
            new("DynamoDBContext", async () => await context().ConfigureAwait(false)),
        ];
    }
}

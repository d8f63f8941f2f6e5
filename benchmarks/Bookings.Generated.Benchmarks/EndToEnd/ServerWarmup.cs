using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// Brings a freshly started DynamoDB Local (a JVM) to steady state before anything is measured: its JIT compiles
    /// the request paths only after thousands of requests, and until then whichever benchmark runs first pays for
    /// it in wall time and in the server's and the client's CPU.
    /// </summary>
    public static class ServerWarmup
    {
        /// <summary>Sends gets, puts and queries for about <paramref name="duration"/>, then one batch write.</summary>
        public static async Task RunAsync(TimeSpan duration)
        {
            await using var database = await BenchmarkDatabase.OpenAsync().ConfigureAwait(false);
            var bookings = BenchmarkDatabase.Bookings100PerPartition("10000", 100);
            await database.Bookings.PutManyAsync(bookings).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var requests = 0;
            while (clock.Elapsed < duration)
            {
                var booking = bookings[requests % bookings.Count];
                await database.Bookings.PutAsync(booking).ConfigureAwait(false);
                await database.Bookings.GetAsync(booking.Key).ConfigureAwait(false);
                await database.Context.LoadAsync<Marshaling.BookingDocument>(booking.BookingNum, booking.Phone).ConfigureAwait(false);
                if (requests % 20 == 0)
                {
                    await foreach (var unused in database.Bookings.QueryAsync("10000", "100000").ConfigureAwait(false))
                    {
                    }
                }

                requests += 3;
            }

            await database.Bookings.PutManyAsync(BenchmarkDatabase.Bookings100PerPartition("10001", 5_000)).ConfigureAwait(false);
            Console.WriteLine($"DynamoDB Local warmed up: {requests:N0} requests in {clock.Elapsed.TotalSeconds:0} s, then a batch write of 5,000 items.");
        }
    }
}

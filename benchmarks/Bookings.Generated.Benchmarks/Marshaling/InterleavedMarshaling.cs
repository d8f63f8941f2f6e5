using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bookings.Generated.Benchmarks.Infrastructure;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>
    /// The marshaling benchmarks measured paired and interleaved (<see cref="Interleaved"/>): the variants of one
    /// direction (hand-written, generated, DynamoDBContext, …) of one item take turns of about 5 ms of CPU each.
    /// The variants are the benchmark methods themselves, found by their categories.
    /// </summary>
    public static class InterleavedMarshaling
    {
        /// <summary>The marshaling benchmark classes, in report order.</summary>
        public static readonly Type[] Classes =
        [
            typeof(BookingMarshalingBenchmarks),
            typeof(SessionMarshalingBenchmarks),
            typeof(WideScalarMarshalingBenchmarks),
            typeof(WideItemMarshalingBenchmarks),
        ];

        /// <summary>Measures every class and direction.</summary>
        public static async Task<IReadOnlyList<(Type Class, string Direction, Interleaved.Result Result)>> RunAsync(bool quick)
        {
            var results = new List<(Type, string, Interleaved.Result)>();
            foreach (var type in Classes)
            {
                var instance = Activator.CreateInstance(type)!;
                type.GetMethod("Setup")!.Invoke(instance, null);
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                    .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                    .ToList();
                foreach (var direction in new[] { MarshalingBenchmarks<BookingCase, Booking, BookingDocument>.ToItemCategory, MarshalingBenchmarks<BookingCase, Booking, BookingDocument>.FromItemCategory })
                {
                    var variants = methods
                        .Where(m => m.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.Contains(direction) == true)
                        .Select(m =>
                        {
                            var call = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, m);
                            return new Interleaved.Variant(
                                m.Name[..m.Name.IndexOf('_', StringComparison.Ordinal)],
                                () =>
                                {
                                    call();
                                    return default;
                                },
                                Synchronous: true);
                        })
                        .ToList();
                    // 201 rounds of 5 ms turns, a few seconds per table and direction; 41 left ratios that moved by
                    // up to 6% between runs of the same build.
                    results.Add((type, direction, await Interleaved.MeasureAsync(variants, quick ? 11 : 201, null, TimeSpan.FromMilliseconds(5)).ConfigureAwait(false)));
                }
            }

            return results;
        }
    }
}

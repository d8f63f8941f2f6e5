using System.Collections.Generic;
using System.Threading.Tasks;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Collects what a repository streams, for tests that compare whole results.</summary>
    internal static class AsyncItems
    {
        /// <summary>Every item of <paramref name="items"/>, in order.</summary>
        public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
            {
                list.Add(item);
            }

            return list;
        }
    }
}

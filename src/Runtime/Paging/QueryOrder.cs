using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// The order a descriptor declares for a table's, entity's or index's queries, applied where the caller's
    /// <see cref="QueryOptions.Descending"/> leaves it open.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class QueryOrder
    {
        private static readonly QueryOptions NewestFirstOnly = new() { Descending = true };

        /// <summary>The options, newest first unless they say otherwise.</summary>
        public static QueryOptions NewestFirst(QueryOptions? options)
            => options is null ? NewestFirstOnly : options.Descending is null ? options with { Descending = true } : options;
    }
}

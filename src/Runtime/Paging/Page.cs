using System.Collections.Generic;

namespace Bookings.Generated.Runtime
{
    /// <summary>One page of results and the token for the next page.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="Items">The items of this page, in the order DynamoDB returned them.</param>
    /// <param name="ContinuationToken">
    /// An opaque, signed token for the next page, or null when this is the last page. Safe to hand to a
    /// web client and accept back: a tampered token, or one from another table or index, is rejected.
    /// </param>
    public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken)
    {
        /// <summary>The items of this page, in the order DynamoDB returned them.</summary>
        public IReadOnlyList<T> Items { get; init; } = Items ?? throw new System.ArgumentNullException(nameof(Items));
    }
}

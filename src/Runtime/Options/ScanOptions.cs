using System.Collections.Generic;

namespace Bookings.Generated.Runtime
{
    /// <summary>How a scan reads the table; checked at the call, before anything is sent.</summary>
    public sealed class ScanOptions
    {
        /// <summary>
        /// A condition items must meet to be returned, from the entity's <c>…Fields</c>. DynamoDB filters after reading,
        /// so the whole table is still read and paid for.
        /// </summary>
        public Condition? Filter { get; init; }

        /// <summary>Segments read in parallel and merged as their items arrive (order is not defined): 1 to 1,000,000. Default 1.</summary>
        public int Segments { get; init; } = 1;

        /// <summary>
        /// For <c>ScanStoredAsync</c> only: the stored attribute names to read (the generated <c>…Table.Attributes</c>
        /// constants), at least one; null reads every attribute. Key attributes are not added: name them if they are wanted.
        /// <c>ScanAsync</c> refuses it, since a part of an item is not an entity.
        /// </summary>
        public IReadOnlyCollection<string>? Attributes { get; init; }
    }
}

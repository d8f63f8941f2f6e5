namespace Bookings.Generated.Runtime
{
    /// <summary>How a query reads a partition.</summary>
    public sealed record QueryOptions
    {
        /// <summary>Newest (highest sort key) first. Default false: ascending sort-key order.</summary>
        public bool Descending { get; init; }

        /// <summary>Strongly consistent reads; null uses the repository's default.</summary>
        public bool? ConsistentRead { get; init; }

        /// <summary>Items per request (DynamoDB's <c>Limit</c>); null lets DynamoDB fill pages up to 1 MB.</summary>
        public int? PageSize { get; init; }

        /// <summary>
        /// A condition items must meet to be returned, from the entity's <c>…Fields</c>. DynamoDB applies it after
        /// reading, so filtered-out items still cost read capacity and a page may hold fewer than <see cref="PageSize"/> items.
        /// </summary>
        public Condition? Filter { get; init; }
    }
}

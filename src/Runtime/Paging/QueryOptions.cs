namespace Bookings.Generated.Runtime
{
    /// <summary>How a query reads a partition; checked at the call, before anything is sent, and never changed by the runtime.</summary>
    public sealed record QueryOptions
    {
        /// <summary>
        /// True: highest sort key (newest) first; false: ascending sort-key order. Null (the default) takes the order the
        /// descriptor declares for the table, entity or index (<c>"order": "descending"</c>), and ascending when it declares none.
        /// </summary>
        public bool? Descending { get; init; }

        /// <summary>Strongly consistent reads; null uses the repository's default.</summary>
        public bool? ConsistentRead { get; init; }

        /// <summary>Items per request (DynamoDB's <c>Limit</c>); null lets DynamoDB fill pages up to 1 MB.</summary>
        public int? PageSize { get; init; }

        /// <summary>
        /// A condition items must meet to be returned, from the entity's <c>…Fields</c>. DynamoDB applies it after
        /// reading, so filtered-out items still cost read capacity and a page may hold fewer than <see cref="PageSize"/> items.
        /// </summary>
        public Condition? Filter { get; init; }

        /// <summary>
        /// A condition on the sort key (of the index, for an index query), from a generated <c>…SortKey</c> class
        /// (<c>BookingSortKey.BeginsWith(…)</c>); DynamoDB reads only the items that meet it. Null reads the whole
        /// partition. Refused at the call for a table or index without a sort key.
        /// </summary>
        public SortKeyCondition? SortKey { get; init; }
    }
}

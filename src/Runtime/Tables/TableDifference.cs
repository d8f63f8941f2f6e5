namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// One way a live table differs from its <see cref="TableDefinition"/>, as <see cref="DynamoTableManager.VerifyAsync"/>
    /// reports it: <c>sms: index 'by_phone' projection is KEYS_ONLY, expected ALL</c>.
    /// </summary>
    /// <param name="Table">The physical table name.</param>
    /// <param name="What">
    /// What differs: <c>table</c> (missing), <c>partition key</c>, <c>sort key</c>, <c>billing mode</c>, <c>capacity</c>,
    /// <c>index 'name'</c> (missing, extra or of the other kind), <c>index 'name' partition key</c>, <c>index 'name' sort
    /// key</c>, <c>index 'name' projection</c>, <c>index 'name' capacity</c> or <c>time to live</c>.
    /// </param>
    /// <param name="Expected">What the definition declares: a key as <c>name (S)</c>, <c>none</c> for nothing.</param>
    /// <param name="Actual">What the live table has, written the same way; <c>missing</c> for a table or index it lacks.</param>
    public sealed record TableDifference(string Table, string What, string Expected, string Actual)
    {
        /// <summary>The physical table name.</summary>
        public string Table { get; init; } = Table ?? throw new System.ArgumentNullException(nameof(Table));

        /// <summary>What differs, such as <c>index 'by_phone' projection</c>.</summary>
        public string What { get; init; } = What ?? throw new System.ArgumentNullException(nameof(What));

        /// <summary>What the definition declares.</summary>
        public string Expected { get; init; } = Expected ?? throw new System.ArgumentNullException(nameof(Expected));

        /// <summary>What the live table has.</summary>
        public string Actual { get; init; } = Actual ?? throw new System.ArgumentNullException(nameof(Actual));

        /// <summary>One line for people: the table, what differs, what it is and what was expected.</summary>
        public override string ToString() => $"{Table}: {What} is {Actual}, expected {Expected}";
    }
}

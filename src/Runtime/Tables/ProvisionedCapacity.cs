namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Provisioned throughput of a table or a global secondary index, in read and write capacity units; each must be 1
    /// or more. Used by <c>"billingMode": "PROVISIONED"</c> tables, in their generated <see cref="TableDefinition"/> and
    /// in <see cref="DynamoRepositoryOptions.Capacities"/>.
    /// </summary>
    /// <param name="Read">Read capacity units. Default 5.</param>
    /// <param name="Write">Write capacity units. Default 5.</param>
    public sealed record ProvisionedCapacity(long Read = 5, long Write = 5)
    {
        /// <summary>As a phrase for reports: <c>read 5, write 5</c>.</summary>
        public override string ToString() => $"read {Read}, write {Write}";
    }
}

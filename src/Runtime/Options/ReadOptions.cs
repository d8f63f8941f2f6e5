namespace Bookings.Generated.Runtime
{
    /// <summary>How <c>GetAsync</c> and <c>GetManyAsync</c> read; null (or a default instance) reads as the repository's options say.</summary>
    public sealed class ReadOptions
    {
        /// <summary>Strongly consistent for this read; null uses <see cref="DynamoRepositoryOptions.ConsistentRead"/>.</summary>
        public bool? ConsistentRead { get; init; }
    }
}

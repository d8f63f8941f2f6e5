using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// What a repository is about to do, for retries, logs and exceptions. Every operation may be resent: a write that
    /// must not apply twice is sent as a transaction with a client request token, which DynamoDB applies once.
    /// </summary>
    /// <param name="Name">The DynamoDB operation, such as <c>GetItem</c>.</param>
    /// <param name="Table">The physical table name.</param>
    /// <param name="Key">
    /// The item's key object, or null. Only its <c>ToString()</c> is printed, and generated key
    /// types mask personal parts there; it is called only when a log line or exception needs it.
    /// </param>
    /// <param name="Expected">
    /// A failure the caller handles as a normal outcome (a conditional update of a missing item, a
    /// lookup of a missing table): still raised, but logged at Debug instead of Error.
    /// </param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly record struct DynamoOperation(string Name, string Table, object? Key = null, ErrorCategory? Expected = null)
    {
        /// <summary>The DynamoDB operation, such as <c>GetItem</c>.</summary>
        public string Name { get; init; } = Name ?? throw new System.ArgumentNullException(nameof(Name));

        /// <summary>The physical table name.</summary>
        public string Table { get; init; } = Table ?? throw new System.ArgumentNullException(nameof(Table));

        /// <summary>
        /// The index a query or scan reads (<c>IndexName</c>), or null for the table itself; the span's
        /// <c>aws.dynamodb.index_name</c>.
        /// </summary>
        public string? Index { get; init; }

        /// <summary>
        /// Every table the request touches, when it is more than <see cref="Table"/> (a transaction across tables), for the
        /// span's <c>aws.dynamodb.table_names</c>; null for a request on <see cref="Table"/> alone.
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<string>? Tables { get; init; }

        /// <summary>The key as printed in logs: masked by its key type, or "-" for operations without one.</summary>
        internal string KeyText => Key?.ToString() is { } text ? PhoneNumber.MaskAll(text) : "-";
    }
}

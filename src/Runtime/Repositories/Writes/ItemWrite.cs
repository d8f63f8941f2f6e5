using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>The kinds of single-item write, as far as their outcome differs.</summary>
    internal enum WriteKind
    {
        /// <summary>Stores an item, whatever is stored; only the caller's condition can fail.</summary>
        Put,

        /// <summary>Stores an item only if none has its key: an existing one is an outcome (false), not a failure.</summary>
        Create,

        /// <summary>Changes an existing item, guarded by its existence: a missing one is an outcome (false).</summary>
        Update,

        /// <summary>Deletes an existing item, guarded by its existence: a missing one is an outcome (false).</summary>
        Delete,
    }

    /// <summary>One write of a repository: the request, built once, and what tells its outcome.</summary>
    /// <param name="Request">The write as a transaction item (<see cref="WriteRequests"/>).</param>
    /// <param name="Key">The item's key, for logs and exceptions (masked when printed).</param>
    /// <param name="Kind">What a failed condition can mean.</param>
    /// <param name="Version">The version check it carries.</param>
    /// <param name="AppliesOnce">
    /// Sent as a one-item transaction with a client request token, applied at most once however often it is resent: a
    /// version check, a condition of the caller's, or a change that repeated would apply twice (an <c>ADD</c> to a
    /// number, a list append).
    /// </param>
    /// <param name="ShowsThisWrite">
    /// For a write that does not apply once: whether the item as stored (null: none) is what this write leaves, so a
    /// retry that fails its condition after a lost answer has met the write's own result.
    /// </param>
    internal sealed record ItemWrite(
        TransactWriteItem Request,
        IDynamoKey Key,
        WriteKind Kind,
        VersionCheck Version,
        bool AppliesOnce,
        Func<IReadOnlyDictionary<string, AttributeValue>?, bool> ShowsThisWrite)
    {
        /// <summary>
        /// For a put or a create: the whole item it stores, stamped, whether it is sent as a <c>PutItem</c> or as the
        /// <c>UpdateItem</c> that keeps stored counters and creation times; null for other writes.
        /// </summary>
        public Dictionary<string, AttributeValue>? Item { get; init; }

        /// <summary>For an update: its changes, which tell the unique values it sets; null for other writes.</summary>
        public EntityUpdate? Update { get; init; }
    }
}

using System;
using System.Collections.Generic;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A batch could not finish within its retry budget. Everything not listed was done; the keys listed
    /// were not written (or not read), so nothing is lost silently: retry them or report them.
    /// </summary>
    public sealed class DynamoBatchIncompleteException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="operation">BatchWriteItem or BatchGetItem.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="pendingKeys">The key objects not processed, as the caller passed them.</param>
        /// <param name="rounds">How many rounds were sent.</param>
        /// <param name="innerException">The last error, when a request failed rather than came back unprocessed.</param>
        public DynamoBatchIncompleteException(string operation, string table, IReadOnlyList<object> pendingKeys, int rounds, Exception? innerException = null)
            : base(Describe(operation, table, pendingKeys, rounds, innerException), operation, table, null, rounds, innerException)
        {
            PendingKeys = pendingKeys ?? Array.Empty<object>();
        }

        /// <summary>The keys that were not processed; their <c>ToString()</c> is masked.</summary>
        public IReadOnlyList<object> PendingKeys { get; }

        private static string Describe(string operation, string table, IReadOnlyList<object>? keys, int rounds, Exception? inner)
        {
            // An exception's constructor never throws: it is built while reporting another failure.
            keys ??= Array.Empty<object>();
            const int Shown = 20;
            var listed = new List<string>(Math.Min(keys.Count, Shown));
            for (var i = 0; i < keys.Count && i < Shown; i++)
            {
                listed.Add(keys[i]?.ToString() ?? "?");
            }

            var more = keys.Count > Shown ? $" and {keys.Count - Shown} more (see PendingKeys)" : string.Empty;
            var cause = inner is null ? "still unprocessed" : "failed: " + inner.Message;
            return $"{operation} on table '{table}' did not finish after {rounds} round(s); {keys.Count} item(s) {cause}: {string.Join("; ", listed)}{more}.";
        }
    }
}

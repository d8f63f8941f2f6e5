using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A batch could not do everything it was given. Everything not listed was done; the keys listed were not
    /// written (or not read), so nothing is lost silently: retry them or report them. <see cref="Rejected"/> holds
    /// those DynamoDB refused as invalid, each with DynamoDB's reason (retrying them fails again); the others were
    /// still unprocessed, or their requests failed, when the retry budget ran out.
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
            : this(operation, table, pendingKeys, Array.Empty<DynamoBatchRejection>(), rounds, innerException)
        {
        }

        /// <summary>Creates the exception, with the writes DynamoDB refused as invalid.</summary>
        /// <param name="operation">BatchWriteItem or BatchGetItem.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="pendingKeys">Every key object not processed, as the caller passed them, the rejected ones included.</param>
        /// <param name="rejected">The keys DynamoDB refused as invalid, each with its reason.</param>
        /// <param name="rounds">How many rounds were sent.</param>
        /// <param name="innerException">The last error, when a request failed rather than came back unprocessed.</param>
        [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The 0.1.0 constructor keeps its optional innerException; this one differs by the required rejected list, so no call can mean both.")]
        public DynamoBatchIncompleteException(string operation, string table, IReadOnlyList<object> pendingKeys, IReadOnlyList<DynamoBatchRejection> rejected, int rounds, Exception? innerException = null)
            : base(Describe(operation, table, pendingKeys, rejected, rounds, innerException), operation, table, null, rounds, innerException)
        {
            PendingKeys = pendingKeys ?? Array.Empty<object>();
            Rejected = rejected ?? Array.Empty<DynamoBatchRejection>();
        }

        /// <summary>The keys that were not processed, the <see cref="Rejected"/> ones included; their <c>ToString()</c> is masked.</summary>
        public IReadOnlyList<object> PendingKeys { get; }

        /// <summary>
        /// The keys DynamoDB refused as invalid (a <c>ValidationException</c>), each isolated from the rest of its
        /// request and given with DynamoDB's reason; empty when DynamoDB refused none.
        /// </summary>
        public IReadOnlyList<DynamoBatchRejection> Rejected { get; }

        private static string Describe(string operation, string table, IReadOnlyList<object>? keys, IReadOnlyList<DynamoBatchRejection>? rejected, int rounds, Exception? inner)
        {
            // An exception's constructor never throws: it is built while reporting another failure.
            keys ??= Array.Empty<object>();
            rejected ??= Array.Empty<DynamoBatchRejection>();
            const int Shown = 20;
            var refused = new HashSet<object>();
            var listedRejected = new List<string>(Math.Min(rejected.Count, Shown));
            foreach (var rejection in rejected)
            {
                if (rejection?.Key is { } key)
                {
                    refused.Add(key);
                }

                if (listedRejected.Count < Shown)
                {
                    listedRejected.Add($"{rejection?.Key?.ToString() ?? "?"} ({rejection?.Reason})");
                }
            }

            var listed = new List<string>(Math.Min(keys.Count, Shown));
            var others = 0;
            foreach (var key in keys)
            {
                if (key is not null && refused.Contains(key))
                {
                    continue;
                }

                others++;
                if (listed.Count < Shown)
                {
                    listed.Add(key?.ToString() ?? "?");
                }
            }

            var parts = new List<string>(2);
            if (rejected.Count > 0)
            {
                var moreRejected = rejected.Count > Shown ? $" and {rejected.Count - Shown} more (see Rejected)" : string.Empty;
                parts.Add($"{rejected.Count} item(s) rejected by DynamoDB as invalid: {string.Join("; ", listedRejected)}{moreRejected}");
            }

            if (others > 0 || rejected.Count == 0)
            {
                var more = others > Shown ? $" and {others - Shown} more (see PendingKeys)" : string.Empty;
                var cause = inner is null ? "still unprocessed" : "failed: " + inner.Message;
                parts.Add($"{others} item(s) {cause}: {string.Join("; ", listed)}{more}");
            }

            return $"{operation} on table '{table}' did not finish after {rounds} round(s); {string.Join("; and ", parts)}.";
        }
    }

    /// <summary>A key of a batch that DynamoDB refused as invalid, isolated from the rest of its request, and why.</summary>
    public sealed class DynamoBatchRejection
    {
        /// <summary>Creates the rejection.</summary>
        /// <param name="key">The key object, as the caller passed it.</param>
        /// <param name="reason">DynamoDB's reason, masked (such as "Item size has exceeded the maximum allowed size").</param>
        public DynamoBatchRejection(object key, string reason)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(reason);
            Key = key;
            Reason = PhoneNumber.MaskAll(reason);
        }

        /// <summary>The key object, as the caller passed it; its <c>ToString()</c> is masked.</summary>
        public object Key { get; }

        /// <summary>DynamoDB's reason for refusing it, masked.</summary>
        public string Reason { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Key} ({Reason})";
    }
}

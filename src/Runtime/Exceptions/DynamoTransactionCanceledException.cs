using System;
using System.Collections.Generic;

namespace Bookings.Generated.Runtime
{
    /// <summary>Why one item of a cancelled transaction failed.</summary>
    /// <param name="Item">The <see cref="TransactionItem"/> (a write) or <see cref="TransactionRead"/> (a read), as passed in.</param>
    /// <param name="Code">DynamoDB's reason code (<c>ConditionalCheckFailed</c>, <c>TransactionConflict</c>, ...), or <c>None</c> for items that did not cause the cancellation.</param>
    public sealed record TransactionCancellationReason(object Item, string Code)
    {
        /// <summary>The write or read, as passed in.</summary>
        public object Item { get; init; } = Item ?? throw new ArgumentNullException(nameof(Item));

        /// <summary>DynamoDB's reason code, or <c>None</c>.</summary>
        public string Code { get; init; } = Code ?? throw new ArgumentNullException(nameof(Code));

        /// <summary>Whether this item caused the cancellation.</summary>
        public bool CausedCancellation => !string.Equals(Code, "None", StringComparison.Ordinal);
    }

    /// <summary>
    /// DynamoDB cancelled a transaction: nothing was written (or, for a read, nothing was returned).
    /// <see cref="Reasons"/> says per item why, in the order the items were given.
    /// </summary>
    public sealed class DynamoTransactionCanceledException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        public DynamoTransactionCanceledException(IReadOnlyList<TransactionCancellationReason> reasons, int attempts, Exception? innerException)
            : this(reasons, attempts, innerException, "TransactWriteItems")
        {
        }

        /// <summary>Creates the exception for the given operation (<c>TransactWriteItems</c> or <c>TransactGetItems</c>).</summary>
        public DynamoTransactionCanceledException(IReadOnlyList<TransactionCancellationReason> reasons, int attempts, Exception? innerException, string operation)
            : base(Describe(reasons, operation), operation, null, null, attempts, innerException)
        {
            Reasons = reasons ?? Array.Empty<TransactionCancellationReason>();
        }

        /// <summary>One reason per transaction item, in order.</summary>
        public IReadOnlyList<TransactionCancellationReason> Reasons { get; }

        private static string Describe(IReadOnlyList<TransactionCancellationReason>? reasons, string operation)
        {
            // An exception's constructor never throws: it is built while reporting another failure.
            reasons ??= Array.Empty<TransactionCancellationReason>();
            var causes = new List<string>();
            foreach (var reason in reasons)
            {
                if (reason is { CausedCancellation: true })
                {
                    causes.Add($"{reason.Item}: {reason.Code}");
                }
            }

            var outcome = operation == "TransactGetItems" ? "nothing was read" : "nothing was written";
            return $"The transaction of {reasons.Count} item(s) was cancelled and {outcome}: {(causes.Count == 0 ? "no reason given" : string.Join("; ", causes))}.";
        }
    }
}

using System;
using System.Collections.Generic;

namespace Bookings.Generated.Runtime
{
    /// <summary>Why one item of a cancelled transaction failed.</summary>
    /// <param name="Item">The transaction item, as passed in.</param>
    /// <param name="Code">DynamoDB's reason code (<c>ConditionalCheckFailed</c>, <c>TransactionConflict</c>, ...), or <c>None</c> for items that did not cause the cancellation.</param>
    public sealed record TransactionCancellationReason(TransactionItem Item, string Code)
    {
        /// <summary>Whether this item caused the cancellation.</summary>
        public bool CausedCancellation => !string.Equals(Code, "None", StringComparison.Ordinal);
    }

    /// <summary>
    /// DynamoDB cancelled a transaction: nothing was written. <see cref="Reasons"/> says per item why,
    /// in the order the items were given.
    /// </summary>
    public sealed class DynamoTransactionCanceledException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        public DynamoTransactionCanceledException(IReadOnlyList<TransactionCancellationReason> reasons, int attempts, Exception? innerException)
            : base(Describe(reasons), "TransactWriteItems", null, null, attempts, innerException)
        {
            Reasons = reasons;
        }

        /// <summary>One reason per transaction item, in order.</summary>
        public IReadOnlyList<TransactionCancellationReason> Reasons { get; }

        private static string Describe(IReadOnlyList<TransactionCancellationReason> reasons)
        {
            var causes = new List<string>();
            foreach (var reason in reasons)
            {
                if (reason.CausedCancellation)
                {
                    causes.Add($"{reason.Item}: {reason.Code}");
                }
            }

            return $"The transaction of {reasons.Count} item(s) was cancelled and nothing was written: {(causes.Count == 0 ? "no reason given" : string.Join("; ", causes))}.";
        }
    }
}

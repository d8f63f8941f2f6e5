using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A single-item write whose condition failed, and the one place that says what that means: the write's own earlier
    /// attempt (its answer was lost), an item that is missing or already exists (an outcome, not an error), a lost race
    /// (optimistic locking), or a failed condition. The stored item rides along as DynamoDB returned it.
    /// </summary>
    /// <param name="Stored">The item as stored when the condition failed; null when DynamoDB returned none.</param>
    /// <param name="Failure">The failure as the runner raised it.</param>
    internal readonly record struct FailedWrite(IReadOnlyDictionary<string, AttributeValue>? Stored, DynamoRepositoryException Failure)
    {
        /// <summary>
        /// Whether settling this failure needs the item as stored now, read apart: a create whose earlier answer may have
        /// been lost (a create does not ask DynamoDB for the item it finds).
        /// </summary>
        public bool NeedsStoredItem(ItemWrite write) => write.Kind == WriteKind.Create && MayMeetOwnWrite(write);

        /// <summary>
        /// True when the write is done after all (a retry met the write's own earlier attempt); false when it had nothing to
        /// do (a create found an item, an update or delete found none). Otherwise throws the failure.
        /// </summary>
        /// <param name="write">The write that failed.</param>
        /// <param name="storedNow">The item as stored: read apart when <see cref="NeedsStoredItem"/> says so, else <see cref="Stored"/>.</param>
        /// <param name="table">The physical table name, for messages.</param>
        /// <param name="read">Reads a stored item as the entity, for the exception's <c>CurrentItem</c>.</param>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        /// <exception cref="DynamoConditionFailedException">The caller's condition did not hold.</exception>
        public bool Settle(ItemWrite write, IReadOnlyDictionary<string, AttributeValue>? storedNow, string table, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
        {
            if (MayMeetOwnWrite(write) && write.ShowsThisWrite(storedNow))
            {
                return true;
            }

            if (write.Kind == WriteKind.Create || (write.Kind != WriteKind.Put && Stored is null))
            {
                return false;
            }

            var stored = StoredItem.Of(Stored, read);
            if (write.Version.LostRace(Stored))
            {
                throw new DynamoOptimisticLockException(Failure.Operation ?? "TransactWriteItems", table, Failure.Key, write.Version.Expected, stored, Failure.Attempts, Failure);
            }

            var conditionFailed = Failure as DynamoConditionFailedException
                ?? new DynamoConditionFailedException($"{Failure.Operation} on table '{table}' for {Failure.Key}: the condition was not met.", Failure.Operation, table, Failure.Key, Failure.Attempts, Failure.InnerException);
            throw conditionFailed.WithStoredItem(stored);
        }

        /// <summary>
        /// An attempt whose answer was lost may have applied the write, so its retry can meet the write's own result; a write
        /// that applies once (a request token) cannot, since DynamoDB answers its resend with the first success.
        /// </summary>
        private bool MayMeetOwnWrite(ItemWrite write) => Failure.AfterUncertainAttempt && !write.AppliesOnce;
    }
}

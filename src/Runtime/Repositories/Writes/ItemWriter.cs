using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Sends the single-item writes and reads of one repository: a write alone, or as a one-item transaction with a client
    /// request token when it must apply at most once, and settles a failed condition through <see cref="FailedWrite"/>.
    /// </summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="runner">Retries, logs and exception translation.</param>
    /// <param name="table">The physical table name.</param>
    /// <param name="read">Reads a stored item as the entity, for the <c>CurrentItem</c> of a failure.</param>
    internal sealed class ItemWriter(IAmazonDynamoDB client, DynamoOperationRunner runner, string table, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
    {
        /// <summary>The physical table name.</summary>
        public string Table => table;

        /// <summary>Reads a stored item as the entity, for the <c>CurrentItem</c> of a failure.</summary>
        public Func<IReadOnlyDictionary<string, AttributeValue>, object> Read => read;

        /// <summary>
        /// Sends the write: true when it was applied (also when a retry met its own earlier attempt), false when it had
        /// nothing to do (see <see cref="FailedWrite.Settle"/>); other outcomes are raised.
        /// </summary>
        public async Task<bool> WriteAsync(ItemWrite write, CancellationToken cancellationToken)
        {
            var failed = write.AppliesOnce
                ? await SendOnceAsync(write, cancellationToken).ConfigureAwait(false)
                : await SendAloneAsync(write, cancellationToken).ConfigureAwait(false);
            if (failed is not { } failure)
            {
                return true;
            }

            var storedNow = failure.NeedsStoredItem(write) ? await ReadAsync(write.Key, consistentRead: true, static item => item, cancellationToken).ConfigureAwait(false) : failure.Stored;
            return failure.Settle(write, storedNow, table, read);
        }

        /// <summary>
        /// One <c>GetItem</c> by key (of <paramref name="attribute"/> alone when given), the item found (null for none) read
        /// with <paramref name="readItem"/> inside the operation, so an item that does not fit the schema fails it.
        /// </summary>
        public Task<T> ReadAsync<T>(IDynamoKey key, bool consistentRead, Func<Dictionary<string, AttributeValue>?, T> readItem, CancellationToken cancellationToken, string? attribute = null)
        {
            var request = new GetItemRequest { TableName = table, Key = key.ToAttributeMap(), ConsistentRead = consistentRead, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            if (attribute is not null)
            {
                request.ProjectionExpression = "#n";
                request.ExpressionAttributeNames = new Dictionary<string, string> { ["#n"] = attribute };
            }

            return runner.ExecuteAsync(
                new DynamoOperation("GetItem", table, key),
                ct => client.GetItemAsync(request, ct),
                response => readItem(response.Item is { Count: > 0 } item ? item : null),
                cancellationToken);
        }

        /// <summary>
        /// Sends <paramref name="items"/> as one transaction with a client request token, so a resend after a lost answer is
        /// answered with the first success. Null when applied; the failure and the reasons per item (in the order of the
        /// items) when a condition of an item failed; other failures are raised.
        /// </summary>
        public async Task<(DynamoRepositoryException Failure, List<CancellationReason> Reasons)?> TransactAsync(IDynamoKey key, List<TransactWriteItem> items, CancellationToken cancellationToken)
        {
            var request = new TransactWriteItemsRequest
            {
                TransactItems = items,
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            try
            {
                await runner.ExecuteAsync(
                    new DynamoOperation("TransactWriteItems", table, key, Expected: ErrorCategory.TransactionCanceled),
                    ct => client.TransactWriteItemsAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DynamoRepositoryException failed) when (failed.InnerException is TransactionCanceledException { CancellationReasons: { } reasons } && reasons.Exists(IsConditionFailure))
            {
                // Only a failed condition is an answer: contention that outlasted the retries and a request DynamoDB refuses
                // are the runner's typed errors (throttled; rejected as invalid), as for a write sent alone.
                return (failed, reasons);
            }
        }

        /// <summary>Whether the item of a cancelled transaction failed its condition.</summary>
        public static bool IsConditionFailure(CancellationReason? reason) => reason?.Code == "ConditionalCheckFailed";

        private async Task<FailedWrite?> SendAloneAsync(ItemWrite write, CancellationToken cancellationToken)
        {
            try
            {
                await runner.ExecuteAsync(
                    new DynamoOperation(WriteRequests.Operation(write.Request), table, write.Key, Expected: ErrorCategory.ConditionFailed),
                    ct => WriteRequests.SendAsync(client, write.Request, ct),
                    cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DynamoConditionFailedException failed)
            {
                return new FailedWrite(failed.InnerException is ConditionalCheckFailedException { Item: { Count: > 0 } stored } ? stored : null, failed);
            }
        }

        private async Task<FailedWrite?> SendOnceAsync(ItemWrite write, CancellationToken cancellationToken)
            => await TransactAsync(write.Key, [write.Request], cancellationToken).ConfigureAwait(false) is { Reasons: [var reason, ..] } cancelled
                ? new FailedWrite(reason.Item is { Count: > 0 } stored ? stored : null, cancelled.Failure)
                : null;
    }
}

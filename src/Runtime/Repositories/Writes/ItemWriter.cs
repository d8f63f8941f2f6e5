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
    /// Sends the single-item writes of one repository: alone, or as a one-item transaction with a client request token
    /// when it must apply at most once, and settles a failed condition through <see cref="FailedWrite"/>.
    /// </summary>
    /// <param name="client">The DynamoDB client.</param>
    /// <param name="runner">Retries, logs and exception translation.</param>
    /// <param name="table">The physical table name.</param>
    /// <param name="read">Reads a stored item as the entity, for the <c>CurrentItem</c> of a failure.</param>
    internal sealed class ItemWriter(IAmazonDynamoDB client, DynamoOperationRunner runner, string table, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
    {

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

            var storedNow = failure.NeedsStoredItem(write) ? await ReadStoredAsync(write.Key, cancellationToken).ConfigureAwait(false) : failure.Stored;
            return failure.Settle(write, storedNow, table, read);
        }

        /// <summary>A read of one item by its key, as stored; null when there is none.</summary>
        public static GetItemRequest Get(string tableName, Dictionary<string, AttributeValue> key, bool consistentRead)
            => new() { TableName = tableName, Key = key, ConsistentRead = consistentRead, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };

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
        {
            var request = new TransactWriteItemsRequest
            {
                TransactItems = new List<TransactWriteItem> { write.Request },
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            try
            {
                await runner.ExecuteAsync(
                    new DynamoOperation("TransactWriteItems", table, write.Key, Expected: ErrorCategory.TransactionCanceled),
                    ct => client.TransactWriteItemsAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DynamoRepositoryException failed) when (failed.InnerException is TransactionCanceledException { CancellationReasons: [var reason, ..] } && reason.Code == "ConditionalCheckFailed")
            {
                // Only a failed condition is settled here: contention that outlasted the retries and a request DynamoDB
                // refuses are the runner's typed errors (throttled; rejected as invalid), as for a write sent alone.
                return new FailedWrite(reason.Item is { Count: > 0 } stored ? stored : null, failed);
            }
        }

        /// <summary>The item as stored now (a consistent read); null when there is none.</summary>
        public async Task<Dictionary<string, AttributeValue>?> ReadStoredAsync(IDynamoKey key, CancellationToken cancellationToken)
        {
            var request = Get(table, key.ToAttributeMap(), consistentRead: true);
            var response = await runner.ExecuteAsync(new DynamoOperation("GetItem", table, key), ct => client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } stored ? stored : null;
        }
    }
}

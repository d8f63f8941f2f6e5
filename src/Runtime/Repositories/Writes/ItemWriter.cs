using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Sends the single-item writes of one repository: alone, or as a one-item transaction with a client request token
    /// when it must apply at most once, and settles a failed condition through <see cref="FailedWrite"/>.
    /// </summary>
    internal sealed class ItemWriter
    {
        private readonly IAmazonDynamoDB _client;
        private readonly DynamoOperationRunner _runner;
        private readonly string _table;
        private readonly Func<IReadOnlyDictionary<string, AttributeValue>, object> _read;

        /// <param name="client">The DynamoDB client.</param>
        /// <param name="runner">Retries, logs and exception translation.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="read">Reads a stored item as the entity, for the <c>CurrentItem</c> of a failure.</param>
        public ItemWriter(IAmazonDynamoDB client, DynamoOperationRunner runner, string table, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
        {
            _client = client;
            _runner = runner;
            _table = table;
            _read = read;
        }

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
            return failure.Settle(write, storedNow, _table, _read);
        }

        /// <summary>A read of one item by its key, as stored; null when there is none.</summary>
        public static GetItemRequest Get(string table, Dictionary<string, AttributeValue> key, bool consistentRead)
            => new() { TableName = table, Key = key, ConsistentRead = consistentRead, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };

        private async Task<FailedWrite?> SendAloneAsync(ItemWrite write, CancellationToken cancellationToken)
        {
            try
            {
                await _runner.ExecuteAsync(
                    new DynamoOperation(WriteRequests.Operation(write.Request), _table, write.Key, Expected: ErrorCategory.ConditionFailed),
                    ct => WriteRequests.SendAsync(_client, write.Request, ct),
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
                await _runner.ExecuteAsync(
                    new DynamoOperation("TransactWriteItems", _table, write.Key, Expected: ErrorCategory.TransactionCanceled),
                    ct => _client.TransactWriteItemsAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DynamoRepositoryException failed) when (failed.InnerException is TransactionCanceledException canceled)
            {
                var reason = canceled.CancellationReasons is { Count: > 0 } reasons ? reasons[0] : null;
                if (reason?.Code == "ConditionalCheckFailed")
                {
                    return new FailedWrite(reason.Item is { Count: > 0 } stored ? stored : null, failed);
                }

                throw new DynamoRepositoryException($"{failed.Operation} on table '{_table}' for {failed.Key} was cancelled ({reason?.Code ?? "no reason given"}).", failed.Operation, _table, failed.Key, failed.Attempts, failed);
            }
        }

        /// <summary>The item as stored now (a consistent read); null when there is none.</summary>
        private async Task<Dictionary<string, AttributeValue>?> ReadStoredAsync(IDynamoKey key, CancellationToken cancellationToken)
        {
            var request = Get(_table, key.ToAttributeMap(), consistentRead: true);
            var response = await _runner.ExecuteAsync(new DynamoOperation("GetItem", _table, key), ct => _client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } stored ? stored : null;
        }
    }
}

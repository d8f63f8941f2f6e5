using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Writes items of any generated tables all together or not at all (TransactWriteItems), and reads items of
    /// any tables as one consistent snapshot (TransactGetItems). Every write carries an idempotency token, so the
    /// runtime's retries of a transaction are safe.
    /// </summary>
    public sealed class DynamoTransactions
    {
        /// <summary>DynamoDB's limit of items in one transaction.</summary>
        public const int MaxItems = 100;

        private readonly IAmazonDynamoDB _client;
        private readonly DynamoOperationRunner _runner;

        /// <summary>Creates the transaction writer.</summary>
        public DynamoTransactions(IAmazonDynamoDB client, DynamoRepositoryOptions? options = null, ILogger<DynamoTransactions>? logger = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            _client = client;
            _runner = new DynamoOperationRunner(options, logger);
        }

        /// <summary>Writes every item or none.</summary>
        /// <param name="items">1 to 100 items from generated repositories' <c>Transact…</c> methods, at most one per key.</param>
        /// <param name="idempotencyToken">
        /// Makes a repeated call within 10 minutes a no-op instead of a second write; a new one is made when null.
        /// Pass your own to make retries across process restarts safe.
        /// </param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <exception cref="DynamoTransactionCanceledException">DynamoDB cancelled the transaction; it says why per item.</exception>
        public async Task WriteAsync(IReadOnlyList<TransactionItem> items, string? idempotencyToken = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(items);
            if (items.Count is < 1 or > MaxItems)
            {
                throw new ArgumentOutOfRangeException(nameof(items), items.Count, $"A transaction holds 1 to {MaxItems} items.");
            }

            var requests = new List<TransactWriteItem>(items.Count);
            foreach (var item in items)
            {
                ArgumentNullException.ThrowIfNull(item, nameof(items));
                requests.Add(item.Request);
            }

            var request = new TransactWriteItemsRequest
            {
                TransactItems = requests,
                ClientRequestToken = idempotencyToken ?? Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            try
            {
                await _runner.ExecuteAsync(
                    new DynamoOperation("TransactWriteItems", items[0].Table, $"{items.Count} item(s)", Expected: ErrorCategory.TransactionCanceled) { Tables = TablesOf(items, static item => item.Table) },
                    ct => _client.TransactWriteItemsAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoRepositoryException ex) when (ex.InnerException is TransactionCanceledException canceled)
            {
                var cancelledException = new DynamoTransactionCanceledException(Reasons(items, canceled), ex.Attempts, canceled);

                // A version check that failed is a lost race, reported the same way as for single writes.
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    var reason = ReasonAt(canceled, i);
                    if (reason?.Code != "ConditionalCheckFailed")
                    {
                        continue;
                    }

                    var stored = reason.Item is { Count: > 0 } found ? found : null;
                    if (item.Version.LostRace(stored))
                    {
                        throw new DynamoOptimisticLockException(
                            "TransactWriteItems",
                            item.Table,
                            PhoneNumber.MaskAll(item.Key.ToString() ?? string.Empty),
                            item.Version.Expected,
                            StoredItem.Of(stored, item.ReadItem),
                            ex.Attempts,
                            cancelledException);
                    }
                }

                throw cancelledException;
            }
        }

        /// <summary>
        /// Reads every item at the same moment: no write lands between two of the reads. Each read's <c>Item</c> is
        /// set afterwards (null for an item that does not exist).
        /// </summary>
        /// <param name="reads">1 to 100 reads from generated repositories' <c>TransactGet</c> methods.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <exception cref="DynamoTransactionCanceledException">DynamoDB cancelled the read (a write to one of the items was in progress); it says why per item.</exception>
        public async Task GetAsync(IReadOnlyList<TransactionRead> reads, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(reads);
            if (reads.Count is < 1 or > MaxItems)
            {
                throw new ArgumentOutOfRangeException(nameof(reads), reads.Count, $"A transaction holds 1 to {MaxItems} items.");
            }

            var requests = new List<TransactGetItem>(reads.Count);
            foreach (var read in reads)
            {
                ArgumentNullException.ThrowIfNull(read, nameof(reads));
                requests.Add(read.Request);
            }

            var request = new TransactGetItemsRequest { TransactItems = requests, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            TransactGetItemsResponse response;
            try
            {
                response = await _runner.ExecuteAsync(
                    new DynamoOperation("TransactGetItems", reads[0].Table, $"{reads.Count} item(s)", Expected: ErrorCategory.TransactionCanceled) { Tables = TablesOf(reads, static read => read.Table) },
                    ct => _client.TransactGetItemsAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoRepositoryException ex) when (ex.InnerException is TransactionCanceledException canceled)
            {
                throw new DynamoTransactionCanceledException(Reasons(reads, canceled), ex.Attempts, canceled, "TransactGetItems");
            }

            for (var i = 0; i < reads.Count; i++)
            {
                reads[i].Complete(response.Responses is { } all && i < all.Count ? all[i].Item : null);
            }
        }

        /// <summary>The tables a transaction touches, each once, in the order of their first item (for its span).</summary>
        private static List<string> TablesOf<T>(IReadOnlyList<T> items, Func<T, string> table)
        {
            var tables = new List<string>(1);
            foreach (var item in items)
            {
                if (!tables.Contains(table(item)))
                {
                    tables.Add(table(item));
                }
            }

            return tables;
        }

        /// <summary>DynamoDB's reason for the item at <paramref name="index"/>, or null when it gave none.</summary>
        private static CancellationReason? ReasonAt(TransactionCanceledException canceled, int index)
            => canceled.CancellationReasons is { } all && index < all.Count ? all[index] : null;

        /// <summary>One reason per item of a cancelled transaction, in the order the items were given.</summary>
        private static List<TransactionCancellationReason> Reasons<T>(IReadOnlyList<T> items, TransactionCanceledException canceled)
            where T : class
        {
            var reasons = new List<TransactionCancellationReason>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                reasons.Add(new TransactionCancellationReason(items[i], ReasonAt(canceled, i)?.Code ?? "None"));
            }

            return reasons;
        }
    }
}

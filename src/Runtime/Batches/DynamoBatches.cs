using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Batch reads and writes for generated repositories: inputs split into requests DynamoDB accepts
    /// (25 writes, 100 keys), duplicates removed, unprocessed items resent with jittered backoff, and a
    /// <see cref="DynamoBatchIncompleteException"/> naming exactly what was not done when the budget runs out.
    /// </summary>
    public sealed class DynamoBatches
    {
        /// <summary>DynamoDB's limit of write requests in one BatchWriteItem.</summary>
        public const int MaxWritesPerRequest = 25;

        /// <summary>DynamoDB's limit of keys in one BatchGetItem.</summary>
        public const int MaxKeysPerRequest = 100;

        private readonly IAmazonDynamoDB _client;
        private readonly DynamoOperationRunner _runner;
        private readonly RetryPolicy _backoff;
        private readonly BatchOptions _options;

        /// <summary>Creates the batch helper for one client.</summary>
        public DynamoBatches(IAmazonDynamoDB client, DynamoOperationRunner runner, RetryOptions? retry = null, BatchOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(runner);
            _client = client;
            _runner = runner;
            _backoff = new RetryPolicy(retry ?? new RetryOptions());
            _options = options ?? new BatchOptions();
            if (_options.MaxConcurrency < 1 || _options.MaxRounds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "BatchOptions.MaxConcurrency and MaxRounds must be at least 1.");
            }
        }

        /// <summary>
        /// Writes every request; when a key appears more than once, only its last write is sent
        /// (DynamoDB rejects a batch with duplicate keys).
        /// </summary>
        /// <param name="table">The physical table name.</param>
        /// <param name="writes">The writes with the key object each concerns; keys compare by value.</param>
        /// <param name="cancellationToken">Cancels the batch; what was written stays written.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some writes were not done; it lists their keys.</exception>
        public Task WriteAsync(string table, IReadOnlyList<(object Key, WriteRequest Request)> writes, CancellationToken cancellationToken)
            => WriteAsync(table, writes, static request => request, cancellationToken);

        /// <summary>
        /// Writes every value, building each request only when its batch is sent, so a large input is never held
        /// as requests all at once; when a key appears more than once, only its last value is written.
        /// </summary>
        /// <typeparam name="T">What a request is built from (an entity, a key).</typeparam>
        /// <param name="table">The physical table name.</param>
        /// <param name="writes">The values with the key object each concerns; keys compare by value.</param>
        /// <param name="toRequest">Builds the request for a value; it must not fail (validate the values before).</param>
        /// <param name="cancellationToken">Cancels the batch; what was written stays written.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some writes were not done; it lists their keys.</exception>
        public Task WriteAsync<T>(string table, IReadOnlyList<(object Key, T Value)> writes, Func<T, WriteRequest> toRequest, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(writes);
            ArgumentNullException.ThrowIfNull(toRequest);
            var unique = new Dictionary<object, T>(writes.Count);
            foreach (var (key, value) in writes)
            {
                unique[key] = value;
            }

            var chunks = unique.Chunk(MaxWritesPerRequest).ToList();
            return RunChunksAsync(chunks, chunk => WriteChunkAsync(table, chunk, toRequest, cancellationToken), "BatchWriteItem", table, cancellationToken);
        }

        /// <summary>Reads every key (duplicates once) and returns the items that exist, in no particular order.</summary>
        /// <exception cref="DynamoBatchIncompleteException">Some keys could not be read; it lists them.</exception>
        public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> GetAsync(
            string table,
            IReadOnlyList<(object Key, Dictionary<string, AttributeValue> Attributes)> keys,
            bool consistentRead,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(keys);
            var unique = new Dictionary<object, Dictionary<string, AttributeValue>>(keys.Count);
            foreach (var (key, attributes) in keys)
            {
                unique.TryAdd(key, attributes);
            }

            var results = new List<Dictionary<string, AttributeValue>>(unique.Count);
            var chunks = unique.Chunk(MaxKeysPerRequest).ToList();
            await RunChunksAsync(
                chunks,
                async chunk =>
                {
                    var items = await GetChunkAsync(table, chunk, consistentRead, cancellationToken).ConfigureAwait(false);
                    lock (results)
                    {
                        results.AddRange(items);
                    }
                },
                "BatchGetItem",
                table,
                cancellationToken).ConfigureAwait(false);
            return results;
        }

        private async Task RunChunksAsync<T>(List<T> chunks, Func<T, Task> run, string operation, string table, CancellationToken cancellationToken)
        {
            var pending = new List<object>();
            var rounds = 0;
            Exception? lastError = null;
            using var gate = new SemaphoreSlim(_options.MaxConcurrency);
            var started = new List<Task>(chunks.Count);
            OperationCanceledException? canceled = null;
            try
            {
                // A chunk's task is created when a slot is free, as a hand-written loop does, rather than one task
                // per chunk from the start, each waiting on the semaphore (400 for 10,000 items; docs/benchmarks.md).
                foreach (var chunk in chunks)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    started.Add(RunOneAsync(chunk));
                }
            }
            catch (OperationCanceledException ex)
            {
                canceled = ex;
            }

            // The chunks in flight end (each sees the token too) before the method does, cancelled or not.
            await Task.WhenAll(started).ConfigureAwait(false);
            if (canceled is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(canceled);
            }

            if (pending.Count > 0)
            {
                throw new DynamoBatchIncompleteException(operation, table, pending, rounds, lastError);
            }

            async Task RunOneAsync(T chunk)
            {
                try
                {
                    await run(chunk).ConfigureAwait(false);
                }
                catch (BatchChunkIncomplete incomplete)
                {
                    lock (pending)
                    {
                        pending.AddRange(incomplete.Keys);
                        rounds = Math.Max(rounds, incomplete.Rounds);
                        lastError ??= incomplete.InnerException;
                    }
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        private async Task WriteChunkAsync<T>(string table, KeyValuePair<object, T>[] chunk, Func<T, WriteRequest> toRequest, CancellationToken cancellationToken)
        {
            // Unprocessed requests come back as copies; they are matched to keys by their key attributes.
            var remaining = new List<KeyValuePair<object, WriteRequest>>(chunk.Length);
            foreach (var pair in chunk)
            {
                remaining.Add(new KeyValuePair<object, WriteRequest>(pair.Key, toRequest(pair.Value)));
            }

            for (var round = 1; ; round++)
            {
                var request = new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { [table] = remaining.Select(p => p.Value).ToList() },
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
                BatchWriteItemResponse response;
                try
                {
                    response = await _runner.ExecuteAsync(
                        new DynamoOperation("BatchWriteItem", table, $"{remaining.Count} item(s)"),
                        ct => _client.BatchWriteItemAsync(request, ct),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException ex) when (ex is DynamoThrottledException or DynamoTransientException)
                {
                    throw new BatchChunkIncomplete(remaining.Select(p => p.Key).ToList(), round, ex);
                }

                var unprocessed = response.UnprocessedItems is not null && response.UnprocessedItems.TryGetValue(table, out var left) && left is { Count: > 0 }
                    ? left
                    : null;
                if (unprocessed is null)
                {
                    return;
                }

                var stillPending = new HashSet<string>(unprocessed.Select(Fingerprint));
                remaining = remaining.Where(p => stillPending.Contains(Fingerprint(p.Value))).ToList();
                if (round >= _options.MaxRounds || remaining.Count == 0)
                {
                    if (remaining.Count == 0)
                    {
                        return;
                    }

                    throw new BatchChunkIncomplete(remaining.Select(p => p.Key).ToList(), round, null);
                }

                await Task.Delay(_backoff.GetDelay(round, Random.Shared), cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<List<Dictionary<string, AttributeValue>>> GetChunkAsync(
            string table,
            KeyValuePair<object, Dictionary<string, AttributeValue>>[] chunk,
            bool consistentRead,
            CancellationToken cancellationToken)
        {
            var found = new List<Dictionary<string, AttributeValue>>(chunk.Length);
            var remaining = chunk.ToList();
            for (var round = 1; ; round++)
            {
                var request = new BatchGetItemRequest
                {
                    RequestItems = new Dictionary<string, KeysAndAttributes>
                    {
                        [table] = new() { Keys = remaining.Select(p => p.Value).ToList(), ConsistentRead = consistentRead },
                    },
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
                BatchGetItemResponse response;
                try
                {
                    response = await _runner.ExecuteAsync(
                        new DynamoOperation("BatchGetItem", table, $"{remaining.Count} key(s)"),
                        ct => _client.BatchGetItemAsync(request, ct),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException ex) when (ex is DynamoThrottledException or DynamoTransientException)
                {
                    throw new BatchChunkIncomplete(remaining.Select(p => p.Key).ToList(), round, ex);
                }

                if (response.Responses is not null && response.Responses.TryGetValue(table, out var items) && items is not null)
                {
                    found.AddRange(items);
                }

                var unprocessed = response.UnprocessedKeys is not null && response.UnprocessedKeys.TryGetValue(table, out var left) && left?.Keys is { Count: > 0 }
                    ? left.Keys
                    : null;
                if (unprocessed is null)
                {
                    return found;
                }

                var stillPending = new HashSet<string>(unprocessed.Select(k => Fingerprint(k)));
                remaining = remaining.Where(p => stillPending.Contains(Fingerprint(p.Value))).ToList();
                if (remaining.Count == 0)
                {
                    return found;
                }

                if (round >= _options.MaxRounds)
                {
                    throw new BatchChunkIncomplete(remaining.Select(p => p.Key).ToList(), round, null);
                }

                await Task.Delay(_backoff.GetDelay(round, Random.Shared), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>A write's identity: its whole item for a put (keys included), its key for a delete.</summary>
        private static string Fingerprint(WriteRequest write)
            => write.PutRequest is not null ? "P" + Fingerprint(write.PutRequest.Item) : "D" + Fingerprint(write.DeleteRequest?.Key);

        private static string Fingerprint(Dictionary<string, AttributeValue>? attributes)
        {
            if (attributes is null)
            {
                return string.Empty;
            }

            var builder = new System.Text.StringBuilder();
            foreach (var pair in attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append(pair.Key).Append('=').Append(ValueText(pair.Value)).Append('\u001f');
            }

            return builder.ToString();
        }

        private static string ValueText(AttributeValue value)
        {
            if (value.S is not null) return "S:" + value.S;
            if (value.N is not null) return "N:" + value.N;
            if (value.B is not null) return "B:" + Convert.ToBase64String(value.B.ToArray());
            if (value.BOOL is not null) return "BOOL:" + value.BOOL;
            if (value.NULL == true) return "NULL";
            if (value.SS is not null) return "SS:" + string.Join(",", value.SS);
            if (value.NS is not null) return "NS:" + string.Join(",", value.NS);
            if (value.L is not null) return "L:[" + string.Join(",", value.L.Select(ValueText)) + "]";
            if (value.M is not null) return "M:{" + Fingerprint(value.M) + "}";
            return "?";
        }

        /// <summary>Carries what one chunk left undone up to the batch, which gathers all chunks into one exception.</summary>
        private sealed class BatchChunkIncomplete : Exception
        {
            public BatchChunkIncomplete(List<object> keys, int rounds, Exception? inner)
                : base("A batch chunk did not finish.", inner)
            {
                Keys = keys;
                Rounds = rounds;
            }

            public List<object> Keys { get; }

            public int Rounds { get; }
        }
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Batch reads and writes for generated repositories: inputs split into requests DynamoDB accepts
    /// (25 writes, 100 keys), duplicates removed, unprocessed items resent with jittered backoff, a request DynamoDB
    /// refuses as invalid narrowed down to the items at fault (the others are still done), and a
    /// <see cref="DynamoBatchIncompleteException"/> naming exactly what was not done, and why.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
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
        /// <exception cref="DynamoBatchIncompleteException">Some writes were not done; it lists their keys, and the reason for those DynamoDB refused.</exception>
        public Task WriteAsync(string table, IReadOnlyList<(object Key, WriteRequest Request)> writes, CancellationToken cancellationToken)
            => WriteAsync(table, writes, static request => request, cancellationToken);

        /// <summary>
        /// Writes every value, building each batch's requests only when it is next to go, so a large input
        /// is never held as requests all at once; when a key appears more than once, only its last value is written.
        /// </summary>
        /// <typeparam name="T">What a request is built from (an entity, a key).</typeparam>
        /// <param name="table">The physical table name.</param>
        /// <param name="writes">The values with the key object each concerns; keys compare by value.</param>
        /// <param name="toRequest">Builds the request for a value; it must not fail (validate the values before).</param>
        /// <param name="cancellationToken">Cancels the batch; what was written stays written.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some writes were not done; it lists their keys, and the reason for those DynamoDB refused.</exception>
        public Task WriteAsync<T>(string table, IReadOnlyList<(object Key, T Value)> writes, Func<T, WriteRequest> toRequest, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(table);
            ArgumentNullException.ThrowIfNull(writes);
            ArgumentNullException.ThrowIfNull(toRequest);
            var unique = new Dictionary<object, T>(writes.Count);
            foreach (var (key, value) in writes)
            {
                unique[key] = value;
            }

            var roundTrip = new RoundTrip<WriteRequest, BatchWriteItemResponse>(
                "BatchWriteItem",
                table,
                (requests, ct) =>
                {
                    var request = new BatchWriteItemRequest
                    {
                        RequestItems = new Dictionary<string, List<WriteRequest>>(1) { [table] = requests },
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    };
                    return _runner.ExecuteAsync(
                        new DynamoOperation("BatchWriteItem", table, $"{requests.Count} item(s)", Expected: ErrorCategory.Validation),
                        c => _client.BatchWriteItemAsync(request, c),
                        ct);
                },
                response => response.UnprocessedItems is not null && response.UnprocessedItems.TryGetValue(table, out var left) ? left : null,
                Fingerprint);
            return RunChunksAsync(unique, MaxWritesPerRequest, toRequest, roundTrip, cancellationToken);
        }

        /// <summary>Reads every key (duplicates once) and returns the items that exist, in no particular order.</summary>
        /// <exception cref="DynamoBatchIncompleteException">Some keys could not be read; it lists them.</exception>
        public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> GetAsync(
            string table,
            IReadOnlyList<(object Key, Dictionary<string, AttributeValue> Attributes)> keys,
            bool consistentRead,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(table);
            ArgumentNullException.ThrowIfNull(keys);
            var unique = new Dictionary<object, Dictionary<string, AttributeValue>>(keys.Count);
            foreach (var (key, attributes) in keys)
            {
                unique.TryAdd(key, attributes);
            }

            var results = new List<Dictionary<string, AttributeValue>>(unique.Count);
            var roundTrip = new RoundTrip<Dictionary<string, AttributeValue>, BatchGetItemResponse>(
                "BatchGetItem",
                table,
                (attributes, ct) =>
                {
                    var request = new BatchGetItemRequest
                    {
                        RequestItems = new Dictionary<string, KeysAndAttributes>(1)
                        {
                            [table] = new() { Keys = attributes, ConsistentRead = consistentRead },
                        },
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    };
                    return _runner.ExecuteAsync(
                        new DynamoOperation("BatchGetItem", table, $"{attributes.Count} key(s)", Expected: ErrorCategory.Validation),
                        c => _client.BatchGetItemAsync(request, c),
                        ct);
                },
                response =>
                {
                    if (response.Responses is not null && response.Responses.TryGetValue(table, out var items) && items is not null)
                    {
                        lock (results)
                        {
                            results.AddRange(items);
                        }
                    }

                    return response.UnprocessedKeys is not null && response.UnprocessedKeys.TryGetValue(table, out var left) ? left?.Keys : null;
                },
                static key => Fingerprint(key));
            await RunChunksAsync(unique, MaxKeysPerRequest, static attributes => attributes, roundTrip, cancellationToken).ConfigureAwait(false);
            return results;
        }

        /// <summary>
        /// Sends the values in chunks of <paramref name="size"/>, at most <see cref="BatchOptions.MaxConcurrency"/> at
        /// once, each through <see cref="SendInRoundsAsync"/>, and gathers what every chunk left undone into one
        /// <see cref="DynamoBatchIncompleteException"/>.
        /// </summary>
        private async Task RunChunksAsync<TValue, TRequest, TResponse>(
            Dictionary<object, TValue> values,
            int size,
            Func<TValue, TRequest> build,
            RoundTrip<TRequest, TResponse> roundTrip,
            CancellationToken cancellationToken)
        {
            var undone = new Undone();
            using var gate = new SemaphoreSlim(_options.MaxConcurrency);
            var started = new List<Task>(values.Count / size + 1);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? stopped = null;
            try
            {
                // As a hand-written loop does: the next chunk's requests are built while the chunks in flight are
                // out, and its task starts when a slot is free. Both the earlier shape (every chunk's keys and values
                // copied into arrays first, then one task per chunk building its requests after the wait) and one
                // waiting task per chunk from the start cost measurably more client CPU (docs/benchmarks.md).
                var keys = new List<object>(size);
                var requests = new List<TRequest>(size);
                foreach (var pair in values)
                {
                    keys.Add(pair.Key);
                    requests.Add(build(pair.Value));
                    if (requests.Count == size)
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        started.Add(RunOneAsync(keys, requests));
                        keys = new List<object>(size);
                        requests = new List<TRequest>(size);
                    }
                }

                if (requests.Count > 0)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    started.Add(RunOneAsync(keys, requests));
                }
            }
            catch (Exception ex)
            {
                // Cancelled, or a request could not be built: no further chunk starts.
                stopped = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }

            // The chunks in flight end (each sees the token too) before the method does, stopped or not.
            await Task.WhenAll(started).ConfigureAwait(false);
            stopped?.Throw();
            if (undone.Keys.Count > 0)
            {
                throw new DynamoBatchIncompleteException(roundTrip.Operation, roundTrip.Table, undone.Keys, undone.Rejected, undone.Rounds, undone.LastError);
            }

            async Task RunOneAsync(List<object> chunkKeys, List<TRequest> chunkRequests)
            {
                try
                {
                    await SendInRoundsAsync(chunkKeys, chunkRequests, roundTrip, undone, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        /// <summary>
        /// Sends one chunk in rounds: each round sends what is still pending, and what its response leaves
        /// unprocessed goes again in the next round after a backoff, if the table's retry budget has a token for it. A
        /// throttled or failed round, or unprocessed requests after the last round or with the budget spent, end the
        /// chunk with its pending keys in <paramref name="undone"/>; a round DynamoDB refuses as invalid is narrowed down
        /// to the requests at fault (<see cref="NarrowAsync"/>).
        /// <paramref name="keys"/>[i] is the key of <paramref name="requests"/>[i]. Throws only what no chunk can get
        /// past (a missing table, denied access) and cancellation.
        /// </summary>
        private async Task SendInRoundsAsync<TRequest, TResponse>(
            List<object> keys,
            List<TRequest> requests,
            RoundTrip<TRequest, TResponse> roundTrip,
            Undone undone,
            CancellationToken cancellationToken)
        {
            for (var round = 1; ; round++)
            {
                TResponse response;
                try
                {
                    response = await roundTrip.Send(requests, cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException ex) when (RefusesItems(ex))
                {
                    await NarrowAsync(keys, requests, roundTrip, undone, ex, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DynamoRepositoryException ex) when (ex.Kind is not (DynamoErrorKind.TableNotFound or DynamoErrorKind.AccessDenied))
                {
                    // Throttled, a transient failure, or an error of no known kind: these items were not done (a put or
                    // delete that may have been applied is simply done again when retried).
                    undone.Add(keys, round, ex);
                    return;
                }

                var unprocessed = roundTrip.Receive(response);
                if (unprocessed is not { Count: > 0 })
                {
                    return;
                }

                (keys, requests) = StillPending(keys, requests, unprocessed, roundTrip.Fingerprint);
                if (requests.Count == 0)
                {
                    return;
                }

                // A round that resends what DynamoDB left unprocessed is a retry: it takes a token from the table's
                // retry budget, as the runner's retries do, so a throttled table's batches back off with everything else.
                if (round >= _options.MaxRounds || !_runner.TryTakeRetry(roundTrip.Table))
                {
                    undone.Add(keys, round, null);
                    return;
                }

                await Task.Delay(_backoff.GetDelay(round, Random.Shared), _runner.Time, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// DynamoDB refused a whole request as invalid, which one bad item does (one over 400 KB, an empty key, nesting
        /// too deep): each half is sent on its own, and so on down to single requests, so the valid items are done
        /// and each refused one is named with DynamoDB's reason. One bad item among 25 costs about 2 × log2(25), ten,
        /// more requests; 25 bad ones cost 49.
        /// </summary>
        private async Task NarrowAsync<TRequest, TResponse>(
            List<object> keys,
            List<TRequest> requests,
            RoundTrip<TRequest, TResponse> roundTrip,
            Undone undone,
            DynamoRepositoryException refusal,
            CancellationToken cancellationToken)
        {
            if (requests.Count == 1)
            {
                undone.Reject(keys[0], Reason(refusal));
                return;
            }

            var half = requests.Count / 2;
            await SendInRoundsAsync(keys.GetRange(0, half), requests.GetRange(0, half), roundTrip, undone, cancellationToken).ConfigureAwait(false);
            await SendInRoundsAsync(keys.GetRange(half, keys.Count - half), requests.GetRange(half, requests.Count - half), roundTrip, undone, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Whether DynamoDB refused the request for what one of its items holds: a <c>ValidationException</c> (the
        /// runner raises it as a plain <see cref="DynamoRepositoryException"/>), or an item collection over 10 GB.
        /// </summary>
        private static bool RefusesItems(DynamoRepositoryException exception)
            => exception.GetType() == typeof(DynamoRepositoryException)
               && exception.InnerException is { } cause
               && (RetryPolicy.Classify(cause) == ErrorCategory.Validation
                   || cause is AmazonDynamoDBException { ErrorCode: "ItemCollectionSizeLimitExceededException" });

        /// <summary>DynamoDB's own words for a refusal (they name attributes, never values), else the runner's message.</summary>
        private static string Reason(DynamoRepositoryException refusal)
            => refusal.InnerException is AmazonDynamoDBException { Message: { Length: > 0 } message } ? message : refusal.Message;

        /// <summary>
        /// The keys and requests DynamoDB returned as unprocessed. It returns copies of the requests, so they are
        /// matched to the sent ones, and so to their keys, by <paramref name="fingerprint"/>.
        /// </summary>
        private static (List<object> Keys, List<TRequest> Requests) StillPending<TRequest>(
            List<object> keys,
            List<TRequest> requests,
            List<TRequest> unprocessed,
            Func<TRequest, string> fingerprint)
        {
            var returned = new HashSet<string>(unprocessed.Select(fingerprint));
            var pendingKeys = new List<object>(unprocessed.Count);
            var pendingRequests = new List<TRequest>(unprocessed.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                if (returned.Contains(fingerprint(requests[i])))
                {
                    pendingKeys.Add(keys[i]);
                    pendingRequests.Add(requests[i]);
                }
            }

            return (pendingKeys, pendingRequests);
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

        /// <summary>One batch operation's round trip, for the chunk and round loops that both operations share.</summary>
        /// <param name="Operation">The operation's name, for the exception that lists what was not done.</param>
        /// <param name="Table">The physical table name: the exception's, and the retry budget extra rounds take from.</param>
        /// <param name="Send">Sends one round's requests (the runner retries the request itself).</param>
        /// <param name="Receive">Takes a round's response: keeps what it returned, and gives back what it left unprocessed.</param>
        /// <param name="Fingerprint">A request's identity, to match the unprocessed copies DynamoDB returns to their keys.</param>
        private sealed record RoundTrip<TRequest, TResponse>(
            string Operation,
            string Table,
            Func<List<TRequest>, CancellationToken, Task<TResponse>> Send,
            Func<TResponse, List<TRequest>?> Receive,
            Func<TRequest, string> Fingerprint);

        /// <summary>What the chunks of one batch left undone, gathered from their tasks into one exception.</summary>
        private sealed class Undone
        {
            private readonly object _gate = new();

            /// <summary>Every key not done, the rejected ones included.</summary>
            public List<object> Keys { get; } = new();

            public List<DynamoBatchRejection> Rejected { get; } = new();

            /// <summary>The most rounds any part of the batch was sent in.</summary>
            public int Rounds { get; private set; }

            /// <summary>The first error that left keys undone (throttling, a transient failure), if any.</summary>
            public Exception? LastError { get; private set; }

            public void Add(List<object> keys, int rounds, Exception? error)
            {
                lock (_gate)
                {
                    Keys.AddRange(keys);
                    Rounds = Math.Max(Rounds, rounds);
                    LastError ??= error;
                }
            }

            public void Reject(object key, string reason)
            {
                lock (_gate)
                {
                    Keys.Add(key);
                    Rejected.Add(new DynamoBatchRejection(key, reason));
                    Rounds = Math.Max(Rounds, 1);
                }
            }
        }
    }
}

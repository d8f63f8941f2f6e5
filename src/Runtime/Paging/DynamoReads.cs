using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Paged reads for generated repositories: every page of a query or scan as a lazily paging stream,
    /// single pages with signed continuation tokens, and scans split over parallel segments.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DynamoReads
    {
        private readonly IAmazonDynamoDB _client;
        private readonly DynamoOperationRunner _runner;
        private readonly ContinuationTokens _tokens;

        /// <summary>Creates the reader for one client.</summary>
        public DynamoReads(IAmazonDynamoDB client, DynamoOperationRunner runner, ContinuationTokens tokens)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(runner);
            ArgumentNullException.ThrowIfNull(tokens);
            _client = client;
            _runner = runner;
            _tokens = tokens;
        }

        /// <summary>One page of a query, starting where <paramref name="continuationToken"/> says.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table and index.</exception>
        public async Task<(List<Dictionary<string, AttributeValue>> Items, string? ContinuationToken)> QueryPageAsync(
            QueryRequest request,
            object? key,
            string? continuationToken,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.ExclusiveStartKey = _tokens.Decode(request.TableName, request.IndexName, continuationToken);
            var response = await SendQueryAsync(request, key, cancellationToken).ConfigureAwait(false);
            return (response.Items ?? new List<Dictionary<string, AttributeValue>>(), _tokens.Encode(request.TableName, request.IndexName, response.LastEvaluatedKey));
        }

        /// <summary>
        /// Every item a query matches, each turned into a result by <paramref name="read"/>; the next page is
        /// requested only when the caller reaches it.
        /// </summary>
        /// <param name="request">The query; its <c>ExclusiveStartKey</c> is managed here.</param>
        /// <param name="key">The key or partition being queried, for logs; masked by its <c>ToString()</c>.</param>
        /// <param name="read">Turns a returned item into a result.</param>
        /// <param name="cancellationToken">Stops the stream.</param>
        public IAsyncEnumerable<T> QueryAllAsync<T>(
            QueryRequest request,
            object? key,
            Func<IReadOnlyDictionary<string, AttributeValue>, T> read,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(read);
            return EveryItemAsync(
                async (startKey, ct) =>
                {
                    request.ExclusiveStartKey = startKey ?? request.ExclusiveStartKey;
                    var response = await SendQueryAsync(request, key, ct).ConfigureAwait(false);
                    return new PageOfItems(response.Items, response.LastEvaluatedKey);
                },
                read,
                cancellationToken);
        }

        /// <summary>One page of at most <paramref name="pageSize"/> results, with the token of the next.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table and index.</exception>
        public async Task<Page<T>> QueryPageAsync<T>(
            QueryRequest request,
            object? key,
            int pageSize,
            string? continuationToken,
            Func<IReadOnlyDictionary<string, AttributeValue>, T> read,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(read);
            if (pageSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
            }

            request.Limit = pageSize;
            var (items, token) = await QueryPageAsync(request, key, continuationToken, cancellationToken).ConfigureAwait(false);
            var page = new List<T>(items.Count);
            foreach (var item in items)
            {
                page.Add(read(item));
            }

            return new Page<T>(page, token);
        }

        /// <summary>
        /// Every item a scan returns. With more than one segment, the segments are read in parallel and
        /// their items merged into one stream as they arrive (order is not defined).
        /// </summary>
        /// <param name="request">The scan; <c>Segment</c>, <c>TotalSegments</c> and <c>ExclusiveStartKey</c> are managed here.</param>
        /// <param name="segments">Parallel segments, 1 to 1,000,000.</param>
        /// <param name="cancellationToken">Stops the stream and the segment workers.</param>
        public async IAsyncEnumerable<Dictionary<string, AttributeValue>> ScanAllAsync(
            ScanRequest request,
            int segments = 1,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (segments < 1 || segments > 1_000_000)
            {
                throw new ArgumentOutOfRangeException(nameof(segments), "A scan has 1 to 1,000,000 segments.");
            }

            if (segments == 1)
            {
                await foreach (var item in ScanSegmentAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            // Bounded, so a slow consumer holds the workers back instead of buffering the whole table.
            var channel = Channel.CreateBounded<Dictionary<string, AttributeValue>>(new BoundedChannelOptions(1000) { SingleReader = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var workers = new Task[segments];
            for (var segment = 0; segment < segments; segment++)
            {
                var copy = Copy(request, segment, segments);
                workers[segment] = Task.Run(
                    async () =>
                    {
                        await foreach (var item in ScanSegmentAsync(copy, stop.Token).ConfigureAwait(false))
                        {
                            await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                        }
                    },
                    stop.Token);
            }

            var completion = Task.WhenAll(workers).ContinueWith(
                t => channel.Writer.TryComplete(t.Exception?.InnerException),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            try
            {
                await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            finally
            {
                // The consumer stopped early or a worker failed: stop the others before leaving.
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await completion.ConfigureAwait(false);
                    await Task.WhenAll(workers).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Expected when the workers were stopped.
                }
                catch (DynamoRepositoryException)
                {
                    // Already surfaced through the channel.
                }
            }
        }

        private IAsyncEnumerable<Dictionary<string, AttributeValue>> ScanSegmentAsync(ScanRequest request, CancellationToken cancellationToken)
        {
            var operation = new DynamoOperation("Scan", request.TableName, request.TotalSegments is > 1 ? $"segment {request.Segment} of {request.TotalSegments}" : null) { Index = request.IndexName };
            return EveryItemAsync(
                async (startKey, ct) =>
                {
                    request.ExclusiveStartKey = startKey ?? request.ExclusiveStartKey;
                    var response = await _runner.ExecuteAsync(operation, c => _client.ScanAsync(request, c), ct).ConfigureAwait(false);
                    return new PageOfItems(response.Items, response.LastEvaluatedKey);
                },
                static item => item,
                cancellationToken);
        }

        /// <summary>
        /// The items of every page, each through <paramref name="read"/>, from one iterator (one state-machine step
        /// per item). <paramref name="sendPage"/> sends the request from the given start key (null for the
        /// request's own start); the next page is requested only when the caller reaches it.
        /// </summary>
        private static async IAsyncEnumerable<T> EveryItemAsync<T>(
            Func<Dictionary<string, AttributeValue>?, CancellationToken, Task<PageOfItems>> sendPage,
            Func<Dictionary<string, AttributeValue>, T> read,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Dictionary<string, AttributeValue>? startKey = null;
            do
            {
                var page = await sendPage(startKey, cancellationToken).ConfigureAwait(false);
                if (page.Items is not null)
                {
                    foreach (var item in page.Items)
                    {
                        yield return read(item);
                    }
                }

                startKey = page.LastEvaluatedKey;
            }
            while (startKey is { Count: > 0 });
        }

        private Task<QueryResponse> SendQueryAsync(QueryRequest request, object? key, CancellationToken cancellationToken)
            => _runner.ExecuteAsync(
                new DynamoOperation("Query", request.TableName, key) { Index = request.IndexName },
                ct => _client.QueryAsync(request, ct),
                cancellationToken);

        private static ScanRequest Copy(ScanRequest request, int segment, int segments) => new()
        {
            TableName = request.TableName,
            IndexName = request.IndexName,
            FilterExpression = request.FilterExpression,
            ProjectionExpression = request.ProjectionExpression,
            ExpressionAttributeNames = request.ExpressionAttributeNames,
            ExpressionAttributeValues = request.ExpressionAttributeValues,
            ConsistentRead = request.ConsistentRead,
            Limit = request.Limit,
            ReturnConsumedCapacity = request.ReturnConsumedCapacity,
            Segment = segment,
            TotalSegments = segments,
        };

        /// <summary>What one page of a query or scan returned: its items and where the next page starts (none after the last).</summary>
        private readonly record struct PageOfItems(List<Dictionary<string, AttributeValue>>? Items, Dictionary<string, AttributeValue>? LastEvaluatedKey);
    }
}

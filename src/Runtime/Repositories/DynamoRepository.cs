using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The repository every generated one derives from: what every table has, written once over the generated marshaller
    /// and key. Requests use placeholders only; updates and deletes are guarded by the item's existence, so an update
    /// never creates a half item; optimistic locking, lost answers and failed conditions are handled by the internal
    /// types under <c>Repositories/Writes</c>. A generated repository adds its table's partition and index queries
    /// through the protected <c>Read…</c> methods.
    /// </summary>
    /// <typeparam name="TEntity">The generated entity record.</typeparam>
    /// <typeparam name="TKey">The generated key type.</typeparam>
    /// <typeparam name="TUpdate">The generated update type.</typeparam>
    public abstract class DynamoRepository<TEntity, TKey, TUpdate> : IDynamoRepository<TEntity, TKey, TUpdate>
        where TEntity : class
        where TKey : class, IDynamoKey
        where TUpdate : EntityUpdate
    {
        private readonly EntityMapping<TEntity, TKey> _mapping;
        private readonly ItemWriter _items;
        private readonly EntityWriter<TEntity, TKey, TUpdate> _writer;
        private readonly DynamoBatches _batches;
        private readonly DynamoReads _reads;
        private readonly bool _consistentRead;
        private readonly Condition? _typeFilter;

        /// <summary>Creates the repository; generated repositories pass their entity's mapping.</summary>
        /// <param name="client">The DynamoDB client; the caller owns it.</param>
        /// <param name="mapping">How the entity maps to items.</param>
        /// <param name="options">Table names, retries, batches and read consistency; defaults when null.</param>
        /// <param name="logger">Where operation logs go, with keys masked; nothing is logged when null.</param>
        protected DynamoRepository(IAmazonDynamoDB client, EntityMapping<TEntity, TKey> mapping, DynamoRepositoryOptions? options, ILogger? logger)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(mapping);
            options ??= new DynamoRepositoryOptions();
            var runner = new DynamoOperationRunner(options, logger);
            _mapping = mapping;
            TableName = options.ResolveTableName(mapping.Table);
            _items = new ItemWriter(client, runner, TableName, item => mapping.FromItem(item));
            _batches = new DynamoBatches(client, runner, options.Retry, options.Batch);
            _reads = new DynamoReads(client, runner, new ContinuationTokens(options.ContinuationTokenKey));
            _consistentRead = options.ConsistentRead;

            // The entity's name in messages: its type name in a shared table, else the table's entity name.
            var entity = mapping.Discriminator?.Value ?? mapping.Table.EntityName;
            _writer = new EntityWriter<TEntity, TKey, TUpdate>(_items, _batches, mapping, entity, options.TimeProvider ?? TimeProvider.System, logger);
            _typeFilter = mapping.Discriminator is { } discriminator ? Condition.AttributeEquals(discriminator.Attribute, discriminator.Value)
                : mapping.UniqueAttributes.Count > 0 ? UniqueGuards.NotAGuard
                : null;
        }

        /// <inheritdoc/>
        public string TableName { get; }

        /// <inheritdoc/>
        public Task<TEntity?> GetAsync(TKey key, ReadOptions? options = null, CancellationToken cancellationToken = default)
            => Get(key, options, _mapping.FromItem, cancellationToken);

        /// <inheritdoc/>
        public Task<IReadOnlyDictionary<string, AttributeValue>?> GetStoredAsync(TKey key, ReadOptions? options = null, CancellationToken cancellationToken = default)
            => Get(key, options, static item => (IReadOnlyDictionary<string, AttributeValue>?)item, cancellationToken);

        /// <inheritdoc/>
        public Task<IReadOnlyList<TEntity>> GetManyAsync(IEnumerable<TKey> keys, ReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(keys);
            var requested = new List<(object Key, Dictionary<string, AttributeValue> Attributes)>();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(keys));
                requested.Add((key, key.ToAttributeMap()));
            }

            return ReadManyAsync(requested, options?.ConsistentRead ?? _consistentRead, cancellationToken);
        }

        /// <inheritdoc/>
        public Task PutAsync(TEntity entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
            => _writer.PutAsync(entity, options, cancellationToken);

        /// <inheritdoc/>
        public Task<bool> CreateAsync(TEntity entity, CancellationToken cancellationToken = default)
            => _writer.CreateAsync(entity, cancellationToken);

        /// <inheritdoc/>
        public Task<bool> UpdateAsync(TKey key, TUpdate update, WriteOptions? options = null, CancellationToken cancellationToken = default)
            => _writer.UpdateAsync(key, update, options, cancellationToken);

        /// <inheritdoc/>
        public Task<bool> DeleteAsync(TKey key, WriteOptions? options = null, CancellationToken cancellationToken = default)
            => _writer.DeleteAsync(key, options, cancellationToken);

        /// <inheritdoc/>
        public Task PutManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
            => _writer.PutManyAsync(entities, cancellationToken);

        /// <inheritdoc/>
        public Task DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default)
            => _writer.DeleteManyAsync(keys, cancellationToken);

        /// <summary>
        /// Adds <paramref name="by"/> to a counter of the item with <paramref name="key"/>, atomically and exactly once, and
        /// returns the counter as read right after; null when no item has the key (nothing is created). Generated
        /// <c>Increment…Async</c> methods call it.
        /// </summary>
        /// <remarks>
        /// One <c>UpdateItem</c> expression, <c>SET n = if_not_exists(n, start) + by</c> (an item stored before the counter
        /// was declared starts at its start), guarded by the item's existence and sent as a one-item
        /// <c>TransactWriteItems</c> with a client request token, so a retry after a lost answer does not add twice. A
        /// transaction returns no values, so the value is then read (consistently): while other increments of the same item
        /// run at the same time it may already include theirs; the count itself is always exact.
        /// </remarks>
        /// <param name="key">The item's key.</param>
        /// <param name="attribute">The counter's stored name.</param>
        /// <param name="by">What to add; negative to subtract.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <exception cref="ArgumentException"><paramref name="attribute"/> is not a counter of the entity.</exception>
        protected Task<long?> IncrementCounterAsync(TKey key, string attribute, long by, CancellationToken cancellationToken)
            => _writer.IncrementAsync(key, attribute, by, withinInt: false, cancellationToken);

        /// <summary>
        /// <see cref="IncrementCounterAsync(TKey, string, long, CancellationToken)"/> for an <c>int</c> counter: the increment
        /// is also conditioned on its result fitting an <c>int</c>, so the counter never leaves what the entity can read.
        /// </summary>
        /// <exception cref="DynamoValidationException">The counter would leave the range of an <c>int</c>; nothing was changed.</exception>
        protected async Task<int?> IncrementCounterAsync(TKey key, string attribute, int by, CancellationToken cancellationToken)
            => await _writer.IncrementAsync(key, attribute, by, withinInt: true, cancellationToken).ConfigureAwait(false) is { } value ? (int)value : null;

        /// <inheritdoc/>
        public IAsyncEnumerable<TEntity> ScanAsync(ScanOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (options?.Attributes is not null)
            {
                throw new ArgumentException("A scan of entities reads whole items; read some attributes with ScanStoredAsync.", nameof(options));
            }

            return ScanWithAsync(Scan(options), options?.Segments ?? 1, _mapping.FromItem, cancellationToken);
        }

        /// <inheritdoc/>
        public IAsyncEnumerable<IReadOnlyDictionary<string, AttributeValue>> ScanStoredAsync(ScanOptions? options = null, CancellationToken cancellationToken = default)
            => ScanWithAsync(Scan(options), options?.Segments ?? 1, static item => (IReadOnlyDictionary<string, AttributeValue>)item, cancellationToken);

        // One GetItem, the found item read by the entity's marshaller or kept as stored; an empty answer is no item.
        private Task<T?> Get<T>(TKey key, ReadOptions? options, Func<Dictionary<string, AttributeValue>, T?> read, CancellationToken cancellationToken)
            where T : class
        {
            ArgumentNullException.ThrowIfNull(key);
            return _items.ReadAsync(key, options?.ConsistentRead ?? _consistentRead, item => item is null ? null : read(item), cancellationToken);
        }

        /// <inheritdoc/>
        public TransactionItem TransactPut(TEntity entity, WriteOptions? options = null) => _writer.TransactPut(entity, options);

        /// <inheritdoc/>
        public TransactionItem TransactUpdate(TKey key, TUpdate update, WriteOptions? options = null) => _writer.TransactUpdate(key, update, options);

        /// <inheritdoc/>
        public TransactionItem TransactDelete(TKey key, WriteOptions? options = null) => _writer.TransactDelete(key, options);

        /// <inheritdoc/>
        public TransactionItem TransactConditionCheck(TKey key, Condition condition) => _writer.TransactConditionCheck(key, condition);

        /// <inheritdoc/>
        public TransactionRead<TEntity> TransactGet(TKey key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return new TransactionRead<TEntity>(TableName, key.ToAttributeMap(), key, _mapping.FromItem);
        }

        /// <summary>
        /// Every item of one partition of the table, read lazily. The generated caller builds the partition value from
        /// typed parts before this is called, so invalid input fails at the call, not at the first read.
        /// </summary>
        /// <param name="partition">The stored partition key value.</param>
        /// <param name="label">How logs name the partition, already masked.</param>
        /// <param name="options">Sort-key condition, order, consistency, page size and filter.</param>
        /// <param name="cancellationToken">Stops the stream.</param>
        protected IAsyncEnumerable<TEntity> ReadPartitionAsync(AttributeValue partition, string label, QueryOptions? options, CancellationToken cancellationToken)
            => _reads.QueryAllAsync(Query(null, partition, options), label, _mapping.FromItem, cancellationToken);

        /// <summary>One page of a partition of the table, from where the continuation token marks (null for the first page).</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table.</exception>
        protected Task<Page<TEntity>> ReadPartitionPageAsync(AttributeValue partition, string label, int pageSize, string? continuationToken, QueryOptions? options, CancellationToken cancellationToken)
            => _reads.QueryPageAsync(Query(null, partition, options), label, pageSize, continuationToken, _mapping.FromItem, cancellationToken);

        /// <summary>
        /// Every entry of one partition of a secondary index, read lazily with <paramref name="read"/>: the entity for an
        /// index that projects all attributes, the key for one that does not.
        /// </summary>
        protected IAsyncEnumerable<T> ReadIndexAsync<T>(IndexDefinition index, AttributeValue partition, string label, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(index);
            return _reads.QueryAllAsync(Query(index, partition, options), label, read, cancellationToken);
        }

        /// <summary>One page of a partition of a secondary index; the token is bound to the table and the index.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table and index.</exception>
        protected Task<Page<T>> ReadIndexPageAsync<T>(IndexDefinition index, AttributeValue partition, string label, int pageSize, string? continuationToken, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(index);
            return _reads.QueryPageAsync(Query(index, partition, options), label, pageSize, continuationToken, read, cancellationToken);
        }

        // Keys are checked at the call, the items read when the returned task runs.
        private async Task<IReadOnlyList<TEntity>> ReadManyAsync(List<(object Key, Dictionary<string, AttributeValue> Attributes)> requested, bool consistentRead, CancellationToken cancellationToken)
            => (await _batches.GetAsync(TableName, requested, consistentRead, cancellationToken).ConfigureAwait(false)).Select(item => _mapping.FromItem(item)).ToList();

        /// <summary>The scan request, checked at the call: the scan itself runs only when it is enumerated.</summary>
        private ScanRequest Scan(ScanOptions? options)
        {
            if (options is { Segments: < 1 or > 1_000_000 })
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Segments, "A scan has 1 to 1,000,000 segments.");
            }

            if (options?.Attributes is { Count: 0 })
            {
                throw new ArgumentException("Name at least one attribute to read.", nameof(options));
            }

            var expressions = new ExpressionBuilder();
            return new ScanRequest
            {
                TableName = TableName,
                ConsistentRead = _consistentRead,
                FilterExpression = Condition.AllOf(_typeFilter, options?.Filter)?.Render(expressions),
                ProjectionExpression = options?.Attributes is { } attributes ? string.Join(", ", attributes.Select(expressions.Name)) : null,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
        }

        private async IAsyncEnumerable<T> ScanWithAsync<T>(ScanRequest request, int segments, Func<Dictionary<string, AttributeValue>, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in _reads.ScanAllAsync(request, segments, cancellationToken).ConfigureAwait(false))
            {
                yield return read(item);
            }
        }

        private QueryRequest Query(IndexDefinition? index, AttributeValue partition, QueryOptions? options)
            => PartitionQueries.Build(TableName, _mapping.Table, index, partition, options, _consistentRead, _typeFilter, _mapping.SortKeyPrefix);
    }
}

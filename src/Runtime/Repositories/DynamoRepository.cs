using System;
using System.Collections.Generic;
using System.Globalization;
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
        private readonly IAmazonDynamoDB _client;
        private readonly EntityMapping<TEntity, TKey> _mapping;
        private readonly DynamoOperationRunner _runner;
        private readonly ItemWriter _writer;
        private readonly VersionPolicy<TEntity> _versions;
        private readonly ManagedAttributes _managed;
        private readonly string[] _keyAttributes;
        private readonly DynamoBatches _batches;
        private readonly DynamoReads _reads;
        private readonly bool _consistentRead;
        private readonly Condition _exists;
        private readonly Condition? _typeFilter;
        private readonly Func<IReadOnlyDictionary<string, AttributeValue>, object> _readEntity;
        private readonly UniqueGuards? _unique;

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
            _client = client;
            _mapping = mapping;
            _runner = new DynamoOperationRunner(options, logger);
            TableName = options.ResolveTableName(mapping.Table);
            _readEntity = item => mapping.FromItem(item);
            _writer = new ItemWriter(client, _runner, TableName, _readEntity);
            _versions = VersionPolicy<TEntity>.Of(mapping);
            _managed = ManagedAttributes.Of(mapping, options.TimeProvider ?? TimeProvider.System);
            _keyAttributes = mapping.Table.SortKey is { } sortKey ? [mapping.Table.PartitionKey.Name, sortKey.Name] : [mapping.Table.PartitionKey.Name];
            _batches = new DynamoBatches(client, _runner, options.Retry, options.Batch);
            _reads = new DynamoReads(client, _runner, new ContinuationTokens(options.ContinuationTokenKey));
            _consistentRead = options.ConsistentRead;
            _exists = Condition.ItemExists(mapping.Table.PartitionKey.Name);
            _typeFilter = mapping.Discriminator is { } discriminator ? Condition.AttributeEquals(discriminator.Attribute, discriminator.Value)
                : mapping.UniqueAttributes.Count > 0 ? UniqueGuards.NotAGuard
                : null;
            _unique = mapping.UniqueAttributes.Count > 0
                ? new UniqueGuards(client, _runner, _writer, TableName, mapping.Table, EntityName, mapping.UniqueAttributes, _readEntity, logger)
                : null;
        }

        /// <inheritdoc/>
        public string TableName { get; }

        /// <summary>The entity's name in messages: its type name in a shared table, else the table's entity name.</summary>
        private string EntityName => _mapping.Discriminator?.Value ?? _mapping.Table.EntityName;

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
        {
            if (_unique is null)
            {
                return _writer.WriteAsync(Put(entity, options, create: false), cancellationToken);
            }

            // Validated before anything is read; the put gives up the values the item held as read.
            var write = Put(entity, options, create: false);
            var values = _unique.ValuesOf(write.Item!);
            return _unique.WriteAsync(write.Key, readFirst: true, asRead => Put(entity, options, create: false, asRead), _ => values, cancellationToken);
        }

        /// <inheritdoc/>
        public Task<bool> CreateAsync(TEntity entity, CancellationToken cancellationToken = default)
        {
            var write = Put(entity, null, create: true);
            return _unique is null
                ? _writer.WriteAsync(write, cancellationToken)
                : _unique.WriteAsync(write.Key, readFirst: false, _ => write, _ => _unique.ValuesOf(write.Item!), cancellationToken);
        }

        /// <inheritdoc/>
        public Task<bool> UpdateAsync(TKey key, TUpdate update, WriteOptions? options = null, CancellationToken cancellationToken = default)
        {
            var write = Update(key, update, options);
            if (_unique?.ValuesOf(update) is not { Count: > 0 } values)
            {
                return _writer.WriteAsync(write, cancellationToken);
            }

            return _unique.WriteAsync(key, readFirst: true, asRead => Update(key, update, options, asRead), _ => values, cancellationToken);
        }

        /// <inheritdoc/>
        public Task<bool> DeleteAsync(TKey key, WriteOptions? options = null, CancellationToken cancellationToken = default)
        {
            var write = Delete(key, options, mustExist: true);
            return _unique is null
                ? _writer.WriteAsync(write, cancellationToken)
                : _unique.WriteAsync(key, readFirst: true, asRead => Delete(key, options, mustExist: true, asRead), _ => _unique.NoValues(), cancellationToken);
        }

        /// <inheritdoc/>
        public Task PutManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(entities);
            RefuseWithUniqueValues("PutManyAsync", "a batch write cannot be conditional, so it cannot keep the guards of unique values; put each entity with PutAsync");

            if (_managed.KeepsStored)
            {
                return PutEachAsync(entities, cancellationToken);
            }

            var writes = new List<(object Key, TEntity Value)>();
            foreach (var entity in entities)
            {
                // Every entity is validated before the first request, so bad input writes nothing. The item is built
                // again when its batch is next to go rather than kept: holding thousands of items until then costs more
                // in garbage collection than building each twice (docs/benchmarks.md).
                ArgumentNullException.ThrowIfNull(entity, nameof(entities));
                var key = _mapping.KeyOf(entity);
                ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, BatchItem(entity));
                writes.Add((key, entity));
            }

            return _batches.WriteAsync(TableName, writes, entity => new WriteRequest { PutRequest = new PutRequest { Item = BatchItem(entity) } }, cancellationToken);
        }

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
            => IncrementAsync(key, attribute, by, withinInt: false, cancellationToken);

        /// <summary>
        /// <see cref="IncrementCounterAsync(TKey, string, long, CancellationToken)"/> for an <c>int</c> counter: the increment
        /// is also conditioned on its result fitting an <c>int</c>, so the counter never leaves what the entity can read.
        /// </summary>
        /// <exception cref="DynamoValidationException">The counter would leave the range of an <c>int</c>; nothing was changed.</exception>
        protected async Task<int?> IncrementCounterAsync(TKey key, string attribute, int by, CancellationToken cancellationToken)
            => await IncrementAsync(key, attribute, by, withinInt: true, cancellationToken).ConfigureAwait(false) is { } value ? (int)value : null;

        private async Task<long?> IncrementAsync(TKey key, string attribute, long by, bool withinInt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            var startValue = _managed.StartOf(attribute);
            var start = AttributeCodecs.Int64.Write(startValue);
            var stamps = _managed.UpdatedChanges(_managed.Now());
            var request = WriteRequests.Update(
                TableName,
                key.ToAttributeMap(),
                e =>
                {
                    var name = e.Name(attribute);
                    var set = new List<string> { $"{name} = if_not_exists({name}, {e.Value(start)}) + {e.Value(AttributeCodecs.Int64.Write(by))}" };
                    set.AddRange(stamps.Select(s => $"{e.Name(s.Key)} = {e.Value(s.Value)}"));
                    return "SET " + string.Join(", ", set);
                },
                withinInt ? _exists & IntRange(attribute, startValue, by) : _exists);
            var write = new ItemWrite(request, key, WriteKind.Update, VersionCheck.None, AppliesOnce: true, static _ => false);
            try
            {
                if (!await _writer.WriteAsync(write, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
            catch (DynamoConditionFailedException) when (withinInt)
            {
                // The item exists (a missing one is null above), so the range condition failed: nothing was written.
                throw new DynamoValidationException(
                    EntityName,
                    attribute,
                    $"cannot be incremented by {by.ToString(CultureInfo.InvariantCulture)}: the counter would leave the range of an int ({int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}), and nothing was changed");
            }

            var read = ItemWriter.Get(TableName, key.ToAttributeMap(), consistentRead: true);
            read.ProjectionExpression = "#n";
            read.ExpressionAttributeNames = new Dictionary<string, string> { ["#n"] = attribute };
            var response = await _runner.ExecuteAsync(new DynamoOperation("GetItem", TableName, key), ct => _client.GetItemAsync(read, ct), cancellationToken).ConfigureAwait(false);
            return response.Item is { } item && item.TryGetValue(attribute, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var now)
                ? now
                : null;
        }

        /// <summary>
        /// The condition that an increment of an <c>int</c> counter by <paramref name="by"/> leaves it in the <c>int</c>
        /// range: the stored value is at most <c>int.MaxValue - by</c> (at least <c>int.MinValue - by</c> when subtracting),
        /// or the counter is missing and its start plus <paramref name="by"/> fits.
        /// </summary>
        private static Condition IntRange(string attribute, long start, long by)
        {
            var bound = by >= 0 ? int.MaxValue - by : int.MinValue - by;
            var stored = new Condition.Raw(e => $"{e.Name(attribute)} {(by >= 0 ? "<=" : ">=")} {e.Value(AttributeCodecs.Int64.Write(bound))}");
            var startFits = start + by is >= int.MinValue and <= int.MaxValue;
            return startFits ? !Condition.ItemExists(attribute) | stored : stored;
        }

        /// <summary>
        /// The puts of many entities that have counters or creation times, which a batch's <c>PutRequest</c> would reset:
        /// each sent as the update a single put is, one after another, all validated before the first is sent.
        /// </summary>
        private async Task PutEachAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken)
        {
            var writes = new List<ItemWrite>();
            foreach (var entity in entities)
            {
                ArgumentNullException.ThrowIfNull(entity, nameof(entities));
                writes.Add(Put(entity, null, create: false));
            }

            for (var i = 0; i < writes.Count; i++)
            {
                try
                {
                    await _writer.WriteAsync(writes[i], cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException failed)
                {
                    // Everything before this write is stored; this one and the rest are not, and are named.
                    throw new DynamoBatchIncompleteException("UpdateItem", TableName, writes.Skip(i).Select(w => (object)w.Key).ToList(), rounds: 1, failed);
                }
            }
        }

        /// <summary>A batch put's item: a new item's, with its counters at their start and its timestamps now.</summary>
        private Dictionary<string, AttributeValue> BatchItem(TEntity entity)
        {
            var item = _mapping.ToItem(entity);
            _managed.Stamp(item, _managed.Now());
            return item;
        }

        /// <inheritdoc/>
        public Task DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(keys);
            RefuseWithUniqueValues("DeleteManyAsync", "a batch write cannot be conditional, so it cannot release the guards of unique values; delete each entity with DeleteAsync");
            var writes = new List<(object Key, TKey Value)>();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(keys));
                writes.Add((key, key));
            }

            return _batches.WriteAsync(TableName, writes, static key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key.ToAttributeMap() } }, cancellationToken);
        }

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
            var request = ItemWriter.Get(TableName, key.ToAttributeMap(), options?.ConsistentRead ?? _consistentRead);
            return _runner.ExecuteAsync(
                new DynamoOperation("GetItem", TableName, key),
                ct => _client.GetItemAsync(request, ct),
                response => response.Item is { Count: > 0 } item ? read(item) : null,
                cancellationToken);
        }

        /// <inheritdoc/>
        public TransactionItem TransactPut(TEntity entity, WriteOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(entity);
            RefuseWithUniqueValues("TransactPut", UniqueInTransaction);
            return Transact("Put", Put(entity, options, create: false));
        }

        /// <inheritdoc/>
        public TransactionItem TransactUpdate(TKey key, TUpdate update, WriteOptions? options = null)
        {
            var write = Update(key, update, options);
            if (_unique?.ValuesOf(update) is { Count: > 0 })
            {
                RefuseWithUniqueValues("TransactUpdate of a unique attribute", UniqueInTransaction);
            }

            return Transact("Update", write);
        }

        /// <inheritdoc/>
        public TransactionItem TransactDelete(TKey key, WriteOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(key);
            RefuseWithUniqueValues("TransactDelete", UniqueInTransaction);
            return Transact("Delete", Delete(key, options, mustExist: false));
        }

        /// <inheritdoc/>
        public TransactionItem TransactConditionCheck(TKey key, Condition condition)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(condition);
            return new TransactionItem(WriteRequests.ConditionCheck(TableName, key.ToAttributeMap(), condition), TableName, key, "ConditionCheck", VersionCheck.None, _readEntity);
        }

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

        private async Task<IReadOnlyList<TEntity>> ReadManyAsync(List<(object Key, Dictionary<string, AttributeValue> Attributes)> requested, bool consistentRead, CancellationToken cancellationToken)
        {
            var items = await _batches.GetAsync(TableName, requested, consistentRead, cancellationToken).ConfigureAwait(false);
            var result = new List<TEntity>(items.Count);
            foreach (var item in items)
            {
                result.Add(_mapping.FromItem(item));
            }

            return result;
        }

        private const string UniqueInTransaction = "the guards of its unique values are read and written with each write, which an item of a transaction cannot do; write it with PutAsync, UpdateAsync or DeleteAsync, which keep them in a transaction of their own";

        /// <summary>
        /// Refuses, before any request, a write that cannot keep the guards of unique values: a batch cannot be conditional,
        /// and an item of a caller's transaction cannot read the values it gives up.
        /// </summary>
        /// <exception cref="NotSupportedException">The entity has unique attributes.</exception>
        private void RefuseWithUniqueValues(string method, string why)
        {
            if (_unique is not null)
            {
                throw new NotSupportedException($"{method} is not available for {EntityName}, which has unique attributes ({string.Join(", ", _unique.Attributes.Select(a => a.Name))}): {why}.");
            }
        }

        /// <summary>A put, or a create (only if no item has its key): the item stamped with its next version and measured.</summary>
        /// <param name="entity">The entity to store.</param>
        /// <param name="options">The caller's condition; a put takes the entity's own version.</param>
        /// <param name="create">Store only if no item has the key.</param>
        /// <param name="asRead">For an entity with unique attributes: the condition that its unique values are as read.</param>
        private ItemWrite Put(TEntity entity, WriteOptions? options, bool create, Condition? asRead = null)
        {
            ArgumentNullException.ThrowIfNull(entity);
            var version = _versions.ForPut(entity, create, options);
            var item = _mapping.ToItem(entity);
            var key = _mapping.KeyOf(entity);
            version.Stamp(item);
            _managed.Stamp(item, _managed.Now());
            ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, item);

            // A create never overwrites (flags already set on an existing item stay as they are); a versioned create
            // expects version 0, which is that same check. It does not ask for the item it finds.
            var condition = create ? version.Guard(null) ?? !_exists : Condition.AllOf(version.Guard(options?.Condition), asRead);

            // A put that must keep a stored counter or creation time is an update setting everything else (ManagedAttributes).
            var request = !create && _managed.KeepsStored
                ? WriteRequests.Update(TableName, key.ToAttributeMap(), e => _managed.RenderPut(item, _keyAttributes, e), condition)
                : WriteRequests.Put(TableName, item, condition, returnStored: !create);
            return new ItemWrite(
                request,
                key,
                create ? WriteKind.Create : WriteKind.Put,
                version,
                AppliesOnce(version, options),
                stored => _managed.ShowsCreate(stored, item))
            {
                Item = item,
            };
        }

        /// <summary>An update of an existing item: the existence guard keeps it from creating a half item.</summary>
        private ItemWrite Update(TKey key, TUpdate update, WriteOptions? options, Condition? asRead = null)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(update);
            var version = _versions.ForChange(options, "update");
            var stamps = _managed.UpdatedChanges(_managed.Now());
            return new ItemWrite(
                WriteRequests.Update(TableName, key.ToAttributeMap(), e => version.Render(update, stamps, e), Existing(Condition.AllOf(version.Guard(options?.Condition), asRead))),
                key,
                WriteKind.Update,
                version,
                AppliesOnce(version, options) || !update.IsIdempotent,
                stored => stored is not null && update.IsShownBy(stored));
        }

        /// <summary>A delete; alone it is guarded by the item's existence, to tell a missing item, in a transaction it is not.</summary>
        private ItemWrite Delete(TKey key, WriteOptions? options, bool mustExist, Condition? asRead = null)
        {
            ArgumentNullException.ThrowIfNull(key);
            var version = _versions.ForChange(options, "delete");
            var condition = Condition.AllOf(version.Guard(options?.Condition), asRead);
            return new ItemWrite(
                WriteRequests.Delete(TableName, key.ToAttributeMap(), mustExist ? Existing(condition) : condition),
                key,
                WriteKind.Delete,
                version,
                AppliesOnce(version, options),
                static stored => stored is null);
        }

        /// <summary>
        /// A version check or a condition of the caller's is sent with a request token: after a lost answer, an equal item
        /// stored by another writer would pass a comparison, and two callers whose condition admits one winner would both
        /// win (docs/decisions.md, "Writes whose answer is lost").
        /// </summary>
        private static bool AppliesOnce(VersionCheck version, WriteOptions? options) => version.AppliesOnce || options?.Condition is not null;

        private Condition Existing(Condition? condition) => condition is null ? _exists : _exists & condition;

        private TransactionItem Transact(string action, ItemWrite write)
            => new(write.Request, TableName, write.Key, action, write.Version, _readEntity);

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

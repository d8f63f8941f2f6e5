using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The logic every generated repository shares, written once: requests with placeholders only,
    /// existence guards so updates never create half items, the stored item on a failed condition,
    /// batches, scans and queries. Generated repositories give it typed signatures.
    /// </summary>
    /// <typeparam name="TEntity">The generated entity record.</typeparam>
    /// <typeparam name="TKey">The generated key type.</typeparam>
    public sealed class DynamoRepositoryCore<TEntity, TKey>
        where TEntity : class
        where TKey : class, IDynamoKey
    {
        private readonly IAmazonDynamoDB _client;
        private readonly EntityMapping<TEntity, TKey> _mapping;
        private readonly DynamoOperationRunner _runner;
        private readonly DynamoBatches _batches;
        private readonly DynamoReads _reads;
        private readonly bool _consistentRead;
        private readonly string _partitionKey;
        private readonly string? _versionAttribute;
        private readonly Condition? _typeFilter;
        private readonly Func<IReadOnlyDictionary<string, AttributeValue>, object> _readEntity;

        /// <summary>Creates the core of one repository.</summary>
        /// <param name="client">The DynamoDB client; the caller owns it.</param>
        /// <param name="mapping">How the entity maps to items.</param>
        /// <param name="options">Table names, retries, batches and read consistency; defaults when null.</param>
        /// <param name="logger">Where operation logs go, with keys masked; nothing is logged when null.</param>
        public DynamoRepositoryCore(IAmazonDynamoDB client, EntityMapping<TEntity, TKey> mapping, DynamoRepositoryOptions? options = null, ILogger? logger = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(mapping);
            options ??= new DynamoRepositoryOptions();
            _client = client;
            _mapping = mapping;
            _runner = new DynamoOperationRunner(options.Retry, logger);
            _batches = new DynamoBatches(client, _runner, options.Retry, options.Batch);
            _reads = new DynamoReads(client, _runner, new ContinuationTokens(options.ContinuationTokenKey));
            _consistentRead = options.ConsistentRead;
            _partitionKey = mapping.Table.PartitionKey.Name;
            _versionAttribute = mapping.VersionAttribute;
            _typeFilter = mapping.Discriminator is { } discriminator ? Condition.AttributeEquals(discriminator.Attribute, discriminator.Value) : null;
            TableName = options.ResolveTableName(mapping.Table);
            _readEntity = item => _mapping.FromItem(item);
        }

        /// <summary>The physical table name in use, after prefixes and overrides.</summary>
        public string TableName { get; }

        /// <summary>Reads an item; null when it does not exist.</summary>
        /// <param name="key">The item's key.</param>
        /// <param name="consistentRead">Strongly consistent for this read; null uses the repository's default.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        public async Task<TEntity?> GetAsync(TKey key, bool? consistentRead, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            var request = new GetItemRequest { TableName = TableName, Key = key.ToAttributeMap(), ConsistentRead = consistentRead ?? _consistentRead, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            return await _runner.ExecuteAsync(
                new DynamoOperation("GetItem", TableName, key),
                ct => _client.GetItemAsync(request, ct),
                response => response.Item is { Count: > 0 } item ? _mapping.FromItem(item) : null,
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads only the named attributes of an item (a <c>ProjectionExpression</c> with placeholders); null when
        /// the item does not exist. Key attributes are not added: name them if they are wanted.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="attributes">Stored attribute names (the generated <c>…Table.Attributes</c> constants); at least one.</param>
        /// <param name="consistentRead">Strongly consistent for this read; null uses the repository's default.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        public async Task<IReadOnlyDictionary<string, AttributeValue>?> GetAttributesAsync(TKey key, IReadOnlyCollection<string> attributes, bool? consistentRead, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            RequireAttributes(attributes);
            var expressions = new ExpressionBuilder();
            var projection = Projection(attributes, expressions);
            var request = new GetItemRequest
            {
                TableName = TableName,
                Key = key.ToAttributeMap(),
                ProjectionExpression = projection,
                ExpressionAttributeNames = expressions.Names,
                ConsistentRead = consistentRead ?? _consistentRead,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            var response = await _runner.ExecuteAsync(
                new DynamoOperation("GetItem", TableName, key),
                ct => _client.GetItemAsync(request, ct),
                cancellationToken).ConfigureAwait(false);

            // A projection of attributes the item lacks returns an empty map for an item that exists; tell them apart.
            return response.Item is null || (response.Item.Count == 0 && !response.IsItemSet) ? null : response.Item;
        }

        /// <summary>
        /// Stores an item, replacing any item with its key; with a condition, only if it holds. With optimistic
        /// locking the stored item must still be at the entity's version (or absent for version 0), and the
        /// version moves on by one.
        /// </summary>
        /// <exception cref="DynamoConditionFailedException">The condition did not hold; <c>StoredItem</c> holds the stored item, if any.</exception>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        public Task PutAsync(TEntity entity, Condition? condition, CancellationToken cancellationToken)
            => PutCoreAsync(entity, condition, create: false, cancellationToken);

        /// <summary>Stores an item only if no item has its key; false (nothing changed) when one exists.</summary>
        public Task<bool> CreateAsync(TEntity entity, CancellationToken cancellationToken)
            => PutCoreAsync(entity, null, create: true, cancellationToken);

        /// <summary>Puts the item; false only for a create that found an item with its key (nothing changed then).</summary>
        private async Task<bool> PutCoreAsync(TEntity entity, Condition? condition, bool create, CancellationToken cancellationToken)
        {
            var item = _mapping.ToItem(entity);
            var key = _mapping.KeyOf(entity);

            // A new item starts at version 1; otherwise the write expects the version that was read.
            var expected = create || _versionAttribute is null ? 0 : _mapping.VersionOf!(entity);
            if (_versionAttribute is not null)
            {
                item[_versionAttribute] = Number(expected + 1);
            }

            ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, item);
            if (_versionAttribute is not null)
            {
                var guard = WithVersionCheck(condition, expected)!;
                var expressions = new ExpressionBuilder();
                var put = new Put
                {
                    TableName = TableName,
                    Item = item,
                    ConditionExpression = guard.Render(expressions),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                };
                if (await SendOnceAsync(key, new TransactWriteItem { Put = put }, cancellationToken).ConfigureAwait(false) is not { } lost)
                {
                    return true;
                }

                return create ? false : throw Failure(lost, key, expected, missingIsConflict: expected > 0);
            }

            // Never overwrites on create: flags already set on an existing item stay as they are.
            condition = create ? !Condition.ItemExists(_partitionKey) : condition;
            var request = new PutItemRequest { TableName = TableName, Item = item, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            if (condition is not null)
            {
                var expressions = new ExpressionBuilder();
                request.ConditionExpression = condition.Render(expressions);
                request.ExpressionAttributeNames = expressions.Names;
                request.ExpressionAttributeValues = expressions.Values;

                // A create discards the existing item, so it does not ask for it.
                request.ReturnValuesOnConditionCheckFailure = create ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
            }

            if (await SendConditionalAsync("PutItem", key, ct => _client.PutItemAsync(request, ct), cancellationToken).ConfigureAwait(false) is not { } failed)
            {
                return true;
            }

            // The retry of a put whose earlier answer was lost meets the put itself: the stored item is this one.
            if (failed.Failure.AfterUncertainAttempt
                && StoredValues.SameItem(create ? await ReadStoredAsync(key, cancellationToken).ConfigureAwait(false) : failed.Stored, item))
            {
                return true;
            }

            return create ? false : throw Failure(failed, key, null, missingIsConflict: false);
        }

        /// <summary>
        /// Deletes an item, with a condition if given; false when there was none. With optimistic locking
        /// <paramref name="expectedVersion"/> is required and the item must still be at it.
        /// </summary>
        /// <exception cref="DynamoConditionFailedException">The item exists but the condition did not hold; <c>StoredItem</c> holds it.</exception>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        public async Task<bool> DeleteAsync(TKey key, long? expectedVersion, Condition? condition, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            var expected = RequireVersion(expectedVersion, "delete");
            var expressions = new ExpressionBuilder();
            var guard = ExistingItemGuard(condition, expected).Render(expressions);
            FailedWrite? failed;
            if (_versionAttribute is not null)
            {
                var delete = new Delete
                {
                    TableName = TableName,
                    Key = key.ToAttributeMap(),
                    ConditionExpression = guard,
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                };
                failed = await SendOnceAsync(key, new TransactWriteItem { Delete = delete }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var request = new DeleteItemRequest
                {
                    TableName = TableName,
                    Key = key.ToAttributeMap(),
                    ConditionExpression = guard,
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
                failed = await SendConditionalAsync("DeleteItem", key, ct => _client.DeleteItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }

            if (failed is not { } lost)
            {
                return true;
            }

            if (lost.Stored is null)
            {
                // No item: there was none, or (only possible without a request token) the retry of a delete whose
                // earlier answer was lost finds the item gone as that attempt left it.
                return lost.Failure.AfterUncertainAttempt && _versionAttribute is null;
            }

            throw Failure(lost, key, _versionAttribute is null ? null : expected, missingIsConflict: false);
        }

        /// <summary>
        /// Applies changes to an existing item, with a condition if given, and returns the item as stored
        /// afterwards; null when the item does not exist, which is never created.
        /// </summary>
        /// <exception cref="DynamoConditionFailedException">The item exists but the condition did not hold; <c>StoredItem</c> holds it.</exception>
        public async Task<TEntity?> UpdateAsync(TKey key, EntityUpdate changes, Condition? condition, CancellationToken cancellationToken)
        {
            var stored = await SendUpdateAsync(key, changes, condition, ReturnValue.ALL_NEW, cancellationToken).ConfigureAwait(false);
            return stored is null ? null : _mapping.FromItem(stored);
        }

        /// <summary>
        /// Applies changes to an existing item and returns only the attributes the update changed, as stored
        /// afterwards (<c>UPDATED_NEW</c>); null when the item does not exist. Cheaper than the whole item, and it
        /// does not map the item, so it works when other attributes would not.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, AttributeValue>?> UpdateChangedAsync(TKey key, EntityUpdate changes, Condition? condition, CancellationToken cancellationToken)
            => await SendUpdateAsync(key, changes, condition, ReturnValue.UPDATED_NEW, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// Applies changes to an existing item and reads nothing back, so an attribute of the item that does not fit the
        /// schema cannot fail it; false when the item does not exist, which is never created.
        /// </summary>
        public async Task<bool> ApplyAsync(TKey key, EntityUpdate changes, CancellationToken cancellationToken)
            => await SendUpdateAsync(key, changes, null, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is not null;

        /// <summary>
        /// Sends an update guarded by the item's existence and returns what <paramref name="returnValues"/> asks for
        /// (an empty map for <c>NONE</c>); null when the item does not exist.
        /// </summary>
        private async Task<Dictionary<string, AttributeValue>?> SendUpdateAsync(TKey key, EntityUpdate changes, Condition? condition, ReturnValue returnValues, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(changes);
            var expected = RequireVersion(changes.ExpectedVersion, "update");
            var expressions = new ExpressionBuilder();
            var update = changes.Render(expressions, _versionAttribute, _versionAttribute is null ? null : Number(expected + 1));

            // The existence guard keeps an update of a missing item from creating a half item.
            var guard = ExistingItemGuard(condition, expected).Render(expressions);
            if (_versionAttribute is not null || !changes.IsIdempotent)
            {
                var transactional = new Update
                {
                    TableName = TableName,
                    Key = key.ToAttributeMap(),
                    UpdateExpression = update,
                    ConditionExpression = guard,
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                };
                if (await SendOnceAsync(key, new TransactWriteItem { Update = transactional }, cancellationToken).ConfigureAwait(false) is { } lost)
                {
                    return lost.Stored is null ? null : throw Failure(lost, key, _versionAttribute is null ? null : expected, missingIsConflict: false);
                }

                // A transaction returns no attributes: read the item as it is now.
                return returnValues == ReturnValue.NONE ? new Dictionary<string, AttributeValue>() : Returned(await ReadStoredAsync(key, cancellationToken).ConfigureAwait(false), changes, returnValues);
            }

            var request = new UpdateItemRequest
            {
                TableName = TableName,
                Key = key.ToAttributeMap(),
                UpdateExpression = update,
                ConditionExpression = guard,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ReturnValues = returnValues,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,

                // Without a condition of the caller's, a failed guard means the item is missing: nothing to return.
                ReturnValuesOnConditionCheckFailure = condition is null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD,
            };
            var response = default(UpdateItemResponse);
            if (await SendConditionalAsync("UpdateItem", key, async ct => response = await _client.UpdateItemAsync(request, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) is not { } failed)
            {
                return response!.Attributes ?? new Dictionary<string, AttributeValue>();
            }

            if (failed.Stored is null)
            {
                return null;
            }

            // The retry of an update whose earlier answer was lost meets the update itself: the item shows every change.
            if (failed.Failure.AfterUncertainAttempt && changes.IsShownBy(failed.Stored))
            {
                return Returned(failed.Stored, changes, returnValues);
            }

            throw Failure(failed, key, null, missingIsConflict: false);
        }

        /// <summary>What an update returns of the item as stored after it: all of it, only what it changed, or nothing.</summary>
        private Dictionary<string, AttributeValue>? Returned(IReadOnlyDictionary<string, AttributeValue>? stored, EntityUpdate changes, ReturnValue returnValues)
        {
            if (stored is null)
            {
                return null;
            }

            var returned = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (name, value) in stored)
            {
                if (returnValues == ReturnValue.ALL_NEW || changes.Touched.Contains(name) || name == _versionAttribute)
                {
                    returned[name] = value;
                }
            }

            return returnValues == ReturnValue.NONE ? new Dictionary<string, AttributeValue>() : returned;
        }

        /// <summary>Stores many items in batches of 25; a key given twice is written once, with its last item.</summary>
        /// <exception cref="DynamoBatchIncompleteException">Some items were not written; it lists their keys.</exception>
        public Task PutManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(entities);
            var writes = new List<(object Key, TEntity Value)>();
            foreach (var entity in entities)
            {
                // Every entity is validated before the first request, so bad input writes nothing. The item is
                // built again when its batch is next to go rather than kept: holding thousands of items until then
                // costs more in garbage collection than building each twice (docs/benchmarks.md).
                var key = _mapping.KeyOf(entity);
                ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, _mapping.ToItem(entity));
                writes.Add((key, entity));
            }

            return _batches.WriteAsync(TableName, writes, entity => new WriteRequest { PutRequest = new PutRequest { Item = _mapping.ToItem(entity) } }, cancellationToken);
        }

        /// <summary>Reads many items in batches of 100; missing ones are left out, order is not defined.</summary>
        /// <exception cref="DynamoBatchIncompleteException">Some keys could not be read; it lists them.</exception>
        public async Task<IReadOnlyList<TEntity>> GetManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(keys);
            var requested = new List<(object Key, Dictionary<string, AttributeValue> Attributes)>();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(keys));
                requested.Add((key, key.ToAttributeMap()));
            }

            var items = await _batches.GetAsync(TableName, requested, _consistentRead, cancellationToken).ConfigureAwait(false);
            var result = new List<TEntity>(items.Count);
            foreach (var item in items)
            {
                result.Add(_mapping.FromItem(item));
            }

            return result;
        }

        /// <summary>Deletes many items in batches of 25; missing items are not an error.</summary>
        /// <exception cref="DynamoBatchIncompleteException">Some deletes were not done; it lists their keys.</exception>
        public Task DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(keys);
            var writes = new List<(object Key, TKey Value)>();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(keys));
                writes.Add((key, key));
            }

            return _batches.WriteAsync(TableName, writes, static key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key.ToAttributeMap() } }, cancellationToken);
        }

        /// <summary>Every item of the table (that meets <paramref name="filter"/>, if given), read lazily; several segments are read in parallel.</summary>
        public IAsyncEnumerable<TEntity> ScanAsync(Condition? filter, int segments, CancellationToken cancellationToken)
            => ScanWithAsync(filter, null, segments, _mapping.FromItem, cancellationToken);

        /// <summary>
        /// Only the named attributes of every item (that meets <paramref name="filter"/>, if given), read lazily with
        /// parallel segments as <see cref="ScanAsync"/>: a cheaper read when few attributes are needed.
        /// </summary>
        public IAsyncEnumerable<IReadOnlyDictionary<string, AttributeValue>> ScanAttributesAsync(IReadOnlyCollection<string> attributes, Condition? filter, int segments, CancellationToken cancellationToken)
        {
            // Checked here, at the call: the scan itself runs only when it is enumerated.
            RequireAttributes(attributes);
            return ScanWithAsync(filter, attributes, segments, static item => item, cancellationToken);
        }

        private async IAsyncEnumerable<T> ScanWithAsync<T>(Condition? filter, IReadOnlyCollection<string>? attributes, int segments, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var request = new ScanRequest { TableName = TableName, ConsistentRead = _consistentRead, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            filter = Condition.AllOf(_typeFilter, filter);
            var expressions = new ExpressionBuilder();
            if (filter is not null)
            {
                request.FilterExpression = filter.Render(expressions);
            }

            if (attributes is not null)
            {
                request.ProjectionExpression = Projection(attributes, expressions);
            }

            request.ExpressionAttributeNames = expressions.Names;
            request.ExpressionAttributeValues = expressions.Values;
            await foreach (var item in _reads.ScanAllAsync(request, segments, cancellationToken).ConfigureAwait(false))
            {
                yield return read(item);
            }
        }

        /// <summary>
        /// Every item of one partition, read lazily. The partition value is validated by the caller before
        /// this is called, so invalid input fails at the call, not at the first read.
        /// </summary>
        /// <param name="partition">The stored partition key value.</param>
        /// <param name="label">How logs name the partition, already masked.</param>
        /// <param name="options">Order, consistency and page size.</param>
        /// <param name="cancellationToken">Stops the stream.</param>
        /// <param name="sortKey">A condition on the sort key, or null for the whole partition.</param>
        public IAsyncEnumerable<TEntity> QueryAsync(AttributeValue partition, string label, SortKeyCondition? sortKey, QueryOptions? options, CancellationToken cancellationToken)
            => _reads.QueryAllAsync(PartitionQuery(null, partition, sortKey, options), label, _mapping.FromItem, cancellationToken);

        /// <summary>
        /// Every item of one partition of a secondary index, paging lazily, read with <paramref name="read"/>:
        /// the entity for an index that projects all attributes, the key for one that does not.
        /// </summary>
        /// <param name="index">The index, from the table definition.</param>
        /// <param name="partition">The stored index partition key value.</param>
        /// <param name="label">How logs name the partition, already masked.</param>
        /// <param name="sortKey">A condition on the index sort key, or null for the whole partition.</param>
        /// <param name="options">Order, consistency (local indexes only) and page size.</param>
        /// <param name="read">Turns a returned item into a result.</param>
        /// <param name="cancellationToken">Stops the stream.</param>
        public IAsyncEnumerable<T> QueryIndexAsync<T>(IndexDefinition index, AttributeValue partition, string label, SortKeyCondition? sortKey, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(index);
            ArgumentNullException.ThrowIfNull(read);
            return _reads.QueryAllAsync(PartitionQuery(index, partition, sortKey, options), label, read, cancellationToken);
        }

        /// <summary>One page of a partition of a secondary index; the token is bound to the table and the index.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table and index.</exception>
        public async Task<Page<T>> QueryIndexPageAsync<T>(IndexDefinition index, AttributeValue partition, string label, SortKeyCondition? sortKey, int pageSize, string? continuationToken, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(index);
            ArgumentNullException.ThrowIfNull(read);
            return await _reads.QueryPageAsync(PartitionQuery(index, partition, sortKey, options), label, pageSize, continuationToken, read, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One page of a partition, from where the continuation token marks.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table.</exception>
        public async Task<Page<TEntity>> QueryPageAsync(AttributeValue partition, string label, SortKeyCondition? sortKey, int pageSize, string? continuationToken, QueryOptions? options, CancellationToken cancellationToken)
        {
            return await _reads.QueryPageAsync(PartitionQuery(null, partition, sortKey, options), label, pageSize, continuationToken, _mapping.FromItem, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A read of one item for <see cref="DynamoTransactions.GetAsync"/>.</summary>
        public TransactionRead<TEntity> TransactGet(TKey key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return new TransactionRead<TEntity>(TableName, key.ToAttributeMap(), key, _mapping.FromItem);
        }

        /// <summary>A put for <see cref="DynamoTransactions"/>, conditional if a condition is given; versions are checked like <see cref="PutAsync"/>.</summary>
        public TransactionItem TransactPut(TEntity entity, Condition? condition)
        {
            var item = _mapping.ToItem(entity);
            long expected = 0;
            if (_versionAttribute is not null)
            {
                expected = _mapping.VersionOf!(entity);
                item[_versionAttribute] = Number(expected + 1);
                condition = WithVersionCheck(condition, expected);
            }

            ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, _mapping.KeyOf(entity), item);
            return Versioned(TransactionItem.Create("Put", TableName, _mapping.KeyOf(entity), condition, (request, expressions, text) => request.Put = new Put
            {
                TableName = TableName,
                Item = item,
                ConditionExpression = text,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }), expected);
        }

        /// <summary>A delete for <see cref="DynamoTransactions"/>, conditional if a condition is given; with optimistic locking <paramref name="expectedVersion"/> is required.</summary>
        public TransactionItem TransactDelete(TKey key, long? expectedVersion, Condition? condition)
        {
            var expected = RequireVersion(expectedVersion, "delete");
            condition = WithVersionCheck(condition, expected);
            return Versioned(TransactionItem.Create("Delete", TableName, key, condition, (request, expressions, text) => request.Delete = new Delete
            {
                TableName = TableName,
                Key = key.ToAttributeMap(),
                ConditionExpression = text,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }), expected);
        }

        /// <summary>An update of an existing item for <see cref="DynamoTransactions"/>; a missing item cancels the transaction.</summary>
        public TransactionItem TransactUpdate(TKey key, EntityUpdate changes, Condition? condition)
        {
            ArgumentNullException.ThrowIfNull(changes);
            var expected = RequireVersion(changes.ExpectedVersion, "update");
            var guard = ExistingItemGuard(condition, expected);

            return Versioned(TransactionItem.Create("Update", TableName, key, guard, (request, expressions, text) => request.Update = new Update
            {
                TableName = TableName,
                Key = key.ToAttributeMap(),
                UpdateExpression = changes.Render(expressions, _versionAttribute, _versionAttribute is null ? null : Number(expected + 1)),
                ConditionExpression = text,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }), expected);
        }

        /// <summary>A condition another item must meet for <see cref="DynamoTransactions"/> to write anything.</summary>
        public TransactionItem TransactConditionCheck(TKey key, Condition condition)
        {
            ArgumentNullException.ThrowIfNull(condition);
            return TransactionItem.Create("ConditionCheck", TableName, key, condition, (request, expressions, text) => request.ConditionCheck = new ConditionCheck
            {
                TableName = TableName,
                Key = key.ToAttributeMap(),
                ConditionExpression = text,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
            });
        }

        private static void RequireAttributes(IReadOnlyCollection<string> attributes)
        {
            ArgumentNullException.ThrowIfNull(attributes);
            if (attributes.Count == 0)
            {
                throw new ArgumentException("Name at least one attribute to read.", nameof(attributes));
            }
        }

        /// <summary>A <c>ProjectionExpression</c> of placeholders for the named attributes.</summary>
        private static string Projection(IReadOnlyCollection<string> attributes, ExpressionBuilder expressions)
            => string.Join(", ", System.Linq.Enumerable.Select(attributes, expressions.Name));

        private QueryRequest PartitionQuery(IndexDefinition? index, AttributeValue partition, SortKeyCondition? sortKey, QueryOptions? options)
        {
            // A whole partition of a shared table holds other entities' items too: ask only for this entity's sort
            // keys, so DynamoDB's Limit counts this entity's items and no other item is read or paid for. A condition
            // from the entity's own …SortKey builder already starts with the prefix.
            if (index is null && sortKey is null && _mapping.SortKeyPrefix is { } prefix)
            {
                sortKey = SortKeyCondition.BeginsWith(prefix);
            }

            return PartitionQueries.Build(TableName, _mapping.Table, index, partition, sortKey, options, _consistentRead, _typeFilter);
        }

        private TransactionItem Versioned(TransactionItem item, long expected)
        {
            if (_versionAttribute is not null)
            {
                item.ExpectVersion(_versionAttribute, expected, stored => _mapping.FromItem(stored));
            }

            return item;
        }

        private static AttributeValue Number(long value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        /// <summary>The caller's condition, with the version check in front of it for an entity with optimistic locking.</summary>
        private Condition? WithVersionCheck(Condition? condition, long expected)
        {
            if (_versionAttribute is null)
            {
                return condition;
            }

            return condition is null ? VersionIs(expected) : VersionIs(expected) & condition;
        }

        /// <summary>
        /// The item exists (so a write never creates a half item), is at the expected version when versioned,
        /// and meets the caller's condition, if any.
        /// </summary>
        private Condition ExistingItemGuard(Condition? condition, long expected)
        {
            var rest = WithVersionCheck(condition, expected);
            return rest is null ? Condition.ItemExists(_partitionKey) : Condition.ItemExists(_partitionKey) & rest;
        }

        /// <summary>The item is at <paramref name="expected"/>; for version 0, there is no item yet.</summary>
        private Condition VersionIs(long expected)
        {
            var attribute = _versionAttribute!;
            var value = Number(expected);
            return expected == 0 ? !Condition.ItemExists(_partitionKey) : new Condition.Raw(e => $"{e.Name(attribute)} = {e.Value(value)}");
        }

        /// <summary>The expected version, required for writes to an entity with optimistic locking.</summary>
        private long RequireVersion(long? expectedVersion, string write)
        {
            if (_versionAttribute is null)
            {
                return 0;
            }

            return expectedVersion ?? throw new DynamoValidationException(
                _mapping.Table.EntityName,
                _versionAttribute,
                $"must be given for a {write}: pass the version of the item as read (ExpectVersion on an update)");
        }

        /// <summary>A conditional write whose condition failed: the item as stored then (null when there is none), and the failure.</summary>
        private readonly record struct FailedWrite(IReadOnlyDictionary<string, AttributeValue>? Stored, DynamoRepositoryException Failure);

        /// <summary>
        /// Sends a conditional write; null when it was applied, the failed condition otherwise. Other failures are
        /// raised as the runner raises them.
        /// </summary>
        private async Task<FailedWrite?> SendConditionalAsync<TResponse>(string operation, TKey key, Func<CancellationToken, Task<TResponse>> send, CancellationToken cancellationToken)
        {
            try
            {
                await _runner.ExecuteAsync(new DynamoOperation(operation, TableName, key, Expected: ErrorCategory.ConditionFailed), send, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DynamoConditionFailedException failed)
            {
                return new FailedWrite(failed.InnerException is ConditionalCheckFailedException { Item: { Count: > 0 } stored } ? stored : null, failed);
            }
        }

        /// <summary>
        /// Sends a write whose repetition would not be harmless (it checks a version, or adds to a value) as a
        /// one-item transaction with a client request token, so DynamoDB applies it at most once however often the
        /// runtime resends it after a lost answer. Null when it was applied, the failed condition otherwise.
        /// </summary>
        private async Task<FailedWrite?> SendOnceAsync(TKey key, TransactWriteItem write, CancellationToken cancellationToken)
        {
            var request = new TransactWriteItemsRequest
            {
                TransactItems = new List<TransactWriteItem> { write },
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            try
            {
                await _runner.ExecuteAsync(
                    new DynamoOperation("TransactWriteItems", TableName, key, Expected: ErrorCategory.TransactionCanceled),
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

                throw new DynamoRepositoryException($"{failed.Operation} on table '{TableName}' for {failed.Key} was cancelled ({reason?.Code ?? "no reason given"}).", failed.Operation, TableName, failed.Key, failed.Attempts, failed);
            }
        }

        /// <summary>The item as stored now (a consistent read), or null when there is none.</summary>
        private async Task<Dictionary<string, AttributeValue>?> ReadStoredAsync(TKey key, CancellationToken cancellationToken)
        {
            var request = new GetItemRequest { TableName = TableName, Key = key.ToAttributeMap(), ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
            var response = await _runner.ExecuteAsync(new DynamoOperation("GetItem", TableName, key), ct => _client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } item ? item : null;
        }

        /// <summary>
        /// What a failed condition means: with optimistic locking, a lost race when the stored item is at another
        /// version (or gone, when <paramref name="missingIsConflict"/>); otherwise the caller's condition did not hold.
        /// Either way the stored item rides along as stored, read as the entity only if the caller asks.
        /// </summary>
        private DynamoRepositoryException Failure(FailedWrite failed, TKey key, long? expected, bool missingIsConflict)
        {
            var stored = StoredItem.Of(failed.Stored, _readEntity);
            var failure = failed.Failure;
            if (expected is long version && RepositoryVersions.LostRace(failed.Stored, _versionAttribute!, version, missingIsConflict))
            {
                return new DynamoOptimisticLockException(failure.Operation ?? "TransactWriteItems", TableName, failure.Key, version, stored, failure.Attempts, failure);
            }

            var conditionFailed = failure as DynamoConditionFailedException
                ?? new DynamoConditionFailedException($"{failure.Operation} on table '{TableName}' for {failure.Key}: the condition was not met.", failure.Operation, TableName, failure.Key, failure.Attempts, failure.InnerException);
            return conditionFailed.WithStoredItem(stored);
        }
    }
}

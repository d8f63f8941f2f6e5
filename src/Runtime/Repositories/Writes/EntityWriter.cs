using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Every write of one entity type, for <see cref="DynamoRepository{TEntity, TKey, TUpdate}"/>: each built once as an
    /// <see cref="ItemWrite"/> (its version check from <see cref="VersionPolicy{TEntity}"/>, its managed attributes from
    /// <see cref="ManagedAttributes"/>) and sent through one path, the <see cref="ItemWriter"/>, or <see cref="UniqueGuards"/>
    /// when it changes unique values; batch and transaction items are built from the same writes.
    /// </summary>
    internal sealed class EntityWriter<TEntity, TKey, TUpdate>
        where TEntity : class
        where TKey : class, IDynamoKey
        where TUpdate : EntityUpdate
    {
        private const string UniqueInTransaction = "the guards of its unique values are read and written with each write, which an item of a transaction cannot do; write it with PutAsync, UpdateAsync or DeleteAsync, which keep them in a transaction of their own";

        private readonly EntityMapping<TEntity, TKey> _mapping;
        private readonly ItemWriter _items;
        private readonly DynamoBatches _batches;
        private readonly VersionPolicy<TEntity> _versions;
        private readonly ManagedAttributes _managed;
        private readonly UniqueGuards? _unique;
        private readonly Condition _exists;
        private readonly string[] _keyAttributes;
        private readonly string _table;
        private readonly string _entity;

        /// <param name="items">Sends the single-item writes and reads of the table.</param>
        /// <param name="batches">Sends batch writes.</param>
        /// <param name="mapping">How the entity maps to items.</param>
        /// <param name="entity">The entity's name in messages (its type name in a shared table).</param>
        /// <param name="time">The clock of timestamps.</param>
        /// <param name="logger">Where the retries of unique-value writes are logged.</param>
        public EntityWriter(ItemWriter items, DynamoBatches batches, EntityMapping<TEntity, TKey> mapping, string entity, TimeProvider time, ILogger? logger)
        {
            _items = items;
            _batches = batches;
            _mapping = mapping;
            _entity = entity;
            _table = items.Table;
            _versions = VersionPolicy<TEntity>.Of(mapping);
            _managed = ManagedAttributes.Of(mapping, time);
            _exists = Condition.ItemExists(mapping.Table.PartitionKey.Name);
            _keyAttributes = mapping.Table.SortKey is { } sortKey ? [mapping.Table.PartitionKey.Name, sortKey.Name] : [mapping.Table.PartitionKey.Name];
            _unique = mapping.UniqueAttributes.Count > 0 ? new UniqueGuards(items, mapping.Table, entity, mapping.UniqueAttributes, logger) : null;
        }

        /// <summary>A put; true when stored.</summary>
        public Task<bool> PutAsync(TEntity entity, WriteOptions? options, CancellationToken cancellationToken)
            => SendAsync(asRead => Put(entity, options, create: false, asRead), cancellationToken);

        /// <summary>A create; false when an item has the key.</summary>
        public Task<bool> CreateAsync(TEntity entity, CancellationToken cancellationToken)
            => SendAsync(asRead => Put(entity, null, create: true, asRead), cancellationToken);

        /// <summary>An update of an existing item; false when there is none.</summary>
        public Task<bool> UpdateAsync(TKey key, TUpdate update, WriteOptions? options, CancellationToken cancellationToken)
            => SendAsync(asRead => Update(key, update, options, asRead), cancellationToken);

        /// <summary>A delete of an existing item; false when there is none.</summary>
        public Task<bool> DeleteAsync(TKey key, WriteOptions? options, CancellationToken cancellationToken)
            => SendAsync(asRead => Delete(key, options, mustExist: true, asRead), cancellationToken);

        /// <summary>
        /// Puts many entities: in batches, or one after another as the update a single put is when a batch's
        /// <c>PutRequest</c> would reset a counter or a creation time. Every entity is validated before the first request.
        /// </summary>
        public Task PutManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken)
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
                // The item is built again when its batch is next to go rather than kept: holding thousands of items until
                // then costs more in garbage collection than building each twice (docs/benchmarks.md).
                ArgumentNullException.ThrowIfNull(entity, nameof(entities));
                var key = _mapping.KeyOf(entity);
                ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, BatchItem(entity));
                writes.Add((key, entity));
            }

            return _batches.WriteAsync(_table, writes, entity => new WriteRequest { PutRequest = new PutRequest { Item = BatchItem(entity) } }, cancellationToken);
        }

        /// <summary>Deletes many items in batches, whether they exist or not.</summary>
        public Task DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(keys);
            RefuseWithUniqueValues("DeleteManyAsync", "a batch write cannot be conditional, so it cannot release the guards of unique values; delete each entity with DeleteAsync");
            var writes = new List<(object Key, TKey Value)>();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(keys));
                writes.Add((key, key));
            }

            return _batches.WriteAsync(_table, writes, static key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key.ToAttributeMap() } }, cancellationToken);
        }

        /// <summary>
        /// Adds <paramref name="by"/> to a counter, exactly once (<c>SET n = if_not_exists(n, start) + by</c>, guarded by the
        /// item's existence and, for an <c>int</c> counter, by its result fitting one), and reads the counter after; null
        /// when no item has the key.
        /// </summary>
        public async Task<long?> IncrementAsync(TKey key, string attribute, long by, bool withinInt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(key);
            var start = _managed.StartOf(attribute);
            var request = WriteRequests.Update(
                _table,
                key.ToAttributeMap(),
                e => _managed.RenderIncrement(attribute, by, e),
                withinInt ? _exists & IntRange(attribute, start, by) : _exists);
            var write = new ItemWrite(request, key, WriteKind.Update, VersionCheck.None, AppliesOnce: true, static _ => false);
            try
            {
                if (!await _items.WriteAsync(write, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
            catch (DynamoConditionFailedException) when (withinInt)
            {
                // The item exists (a missing one is null above), so the range condition failed: nothing was written.
                throw new DynamoValidationException(
                    _entity,
                    attribute,
                    $"cannot be incremented by {by.ToString(CultureInfo.InvariantCulture)}: the counter would leave the range of an int ({int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}), and nothing was changed");
            }

            return await _items.ReadAsync(
                key,
                consistentRead: true,
                item => item is not null && item.TryGetValue(attribute, out var value) && value.N is { } text && StoredTypes.TryInt64(text, out var now) ? now : (long?)null,
                cancellationToken,
                attribute).ConfigureAwait(false);
        }

        /// <summary>The put as an item of a caller's transaction.</summary>
        public TransactionItem TransactPut(TEntity entity, WriteOptions? options)
            => Transact("Put", "TransactPut", Put(entity, options, create: false));

        /// <summary>The update as an item of a caller's transaction; on a missing item it cancels the transaction.</summary>
        public TransactionItem TransactUpdate(TKey key, TUpdate update, WriteOptions? options)
            => Transact("Update", "TransactUpdate of a unique attribute", Update(key, update, options));

        /// <summary>The delete as an item of a caller's transaction, not guarded by the item's existence.</summary>
        public TransactionItem TransactDelete(TKey key, WriteOptions? options)
            => Transact("Delete", "TransactDelete", Delete(key, options, mustExist: false));

        /// <summary>A condition the item must meet, as an item of a caller's transaction.</summary>
        public TransactionItem TransactConditionCheck(TKey key, Condition condition)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(condition);
            return new TransactionItem(WriteRequests.ConditionCheck(_table, key.ToAttributeMap(), condition), _table, key, "ConditionCheck", VersionCheck.None, _items.Read);
        }

        /// <summary>
        /// Sends one write: built first without the condition on unique values (so bad input fails before anything is
        /// read or sent), then, when it changes unique values, built again by <see cref="UniqueGuards"/> with the values as read.
        /// </summary>
        private Task<bool> SendAsync(Func<Condition?, ItemWrite> build, CancellationToken cancellationToken)
        {
            var write = build(null);
            return _unique?.ValuesOf(write) is { Count: > 0 } values
                ? _unique.WriteAsync(write, build, values, cancellationToken)
                : _items.WriteAsync(write, cancellationToken);
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
            _managed.Stamp(item);
            ItemSize.EnsureWithinLimit(_mapping.Table.EntityName, key, item);

            // A create never overwrites (flags already set on an existing item stay as they are); a versioned create
            // expects version 0, which is that same check. It does not ask for the item it finds.
            var condition = create ? version.Guard(null) ?? !_exists : Condition.AllOf(version.Guard(options?.Condition), asRead);

            // A put that must keep a stored counter or creation time is an update setting everything else (ManagedAttributes).
            var request = !create && _managed.KeepsStored
                ? WriteRequests.Update(_table, key.ToAttributeMap(), e => _managed.RenderPut(item, _keyAttributes, e), condition)
                : WriteRequests.Put(_table, item, condition, returnStored: !create);
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
            var stamps = _managed.UpdatedChanges();
            return new ItemWrite(
                WriteRequests.Update(_table, key.ToAttributeMap(), e => version.Render(update, stamps, e), Existing(Condition.AllOf(version.Guard(options?.Condition), asRead))),
                key,
                WriteKind.Update,
                version,
                AppliesOnce(version, options) || !update.IsIdempotent,
                stored => stored is not null && update.IsShownBy(stored))
            {
                Update = update,
            };
        }

        /// <summary>A delete; alone it is guarded by the item's existence, to tell a missing item, in a transaction it is not.</summary>
        private ItemWrite Delete(TKey key, WriteOptions? options, bool mustExist, Condition? asRead = null)
        {
            ArgumentNullException.ThrowIfNull(key);
            var version = _versions.ForChange(options, "delete");
            var condition = Condition.AllOf(version.Guard(options?.Condition), asRead);
            return new ItemWrite(
                WriteRequests.Delete(_table, key.ToAttributeMap(), mustExist ? Existing(condition) : condition),
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

        /// <summary>A write as an item of a caller's transaction, refused when it changes unique values (see <see cref="UniqueInTransaction"/>).</summary>
        private TransactionItem Transact(string action, string method, ItemWrite write)
        {
            if (_unique?.ValuesOf(write) is { Count: > 0 })
            {
                RefuseWithUniqueValues(method, UniqueInTransaction);
            }

            return new(write.Request, _table, write.Key, action, write.Version, _items.Read);
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
                    await _items.WriteAsync(writes[i], cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException failed)
                {
                    // Everything before this write is stored; this one and the rest are not, and are named.
                    throw new DynamoBatchIncompleteException("UpdateItem", _table, writes.Skip(i).Select(w => (object)w.Key).ToList(), rounds: 1, failed);
                }
            }
        }

        /// <summary>A batch put's item: a new item's, with its counters at their start and its timestamps now.</summary>
        private Dictionary<string, AttributeValue> BatchItem(TEntity entity)
        {
            var item = _mapping.ToItem(entity);
            _managed.Stamp(item);
            return item;
        }

        /// <summary>
        /// Refuses, before any request, a write that cannot keep the guards of unique values: a batch cannot be conditional,
        /// and an item of a caller's transaction cannot read the values it gives up.
        /// </summary>
        /// <exception cref="NotSupportedException">The entity has unique attributes.</exception>
        private void RefuseWithUniqueValues(string method, string why)
        {
            if (_unique is not null)
            {
                throw new NotSupportedException($"{method} is not available for {_entity}, which has unique attributes ({string.Join(", ", _unique.Attributes.Select(a => a.Name))}): {why}.");
            }
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
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// What every generated repository does with the items of its entity: read, write, update and delete one item or
    /// many, scan the table, and make transaction items. A generated <c>I…Repository</c> adds its table's partition and
    /// index queries. Input is checked at the call, before anything is sent: a null argument is an
    /// <see cref="System.ArgumentNullException"/>, an option that does not apply an <see cref="System.ArgumentException"/>,
    /// and a value that does not fit the schema a <see cref="DynamoValidationException"/>.
    /// </summary>
    /// <typeparam name="TEntity">The generated entity record.</typeparam>
    /// <typeparam name="TKey">The generated key type.</typeparam>
    /// <typeparam name="TUpdate">The generated update type.</typeparam>
    public interface IDynamoRepository<TEntity, TKey, TUpdate>
        where TEntity : class
        where TKey : class, IDynamoKey
        where TUpdate : EntityUpdate
    {
        /// <summary>The physical table name in use, after prefixes and overrides.</summary>
        string TableName { get; }

        /// <summary>Reads an item; null when it does not exist.</summary>
        /// <param name="key">The item's key.</param>
        /// <param name="options">Read consistency; null reads as the repository's options say.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <exception cref="DynamoMappingException">The stored item does not fit the schema.</exception>
        Task<TEntity?> GetAsync(TKey key, ReadOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Reads an item as stored, whether or not it fits the schema; null when it does not exist. For display and checks
        /// of items another writer stored, as <see cref="ScanStoredAsync"/> is for scans.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="options">Read consistency; null reads as the repository's options say.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        Task<IReadOnlyDictionary<string, AttributeValue>?> GetStoredAsync(TKey key, ReadOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>Reads many items in batches of 100; missing items are left out and the order is not defined.</summary>
        /// <param name="keys">The keys; one given twice is read once.</param>
        /// <param name="options">Read consistency; null reads as the repository's options say.</param>
        /// <param name="cancellationToken">Cancels the reads not yet sent.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some keys could not be read within the retry budget; it lists them.</exception>
        Task<IReadOnlyList<TEntity>> GetManyAsync(IEnumerable<TKey> keys, ReadOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Stores an item, replacing any item with its key; with <see cref="WriteOptions.Condition"/>, only if it holds for
        /// the item stored now (the attributes of a missing item are absent). For an entity with a version attribute the
        /// stored item must still be at the entity's own version (absent for version 0), and is stored at the next one.
        /// </summary>
        /// <param name="entity">The item to store.</param>
        /// <param name="options">A condition; <see cref="WriteOptions.ExpectedVersion"/> is refused, as the entity carries its version.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <exception cref="DynamoConditionFailedException">The condition did not hold; <c>StoredItem</c> holds the stored item, if any, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        /// <exception cref="DynamoValidationException">(<see cref="DynamoErrorKind.ItemTooLarge"/>) The item is over DynamoDB's 400 KB limit; nothing was sent.</exception>
        /// <exception cref="DynamoUniqueValueException">Another entity holds a value of a unique attribute the write would store; nothing was written.</exception>
        Task PutAsync(TEntity entity, WriteOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>Stores an item only if no item has its key; false (and nothing changed) when one already exists.</summary>
        /// <param name="entity">The item to store.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <exception cref="DynamoValidationException">(<see cref="DynamoErrorKind.ItemTooLarge"/>) The item is over DynamoDB's 400 KB limit; nothing was sent.</exception>
        /// <exception cref="DynamoUniqueValueException">Another entity holds a value of a unique attribute the write would store; nothing was written.</exception>
        Task<bool> CreateAsync(TEntity entity, CancellationToken cancellationToken = default);

        /// <summary>
        /// Applies typed changes to an existing item: true when it existed and was changed, false when it does not exist,
        /// which this call never creates. Nothing is read back, so an item with an attribute that does not fit the schema
        /// (a legacy row) can still be updated. For an entity with a version attribute, <see cref="WriteOptions.ExpectedVersion"/>
        /// is required and the item is stored at that version plus one.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="update">The changes, at least one.</param>
        /// <param name="options">A condition, and the expected version of a versioned entity.</param>
        /// <param name="cancellationToken">Cancels the update.</param>
        /// <exception cref="DynamoConditionFailedException">The item exists but the condition did not hold; <c>StoredItem</c> holds it, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        /// <exception cref="DynamoUniqueValueException">Another entity holds a value of a unique attribute the write would store; nothing was written.</exception>
        Task<bool> UpdateAsync(TKey key, TUpdate update, WriteOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Deletes an item: true when it existed, false when there was none. For an entity with a version attribute,
        /// <see cref="WriteOptions.ExpectedVersion"/> is required and the item must still be at it.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="options">A condition, and the expected version of a versioned entity.</param>
        /// <param name="cancellationToken">Cancels the delete.</param>
        /// <exception cref="DynamoConditionFailedException">The item exists but the condition did not hold; <c>StoredItem</c> holds it, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>
        /// <exception cref="DynamoOptimisticLockException">Another writer changed the item since it was read.</exception>
        Task<bool> DeleteAsync(TKey key, WriteOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Stores many items in batches of 25, resending what DynamoDB leaves unprocessed; a key given twice is written once,
        /// with its last item. Every item is checked before the first request, so one invalid item writes nothing.
        /// </summary>
        /// <param name="entities">The items to store.</param>
        /// <param name="cancellationToken">Cancels the batches not yet sent; what was written stays written.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some items were not written within the retry budget; it lists their keys.</exception>
        /// <exception cref="NotSupportedException">The entity has unique attributes (a batch cannot keep their guards: put each entity); nothing was sent.</exception>
        Task PutManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default);

        /// <summary>Deletes many items in batches of 25; missing items are not an error.</summary>
        /// <param name="keys">The keys of the items to delete.</param>
        /// <param name="cancellationToken">Cancels the batches not yet sent; what was deleted stays deleted.</param>
        /// <exception cref="DynamoBatchIncompleteException">Some deletes were not done within the retry budget; it lists their keys.</exception>
        /// <exception cref="NotSupportedException">The entity has unique attributes (a batch cannot release their guards: delete each entity); nothing was sent.</exception>
        Task DeleteManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default);

        /// <summary>
        /// Every item of the table (that meets <see cref="ScanOptions.Filter"/>, if given), read lazily page by page; with
        /// several <see cref="ScanOptions.Segments"/>, read in parallel and merged as they arrive.
        /// </summary>
        /// <param name="options">Filter and segments; <see cref="ScanOptions.Attributes"/> is refused (see <see cref="ScanStoredAsync"/>).</param>
        /// <param name="cancellationToken">Stops the scan.</param>
        IAsyncEnumerable<TEntity> ScanAsync(ScanOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Every item of the table as stored (only <see cref="ScanOptions.Attributes"/>, when given), read lazily like
        /// <see cref="ScanAsync"/>: for exports, checks of items the schema would refuse, and cheap reads of a few attributes.
        /// </summary>
        /// <param name="options">Filter, segments and the attributes to read.</param>
        /// <param name="cancellationToken">Stops the scan.</param>
        IAsyncEnumerable<IReadOnlyDictionary<string, AttributeValue>> ScanStoredAsync(ScanOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>A put for <see cref="DynamoTransactions.WriteAsync"/>, conditional and versioned as <see cref="PutAsync"/> is.</summary>
        /// <param name="entity">The item to store.</param>
        /// <param name="options">A condition; <see cref="WriteOptions.ExpectedVersion"/> is refused, as the entity carries its version.</param>
        /// <exception cref="DynamoValidationException">(<see cref="DynamoErrorKind.ItemTooLarge"/>) The item is over DynamoDB's 400 KB limit.</exception>
        /// <exception cref="NotSupportedException">The entity has unique attributes (write it with PutAsync); nothing was sent.</exception>
        TransactionItem TransactPut(TEntity entity, WriteOptions? options = null);

        /// <summary>
        /// An update of an existing item for <see cref="DynamoTransactions.WriteAsync"/>, versioned as <see cref="UpdateAsync"/>
        /// is; a missing item cancels the transaction.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="update">The changes, at least one.</param>
        /// <param name="options">A condition, and the expected version of a versioned entity.</param>
        /// <exception cref="NotSupportedException">The entity has unique attributes (and the update sets or removes one: write it with UpdateAsync); nothing was sent.</exception>
        TransactionItem TransactUpdate(TKey key, TUpdate update, WriteOptions? options = null);

        /// <summary>
        /// A delete for <see cref="DynamoTransactions.WriteAsync"/>, conditional and versioned as <see cref="DeleteAsync"/> is.
        /// A missing item cancels nothing, unless a condition or an expected version needs it.
        /// </summary>
        /// <param name="key">The item's key.</param>
        /// <param name="options">A condition, and the expected version of a versioned entity.</param>
        /// <exception cref="NotSupportedException">The entity has unique attributes (write it with DeleteAsync); nothing was sent.</exception>
        TransactionItem TransactDelete(TKey key, WriteOptions? options = null);

        /// <summary>A condition this item must meet for <see cref="DynamoTransactions.WriteAsync"/> to write anything.</summary>
        /// <param name="key">The item's key.</param>
        /// <param name="condition">The condition, from the entity's <c>…Fields</c>.</param>
        TransactionItem TransactConditionCheck(TKey key, Condition condition);

        /// <summary>
        /// A read of this item for <see cref="DynamoTransactions.GetAsync"/>, which reads items of any tables at one moment;
        /// its <c>Item</c> is set when that has run.
        /// </summary>
        /// <param name="key">The item's key.</param>
        TransactionRead<TEntity> TransactGet(TKey key);
    }
}

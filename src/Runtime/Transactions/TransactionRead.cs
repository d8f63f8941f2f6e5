using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// One item to read in a <see cref="DynamoTransactions.GetAsync"/> call, made by a generated repository's
    /// <c>TransactGet</c>; its typed subclass holds the item once the transaction has run.
    /// </summary>
    public abstract class TransactionRead
    {
        private protected TransactionRead(string table, Dictionary<string, AttributeValue> key, object keyForLogs)
        {
            Table = table;
            Request = new TransactGetItem { Get = new Get { TableName = table, Key = key } };
            KeyForLogs = keyForLogs;
        }

        /// <summary>The physical table read.</summary>
        public string Table { get; }

        internal TransactGetItem Request { get; }

        /// <summary>The item's key (its <c>ToString()</c> is masked), for logs and errors.</summary>
        internal object KeyForLogs { get; }

        internal abstract void Complete(Dictionary<string, AttributeValue>? item);

        /// <summary>The table and the item's key, masked.</summary>
        public override string ToString() => PhoneNumber.MaskAll($"Get {Table} {KeyForLogs}");
    }

    /// <summary>A typed read of one item in a transaction.</summary>
    /// <typeparam name="TEntity">The generated entity.</typeparam>
    public sealed class TransactionRead<TEntity> : TransactionRead
        where TEntity : class
    {
        private readonly Func<IReadOnlyDictionary<string, AttributeValue>, TEntity> _read;
        private TEntity? _item;
        private bool _completed;

        /// <summary>Creates the read; generated repositories do this.</summary>
        public TransactionRead(string table, Dictionary<string, AttributeValue> key, object keyForLogs, Func<IReadOnlyDictionary<string, AttributeValue>, TEntity> read)
            : base(table, key, keyForLogs)
            => _read = read ?? throw new ArgumentNullException(nameof(read));

        /// <summary>The item as it was when the transaction ran; null when it did not exist.</summary>
        /// <exception cref="InvalidOperationException">The transaction has not run yet.</exception>
        public TEntity? Item => _completed ? _item : throw new InvalidOperationException("Run the transaction (DynamoTransactions.GetAsync) before reading its items.");

        internal override void Complete(Dictionary<string, AttributeValue>? item)
        {
            _item = item is { Count: > 0 } ? _read(item) : null;
            _completed = true;
        }
    }
}

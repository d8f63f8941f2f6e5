using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// One write of a transaction, made by a generated repository (<c>repository.TransactPut(...)</c>), so a
    /// transaction can span items of any generated tables. Holds the key for error messages (masked when printed).
    /// </summary>
    public sealed class TransactionItem
    {
        internal TransactionItem(TransactWriteItem request, string table, object key, string action, VersionCheck version, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
        {
            Request = request;
            Table = table;
            Key = key;
            Action = action;
            Version = version;
            ReadItem = read;
        }

        /// <summary>The request item sent to DynamoDB.</summary>
        public TransactWriteItem Request { get; }

        /// <summary>The physical table name.</summary>
        public string Table { get; }

        /// <summary>The item's key; its <c>ToString()</c> masks personal parts.</summary>
        public object Key { get; }

        /// <summary>Put, Update, Delete or ConditionCheck.</summary>
        public string Action { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Action} {Key} in '{Table}'";

        /// <summary>The version check this item carries (<see cref="VersionCheck.None"/> for an entity without a version).</summary>
        internal VersionCheck Version { get; }

        /// <summary>Reads a stored item as its entity type, for the conflict's <c>CurrentItem</c>.</summary>
        internal Func<IReadOnlyDictionary<string, AttributeValue>, object> ReadItem { get; }
    }
}

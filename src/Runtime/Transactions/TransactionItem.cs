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
        internal TransactionItem(TransactWriteItem request, string table, object key, string action)
        {
            Request = request;
            Table = table;
            Key = key;
            Action = action;
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

        /// <summary>The version attribute this item checks, or null.</summary>
        internal string? VersionAttribute { get; private set; }

        /// <summary>The version this item expects the stored item to be at.</summary>
        internal long ExpectedVersion { get; private set; }

        /// <summary>Reads a stored item as its entity type, for the conflict's <c>CurrentItem</c>.</summary>
        internal Func<IReadOnlyDictionary<string, AttributeValue>, object>? ReadItem { get; private set; }

        internal void ExpectVersion(string attribute, long expected, Func<IReadOnlyDictionary<string, AttributeValue>, object> read)
        {
            VersionAttribute = attribute;
            ExpectedVersion = expected;
            ReadItem = read;
        }

        internal static TransactionItem Create(string action, string table, object key, Condition? condition, Action<TransactWriteItem, ExpressionBuilder, string?> fill)
        {
            ArgumentNullException.ThrowIfNull(key);
            var expressions = new ExpressionBuilder();
            var conditionText = condition?.Render(expressions);
            var request = new TransactWriteItem();
            fill(request, expressions, conditionText);
            return new TransactionItem(request, table, key, action);
        }
    }
}

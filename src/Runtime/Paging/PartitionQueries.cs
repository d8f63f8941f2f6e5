using System;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>Builds the query of one partition of a table or index, for entity repositories and table readers alike.</summary>
    internal static class PartitionQueries
    {
        /// <param name="tableName">The physical table name.</param>
        /// <param name="table">The table definition, for key names.</param>
        /// <param name="index">The index to query, or null for the table.</param>
        /// <param name="partition">The stored partition key value.</param>
        /// <param name="options">Sort-key condition, order, consistency, page size and filter; checked here, at the call.</param>
        /// <param name="consistentByDefault">The repository's read consistency when the options do not say.</param>
        /// <param name="typeFilter">For an entity sharing its table: only items of its type; for one with unique attributes, no guard items; otherwise null.</param>
        /// <param name="sortKeyPrefix">For an entity sharing its table: the text its sort keys start with; otherwise null.</param>
        /// <exception cref="ArgumentException">The options hold a sort-key condition for a table or index without a sort key, or a page size below 1.</exception>
        public static QueryRequest Build(
            string tableName,
            TableDefinition table,
            IndexDefinition? index,
            AttributeValue partition,
            QueryOptions? options,
            bool consistentByDefault,
            Condition? typeFilter,
            string? sortKeyPrefix)
        {
            ArgumentNullException.ThrowIfNull(partition);
            if (options?.PageSize is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "QueryOptions.PageSize is at least 1 (null lets DynamoDB fill pages up to 1 MB).");
            }

            var expressions = new ExpressionBuilder();
            var partitionKey = index?.PartitionKey.Name ?? table.PartitionKey.Name;
            var condition = $"{expressions.Name(partitionKey)} = {expressions.Value(partition)}";

            // A whole partition of a shared table holds other entities' items too: ask only for this entity's sort keys,
            // so DynamoDB's Limit counts this entity's items and no other item is read or paid for. A condition from the
            // entity's own …SortKey builder already starts with the prefix.
            var sortKey = options?.SortKey ?? (index is null && sortKeyPrefix is not null ? SortKeyCondition.BeginsWith(sortKeyPrefix) : null);
            if (sortKey is not null)
            {
                var sortKeyName = (index is null ? table.SortKey?.Name : index.SortKey?.Name)
                    ?? throw new ArgumentException($"{(index is null ? $"Table '{tableName}'" : $"Index '{index.Name}'")} has no sort key to put QueryOptions.SortKey on.", nameof(options));
                condition += " AND " + sortKey.Render(sortKeyName, expressions);
            }

            var filter = Condition.AllOf(typeFilter, options?.Filter)?.Render(expressions);

            return new QueryRequest
            {
                TableName = tableName,
                IndexName = index?.Name,
                KeyConditionExpression = condition,
                FilterExpression = filter,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
                ScanIndexForward = options?.Descending != true,

                // Global indexes are only eventually consistent; DynamoDB refuses a consistent read of one.
                ConsistentRead = index is { IsGlobal: true } ? null : options?.ConsistentRead ?? consistentByDefault,
                Limit = options?.PageSize,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
        }
    }
}

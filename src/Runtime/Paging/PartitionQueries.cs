using System;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>Builds the query of one partition of a table or index, for entity repositories and table readers alike.</summary>
    internal static class PartitionQueries
    {
        /// <param name="tableName">The physical table name.</param>
        /// <param name="table">The table definition, for key names.</param>
        /// <param name="index">The index to query, or null for the table.</param>
        /// <param name="partition">The stored partition key value.</param>
        /// <param name="sortKey">A condition on the (index) sort key, or null.</param>
        /// <param name="options">Order, consistency, page size and filter.</param>
        /// <param name="consistentByDefault">The repository's read consistency when the options do not say.</param>
        /// <param name="typeFilter">For an entity sharing its table: only items of its type; otherwise null.</param>
        public static QueryRequest Build(
            string tableName,
            TableDefinition table,
            IndexDefinition? index,
            AttributeValue partition,
            SortKeyCondition? sortKey,
            QueryOptions? options,
            bool consistentByDefault,
            Condition? typeFilter)
        {
            ArgumentNullException.ThrowIfNull(partition);
            var expressions = new ExpressionBuilder();
            var partitionKey = index?.PartitionKey.Name ?? table.PartitionKey.Name;
            var condition = $"{expressions.Name(partitionKey)} = {expressions.Value(partition)}";
            if (sortKey is not null)
            {
                var sortKeyName = (index is null ? table.SortKey?.Name : index.SortKey?.Name)
                    ?? throw new InvalidOperationException($"{(index is null ? "Table" : "Index")} '{index?.Name ?? tableName}' has no sort key to put a condition on.");
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

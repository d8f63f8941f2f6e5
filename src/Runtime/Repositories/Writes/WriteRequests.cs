using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Each kind of write built once, as the item of a transaction; a write that goes alone is sent as the matching
    /// single-item request made from it (<see cref="SendAsync"/>), so the two forms cannot drift apart.
    /// </summary>
    internal static class WriteRequests
    {
        /// <summary>A put; a failed condition returns the stored item unless <paramref name="returnStored"/> is false.</summary>
        public static TransactWriteItem Put(string table, Dictionary<string, AttributeValue> item, Condition? condition, bool returnStored = true)
        {
            var expressions = new ExpressionBuilder();
            return new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = table,
                    Item = item,
                    ConditionExpression = condition?.Render(expressions),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = condition is not null && returnStored ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null,
                },
            };
        }

        /// <summary>An update of the item with <paramref name="key"/>; a failed condition returns the stored item.</summary>
        public static TransactWriteItem Update(string table, Dictionary<string, AttributeValue> key, Func<ExpressionBuilder, string> update, Condition? condition)
        {
            var expressions = new ExpressionBuilder();
            return new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = table,
                    Key = key,
                    UpdateExpression = update(expressions),
                    ConditionExpression = condition?.Render(expressions),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = condition is null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            };
        }

        /// <summary>A delete of the item with <paramref name="key"/>; a failed condition returns the stored item.</summary>
        public static TransactWriteItem Delete(string table, Dictionary<string, AttributeValue> key, Condition? condition)
        {
            var expressions = new ExpressionBuilder();
            return new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = table,
                    Key = key,
                    ConditionExpression = condition?.Render(expressions),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                    ReturnValuesOnConditionCheckFailure = condition is null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            };
        }

        /// <summary>A condition the item with <paramref name="key"/> must meet, for transactions only.</summary>
        public static TransactWriteItem ConditionCheck(string table, Dictionary<string, AttributeValue> key, Condition condition)
        {
            var expressions = new ExpressionBuilder();
            return new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = table,
                    Key = key,
                    ConditionExpression = condition.Render(expressions),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                },
            };
        }

        /// <summary>The operation a write is logged as when it goes alone: <c>PutItem</c>, <c>UpdateItem</c> or <c>DeleteItem</c>.</summary>
        public static string Operation(TransactWriteItem write)
            => write.Put is not null ? "PutItem" : write.Update is not null ? "UpdateItem" : write.Delete is not null ? "DeleteItem" : throw Unsupported();

        /// <summary>Sends a put, update or delete on its own, as a single-item request.</summary>
        public static Task<AmazonWebServiceResponse> SendAsync(IAmazonDynamoDB client, TransactWriteItem write, CancellationToken cancellationToken)
        {
            if (write.Put is { } put)
            {
                return Widen(client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = put.TableName,
                        Item = put.Item,
                        ConditionExpression = put.ConditionExpression,
                        ExpressionAttributeNames = put.ExpressionAttributeNames,
                        ExpressionAttributeValues = put.ExpressionAttributeValues,
                        ReturnValuesOnConditionCheckFailure = put.ReturnValuesOnConditionCheckFailure,
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    },
                    cancellationToken));
            }

            if (write.Update is { } update)
            {
                return Widen(client.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = update.TableName,
                        Key = update.Key,
                        UpdateExpression = update.UpdateExpression,
                        ConditionExpression = update.ConditionExpression,
                        ExpressionAttributeNames = update.ExpressionAttributeNames,
                        ExpressionAttributeValues = update.ExpressionAttributeValues,
                        ReturnValuesOnConditionCheckFailure = update.ReturnValuesOnConditionCheckFailure,
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    },
                    cancellationToken));
            }

            if (write.Delete is { } delete)
            {
                return Widen(client.DeleteItemAsync(
                    new DeleteItemRequest
                    {
                        TableName = delete.TableName,
                        Key = delete.Key,
                        ConditionExpression = delete.ConditionExpression,
                        ExpressionAttributeNames = delete.ExpressionAttributeNames,
                        ExpressionAttributeValues = delete.ExpressionAttributeValues,
                        ReturnValuesOnConditionCheckFailure = delete.ReturnValuesOnConditionCheckFailure,
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    },
                    cancellationToken));
            }

            throw Unsupported();
        }

        private static async Task<AmazonWebServiceResponse> Widen<T>(Task<T> response)
            where T : AmazonWebServiceResponse
            => await response.ConfigureAwait(false);

        private static InvalidOperationException Unsupported() => new("Only a put, an update or a delete is sent on its own.");
    }
}

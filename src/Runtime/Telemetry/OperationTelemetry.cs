using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The telemetry of one operation, retries included, under the OpenTelemetry semantic conventions for DynamoDB
    /// clients: its client span, its <c>db.client.operation.duration</c> measurement and the retry and throttle counts.
    /// The one place that names attributes and decides what is an error (docs/runtime.md, <i>Logs, metrics, traces</i>),
    /// so the runner only says what happened.
    /// </summary>
    internal readonly struct OperationTelemetry : IDisposable
    {
        /// <summary>The value of <c>db.system.name</c> for DynamoDB.</summary>
        public const string SystemName = "aws.dynamodb";

        private readonly DynamoOperation _operation;
        private readonly Activity? _activity;
        private readonly long _started;

        private OperationTelemetry(DynamoOperation operation, Activity? activity, long started)
        {
            _operation = operation;
            _activity = activity;
            _started = started;
        }

        /// <summary>Time since the operation started, every attempt and wait included.</summary>
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        /// <summary>
        /// Starts the operation's span (named <c>DynamoDB.GetItem</c>, kind Client) with the attributes a sampler may
        /// look at, and its clock. The span is the current activity until <see cref="Dispose"/>, so log lines written
        /// meanwhile carry its trace and span ids.
        /// </summary>
        public static OperationTelemetry Start(DynamoOperation operation)
        {
            Activity? activity = null;
            if (DynamoTelemetry.ActivitySource.HasListeners())
            {
                var tags = new List<KeyValuePair<string, object?>>(8)
                {
                    new("db.system.name", SystemName),
                    new("db.operation.name", operation.Name),
                    new("rpc.system", "aws-api"),
                    new("rpc.service", "DynamoDB"),
                    new("rpc.method", operation.Name),
                };
                if (TableNames(operation) is { } tables)
                {
                    tags.Add(new("aws.dynamodb.table_names", tables));
                }

                if (CollectionName(operation) is { } collection)
                {
                    tags.Add(new("db.collection.name", collection));
                }

                if (operation.Index is { } index)
                {
                    tags.Add(new("aws.dynamodb.index_name", index));
                }

                activity = DynamoTelemetry.ActivitySource.StartActivity(ActivityKind.Client, tags: tags, name: "DynamoDB." + operation.Name);
            }

            return new OperationTelemetry(operation, activity, Stopwatch.GetTimestamp());
        }

        /// <summary>The AWS request id of a response (<c>x-amzn-RequestId</c>), or null when it has none.</summary>
        public static string? RequestIdOf(object? response)
            => response is AmazonWebServiceResponse { ResponseMetadata.RequestId: { Length: > 0 } id } ? id : null;

        /// <summary>The AWS request id of a failed attempt: null when no answer came (a dropped connection, a timeout).</summary>
        public static string? RequestIdOf(Exception exception)
            => exception is AmazonServiceException { RequestId: { Length: > 0 } id } ? id : null;

        /// <summary>An attempt failed and will be retried: counted, tagged with what it failed with.</summary>
        public void Retrying(Exception exception)
            => DynamoTelemetry.Retries.Add(1, MetricTags(RuntimeLog.ErrorCode(exception), statusCode: null));

        /// <summary>DynamoDB answered an attempt with throttling (retried or not).</summary>
        public void Throttled(Exception exception)
            => DynamoTelemetry.Throttles.Add(1, MetricTags(RuntimeLog.ErrorCode(exception), statusCode: null));

        /// <summary>The operation succeeded with <paramref name="response"/>, possibly after retries.</summary>
        public void Succeeded(object? response)
        {
            DynamoTelemetry.Duration.Record(Elapsed.TotalSeconds, MetricTags(errorType: null, statusCode: null));
            if (_activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag("aws.request_id", RequestIdOf(response));
                if (ConsumedCapacity(response) is { Count: > 0 } capacities)
                {
                    activity.SetTag("aws.dynamodb.consumed_capacity", CapacityJson(capacities));
                }
            }
        }

        /// <summary>
        /// The operation ended with <paramref name="exception"/> after its last attempt. An outcome the caller handles
        /// (<see cref="DynamoOperation.Expected"/>: a failed condition, a missing table on a lookup) is DynamoDB's answer,
        /// not an error: it keeps DynamoDB's code in <c>db.response.status_code</c> but gets no <c>error.type</c> and no
        /// Error status. <paramref name="requestId"/> is the id of the answer that ended it; <paramref name="response"/>
        /// the answer itself when it came but could not be read.
        /// </summary>
        public void Failed(Exception exception, bool expected, string? requestId, object? response = null)
        {
            var statusCode = RuntimeLog.AwsErrorCode(exception);
            var errorType = expected ? null : RuntimeLog.ErrorCode(exception);
            DynamoTelemetry.Duration.Record(Elapsed.TotalSeconds, MetricTags(errorType, statusCode));
            if (_activity is not { } activity)
            {
                return;
            }

            activity.SetTag("aws.request_id", requestId);
            activity.SetTag("db.response.status_code", statusCode);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            if (activity.IsAllDataRequested && ConsumedCapacity(response) is { Count: > 0 } capacities)
            {
                activity.SetTag("aws.dynamodb.consumed_capacity", CapacityJson(capacities));
            }
        }

        /// <summary>Ends the span.</summary>
        public void Dispose() => _activity?.Dispose();

        /// <summary>
        /// The capacity a response reports, one entry per table (and index) it touched, when the request asked for it
        /// (<c>ReturnConsumedCapacity</c>); null for responses that carry none (table management).
        /// </summary>
        public static IReadOnlyList<ConsumedCapacity>? ConsumedCapacity(object? response) => response switch
        {
            GetItemResponse r => One(r.ConsumedCapacity),
            PutItemResponse r => One(r.ConsumedCapacity),
            UpdateItemResponse r => One(r.ConsumedCapacity),
            DeleteItemResponse r => One(r.ConsumedCapacity),
            QueryResponse r => One(r.ConsumedCapacity),
            ScanResponse r => One(r.ConsumedCapacity),
            BatchWriteItemResponse r => r.ConsumedCapacity,
            BatchGetItemResponse r => r.ConsumedCapacity,
            TransactWriteItemsResponse r => r.ConsumedCapacity,
            TransactGetItemsResponse r => r.ConsumedCapacity,
            _ => null,
        };

        /// <summary>The capacity units of every entry together, for log lines; null when the response reports none.</summary>
        public static double? TotalCapacityUnits(object? response)
        {
            if (ConsumedCapacity(response) is not { Count: > 0 } capacities)
            {
                return null;
            }

            double total = 0;
            foreach (var capacity in capacities)
            {
                total += capacity?.CapacityUnits ?? 0;
            }

            return total;
        }

        private static ConsumedCapacity[]? One(ConsumedCapacity? capacity) => capacity is null ? null : [capacity];

        /// <summary>
        /// Every table the request touches (<c>aws.dynamodb.table_names</c>); null for requests on no table
        /// (<c>ListTables</c>, whose operation names the table <c>*</c> for its log lines).
        /// </summary>
        private static string[]? TableNames(DynamoOperation operation)
        {
            if (operation.Tables is { Count: > 0 } tables)
            {
                var names = new string[tables.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = tables[i];
                }

                return names;
            }

            return operation.Table == "*" ? null : [operation.Table];
        }

        /// <summary>The table as <c>db.collection.name</c>: only when the request touches exactly one.</summary>
        private static string? CollectionName(DynamoOperation operation)
            => operation.Tables is { Count: > 1 } || operation.Table == "*" ? null : operation.Table;

        /// <summary>
        /// The attributes of every measurement: those the database client metrics conventions allow, not
        /// <c>aws.dynamodb.table_names</c> (an array, which metric back ends handle poorly).
        /// </summary>
        private TagList MetricTags(string? errorType, string? statusCode)
        {
            var tags = new TagList
            {
                { "db.system.name", SystemName },
                { "db.operation.name", _operation.Name },
            };
            if (CollectionName(_operation) is { } collection)
            {
                tags.Add("db.collection.name", collection);
            }

            if (statusCode is not null)
            {
                tags.Add("db.response.status_code", statusCode);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            return tags;
        }

        /// <summary>
        /// <c>aws.dynamodb.consumed_capacity</c>: each entry of the response's <c>ConsumedCapacity</c> as JSON, with the
        /// field names of DynamoDB's API, written without reflection.
        /// </summary>
        private static string[] CapacityJson(IReadOnlyList<ConsumedCapacity> capacities)
        {
            var json = new string[capacities.Count];
            var buffer = new ArrayBufferWriter<byte>(256);
            for (var i = 0; i < json.Length; i++)
            {
                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    if (capacities[i] is { } capacity)
                    {
                        WriteUnits(writer, capacity.CapacityUnits, capacity.ReadCapacityUnits, capacity.WriteCapacityUnits);
                        WriteIndexes(writer, "GlobalSecondaryIndexes", capacity.GlobalSecondaryIndexes);
                        WriteIndexes(writer, "LocalSecondaryIndexes", capacity.LocalSecondaryIndexes);
                        if (capacity.Table is { } table)
                        {
                            writer.WriteStartObject("Table");
                            WriteUnits(writer, table.CapacityUnits, table.ReadCapacityUnits, table.WriteCapacityUnits);
                            writer.WriteEndObject();
                        }

                        if (capacity.TableName is { } name)
                        {
                            writer.WriteString("TableName", name);
                        }
                    }

                    writer.WriteEndObject();
                }

                json[i] = Encoding.UTF8.GetString(buffer.WrittenSpan);
            }

            return json;
        }

        private static void WriteIndexes(Utf8JsonWriter writer, string name, Dictionary<string, Capacity>? indexes)
        {
            if (indexes is not { Count: > 0 })
            {
                return;
            }

            writer.WriteStartObject(name);
            foreach (var (index, capacity) in indexes)
            {
                writer.WriteStartObject(index);
                WriteUnits(writer, capacity?.CapacityUnits, capacity?.ReadCapacityUnits, capacity?.WriteCapacityUnits);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void WriteUnits(Utf8JsonWriter writer, double? units, double? read, double? write)
        {
            if (units is { } total)
            {
                writer.WriteNumber("CapacityUnits", total);
            }

            if (read is { } reads)
            {
                writer.WriteNumber("ReadCapacityUnits", reads);
            }

            if (write is { } writes)
            {
                writer.WriteNumber("WriteCapacityUnits", writes);
            }
        }
    }
}

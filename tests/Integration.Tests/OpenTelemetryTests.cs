using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// The runtime's telemetry as a user sees it: the OpenTelemetry SDK wired with its in-memory exporters, requests through
    /// a fault proxy (which records the request id of every answer it sends) to DynamoDB Local. Names and attributes follow
    /// the OpenTelemetry semantic conventions for DynamoDB and database clients (docs/runtime.md).
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class OpenTelemetryTests
    {
        private static readonly double[] ConventionBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, double.PositiveInfinity];

        private readonly DynamoDbFixture _fixture;

        public OpenTelemetryTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_get_a_failed_conditional_put_and_a_throttled_then_retried_update_export_conventional_spans_metrics_and_logs()
        {
            var options = await BookingTables.CreateAsync(_fixture, "otel");
            options.Retry = new RetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
            var table = options.TableNames[BookingTable.Definition.EntityName];
            using var exported = new Exported();
            var (spans, metrics, logs) = (exported.Spans, exported.Metrics, exported.Logs);

            // Every UpdateItem is throttled until two faults have been sent; everything else passes through.
            var plan = new FaultPlan { ProvisionedThroughputExceededRate = 1, OnlyOperations = new HashSet<string> { "UpdateItem" }, MaxFaults = 2 };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, exported.Loggers.CreateLogger<BookingRepository>());
            var booking = BookingTables.Sample(1);

            await repository.PutAsync(booking);
            Assert.Equal(booking, await repository.GetAsync(booking.Key));
            var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => repository.PutAsync(booking with { Name = "Other" }, new WriteOptions { Condition = BookingFields.RemindSms.Equal(true) }));
            Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true)));
            exported.Flush();

            var sent = proxy.Stats.Requests;
            // A write with the caller's condition goes as a one-item transaction, so that it applies once (docs/decisions.md).
            Assert.Equal(["PutItem", "GetItem", "TransactWriteItems", "UpdateItem", "UpdateItem", "UpdateItem"], sent.Select(r => r.Operation));
            Assert.All(sent, r => Assert.False(string.IsNullOrEmpty(r.RequestId)));

            // Spans: one per operation, retries included.
            var ours = spans.Where(s => (string?)s.GetTagItem("db.collection.name") == table).ToList();
            Assert.Equal(["DynamoDB.PutItem", "DynamoDB.GetItem", "DynamoDB.TransactWriteItems", "DynamoDB.UpdateItem"], ours.Select(s => s.DisplayName));
            Assert.All(ours, span =>
            {
                Assert.Equal(DynamoTelemetry.Name, span.Source.Name);
                Assert.Equal(ActivityKind.Client, span.Kind);
                Assert.Equal("aws.dynamodb", span.GetTagItem("db.system.name"));
                Assert.Equal(span.DisplayName["DynamoDB.".Length..], span.GetTagItem("db.operation.name"));
                Assert.Equal(new[] { table }, Assert.IsType<string[]>(span.GetTagItem("aws.dynamodb.table_names")));
                Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
                Assert.Equal("DynamoDB", span.GetTagItem("rpc.service"));
                Assert.Null(span.GetTagItem("aws.dynamodb.index_name"));
                Assert.Null(span.GetTagItem("db.system"));
                Assert.Null(span.GetTagItem("db.operation"));
            });

            var get = ours[1];
            Assert.Equal(sent[1].RequestId, get.GetTagItem("aws.request_id"));
            Assert.Equal(ActivityStatusCode.Unset, get.Status);
            Assert.Null(get.GetTagItem("error.type"));
            Assert.Null(get.GetTagItem("db.response.status_code"));
            using (var capacity = JsonDocument.Parse(Assert.Single(Assert.IsType<string[]>(get.GetTagItem("aws.dynamodb.consumed_capacity")))))
            {
                Assert.Equal(table, capacity.RootElement.GetProperty("TableName").GetString());
                Assert.True(capacity.RootElement.GetProperty("CapacityUnits").GetDouble() > 0);
            }

            // A failed condition is DynamoDB's answer to the caller's question, not an error: its code is kept, the status is not Error.
            var conditional = ours[2];
            Assert.Equal(sent[2].RequestId, failed.RequestId);
            Assert.Equal(sent[2].RequestId, conditional.GetTagItem("aws.request_id"));
            Assert.Equal("TransactionCanceledException", conditional.GetTagItem("db.response.status_code"));
            Assert.Equal(ActivityStatusCode.Unset, conditional.Status);
            Assert.Null(conditional.GetTagItem("error.type"));

            // Throttled twice, then applied: a success, with the request id of the answer that ended it.
            var update = ours[3];
            Assert.Equal(sent[5].RequestId, update.GetTagItem("aws.request_id"));
            Assert.Equal(ActivityStatusCode.Unset, update.Status);
            Assert.Null(update.GetTagItem("error.type"));

            // Metrics: the duration in seconds with the conventions' buckets and attributes; retries and throttles counted.
            var duration = Latest(metrics, "db.client.operation.duration");
            Assert.Equal("s", duration.Unit);
            Assert.Equal(MetricType.Histogram, duration.MetricType);
            var durations = PointsOf(duration, table);
            Assert.Equal(4, durations.Count);
            Assert.All(durations, p => Assert.Equal(ConventionBuckets, Buckets(p.Point)));
            Assert.All(durations, p => Assert.Equal(1, p.Point.GetHistogramCount()));
            Assert.Equal(
                [
                    "db.collection.name=" + table + ", db.operation.name=GetItem, db.system.name=aws.dynamodb",
                    "db.collection.name=" + table + ", db.operation.name=PutItem, db.system.name=aws.dynamodb",
                    "db.collection.name=" + table + ", db.operation.name=TransactWriteItems, db.response.status_code=TransactionCanceledException, db.system.name=aws.dynamodb",
                    "db.collection.name=" + table + ", db.operation.name=UpdateItem, db.system.name=aws.dynamodb",
                ],
                durations.Select(p => p.Tags).Order(StringComparer.Ordinal));
            var updateDuration = durations.Single(p => p.Tags.Contains("UpdateItem", StringComparison.Ordinal)).Point.GetHistogramSum();
            Assert.InRange(updateDuration, update.Duration.TotalSeconds - 0.1, update.Duration.TotalSeconds + 0.1);

            var retries = Latest(metrics, "bookings_generated.client.operation.retries");
            Assert.Equal("{retry}", retries.Unit);
            var retried = Assert.Single(PointsOf(retries, table));
            Assert.Equal("db.collection.name=" + table + ", db.operation.name=UpdateItem, db.system.name=aws.dynamodb, error.type=ProvisionedThroughputExceededException", retried.Tags);
            Assert.Equal(2, retried.Point.GetSumLong());
            var throttled = Assert.Single(PointsOf(Latest(metrics, "bookings_generated.client.operation.throttles"), table));
            Assert.Equal(retried.Tags, throttled.Tags);
            Assert.Equal(2, throttled.Point.GetSumLong());
            Assert.DoesNotContain(metrics, m => m.Name.StartsWith("bookings_generated.operation.", StringComparison.Ordinal));

            // Logs: each failure line names the request id of the answer, and is linked to the operation's span.
            var retryLines = logs.Where(l => l.EventId.Id == 1003 && Field(l, "table") == table).ToList();
            Assert.Equal([sent[3].RequestId, sent[4].RequestId], retryLines.Select(l => Field(l, "request_id")));
            Assert.All(retryLines, l => Assert.Equal((update.TraceId, update.SpanId), (l.TraceId, l.SpanId)));
            var expectedLine = Assert.Single(logs, l => l.EventId.Id == 1005 && Field(l, "table") == table);
            Assert.Equal(sent[2].RequestId, Field(expectedLine, "request_id"));
            Assert.Equal((conditional.TraceId, conditional.SpanId), (expectedLine.TraceId, expectedLine.SpanId));
        }

        [Fact]
        public async Task An_operation_that_fails_is_an_Error_span_and_a_duration_with_its_error_type()
        {
            var options = await BookingTables.CreateAsync(_fixture, "otel-failed");
            options.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            var table = options.TableNames[BookingTable.Definition.EntityName];
            using var exported = new Exported();
            var plan = new FaultPlan { ThrottlingRate = 1, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());

            var error = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => repository.GetAsync(BookingTables.Sample(1).Key));
            exported.Flush();

            var span = Assert.Single(exported.Spans, s => (string?)s.GetTagItem("db.collection.name") == table);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("ThrottlingException", span.GetTagItem("error.type"));
            Assert.Equal("ThrottlingException", span.GetTagItem("db.response.status_code"));
            Assert.Equal(proxy.Stats.Requests[^1].RequestId, span.GetTagItem("aws.request_id"));
            Assert.Equal(proxy.Stats.Requests[^1].RequestId, error.RequestId);
            var failure = Assert.Single(PointsOf(Latest(exported.Metrics, "db.client.operation.duration"), table));
            Assert.Equal("db.collection.name=" + table + ", db.operation.name=GetItem, db.response.status_code=ThrottlingException, db.system.name=aws.dynamodb, error.type=ThrottlingException", failure.Tags);
        }

        [Fact]
        public async Task A_query_names_its_index_and_a_transaction_every_table_it_writes()
        {
            var options = await FreshTables.CreateAsync(_fixture, "otel-tables", [EmployeeTable.Definition, CounterTable.Definition], GuardedLogs.For<DynamoTableManager>());
            var employees = options.TableNames[EmployeeTable.Definition.EntityName];
            var counters = options.TableNames[CounterTable.Definition.EntityName];
            using var exported = new Exported();
            var spans = exported.Spans;
            var staff = new EmployeeRepository(_fixture.Client, options, GuardedLogs.For<EmployeeRepository>());
            var counterRepository = new CounterRepository(_fixture.Client, options, GuardedLogs.For<CounterRepository>());
            var transactions = new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>());

            await transactions.WriteAsync(
            [
                staff.TransactPut(new Employee { Key = EmployeeKey.Create("7", 1), Name = "Kim", Email = "kim@shop.test", Role = "clerk", HiredOn = new DateOnly(2020, 3, 1) }),
                counterRepository.TransactPut(new Counter { Key = CounterKey.Create("otel") }),
            ]);
            Assert.Single(await staff.QueryByEmailAsync("kim@shop.test").ToListAsync());

            var transaction = Assert.Single(spans, s => s.DisplayName == "DynamoDB.TransactWriteItems" && Assert.IsType<string[]>(s.GetTagItem("aws.dynamodb.table_names")).Contains(employees));
            Assert.Equal(new[] { employees, counters }, transaction.GetTagItem("aws.dynamodb.table_names"));
            Assert.Null(transaction.GetTagItem("db.collection.name"));
            Assert.Equal(2, Assert.IsType<string[]>(transaction.GetTagItem("aws.dynamodb.consumed_capacity")).Length);
            var query = Assert.Single(spans, s => s.DisplayName == "DynamoDB.Query" && (string?)s.GetTagItem("db.collection.name") == employees);
            Assert.Equal("by_email", query.GetTagItem("aws.dynamodb.index_name"));
        }

        /// <summary>The OpenTelemetry SDK as a service wires it, each signal to an in-memory exporter.</summary>
        private sealed class Exported : IDisposable
        {
            private readonly TracerProvider _tracing;
            private readonly MeterProvider _metering;

            public Exported()
            {
                _tracing = Sdk.CreateTracerProviderBuilder().AddSource(DynamoTelemetry.Name).AddInMemoryExporter(Spans).Build();
                _metering = Sdk.CreateMeterProviderBuilder().AddMeter(DynamoTelemetry.Name).AddInMemoryExporter(Metrics).Build();
                Loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddOpenTelemetry(o => o.AddInMemoryExporter(Logs)));
            }

            public List<Activity> Spans { get; } = new();

            public List<MetricSnapshot> Metrics { get; } = new();

            public List<LogRecord> Logs { get; } = new();

            public ILoggerFactory Loggers { get; }

            /// <summary>Exports the metrics collected so far.</summary>
            public void Flush() => Assert.True(_metering.ForceFlush());

            public void Dispose()
            {
                Loggers.Dispose();
                _metering.Dispose();
                _tracing.Dispose();
            }
        }

        private static MetricSnapshot Latest(List<MetricSnapshot> metrics, string name) => metrics.Last(m => m.Name == name);

        /// <summary>The points of one table, each with its attributes as sorted text (<c>name=value, ...</c>).</summary>
        private static List<(string Tags, MetricPoint Point)> PointsOf(MetricSnapshot metric, string table)
        {
            var points = new List<(string Tags, MetricPoint Point)>();
            foreach (var point in metric.MetricPoints)
            {
                var tags = new List<KeyValuePair<string, object?>>();
                foreach (var tag in point.Tags)
                {
                    tags.Add(tag);
                }

                if (tags.Any(t => t.Key == "db.collection.name" && (string?)t.Value == table))
                {
                    points.Add((string.Join(", ", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)), point));
                }
            }

            return points;
        }

        private static double[] Buckets(MetricPoint point)
        {
            var bounds = new List<double>();
            foreach (var bucket in point.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }

            return bounds.ToArray();
        }

        private static string? Field(LogRecord record, string name)
            => record.Attributes?.FirstOrDefault(a => a.Key == name).Value?.ToString();
    }
}

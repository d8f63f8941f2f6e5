using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Testing;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// The runner's spans, measurements and request ids for outcomes DynamoDB Local cannot produce on demand (a dropped
    /// answer, an unreadable item, a cancellation); the whole picture through the OpenTelemetry SDK is in
    /// tests/Integration.Tests/OpenTelemetryTests.cs.
    /// </summary>
    public sealed class TelemetryTests : IDisposable
    {
        private static readonly RetryOptions FastRetries = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

        // Listeners are process-wide and tests run in parallel: this test's own table name tells its data apart.
        private readonly string _table = "telemetry-" + Guid.NewGuid().ToString("N");
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ActivityListener _listener;
        private readonly MetricCollector<double> _durations = new(DynamoTelemetry.Duration);
        private readonly MetricCollector<long> _retries = new(DynamoTelemetry.Retries);
        private readonly MetricCollector<long> _throttles = new(DynamoTelemetry.Throttles);
        private readonly FakeLogCollector _logs = new();

        public TelemetryTests()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == DynamoTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if ((string?)activity.GetTagItem("db.collection.name") == _table)
                    {
                        _spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Dispose()
        {
            _listener.Dispose();
            _durations.Dispose();
            _retries.Dispose();
            _throttles.Dispose();
        }

        private DynamoOperationRunner Runner() => new(new DynamoRepositoryOptions { Retry = FastRetries }, new FakeLogger(_logs));

        private CollectedMeasurement<T>[] Ours<T>(MetricCollector<T> collector)
            where T : struct
            => collector.GetMeasurementSnapshot().Where(m => m.ContainsTags("db.collection.name") && (string?)m.Tags["db.collection.name"] == _table).ToArray();

        private static AmazonServiceException Answer(string code, string requestId)
        {
            var answer = RetryPolicyTests.Aws(code);
            answer.RequestId = requestId;
            return answer;
        }

        [Fact]
        public async Task A_throttled_then_answered_operation_is_one_client_span_one_duration_and_counted_retries_and_throttles()
        {
            var calls = 0;
            var response = new GetItemResponse { ResponseMetadata = new ResponseMetadata { RequestId = "ANSWER-3" } };

            await Runner().ExecuteAsync(
                new DynamoOperation("GetItem", _table),
                _ => Interlocked.Increment(ref calls) <= 2 ? Task.FromException<GetItemResponse>(Answer("ProvisionedThroughputExceededException", "THROTTLED-" + calls)) : Task.FromResult(response),
                CancellationToken.None);

            var span = Assert.Single(_spans);
            Assert.Equal("DynamoDB.GetItem", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("aws.dynamodb", span.GetTagItem("db.system.name"));
            Assert.Equal("GetItem", span.GetTagItem("db.operation.name"));
            Assert.Equal(new[] { _table }, span.GetTagItem("aws.dynamodb.table_names"));
            Assert.Equal("ANSWER-3", span.GetTagItem("aws.request_id"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            var duration = Assert.Single(Ours(_durations));
            Assert.False(duration.ContainsTags("error.type"));
            Assert.Equal("s", DynamoTelemetry.Duration.Unit);
            Assert.Equal(2, Ours(_retries).Sum(m => m.Value));
            Assert.Equal(2, Ours(_throttles).Sum(m => m.Value));
            Assert.All(Ours(_retries), m => Assert.Equal("ProvisionedThroughputExceededException", m.Tags["error.type"]));

            // Each retry line names the answer that was retried.
            var retryLines = _logs.GetSnapshot().Where(r => r.Id.Id == 1003).ToList();
            Assert.Equal(["THROTTLED-1", "THROTTLED-2"], retryLines.Select(r => r.GetStructuredStateValue("request_id")));
        }

        [Fact]
        public async Task A_last_attempt_without_an_answer_has_no_request_id_even_after_an_answered_one()
        {
            var calls = 0;
            var runner = Runner();

            var error = await DynamoAssert.ThrowsAsync(DynamoErrorKind.Transient, () => runner.ExecuteAsync(
                new DynamoOperation("GetItem", _table),
                _ => Task.FromException<string>(Interlocked.Increment(ref calls) == 1 ? Answer("InternalServerError", "ANSWERED-1") : new HttpRequestException("connection reset")),
                CancellationToken.None));

            Assert.Equal(3, calls);
            Assert.Null(error.RequestId);
            var span = Assert.Single(_spans);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("HttpRequestException", span.GetTagItem("error.type"));
            Assert.Null(span.GetTagItem("aws.request_id"));
            Assert.Null(span.GetTagItem("db.response.status_code"));
            Assert.Equal("HttpRequestException", Assert.Single(Ours(_durations)).Tags["error.type"]);
            var failed = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1004);
            Assert.Equal("-", failed.GetStructuredStateValue("request_id"));
            Assert.Equal(["ANSWERED-1", "-"], _logs.GetSnapshot().Where(r => r.Id.Id == 1003).Select(r => r.GetStructuredStateValue("request_id")));
        }

        [Fact]
        public async Task A_response_whose_item_does_not_fit_fails_with_the_request_id_of_that_response()
        {
            var response = new GetItemResponse { ResponseMetadata = new ResponseMetadata { RequestId = "UNREADABLE" } };

            var error = await Assert.ThrowsAsync<DynamoMappingException>(() => Runner().ExecuteAsync<GetItemResponse, string>(
                new DynamoOperation("GetItem", _table),
                _ => Task.FromResult(response),
                _ => throw new DynamoMappingException("Booking", "name", "S", "nothing", null),
                CancellationToken.None));

            Assert.Equal("UNREADABLE", error.RequestId);
            var span = Assert.Single(_spans);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("DynamoMappingException", span.GetTagItem("error.type"));
            Assert.Equal("UNREADABLE", span.GetTagItem("aws.request_id"));
            Assert.Equal("UNREADABLE", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1004).GetStructuredStateValue("request_id"));
        }

        [Fact]
        public async Task An_expected_outcome_keeps_DynamoDB_code_but_is_no_error()
        {
            var error = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => Runner().ExecuteAsync(
                new DynamoOperation("PutItem", _table, Expected: ErrorCategory.ConditionFailed),
                _ => Task.FromException<string>(Answer("ConditionalCheckFailedException", "CONDITION")),
                CancellationToken.None));

            Assert.Equal("CONDITION", error.RequestId);
            var span = Assert.Single(_spans);
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.Null(span.GetTagItem("error.type"));
            Assert.Equal("ConditionalCheckFailedException", span.GetTagItem("db.response.status_code"));
            var duration = Assert.Single(Ours(_durations));
            Assert.False(duration.ContainsTags("error.type"));
            Assert.Equal("ConditionalCheckFailedException", duration.Tags["db.response.status_code"]);
            Assert.Equal("CONDITION", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1005).GetStructuredStateValue("request_id"));
        }

        [Fact]
        public async Task A_transaction_read_reports_its_capacity_per_table_in_the_span_and_in_total_in_the_log()
        {
            var response = new TransactGetItemsResponse
            {
                ConsumedCapacity = [new ConsumedCapacity { TableName = _table, CapacityUnits = 2 }, new ConsumedCapacity { TableName = "other", CapacityUnits = 4, ReadCapacityUnits = 4 }],
            };

            await Runner().ExecuteAsync(new DynamoOperation("TransactGetItems", _table), _ => Task.FromResult(response), CancellationToken.None);

            Assert.Equal(
                ["{\"CapacityUnits\":2,\"TableName\":\"" + _table + "\"}", "{\"CapacityUnits\":4,\"ReadCapacityUnits\":4,\"TableName\":\"other\"}"],
                Assert.IsType<string[]>(Assert.Single(_spans).GetTagItem("aws.dynamodb.consumed_capacity")));
            Assert.Equal(6.0, Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1002).GetStructuredStateValue("consumed_capacity") is { } units ? double.Parse(units, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }

        [Fact]
        public async Task A_cancelled_operation_is_measured_with_its_error_type()
        {
            using var cancellation = new CancellationTokenSource();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().ExecuteAsync(
                new DynamoOperation("GetItem", _table),
                ct =>
                {
                    cancellation.Cancel();
                    ct.ThrowIfCancellationRequested();
                    return Task.FromResult("never");
                },
                cancellation.Token));

            Assert.Equal(ActivityStatusCode.Error, Assert.Single(_spans).Status);
            Assert.Equal("OperationCanceledException", Assert.Single(Ours(_durations)).Tags["error.type"]);
        }

        [Fact]
        public async Task Failure_lines_carry_the_trace_id_through_the_logging_builder_activity_tracking()
        {
            var collector = new FakeLogCollector();
            using var loggers = LoggerFactory.Create(b => b
                .Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId)
                .AddProvider(new FakeLoggerProvider(collector)));
            var runner = new DynamoOperationRunner(new DynamoRepositoryOptions { Retry = FastRetries }, loggers.CreateLogger("runner"));

            await DynamoAssert.ThrowsAsync(DynamoErrorKind.Throttled, () => runner.ExecuteAsync(
                new DynamoOperation("GetItem", _table),
                _ => Task.FromException<string>(Answer("ThrottlingException", "THROTTLED")),
                CancellationToken.None));

            var span = Assert.Single(_spans);
            var lines = collector.GetSnapshot().Where(r => r.Id.Id is 1003 or 1004).ToList();
            Assert.Equal(3, lines.Count);
            Assert.All(lines, line =>
            {
                var scope = Assert.Single(line.Scopes.OfType<System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>>>());
                Assert.Equal(span.TraceId.ToHexString(), scope.Single(p => p.Key == "TraceId").Value?.ToString());
                Assert.Equal(span.SpanId.ToHexString(), scope.Single(p => p.Key == "SpanId").Value?.ToString());
                Assert.Equal("THROTTLED", line.GetStructuredStateValue("request_id"));
            });
        }
    }
}

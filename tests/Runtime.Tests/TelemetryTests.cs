using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class TelemetryTests
    {
        [Fact]
        public async Task Each_operation_has_a_span_a_duration_and_counted_retries_and_throttles()
        {
            // Listeners are process-wide; this test's own table name tells its measurements apart.
            var table = "telemetry-" + Guid.NewGuid().ToString("N");
            var spans = new ConcurrentBag<Activity>();
            var measurements = new ConcurrentBag<(string Instrument, double Value)>();
            using var activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == DynamoTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if ((string?)activity.GetTagItem("aws.dynamodb.table_names") == table)
                    {
                        spans.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(activities);
            using var meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == DynamoTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            meters.Start();

            void Record(Instrument instrument, double value, ReadOnlySpan<System.Collections.Generic.KeyValuePair<string, object?>> tags)
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "aws.dynamodb.table_names" && (string?)tag.Value == table)
                    {
                        measurements.Add((instrument.Name, value));
                    }
                }
            }

            var calls = 0;
            var runner = new DynamoOperationRunner(new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });
            await runner.ExecuteAsync(
                new DynamoOperation("GetItem", table),
                _ => Interlocked.Increment(ref calls) <= 2 ? Task.FromException<string>(RetryPolicyTests.Aws("ProvisionedThroughputExceededException")) : Task.FromResult("ok"),
                CancellationToken.None);

            var span = Assert.Single(spans);
            Assert.Equal("DynamoDB GetItem", span.DisplayName);
            Assert.Equal("dynamodb", span.GetTagItem("db.system"));
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Single(measurements, m => m.Instrument == "bookings_generated.operation.duration");
            Assert.Equal(2, measurements.Count(m => m.Instrument == "bookings_generated.operation.retries"));
            Assert.Equal(2, measurements.Count(m => m.Instrument == "bookings_generated.operation.throttles"));
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The runtime's meter and activity source. Both are named <c>Bookings.Generated</c>, so OpenTelemetry
    /// collects them with <c>AddMeter("Bookings.Generated")</c> and <c>AddSource("Bookings.Generated")</c>, no adapter needed.
    /// Spans and the duration follow the OpenTelemetry semantic conventions for DynamoDB clients (docs/runtime.md).
    /// </summary>
    public static class DynamoTelemetry
    {
        /// <summary>The name of the meter and of the activity source.</summary>
        public const string Name = "Bookings.Generated";

        /// <summary>
        /// One client span per operation (retries included), named <c>DynamoDB.GetItem</c>, with the OpenTelemetry
        /// database and DynamoDB attributes.
        /// </summary>
        public static readonly ActivitySource ActivitySource = new(Name);

        private static readonly Meter Meter = new(Name);

        /// <summary>
        /// <c>db.client.operation.duration</c>: operation duration in seconds, retries included, with the conventions'
        /// bucket boundaries; tagged with <c>db.system.name</c>, <c>db.operation.name</c>, <c>db.collection.name</c>,
        /// and <c>error.type</c> on failure and <c>db.response.status_code</c> when DynamoDB answered with an error code.
        /// </summary>
        internal static readonly Histogram<double> Duration = Meter.CreateHistogram(
            "db.client.operation.duration",
            unit: "s",
            description: "Duration of database client operations.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] });

        /// <summary>Retries (attempts after the first), tagged like the duration, with <c>error.type</c> of the attempt retried.</summary>
        internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "bookings_generated.client.operation.retries", unit: "{retry}", description: "Retries of DynamoDB operations.");

        /// <summary>Throttling answers from DynamoDB, tagged like the duration, with <c>error.type</c> of the answer.</summary>
        internal static readonly Counter<long> Throttles = Meter.CreateCounter<long>(
            "bookings_generated.client.operation.throttles", unit: "{throttle}", description: "Throttling answers from DynamoDB.");
    }
}

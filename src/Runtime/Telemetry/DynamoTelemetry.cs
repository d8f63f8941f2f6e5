using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The runtime's meter and activity source. Both are named <c>Bookings.Generated</c>, so OpenTelemetry
    /// collects them with <c>AddMeter("Bookings.Generated")</c> and <c>AddSource("Bookings.Generated")</c>, no adapter needed.
    /// </summary>
    public static class DynamoTelemetry
    {
        /// <summary>The name of the meter and of the activity source.</summary>
        public const string Name = "Bookings.Generated";

        /// <summary>One span per operation, with the OpenTelemetry database attributes.</summary>
        public static readonly ActivitySource ActivitySource = new(Name);

        private static readonly Meter Meter = new(Name);

        /// <summary>Operation duration in milliseconds, tagged with operation, table and outcome.</summary>
        internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
            "bookings_generated.operation.duration", unit: "ms", description: "Duration of DynamoDB operations, retries included.");

        /// <summary>Retries, tagged with operation, table and error code.</summary>
        internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "bookings_generated.operation.retries", description: "Retries of DynamoDB operations.");

        /// <summary>Throttling responses, tagged with operation and table.</summary>
        internal static readonly Counter<long> Throttles = Meter.CreateCounter<long>(
            "bookings_generated.operation.throttles", description: "Throttling responses from DynamoDB.");
    }
}

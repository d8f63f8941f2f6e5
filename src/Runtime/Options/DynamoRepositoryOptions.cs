using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Settings every generated repository of a service shares. Bound from configuration by
    /// <c>AddDynamoRepositories</c> (section <c>DynamoDb</c> by convention) and validated at start-up.
    /// </summary>
    public sealed class DynamoRepositoryOptions
    {
        /// <summary>The AWS region, such as <c>ap-northeast-2</c>. Default: the AWS SDK's own resolution (environment, profile).</summary>
        public string? Region { get; set; }

        /// <summary>
        /// An explicit endpoint such as <c>http://localhost:8000</c>, for DynamoDB Local and tests only. Default: the
        /// region's DynamoDB endpoint.
        /// </summary>
        public string? ServiceUrl { get; set; }

        /// <summary>An explicit access key id; needs <see cref="SecretAccessKey"/>. Default: the AWS default credential chain.</summary>
        public string? AccessKeyId { get; set; }

        /// <summary>The secret for <see cref="AccessKeyId"/>. Never printed.</summary>
        public string? SecretAccessKey { get; set; }

        /// <summary>
        /// Put in front of every physical table name that is not overridden (<c>test-</c> turns <c>sms</c>
        /// into <c>test-sms</c>), for per-environment or per-test tables. Default: none.
        /// </summary>
        public string? TableNamePrefix { get; set; }

        /// <summary>
        /// Full physical table names by entity name (<c>["Booking"] = "bookings-prod"</c>). An override is
        /// used as given; the prefix does not apply to it.
        /// </summary>
        public IDictionary<string, string> TableNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Capacities of <c>PROVISIONED</c> tables by entity name (<c>["Booking"] = new(10, 5)</c>, in configuration
        /// <c>Capacities:Booking:Read</c>), or by entity name, a dot and index name for a global index
        /// (<c>["Booking.by_phone"]</c>). An override replaces what the descriptor declares; a global index without its own
        /// capacity takes the table's. A value left out of configuration is 5. Ignored for on-demand tables.
        /// </summary>
        public IDictionary<string, ProvisionedCapacity> Capacities { get; } = new Dictionary<string, ProvisionedCapacity>(StringComparer.Ordinal);

        /// <summary>
        /// Whether the host's start checks every table of the registered schemas against DynamoDB
        /// (<see cref="DynamoTableManager.VerifyAsync"/>) and fails with a <see cref="DynamoTableMismatchException"/>
        /// listing the differences. Default false: it costs two requests per table at each start and needs the
        /// <c>dynamodb:DescribeTable</c> and <c>dynamodb:DescribeTimeToLive</c> permissions. Runs as a hosted service,
        /// so only under a host (<c>Microsoft.Extensions.Hosting</c>).
        /// </summary>
        public bool VerifyTablesAtStartup { get; set; }

        /// <summary>Whether gets read strongly consistent data. Default false (eventually consistent, half the cost).</summary>
        public bool ConsistentRead { get; set; }

        /// <summary>
        /// The key that signs continuation tokens (at least 32 bytes). Set the same key on every instance of
        /// a service so a token from one instance works on another and after a restart. Default: a random
        /// key per process, which is safe but makes tokens valid only within this process.
        /// </summary>
        public byte[] ContinuationTokenKey { get; set; } = RandomNumberGenerator.GetBytes(32);

        /// <summary>How batch reads and writes are split and retried.</summary>
        public BatchOptions Batch { get; set; } = new();

        /// <summary>Retry settings for throttled and transient failures: attempts, backoff, the shared budget and the timeouts.</summary>
        public RetryOptions Retry { get; set; } = new();

        /// <summary>The circuit breaker each table has; on by default.</summary>
        public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

        // The retry budget and circuit breakers every runner of these options shares (DynamoResilience.For).
        internal Internal.DynamoResilience? Resilience;

        /// <summary>
        /// The clock of <c>"timestamp"</c> attributes, retry delays, timeouts and circuit breakers (a test passes a
        /// <c>FakeTimeProvider</c>). <c>AddDynamoRepositories</c> sets it to the <see cref="System.TimeProvider"/> the service
        /// collection registers, if it registers one. Default: <see cref="TimeProvider.System"/>.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The physical table name for a table: its override, or the prefix and its default name.</summary>
        public string ResolveTableName(TableDefinition table)
        {
            ArgumentNullException.ThrowIfNull(table);
            return TableNames.TryGetValue(table.EntityName, out var name) ? name : (TableNamePrefix ?? string.Empty) + table.TableName;
        }

        /// <summary>
        /// The capacity a table (<paramref name="index"/> null) or one of its global indexes is created with and checked
        /// against: null on demand and for a local index; otherwise its override in <see cref="Capacities"/>, else what
        /// the definition declares (an index's own, else the table's), else 5 and 5.
        /// </summary>
        public ProvisionedCapacity? ResolveCapacity(TableDefinition table, IndexDefinition? index = null)
        {
            ArgumentNullException.ThrowIfNull(table);
            return table.ResolveCapacity(index, Capacities);
        }

        /// <summary>
        /// A client for <see cref="Region"/> or <see cref="ServiceUrl"/>, with <see cref="AccessKeyId"/> when set and the AWS
        /// default credential chain otherwise, for a program that builds repositories without a service collection
        /// (<c>AddDynamoRepositories</c> registers the same client). Its own retries are off (<c>MaxErrorRetry</c> and
        /// <c>MaxStaleConnectionRetries</c> are 0): the runtime retries with backoff, and retries underneath it would
        /// multiply attempts. The caller owns and disposes it.
        /// </summary>
        public Amazon.DynamoDBv2.IAmazonDynamoDB CreateClient() => DynamoClientFactory.Create(this);
    }
}

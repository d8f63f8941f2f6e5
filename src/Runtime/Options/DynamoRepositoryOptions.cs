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

        /// <summary>Retry settings for throttled and transient failures.</summary>
        public RetryOptions Retry { get; set; } = new();

        /// <summary>
        /// Where the SDK reads the time it writes into <c>"timestamp"</c> attributes (a test passes a
        /// <c>FakeTimeProvider</c>). Default: <see cref="TimeProvider.System"/>.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The physical table name for a table: its override, or the prefix and its default name.</summary>
        public string ResolveTableName(TableDefinition table)
        {
            ArgumentNullException.ThrowIfNull(table);
            return TableNames.TryGetValue(table.EntityName, out var name) ? name : (TableNamePrefix ?? string.Empty) + table.TableName;
        }
    }
}

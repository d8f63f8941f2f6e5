using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Reads a table that holds several entity types (single-table design) partition by partition; generated
    /// table repositories turn each item into its own entity type by the type attribute.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DynamoTableReader
    {
        private readonly TableDefinition _table;
        private readonly DynamoReads _reads;
        private readonly bool _consistentRead;

        /// <summary>Creates the reader.</summary>
        /// <param name="client">The DynamoDB client; the caller owns it.</param>
        /// <param name="table">The table definition.</param>
        /// <param name="options">Table names, retries and read consistency; defaults when null.</param>
        /// <param name="logger">Where operation logs go, with keys masked; nothing is logged when null.</param>
        public DynamoTableReader(IAmazonDynamoDB client, TableDefinition table, DynamoRepositoryOptions? options = null, ILogger? logger = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(table);
            options ??= new DynamoRepositoryOptions();
            _table = table;
            _reads = new DynamoReads(client, new DynamoOperationRunner(options, logger), new ContinuationTokens(options.ContinuationTokenKey));
            _consistentRead = options.ConsistentRead;
            TableName = options.ResolveTableName(table);
        }

        /// <summary>The physical table name in use, after prefixes and overrides.</summary>
        public string TableName { get; }

        /// <summary>Every item of one partition (of the table, or of <paramref name="index"/>; <see cref="QueryOptions.SortKey"/> narrows it), read lazily with <paramref name="read"/>.</summary>
        public IAsyncEnumerable<T> QueryAsync<T>(IndexDefinition? index, AttributeValue partition, string label, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
            => _reads.QueryAllAsync(Query(index, partition, options), label, read, cancellationToken);

        /// <summary>One page of a partition, from where the continuation token marks.</summary>
        /// <exception cref="DynamoValidationException">The token is not valid for this table and index.</exception>
        public Task<Page<T>> QueryPageAsync<T>(IndexDefinition? index, AttributeValue partition, string label, int pageSize, string? continuationToken, QueryOptions? options, Func<IReadOnlyDictionary<string, AttributeValue>, T> read, CancellationToken cancellationToken)
            => _reads.QueryPageAsync(Query(index, partition, options), label, pageSize, continuationToken, read, cancellationToken);

        private QueryRequest Query(IndexDefinition? index, AttributeValue partition, QueryOptions? options)
            => PartitionQueries.Build(TableName, _table, index, partition, options, _consistentRead, null, null);
    }
}

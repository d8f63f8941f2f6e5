using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bookings.Generated.Runtime
{
    /// <summary>Creates the tables a schema declares, under the names the options resolve, and checks live tables against them.</summary>
    public sealed class DynamoTableManager
    {
        // Waited on the options' TimeProvider, as retries are, so a test's fake clock drives it too.
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
        private readonly IAmazonDynamoDB _client;
        private readonly DynamoRepositoryOptions _options;
        private readonly ILogger _logger;
        private readonly DynamoOperationRunner _runner;

        /// <summary>Creates a table manager.</summary>
        public DynamoTableManager(IAmazonDynamoDB client, DynamoRepositoryOptions? options = null, ILogger<DynamoTableManager>? logger = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            _client = client;
            _options = options ?? new DynamoRepositoryOptions();
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _runner = new DynamoOperationRunner(_options, _logger);
        }

        /// <summary>
        /// Creates every table that does not exist yet, waits until each is active, and turns on time to live
        /// where the schema declares a TTL attribute (for existing tables too). A <c>PROVISIONED</c> table and its global
        /// indexes get the capacities <see cref="DynamoRepositoryOptions.ResolveCapacity"/> gives; an existing table is
        /// left as it is (<see cref="VerifyAsync"/> reports how it differs).
        /// </summary>
        /// <returns>The physical names of the tables that were created.</returns>
        public async Task<IReadOnlyList<string>> EnsureTablesAsync(IEnumerable<TableDefinition> tables, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(tables);
            var created = new List<string>();
            foreach (var table in tables)
            {
                var name = _options.ResolveTableName(table);
                if (await ExistsAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    await EnsureTimeToLiveAsync(table, name, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                RuntimeLog.TableCreating(_logger, name);
                try
                {
                    await _runner.ExecuteAsync(
                        new DynamoOperation("CreateTable", name),
                        ct => _client.CreateTableAsync(table.ToCreateTableRequest(name, _options.Capacities), ct),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (DynamoRepositoryException ex) when (ex.InnerException is ResourceInUseException)
                {
                    // Another process created it between our check and our request: fine.
                }

                await WaitUntilActiveAsync(name, cancellationToken).ConfigureAwait(false);
                await EnsureTimeToLiveAsync(table, name, cancellationToken).ConfigureAwait(false);
                RuntimeLog.TableReady(_logger, name);
                created.Add(name);
            }

            return created;
        }

        /// <summary>
        /// Compares each table, under the name the options resolve, with the live one (<c>DescribeTable</c> and
        /// <c>DescribeTimeToLive</c>): its key attributes and their types, billing mode, capacities (of a provisioned
        /// table and its global indexes), indexes (missing, extra, of the other kind) with their keys and projections,
        /// and the time to live attribute. Changes nothing.
        /// </summary>
        /// <returns>
        /// Every difference, table by table, in the order the tables are given; empty when the live tables match. A
        /// missing table is one difference (<c>table</c>, expected <c>exists</c>, actual <c>missing</c>), not an exception.
        /// </returns>
        public async Task<IReadOnlyList<TableDifference>> VerifyAsync(IEnumerable<TableDefinition> tables, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(tables);
            var differences = new List<TableDifference>();
            foreach (var table in tables)
            {
                var name = _options.ResolveTableName(table);
                var live = await DescribeAsync(name, cancellationToken).ConfigureAwait(false);
                List<TableDifference> found;
                if (live is null)
                {
                    found = new List<TableDifference> { new(name, "table", "exists", "missing") };
                }
                else
                {
                    var timeToLive = await DescribeTimeToLiveAsync(name, cancellationToken).ConfigureAwait(false);
                    found = TableComparison.Compare(table, name, live, timeToLive, _options.Capacities);
                }

                foreach (var difference in found)
                {
                    RuntimeLog.TableDiffers(_logger, name, difference.What, difference.Expected, difference.Actual);
                }

                if (found.Count == 0)
                {
                    RuntimeLog.TableMatches(_logger, name);
                }

                differences.AddRange(found);
            }

            return differences;
        }

        /// <summary>Whether a table of that physical name exists.</summary>
        public async Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(tableName);
            return await DescribeAsync(tableName, cancellationToken).ConfigureAwait(false) is not null;
        }

        private async Task<TableDescription?> DescribeAsync(string tableName, CancellationToken cancellationToken)
        {
            try
            {
                var response = await _runner.ExecuteAsync(
                    new DynamoOperation("DescribeTable", tableName, Expected: ErrorCategory.TableNotFound),
                    ct => _client.DescribeTableAsync(tableName, ct),
                    cancellationToken).ConfigureAwait(false);
                return response.Table;
            }
            catch (DynamoRepositoryException e) when (e.Kind == DynamoErrorKind.TableNotFound)
            {
                return null;
            }
        }

        /// <summary>Every table name in the account and region (or the endpoint), all pages read.</summary>
        public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
        {
            var names = new List<string>();
            string? start = null;
            do
            {
                var request = new ListTablesRequest { ExclusiveStartTableName = start };
                var response = await _runner.ExecuteAsync(
                    new DynamoOperation("ListTables", "*"),
                    ct => _client.ListTablesAsync(request, ct),
                    cancellationToken).ConfigureAwait(false);
                names.AddRange(response.TableNames ?? new List<string>());
                start = response.LastEvaluatedTableName;
            }
            while (!string.IsNullOrEmpty(start));

            return names;
        }

        /// <summary>Deletes the tables of a schema, under the names the options resolve; missing ones are skipped.</summary>
        /// <returns>The physical names of the tables that were deleted.</returns>
        public async Task<IReadOnlyList<string>> DeleteTablesAsync(IEnumerable<TableDefinition> tables, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(tables);
            var deleted = new List<string>();
            foreach (var table in tables)
            {
                var name = _options.ResolveTableName(table);
                try
                {
                    await _runner.ExecuteAsync(
                        new DynamoOperation("DeleteTable", name, Expected: ErrorCategory.TableNotFound),
                        ct => _client.DeleteTableAsync(name, ct),
                        cancellationToken).ConfigureAwait(false);
                    deleted.Add(name);
                }
                catch (DynamoRepositoryException e) when (e.Kind == DynamoErrorKind.TableNotFound)
                {
                    // Already gone: deleting is idempotent.
                }
            }

            return deleted;
        }

        private async Task EnsureTimeToLiveAsync(TableDefinition table, string name, CancellationToken cancellationToken)
        {
            if (table.TtlAttribute is null)
            {
                return;
            }

            var status = (await DescribeTimeToLiveAsync(name, cancellationToken).ConfigureAwait(false))?.TimeToLiveStatus;
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
            {
                return;
            }

            var request = new UpdateTimeToLiveRequest
            {
                TableName = name,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = table.TtlAttribute, Enabled = true },
            };
            await _runner.ExecuteAsync(
                new DynamoOperation("UpdateTimeToLive", name),
                ct => _client.UpdateTimeToLiveAsync(request, ct),
                cancellationToken).ConfigureAwait(false);
        }

        private async Task<TimeToLiveDescription?> DescribeTimeToLiveAsync(string name, CancellationToken cancellationToken)
        {
            var response = await _runner.ExecuteAsync(
                new DynamoOperation("DescribeTimeToLive", name),
                ct => _client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = name }, ct),
                cancellationToken).ConfigureAwait(false);
            return response.TimeToLiveDescription;
        }

        private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
        {
            while (true)
            {
                var response = await _runner.ExecuteAsync(
                    new DynamoOperation("DescribeTable", tableName),
                    ct => _client.DescribeTableAsync(tableName, ct),
                    cancellationToken).ConfigureAwait(false);
                if (response.Table?.TableStatus == TableStatus.ACTIVE)
                {
                    return;
                }

                await Task.Delay(PollInterval, _runner.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

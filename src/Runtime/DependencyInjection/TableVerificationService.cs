using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Bookings.Generated.Runtime
{
    /// <summary>The tables one schema describes, as <see cref="DynamoServiceCollectionExtensions.AddTables"/> registered them.</summary>
    internal sealed record DescribedTables(IReadOnlyList<TableDefinition> Tables);

    /// <summary>
    /// Checks the registered tables when the host starts, if <see cref="DynamoRepositoryOptions.VerifyTablesAtStartup"/>
    /// is on, and fails the start with every difference; does nothing otherwise.
    /// </summary>
    internal sealed class TableVerificationService : IHostedService
    {
        private readonly DynamoRepositoryOptions _options;
        private readonly DynamoTableManager _manager;
        private readonly IEnumerable<DescribedTables> _tables;

        public TableVerificationService(DynamoRepositoryOptions options, DynamoTableManager manager, IEnumerable<DescribedTables> tables)
        {
            _options = options;
            _manager = manager;
            _tables = tables;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!_options.VerifyTablesAtStartup)
            {
                return;
            }

            // A schema registered twice (or a table in two registrations) is checked once.
            var tables = _tables.SelectMany(t => t.Tables).Distinct().ToList();
            var differences = await _manager.VerifyAsync(tables, cancellationToken).ConfigureAwait(false);
            if (differences.Count > 0)
            {
                throw new DynamoTableMismatchException(differences);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

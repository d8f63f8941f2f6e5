// Compiled into the test projects that create tables (linked, like DynamoDbFixture.cs).
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Testing;

/// <summary>Fresh, uniquely named tables for one test, created through the runtime's table manager.</summary>
internal static class FreshTables
{
    /// <summary>
    /// Creates each table as <c>{testName}-{table name}</c>, made unique by the fixture, and returns options that
    /// point each entity (or shared table) at it.
    /// </summary>
    public static async Task<DynamoRepositoryOptions> CreateAsync(
        DynamoDbFixture fixture,
        string testName,
        IEnumerable<TableDefinition> tables,
        ILogger<DynamoTableManager>? logger = null)
    {
        var definitions = tables.ToList();
        var options = new DynamoRepositoryOptions();
        foreach (var table in definitions)
        {
            options.TableNames[table.EntityName] = fixture.UniqueTableName(testName + "-" + table.TableName);
        }

        await new DynamoTableManager(fixture.Client, options, logger).EnsureTablesAsync(definitions);
        return options;
    }
}

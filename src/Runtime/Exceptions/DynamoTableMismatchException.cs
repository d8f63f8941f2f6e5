using System.Collections.Generic;
using System.Linq;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The live tables differ from the schema, found at start-up when
    /// <see cref="DynamoRepositoryOptions.VerifyTablesAtStartup"/> is on; <see cref="Differences"/> lists each difference,
    /// and the message prints them one a line.
    /// </summary>
    public sealed class DynamoTableMismatchException : DynamoRepositoryException
    {
        /// <summary>Creates the exception from the differences <see cref="DynamoTableManager.VerifyAsync"/> found.</summary>
        public DynamoTableMismatchException(IReadOnlyList<TableDifference> differences)
            : base(Describe(differences), "DescribeTable", SingleTable(differences))
            => Differences = differences;

        /// <summary>Every difference found, table by table.</summary>
        public IReadOnlyList<TableDifference> Differences { get; }

        private static string Describe(IReadOnlyList<TableDifference> differences)
        {
            System.ArgumentNullException.ThrowIfNull(differences);
            return $"The live DynamoDB tables differ from the schema ({differences.Count} difference{(differences.Count == 1 ? string.Empty : "s")}); "
                + "change the tables or the descriptor so they agree:"
                + string.Concat(differences.Select(d => "\n  " + d));
        }

        private static string? SingleTable(IReadOnlyList<TableDifference> differences)
        {
            var tables = differences.Select(d => d.Table).Distinct().ToList();
            return tables.Count == 1 ? tables[0] : null;
        }
    }
}

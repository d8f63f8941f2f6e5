using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>Provisioned capacity (DDB030–DDB032): missing, not a whole number of 1 or more, or given where none applies, each at its exact position.</summary>
    public sealed class CapacityDiagnosticTests
    {
        private const string Path = "/repo/schema/warehouse.tables.json";

        private static Diagnostic OnlyError(string descriptor, string id, int line, string at, params string[] message)
            => Assertions.OnlyErrorAt(Path, descriptor, id, line, at, message);

        /// <summary>A table with a sort key, the billing lines given, and one global and one local index whose extra properties are given.</summary>
        private static string Table(string billing, string globalIndex = "", string localIndex = "") => $$"""
            {
              "namespace": "Warehouse",
              "tables": [
                {
                  "name": "Bin", "tableName": "bins",
            {{billing}}
                  "partitionKey": { "attribute": "bin_id" }, "sortKey": { "attribute": "slot" },
                  "attributes": { "bin_id": { "type": "string" }, "slot": { "type": "string" }, "sku": { "type": "string" } },
                  "indexes": {
                    "by_sku": { "type": "global", "partitionKey": { "attribute": "sku" }{{globalIndex}} },
                    "by_slot_sku": { "type": "local", "sortKey": { "attribute": "sku" }{{localIndex}} }
                  }
                }
              ]
            }
            """;

        [Fact]
        public void A_provisioned_table_with_capacities_generates_clean_code()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(
                Path,
                Table("""      "billingMode": "PROVISIONED", "capacity": { "read": 5, "write": 1 },""", """, "capacity": { "read": 2, "write": 2 }""")));

        [Fact]
        public void A_provisioned_table_needs_a_capacity()
            => OnlyError(
                Table("""      "billingMode": "PROVISIONED","""),
                "DDB030",
                6,
                "\"PROVISIONED\"",
                "Table 'Bin' has \"billingMode\": \"PROVISIONED\" but no capacity. Add \"capacity\": { \"read\": 5, \"write\": 5 }");

        [Fact]
        public void A_capacity_needs_read_and_write()
            => OnlyError(
                Table("""      "billingMode": "PROVISIONED", "capacity": { "read": 5 },"""),
                "DDB004",
                6,
                "{ \"read\"",
                "The capacity of table 'Bin' is missing the required property 'write'. Add \"write\": 5.");

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("2.5")]
        [InlineData("1e3")]
        [InlineData("99999999999999999999")]
        public void A_capacity_is_a_whole_number_of_one_or_more(string units)
            => OnlyError(
                Table($$"""      "billingMode": "PROVISIONED", "capacity": { "read": 5, "write": {{units}} },"""),
                "DDB031",
                6,
                units + " }",
                $"The write capacity of table 'Bin' must be a whole number of units, 1 or more, but {units} was found.");

        [Fact]
        public void An_index_capacity_is_checked_like_the_table_s()
            => OnlyError(
                Table("""      "billingMode": "PROVISIONED", "capacity": { "read": 5, "write": 5 },""", """, "capacity": { "read": 0, "write": 1 }"""),
                "DDB031",
                10,
                "0, \"write\": 1",
                "The read capacity of index 'by_sku' must be a whole number of units, 1 or more, but 0 was found.");

        [Fact]
        public void An_on_demand_table_has_no_capacity()
            => OnlyError(
                Table("""      "capacity": { "read": 5, "write": 5 },"""),
                "DDB032",
                6,
                "\"capacity\"",
                "'capacity' does not apply to table 'Bin': the table is billed on demand (\"PAY_PER_REQUEST\", the default); set \"billingMode\": \"PROVISIONED\" to give it capacity, or remove it.");

        [Fact]
        public void A_global_index_of_an_on_demand_table_has_no_capacity()
            => OnlyError(
                Table("""      "billingMode": "PAY_PER_REQUEST",""", """, "capacity": { "read": 5, "write": 5 }"""),
                "DDB032",
                10,
                "\"capacity\"",
                "'capacity' does not apply to index 'by_sku': the table is billed on demand");

        [Fact]
        public void An_index_capacity_is_reported_beside_the_index_s_other_mistakes()
        {
            // A misspelt index type does not hide the capacity an on-demand table's index may not have: both are reported.
            var descriptor = Table("""      "billingMode": "PAY_PER_REQUEST",""", """, "capacity": { "read": 5, "write": 5 }""").Replace("\"type\": \"global\"", "\"type\": \"globl\"");
            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);
            Assert.Equal(new[] { "DDB014", "DDB032" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
            var line = descriptor.Split('\n')[9];
            Assertions.Reported(Assertions.Single(run, "DDB014"), "DDB014", DiagnosticSeverity.Error, Path, 10, line.IndexOf("\"globl\"", System.StringComparison.Ordinal) + 1);
            Assertions.Reported(Assertions.Single(run, "DDB032"), "DDB032", DiagnosticSeverity.Error, Path, 10, line.IndexOf("\"capacity\"", System.StringComparison.Ordinal) + 1);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void A_local_index_uses_the_table_s_capacity()
            => OnlyError(
                Table("""      "billingMode": "PROVISIONED", "capacity": { "read": 5, "write": 5 },""", localIndex: """, "capacity": { "read": 5, "write": 5 }"""),
                "DDB032",
                11,
                "\"capacity\"",
                "'capacity' does not apply to index 'by_slot_sku': a local index uses the table's capacity; remove it.");

        [Fact]
        public void An_unknown_billing_mode_lists_both()
            => OnlyError(
                Table("""      "billingMode": "PROVISONED","""),
                "DDB014",
                6,
                "\"PROVISONED\"",
                "'PROVISONED' is not a valid value for 'billingMode'.",
                "Did you mean 'PROVISIONED'?",
                "Allowed values: PAY_PER_REQUEST, PROVISIONED.");

        [Fact]
        public void A_shared_table_needs_a_capacity_when_provisioned()
            => OnlyError(
                """
                {
                  "namespace": "Warehouse",
                  "tables": [
                    {
                      "name": "Depots", "tableName": "depots", "billingMode": "PROVISIONED",
                      "partitionKey": { "attribute": "pk" },
                      "entities": [ { "name": "Depot", "partitionKey": { "template": "DEPOT#{id}" }, "keyParts": { "id": { "type": "string" } }, "attributes": {} } ]
                    }
                  ]
                }
                """,
                "DDB030",
                5,
                "\"PROVISIONED\"",
                "Table 'Depots' has \"billingMode\": \"PROVISIONED\" but no capacity.");

        [Fact]
        public void Entities_that_share_an_index_declare_its_capacity_alike()
            => OnlyError(
                """
                {
                  "namespace": "Warehouse",
                  "tables": [
                    {
                      "name": "Depots", "tableName": "depots", "billingMode": "PROVISIONED", "capacity": { "read": 4, "write": 4 },
                      "partitionKey": { "attribute": "pk" },
                      "entities": [
                        { "name": "Depot", "partitionKey": { "template": "DEPOT#{id}" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "city": { "type": "string" } }, "indexes": { "by_city": { "type": "global", "partitionKey": { "attribute": "city" } } } },
                        { "name": "Yard", "partitionKey": { "template": "YARD#{id}" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "city": { "type": "string" } }, "indexes": { "by_city": { "type": "global", "partitionKey": { "attribute": "city" }, "capacity": { "read": 1, "write": 1 } } } }
                      ]
                    }
                  ]
                }
                """,
                "DDB014",
                9,
                "\"by_city\"",
                "Entity 'Depot' declares the index too",
                "with the table's capacity where this one has a capacity of 1 read and 1 write units");

        [Fact]
        public void An_entity_of_a_shared_table_has_no_capacity_of_its_own()
            => OnlyError(
                """
                {
                  "namespace": "Warehouse",
                  "tables": [
                    {
                      "name": "Depots", "tableName": "depots", "billingMode": "PROVISIONED", "capacity": { "read": 4, "write": 4 },
                      "partitionKey": { "attribute": "pk" },
                      "entities": [ { "name": "Depot", "capacity": { "read": 1, "write": 1 }, "partitionKey": { "template": "DEPOT#{id}" }, "keyParts": { "id": { "type": "string" } }, "attributes": {} } ]
                    }
                  ]
                }
                """,
                "DDB003",
                7,
                "\"capacity\"",
                "Unknown property 'capacity' in entity 'Depot'.");
    }
}

using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>Mistakes in secondary indexes and in tables shared by several entity types, each at its exact position.</summary>
    public sealed class IndexAndEntityDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        private static Diagnostic OnlyError(string descriptor, string id, int line, string at, params string[] message)
            => Assertions.OnlyErrorAt(Path, descriptor, id, line, at, message);

        private static string Table(string indexes) => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Order",
                  "tableName": "orders",
                  "partitionKey": { "attribute": "id" },
                  "attributes": { "id": { "type": "string" }, "email": { "type": "string" }, "tags": { "type": "list<string>" } },
                  "indexes": {
            {{indexes}}
                  }
                }
              ]
            }
            """;

        [Fact]
        public void An_index_naming_a_missing_attribute_suggests_the_closest()
            => OnlyError(Table("""    "by_email": { "type": "global", "partitionKey": { "attribute": "emial" } }"""), "DDB018", 10, "\"emial\"", "The index 'by_email' names 'emial', which the table does not store as an attribute.", "Did you mean 'email'?");

        [Fact]
        public void An_included_attribute_must_exist()
            => OnlyError(Table("""    "by_email": { "type": "global", "partitionKey": { "attribute": "email" }, "projection": "INCLUDE", "include": ["nmae"] }"""), "DDB018", 10, "\"nmae\"", "names 'nmae'");

        [Fact]
        public void A_list_cannot_be_an_index_key()
            => OnlyError(Table("""    "by_tags": { "type": "global", "partitionKey": { "attribute": "tags" } }"""), "DDB010", 10, "\"tags\"", "'tags' is used in a key but has type 'list<string>'.");

        [Fact]
        public void A_local_index_needs_a_table_sort_key()
            => OnlyError(Table("""    "by_email": { "type": "local", "sortKey": { "attribute": "email" } }"""), "DDB016", 10, "\"local\"", "DynamoDB allows local indexes only on tables with a sort key");

        [Fact]
        public void A_computed_index_key_may_not_reuse_an_attribute_name()
            => OnlyError(Table("""    "by_email": { "type": "global", "partitionKey": { "attribute": "email", "template": "EMAIL#{email}" } }"""), "DDB006", 10, "\"email\", \"template\"", "Duplicate attribute 'email'; the first one is at line 8, column 51. An index key with a \"template\" is an attribute the SDK computes: give it a name of its own, such as \"by_email_key\".");

        [Fact]
        public void A_computed_index_key_template_names_only_declared_values()
            => OnlyError(Table("""    "by_email": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "EMAIL#{mail}" } }"""), "DDB008", 10, "\"EMAIL#{mail}\"", "names '{mail}'", "Did you mean 'email'?");

        [Fact]
        public void Entities_whose_sort_keys_start_alike_cannot_share_a_table()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Stores", "tableName": "stores",
                      "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                      "entities": [
                        { "name": "Staff", "partitionKey": { "template": "STORE#{store_id}" }, "sortKey": { "template": "STAFF#{id}" }, "keyParts": { "store_id": { "type": "string" }, "id": { "type": "string" } }, "attributes": {} },
                        { "name": "Manager", "partitionKey": { "template": "STORE#{store_id}" }, "sortKey": { "template": "STAFF#MGR#{id}" }, "keyParts": { "store_id": { "type": "string" }, "id": { "type": "string" } }, "attributes": {} }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB019", 9, "\"STAFF#MGR#{id}\"", "The sortKey template of entity 'Manager' cannot be told apart from that of 'Staff' (at line 8, column 105): 'STAFF#' starts both.", "own literal prefix");
        }

        [Fact]
        public void Entities_in_partitions_of_their_own_may_share_a_sort_key()
        {
            // A user's and a product's profile items are both "#META", but never in the same partition.
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Catalog", "tableName": "catalog",
                      "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                      "entities": [
                        { "name": "User", "partitionKey": { "template": "USER#{email}" }, "sortKey": { "template": "#META" }, "keyParts": { "email": { "type": "string" } }, "attributes": {} },
                        { "name": "Product", "partitionKey": { "template": "PRODUCT#{sku}" }, "sortKey": { "template": "#META" }, "keyParts": { "sku": { "type": "string" } }, "attributes": {} },
                        { "name": "Order", "partitionKey": { "template": "USER#{email}" }, "sortKey": { "template": "#META#ORDER#{id}" }, "keyParts": { "email": { "type": "string" }, "id": { "type": "string" } }, "attributes": {} }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB019", 10, "\"#META#ORDER#{id}\"", "The sortKey template of entity 'Order' cannot be told apart from that of 'User'", "own literal prefix");
        }

        [Fact]
        public void An_entity_may_not_rename_the_table_key_attribute()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Stores", "tableName": "stores",
                      "partitionKey": { "attribute": "pk" },
                      "entities": [
                        { "name": "Store", "partitionKey": { "attribute": "id", "template": "STORE#{store_id}" }, "keyParts": { "store_id": { "type": "string" } }, "attributes": {} }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB015", 8, "\"id\", \"template\"", "The table's partitionKey attribute is 'pk', so an entity cannot use 'id'.");
        }

        [Fact]
        public void An_index_on_a_key_part_that_is_never_stored_is_refused()
        {
            // "order_id" lives only inside "sk": as a stored index key it would never be written, and the index would stay empty.
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order", "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "CUSTOMER#{customer_id}" }, "sortKey": { "attribute": "sk", "template": "ORDER#{order_id}" },
                      "keyParts": { "customer_id": { "type": "string" }, "order_id": { "type": "long" } },
                      "attributes": { "status": { "type": "string" } },
                      "indexes": { "by_status": { "type": "global", "partitionKey": { "attribute": "status" }, "sortKey": { "attribute": "order_id" } } }
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB018", 9, "\"order_id\" } }", "'order_id' is a key part", "\"template\": \"{order_id}\"");
        }

        [Fact]
        public void A_computed_index_key_may_use_a_key_part()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order", "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "CUSTOMER#{customer_id}" }, "sortKey": { "attribute": "sk", "template": "ORDER#{order_id}" },
                      "keyParts": { "customer_id": { "type": "string" }, "order_id": { "type": "long" } },
                      "attributes": { "status": { "type": "string" } },
                      "indexes": { "by_status": { "type": "global", "partitionKey": { "attribute": "status" }, "sortKey": { "attribute": "gsi_sk", "template": "{order_id}" } } }
                    }
                  ]
                }
                """;
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, descriptor));
        }

        [Fact]
        public void The_type_attribute_may_not_be_a_key_attribute()
        {
            // With the sort key as the type attribute, an item whose sort key is the entity's name would read back
            // with its extra attributes dropped (the attribute read twice): refused before any code is generated.
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Stores", "tableName": "stores", "typeAttribute": "sk",
                      "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                      "entities": [
                        { "name": "Store", "partitionKey": { "template": "STORE#{store_id}" }, "sortKey": { "template": "Store" }, "keyParts": { "store_id": { "type": "string" } }, "attributes": {}, "extraAttributes": true }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB015", 5, "\"sk\",", "The type attribute 'sk' of table 'Stores' is its sort key attribute.", "\"typeAttribute\": \"_type\"");
        }

        [Fact]
        public void A_constant_partition_key_is_a_warning_and_still_generates()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    { "name": "Setting", "tableName": "settings", "partitionKey": { "attribute": "pk", "template": "ALL" }, "sortKey": { "attribute": "name" }, "attributes": { "name": { "type": "string" } } }
                  ]
                }
                """;
            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);
            var diagnostic = Assertions.Single(run, "DDB020");
            Assertions.Reported(diagnostic, "DDB020", DiagnosticSeverity.Warning, Path, 4, descriptor.Split('\n')[3].IndexOf("\"ALL\"", System.StringComparison.Ordinal) + 1);
            Assertions.MessageContains(diagnostic, "The partition key template of table 'Setting' is the constant \"ALL\"", "every item lands in one partition");
            Assert.NotEmpty(run.Sources);
            Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        [Fact]
        public void A_constant_index_partition_key_is_a_warning_and_queries_take_no_partition()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    { "name": "Setting", "tableName": "settings", "partitionKey": { "attribute": "name" }, "attributes": { "name": { "type": "string" } },
                      "indexes": { "everything": { "type": "global", "partitionKey": { "attribute": "gsi_pk", "template": "ALL" }, "sortKey": { "attribute": "name" } } } }
                  ]
                }
                """;
            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);
            var diagnostic = Assertions.Single(run, "DDB020");
            Assertions.Reported(diagnostic, "DDB020", DiagnosticSeverity.Warning, Path, 5, descriptor.Split('\n')[4].IndexOf("\"ALL\"", System.StringComparison.Ordinal) + 1);
            Assertions.MessageContains(diagnostic, "The partition key template of index 'everything' is the constant \"ALL\"");
            Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assert.Contains(run.Sources, s => s.Text.Contains("QueryEverythingAsync(global::Bookings.Generated.Runtime.QueryOptions? options = null", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_attribute_may_not_take_the_type_attribute_name()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Stores", "tableName": "stores",
                      "partitionKey": { "attribute": "pk" },
                      "typeAttribute": "kind",
                      "entities": [
                        { "name": "Store", "partitionKey": { "template": "STORE#{store_id}" }, "keyParts": { "store_id": { "type": "string" } }, "attributes": { "kind": { "type": "string" } } }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB006", 9, "\"kind\": {", "Duplicate attribute 'kind'", "the table's type attribute");
        }
    }
}

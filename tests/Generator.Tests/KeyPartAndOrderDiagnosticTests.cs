using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Issue 21, items 5 to 7: key parts declared on a shared table (DDB041 for one no entity uses, DDB042 for an
    /// override that changes the shared partition), fixed-width number parts (DDB040 for a width that is not one, DDB016
    /// where a width does not apply) and a declared query order (DDB014 for another value, DDB016 where there is nothing
    /// to order), each reported where it is written.
    /// </summary>
    public sealed class KeyPartAndOrderDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        /// <summary>A table whose sort key (line 8) is <c>CART#{line_no}</c>, with <paramref name="keyPart"/> on line 10 and <paramref name="extra"/> on line 12.</summary>
        private static string Cart(string keyPart, string extra = "\"description\": \"Carts\"", string sortKey = "\"template\": \"CART#{line_no}\"") => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "CartLine",
                  "tableName": "cart-lines",
                  "partitionKey": { "attribute": "pk", "template": "USER#{email}" },
                  "sortKey": { "attribute": "sk", {{sortKey}} },
                  "keyParts": { "email": { "type": "string" },
                    {{keyPart}} },
                  "attributes": { "sku": { "type": "string" }, "count": { "type": "long" } },
                  {{extra}}
                }
              ]
            }
            """;

        /// <summary>
        /// A shared table declaring <c>email</c> (line 7); its entities' partition templates are
        /// <paramref name="userPartition"/> (line 10) and <c>USER#{email}</c> (line 14), and <paramref name="orderParts"/>
        /// the order's own key parts (line 16), its attributes on line 17.
        /// </summary>
        private static string Shared(string orderParts, string userPartition = "USER#{email}#{user_id}", string orderSort = "ORDER#{order_no}", string orderPartition = "USER#{email}") => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Shoppers", "tableName": "shoppers",
                  "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                  "keyParts": { "email": { "type": "string", "sensitive": "personal" } },
                  "entities": [
                    {
                      "name": "Shopper", "partitionKey": { "template": "{{userPartition}}" }, "sortKey": { "template": "#PROFILE" },
                      "keyParts": { "user_id": { "type": "long" } }, "attributes": { "name": { "type": "string" } }
                    },
                    {
                      "name": "Purchase", "partitionKey": { "template": "{{orderPartition}}" }, "sortKey": { "template": "{{orderSort}}" },
                      "keyParts": {
                        {{orderParts}} },
                      "attributes": { "total": { "type": "decimal" } }
                    }
                  ]
                }
              ]
            }
            """;

        [Theory]
        [InlineData("\"line_no\": { \"type\": \"long\", \"format\": \"D10\" }")]
        [InlineData("\"line_no\": { \"type\": \"long\", \"format\": \"D19\" }")]
        [InlineData("\"line_no\": { \"type\": \"int\", \"format\": \"D10\" }")]
        [InlineData("\"line_no\": { \"type\": \"int\", \"format\": \"D1\" }")]
        public void Fixed_width_number_parts_generate_clean_code(string keyPart)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Cart(keyPart)));

        [Theory]
        [InlineData("int", "D11", "\"D1\" to \"D10\"")]
        [InlineData("long", "D20", "\"D1\" to \"D19\"")]
        [InlineData("long", "D0", "\"D1\" to \"D19\"")]
        [InlineData("long", "D010", "\"D1\" to \"D19\"")]
        [InlineData("int", "N0", "\"D1\" to \"D10\"")]
        [InlineData("long", "d10", "\"D1\" to \"D19\"")]
        public void A_width_that_is_not_one_is_refused_at_the_format(string type, string format, string range)
            => Assertions.OnlyErrorAt(
                Path,
                Cart($"\"line_no\": {{ \"type\": \"{type}\", \"format\": \"{format}\" }}"),
                "DDB040",
                10,
                $"\"{format}\"",
                $"'{format}' is not a fixed width for the key part 'line_no'",
                $"Write \"D\" and the digits every value is padded to, from {range}");

        [Theory]
        [InlineData("string")]
        [InlineData("decimal")]
        public void A_width_on_a_part_that_is_not_an_int_or_long_is_refused_at_the_format(string type)
            => Assertions.OnlyErrorAt(
                Path,
                Cart($"\"line_no\": {{ \"type\": \"{type}\", \"format\": \"D10\" }}"),
                "DDB016",
                10,
                "\"D10\"",
                "'format' does not apply to 'line_no'",
                "int and long key parts a fixed width such as \"D10\"");

        [Fact]
        public void A_width_on_a_stored_number_attribute_is_refused_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                Cart("\"line_no\": { \"type\": \"long\" }", sortKey: "\"template\": \"CART#{line_no}#{count}\"").Replace("\"count\": { \"type\": \"long\" }", "\"count\": { \"type\": \"long\", \"format\": \"D10\" }", System.StringComparison.Ordinal),
                "DDB016",
                11,
                "\"D10\"",
                "'format' does not apply to 'count': only dates and times");

        [Fact]
        public void A_width_on_a_part_that_is_a_key_alone_is_refused_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                Cart("\"line_no\": { \"type\": \"long\", \"format\": \"D10\" }", sortKey: "\"template\": \"{line_no}\""),
                "DDB016",
                10,
                "\"D10\"",
                "'format' does not apply to 'line_no': the sortKey template \"{line_no}\" is the part alone, stored as a number (N)",
                "remove \"format\", or put literal text in the template");

        [Fact]
        public void Unpadded_number_parts_say_their_ranges_compare_as_text()
        {
            var run = GeneratorHarness.Run(Path, Cart("\"line_no\": { \"type\": \"long\" }"));
            Assertions.GeneratesCleanCode(run);
            var sortKey = System.Linq.Enumerable.Single(run.Sources, s => s.HintName.EndsWith("CartLineSortKey.g.cs", System.StringComparison.Ordinal)).Text;
            Assert.Contains("lies between the two made from these parts, both included. A number part compares as text: <c>10</c> sorts before <c>9</c>. Give the part a fixed width", sortKey, System.StringComparison.Ordinal);
            var padded = GeneratorHarness.Run(Path, Cart("\"line_no\": { \"type\": \"long\", \"format\": \"D10\" }"));
            Assert.DoesNotContain("compares as text", System.Linq.Enumerable.Single(padded.Sources, s => s.HintName.EndsWith("CartLineSortKey.g.cs", System.StringComparison.Ordinal)).Text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_table_key_part_every_entity_uses_generates_clean_code()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Shared("\"order_no\": { \"type\": \"int\", \"format\": \"D6\" }")));

        [Fact]
        public void An_override_that_keeps_the_type_or_is_only_in_the_sort_key_generates_clean_code()
        {
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\", \"pattern\": \"@\" }")));
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Shared(
                "\"order_no\": { \"type\": \"long\" }, \"buyer\": { \"type\": \"string\" }, \"email\": { \"type\": \"long\" }",
                orderSort: "ORDER#{order_no}#{email}",
                orderPartition: "USER#{buyer}")));
        }

        [Fact]
        public void A_table_key_part_no_entity_uses_is_a_warning_at_its_name()
        {
            var run = GeneratorHarness.Run(Path, Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\" }", "SHOPPER#{user_id}"));
            var diagnostic = Assertions.Single(run, "DDB041");
            Assertions.Reported(diagnostic, "DDB041", DiagnosticSeverity.Warning, Path, 7, 21);
            Assertions.MessageContains(diagnostic, "The key part 'email' declared on the table 'Shoppers' is used by no entity's key", "remove it from the table's \"keyParts\"");
            Assertions.GeneratesCleanCode(run, "DDB041");
        }

        [Fact]
        public void An_override_that_changes_the_type_in_the_partition_key_is_refused_at_the_override()
            => Assertions.OnlyErrorAt(
                Path,
                Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"long\" }"),
                "DDB042",
                16,
                "\"email\"",
                "Entity 'Purchase' declares 'email' as a long and uses it in its partition key, but the table 'Shoppers' declares it as a string (at line 7, column 21)",
                "keep the type, width or date format, normalize and phone region");

        [Fact]
        public void An_attribute_that_overrides_with_another_type_in_the_partition_key_is_refused_at_the_attribute()
            => Assertions.OnlyErrorAt(
                Path,
                Shared("\"order_no\": { \"type\": \"long\" }").Replace("\"total\": { \"type\": \"decimal\" }", "\"email\": { \"type\": \"int\", \"required\": true }", System.StringComparison.Ordinal),
                "DDB042",
                17,
                "\"email\"",
                "Entity 'Purchase' declares 'email' as an int and uses it in its partition key, but the table 'Shoppers' declares it as a string");

        [Fact]
        public void An_override_that_changes_the_width_in_the_partition_key_is_refused()
        {
            var descriptor = Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"long\", \"format\": \"D12\" }")
                .Replace("\"email\": { \"type\": \"string\", \"sensitive\": \"personal\" }", "\"email\": { \"type\": \"long\", \"format\": \"D10\" }", System.StringComparison.Ordinal);
            Assertions.OnlyErrorAt(Path, descriptor, "DDB042", 16, "\"email\"", "as a long of 12 digits", "declares it as a long of 10 digits");
        }

        [Fact]
        public void An_override_that_changes_the_normalisation_in_the_partition_key_is_refused()
            => Assertions.OnlyErrorAt(
                Path,
                Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\", \"normalize\": [\"trim\", \"lowercase\"] }"),
                "DDB042",
                16,
                "\"email\"",
                "declares 'email' as a string normalised with 'trim', 'lowercase' and uses it in its partition key, but the table 'Shoppers' declares it as a string (at line 7, column 21)",
                "keep the type, width or date format, normalize and phone region");

        [Fact]
        public void An_override_that_makes_the_part_a_phone_in_the_partition_key_is_refused()
            => Assertions.OnlyErrorAt(
                Path,
                Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\", \"sensitive\": \"phone\" }"),
                "DDB042",
                16,
                "\"email\"",
                "declares 'email' as a string normalised as a phone of region 'KR' and uses it in its partition key, but the table 'Shoppers' declares it as a string (at line 7");

        [Fact]
        public void An_override_that_changes_the_phone_region_in_the_partition_key_is_refused_and_one_that_keeps_it_is_not()
        {
            const string tablePhone = "\"email\": { \"type\": \"string\", \"sensitive\": \"phone\", \"phoneRegion\": \"E164\" }";
            var descriptor = Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\", \"sensitive\": \"phone\", \"phoneRegion\": \"KR\" }")
                .Replace("\"email\": { \"type\": \"string\", \"sensitive\": \"personal\" }", tablePhone, System.StringComparison.Ordinal);
            Assertions.OnlyErrorAt(Path, descriptor, "DDB042", 16, "\"email\"", "as a string normalised as a phone of region 'KR'", "declares it as a string normalised as a phone of region 'E164'");

            var kept = Shared("\"order_no\": { \"type\": \"long\" }, \"email\": { \"type\": \"string\", \"sensitive\": \"phone\", \"phoneRegion\": \"E164\", \"description\": \"The buyer's phone\" }")
                .Replace("\"email\": { \"type\": \"string\", \"sensitive\": \"personal\" }", tablePhone, System.StringComparison.Ordinal);
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, kept));
        }

        [Theory]
        [InlineData("\"order\": \"descending\"")]
        [InlineData("\"order\": \"ascending\"")]
        [InlineData("\"indexes\": { \"by_count\": { \"type\": \"global\", \"partitionKey\": { \"attribute\": \"sku\" }, \"sortKey\": { \"attribute\": \"count\" }, \"order\": \"descending\" } }")]
        public void A_declared_order_generates_clean_code(string extra)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Cart("\"line_no\": { \"type\": \"long\" }", extra)));

        [Fact]
        public void An_order_that_is_not_one_is_refused_at_the_value()
            => Assertions.OnlyErrorAt(
                Path,
                Cart("\"line_no\": { \"type\": \"long\" }", "\"order\": \"newest\""),
                "DDB014",
                12,
                "\"newest\"",
                "'newest' is not a valid value for 'order'",
                "Allowed values: ascending, descending");

        [Fact]
        public void An_order_on_a_table_without_sort_key_parts_is_refused_at_the_value()
            => Assertions.OnlyErrorAt(
                Path,
                Cart("\"line_no\": { \"type\": \"long\" }", "\"order\": \"descending\"", "\"template\": \"#META\"").Replace("USER#{email}", "USER#{email}#{line_no}", System.StringComparison.Ordinal),
                "DDB016",
                12,
                "\"descending\"",
                "'order' does not apply to 'table 'CartLine'': it has no sort key with parts, so it has no queries to order");

        [Fact]
        public void An_order_on_an_index_without_a_sort_key_is_refused_at_the_value()
            => Assertions.OnlyErrorAt(
                Path,
                Cart("\"line_no\": { \"type\": \"long\" }", "\"indexes\": { \"by_sku\": { \"type\": \"global\", \"partitionKey\": { \"attribute\": \"sku\" }, \"order\": \"descending\" } }"),
                "DDB016",
                12,
                "\"descending\"",
                "the index has no sort key with values, so its queries have no order");
    }
}

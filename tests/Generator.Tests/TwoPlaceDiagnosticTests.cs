using System.Globalization;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Diagnostics about two places (duplicates, clashes, entities that disagree): each is reported at the second,
    /// names the first with its own line and column, and says the fix; and an unknown property suggests the one meant.
    /// Each test checks the exact ID, position and whole message.
    /// </summary>
    public sealed class TwoPlaceDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        /// <summary>The one error of a descriptor, at the given line where <paramref name="at"/> starts, with exactly this message.</summary>
        private static void OnlyError(string descriptor, string id, int line, string at, string message)
        {
            var diagnostic = Assertions.OnlyErrorAt(Path, descriptor, id, line, at, message);
            Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        /// <summary>"line L, column C" of the first <paramref name="text"/> on 1-based line <paramref name="line"/>.</summary>
        private static string At(string descriptor, int line, string text)
            => $"line {line}, column {descriptor.Split('\n')[line - 1].IndexOf(text, System.StringComparison.Ordinal) + 1}";

        private static string SharedTable(string first, string second) => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Shop", "tableName": "shop",
                  "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                  "entities": [
            {{first}},
            {{second}}
                  ]
                }
              ]
            }
            """;

        [Fact]
        public void Entities_whose_keys_are_stored_as_different_types_are_told_where_and_how_to_agree()
        {
            // "{user_id}" alone is stored as the long it is (N); "ORDER#{order_id}" is text (S): one attribute cannot be both.
            var descriptor = SharedTable(
                """        { "name": "User", "partitionKey": { "template": "{user_id}" }, "sortKey": { "template": "#PROFILE" }, "keyParts": { "user_id": { "type": "long" } }, "attributes": {} }""",
                """        { "name": "Order", "partitionKey": { "template": "ORDER#{order_id}" }, "sortKey": { "template": "#META" }, "keyParts": { "order_id": { "type": "long" } }, "attributes": {} }""");
            OnlyError(
                descriptor,
                "DDB010",
                9,
                "\"ORDER#{order_id}\"",
                $"The partitionKey template \"ORDER#{{order_id}}\" of entity 'Order' is stored as text (S), but \"{{user_id}}\" of entity 'User' (at {At(descriptor, 8, "\"{user_id}\"")}) as a number (N). "
                + "The entities of a table share its key attribute 'pk', which has one type: give the templates literal text, such as \"USER#{user_id}\" for 'User', so that each is stored as text (S), or make every entity's partitionKey one part of the same type.");
        }

        [Fact]
        public void A_key_part_and_an_attribute_of_one_name_are_reported_at_the_second_naming_the_first()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "User", "tableName": "users",
                      "partitionKey": { "attribute": "pk", "template": "USER#{email}" },
                      "keyParts": { "email": { "type": "string" } },
                      "attributes": { "email": { "type": "string" }, "name": { "type": "string" } }
                    }
                  ]
                }
                """;
            OnlyError(
                descriptor,
                "DDB006",
                8,
                "\"email\"",
                $"Duplicate key part or attribute name 'email'; the first one is the key part at {At(descriptor, 7, "\"email\"")}. "
                + "A placeholder '{email}' could mean either: keep the attribute to store the value on its own as well as in the key, or the key part to hold it in the key only.");

            // The other way round: the attribute comes first in the file.
            var attributeFirst = descriptor.Replace("      \"keyParts\": { \"email\": { \"type\": \"string\" } },\n", string.Empty, System.StringComparison.Ordinal)
                .Replace("\"name\": { \"type\": \"string\" } }", "\"name\": { \"type\": \"string\" } },\n      \"keyParts\": { \"email\": { \"type\": \"string\" } }", System.StringComparison.Ordinal);
            OnlyError(
                attributeFirst,
                "DDB006",
                8,
                "\"email\"",
                $"Duplicate key part or attribute name 'email'; the first one is the attribute at {At(attributeFirst, 7, "\"email\"")}. "
                + "A placeholder '{email}' could mean either: keep the attribute to store the value on its own as well as in the key, or the key part to hold it in the key only.");
        }

        [Fact]
        public void A_templated_key_whose_csharpName_an_attribute_also_takes_is_named_where_it_is_written()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order", "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "ORDER#{order_id}", "csharpName": "Total" },
                      "keyParts": { "order_id": { "type": "long" } },
                      "attributes": { "total": { "type": "decimal" } }
                    }
                  ]
                }
                """;
            OnlyError(
                descriptor,
                "DDB006",
                8,
                "\"total\"",
                $"Duplicate C# property name 'Total'; the first one is 'pk' at {At(descriptor, 6, "\"Total\"")}. Rename one: set \"csharpName\" on the attribute or key, or rename the attribute or part.");
        }

        [Fact]
        public void A_part_named_twice_in_one_template_says_so_rather_than_pointing_at_itself()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order", "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "ORDER#{id}#{id}" },
                      "keyParts": { "id": { "type": "long" } },
                      "attributes": {}
                    }
                  ]
                }
                """;
            OnlyError(
                descriptor,
                "DDB006",
                6,
                "\"ORDER#{id}#{id}\"",
                "Duplicate key part use 'id'; the first one is earlier in the same template. Use each part once in a table's keys; declare a second part if both places need a value.");
        }

        [Fact]
        public void Entities_that_name_different_ttl_attributes_are_told_which_entity_and_where()
        {
            var descriptor = SharedTable(
                """        { "name": "Cart", "partitionKey": { "template": "CART#{id}" }, "sortKey": { "template": "#META" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "expires": { "type": "long" } }, "ttl": "expires" }""",
                """        { "name": "Session", "partitionKey": { "template": "SESSION#{id}" }, "sortKey": { "template": "#SESSION" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "ends": { "type": "long" } }, "ttl": "ends" }""");
            OnlyError(
                descriptor,
                "DDB014",
                9,
                "\"ends\" }",
                $"'ends' is not a valid value for 'ttl'. A table has one TTL attribute, and entity 'Cart' uses 'expires' (at {At(descriptor, 8, "\"expires\" }")}): name the same attribute in both, or leave \"ttl\" out of one. Allowed values: \"expires\".");
        }

        [Fact]
        public void Entities_that_declare_one_index_differently_are_told_where_and_what_differs()
        {
            var descriptor = SharedTable(
                """        { "name": "Staff", "partitionKey": { "template": "STAFF#{id}" }, "sortKey": { "template": "#META" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "email": { "type": "string" } }, "indexes": { "by_email": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "EMAIL#{email}" } } } }""",
                """        { "name": "Guest", "partitionKey": { "template": "GUEST#{id}" }, "sortKey": { "template": "#GUEST" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "email": { "type": "string" } }, "indexes": { "by_email": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "EMAIL#{email}" }, "projection": "KEYS_ONLY" } } }""");
            OnlyError(
                descriptor,
                "DDB014",
                9,
                "\"by_email\"",
                $"'by_email' is not a valid value for 'indexes'. Entity 'Staff' declares the index too (at {At(descriptor, 8, "\"by_email\"")}), with \"projection\": \"ALL\" where this one projects KEYS_ONLY; the table has one index of that name, so entities that share it declare it alike. Allowed values: the declaration of 'Staff' (or another index name).");
        }

        [Fact]
        public void Entities_whose_keys_start_alike_name_the_other_template_and_where_it_is()
        {
            var descriptor = SharedTable(
                """        { "name": "Staff", "partitionKey": { "template": "STORE#{store}" }, "sortKey": { "template": "STAFF#{id}" }, "keyParts": { "store": { "type": "string" }, "id": { "type": "string" } }, "attributes": {} }""",
                """        { "name": "Manager", "partitionKey": { "template": "STORE#{store}" }, "sortKey": { "template": "STAFF#MGR#{id}" }, "keyParts": { "store": { "type": "string" }, "id": { "type": "string" } }, "attributes": {} }""");
            OnlyError(
                descriptor,
                "DDB019",
                9,
                "\"STAFF#MGR#{id}\"",
                $"The sortKey template of entity 'Manager' cannot be told apart from that of 'Staff' (at {At(descriptor, 8, "\"STAFF#{id}\"")}): 'STAFF#' starts both. Start each entity's template with its own literal prefix, such as \"STAFF#{{staff_id}}\" and \"SHIFT#{{date}}\".");
        }

        [Fact]
        public void An_attribute_named_like_the_default_type_attribute_is_told_where_that_name_comes_from()
        {
            var descriptor = SharedTable(
                """        { "name": "Store", "partitionKey": { "template": "STORE#{id}" }, "sortKey": { "template": "#META" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "_type": { "type": "string" } } }""",
                """        { "name": "Staff", "partitionKey": { "template": "STORE#{id}" }, "sortKey": { "template": "STAFF#{n}" }, "keyParts": { "id": { "type": "string" }, "n": { "type": "string" } }, "attributes": {} }""");
            OnlyError(
                descriptor,
                "DDB006",
                8,
                "\"_type\"",
                "Duplicate attribute '_type'; the first one is the table's type attribute (\"_type\" when the table does not name one). The type attribute holds each item's entity name: rename the attribute, or name another type attribute with the table's \"typeAttribute\".");
        }

        [Theory]
        [InlineData("min", "minimum")]
        [InlineData("max", "maximum")]
        [InlineData("desc", "description")]
        [InlineData("requird", "required")]
        [InlineData("writenull", "writeNull")]
        [InlineData("typeName", "type")]
        public void An_unknown_property_suggests_the_one_meant(string written, string meant)
        {
            var descriptor = $$"""
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "qty": { "type": "int", "{{written}}": 1 } }
                    }
                  ]
                }
                """;
            OnlyError(
                descriptor,
                "DDB003",
                6,
                $"\"{written}\"",
                $"Unknown property '{written}' in attribute 'qty'. Did you mean '{meant}'? Allowed here: type, required, default, pattern, minLength, maxLength, minimum, maximum, format, timeZone, writeNull, sensitive, phoneRegion, unique, csharpName, description, counter, start, timestamp, normalize.");
        }

        [Fact]
        public void An_unknown_property_far_from_every_known_one_gets_no_guess()
            => OnlyError(
                """
                {
                  "namespace": "Shop",
                  "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string", "color": "red" } } } ]
                }
                """,
                "DDB003",
                3,
                "\"color\"",
                "Unknown property 'color' in attribute 'id'. Allowed here: type, required, default, pattern, minLength, maxLength, minimum, maximum, format, timeZone, writeNull, sensitive, phoneRegion, unique, csharpName, description, counter, start, timestamp, normalize.");
    }
}

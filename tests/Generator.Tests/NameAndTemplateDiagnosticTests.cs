using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Values of the wrong JSON kind (DDB002), key templates that cannot be split back into their parts (DDB009),
    /// names that make no C# identifier (DDB011) and names that are declared twice (DDB006): each is one error at
    /// the exact line and column of the offending text, with a message that says what to write instead.
    /// </summary>
    public sealed class NameAndTemplateDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        private static Diagnostic OnlyError(string descriptor, string id, int line, string at, params string[] message)
            => Assertions.OnlyErrorAt(Path, descriptor, id, line, at, message);

        /// <summary>One table whose partition key (line 7) and attributes (line 10 onwards) the test fills in.</summary>
        private static string Table(string partitionKey, string attributes) => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Order",
                  "tableName": "orders",
                  "partitionKey": {{partitionKey}},
                  "keyParts": { "biz_id": { "type": "string" }, "book_id": { "type": "string" } },
                  "attributes": {
                    {{attributes}}
                  }
                }
              ]
            }
            """;

        /// <summary>A table keyed on a plain <c>id</c> attribute, with <paramref name="attribute"/> on line 10.</summary>
        private static string WithAttribute(string attribute)
            => Table("""{ "attribute": "pk", "template": "{biz_id}_{book_id}" }""", "\"id\": { \"type\": \"string\" }, " + attribute);

        [Fact]
        public void Tables_given_as_an_object_must_be_an_array()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": { }
                }
                """;
            OnlyError(descriptor, "DDB002", 3, "{ }", "'tables' must be an array, but an object was found. Write an array here.");
        }

        [Fact]
        public void An_attribute_given_as_text_must_be_an_object()
            => OnlyError(
                WithAttribute("""
                "total": "decimal"
                """),
                "DDB002",
                10,
                "\"decimal\"",
                "'total' must be an object such as { \"type\": \"string\" }, but a string was found.");

        [Fact]
        public void A_key_part_declared_twice_is_reported_at_the_second()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "{biz_id}_{book_id}" },
                      "keyParts": { "biz_id": { "type": "string" }, "book_id": { "type": "string" },
                                    "biz_id": { "type": "int" } },
                      "attributes": { "id": { "type": "string" } }
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB006", 9, "\"biz_id\": { \"type\": \"int\" }", "Duplicate key part 'biz_id'; the first one is at line 8, column 21.");
        }

        [Fact]
        public void Required_given_as_text_must_be_a_boolean()
            => OnlyError(
                WithAttribute("""
                "total": { "type": "decimal", "required": "yes" }
                """),
                "DDB002",
                10,
                "\"yes\"",
                "'required' must be true or false, but a string was found. Write true or false here.");

        [Theory]
        [InlineData("{biz_id}{book_id}", "'{biz_id}' and '{book_id}' stand side by side; put a separator such as '#' or '_' between them")]
        [InlineData("{biz_id", "'{' at position 1 is never closed; write '{name}'")]
        [InlineData("ORDER#{}", "the placeholder at position 7 has no name; write '{name}'")]
        [InlineData("", "it is empty; write at least one '{part}' or a constant such as '#META'")]
        [InlineData("biz}_{book_id}", "'}' at position 4 has no matching '{'")]
        public void Invalid_key_template_is_reported_at_the_template(string template, string reason)
            => OnlyError(
                Table($$"""{ "attribute": "pk", "template": "{{template}}" }""", "\"id\": { \"type\": \"string\" }"),
                "DDB009",
                7,
                $"\"{template}\"",
                $"The key template '{template}' is not valid: {reason}.");

        [Fact]
        public void A_keyword_as_csharpName_is_refused()
            => OnlyError(
                WithAttribute("""
                "category": { "type": "string", "csharpName": "class" }
                """),
                "DDB011",
                10,
                "\"class\"",
                "'class' is not a valid C# property name",
                "Use letters, digits and underscores, starting with a letter");

        [Fact]
        public void An_attribute_whose_PascalCase_name_is_not_an_identifier_is_refused()
            => OnlyError(
                WithAttribute("""
                "2nd_phone": { "type": "string" }
                """),
                "DDB011",
                10,
                "\"2nd_phone\"",
                "'2ndPhone' is not a valid C# property name",
                "set \"csharpName\"");

        [Fact]
        public void A_keyword_as_table_name_is_refused()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    { "name": "class", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB011", 4, "\"class\"", "'class' is not a valid C# type name");
        }

        [Fact]
        public void A_table_declared_twice_is_reported_at_the_second()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                    { "name": "Order", "tableName": "orders-archive", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB006", 5, "\"Order\"", "Duplicate generated type 'Order'; the first one is at line 4, column 15.");
        }

        [Fact]
        public void A_physical_table_name_used_twice_is_reported_at_the_second()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                    { "name": "Archive", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB006", 5, "\"orders\"", "Duplicate table name 'orders'; the first one is at line 4, column 37.");
        }

        [Fact]
        public void An_entity_declared_twice_in_a_shared_table_is_reported_at_the_second()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Stores", "tableName": "stores",
                      "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                      "entities": [
                        { "name": "Store", "partitionKey": { "template": "STORE#{store_id}" }, "sortKey": { "template": "#META" }, "keyParts": { "store_id": { "type": "string" } }, "attributes": {} },
                        { "name": "Store", "partitionKey": { "template": "STORE#{store_id}" }, "sortKey": { "template": "STAFF#{staff_id}" }, "keyParts": { "store_id": { "type": "string" }, "staff_id": { "type": "string" } }, "attributes": {} }
                      ]
                    }
                  ]
                }
                """;
            OnlyError(descriptor, "DDB006", 9, "\"Store\"", "Duplicate generated type 'Store'; the first one is at line 8, column 19.");
        }

        [Fact]
        public void Two_attributes_whose_csharpNames_collide_are_reported_at_the_second()
            => OnlyError(
                WithAttribute("""
                "customer_name": { "type": "string", "csharpName": "Name" }, "name": { "type": "string" }
                """),
                "DDB006",
                10,
                "\"name\"",
                "Duplicate C# property name 'Name'; the first one is 'customer_name' at line 10, column 88. Rename one: set \"csharpName\" on the attribute or key, or rename the attribute or part.");

        [Fact]
        public void An_attribute_renamed_onto_another_attribute_s_name_is_reported_at_the_csharpName()
            => OnlyError(
                WithAttribute("""
                "booking_num": { "type": "string" }, "ref": { "type": "string", "csharpName": "BookingNum" }
                """),
                "DDB006",
                10,
                "\"BookingNum\"",
                "Duplicate C# property name 'BookingNum'; the first one is 'booking_num' at line 10, column 37");
    }
}

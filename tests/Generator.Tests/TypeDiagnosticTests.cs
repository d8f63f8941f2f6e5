using System;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Mistakes in attribute types, formats, rules, enums and nested object types: each is one diagnostic at the
    /// exact line and column of the offending text, with a message that says what to write instead.
    /// </summary>
    public sealed class TypeDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        /// <summary>A descriptor whose line 12 is <paramref name="attribute"/>, with an enum and a nested type declared.</summary>
        private static string Descriptor(string attribute) => $$"""
            {
              "namespace": "Shop",
              "enums": { "Status": { "values": ["open", "closed"] } },
              "types": { "Address": { "attributes": { "city": { "type": "string", "required": true } } } },
              "tables": [
                {
                  "name": "Order",
                  "tableName": "orders",
                  "partitionKey": { "attribute": "id" },
                  "attributes": {
                    "id": { "type": "string" },
                    {{attribute}}
                  }
                }
              ]
            }
            """;

        /// <summary>Checks the one error is <paramref name="id"/> at the first <paramref name="at"/> on line 12, the attribute's line.</summary>
        private static Diagnostic OnlyError(string attribute, string id, string at, params string[] message)
            => Assertions.OnlyErrorAt(Path, Descriptor(attribute), id, 12, at, message);

        [Fact]
        public void A_valid_descriptor_with_every_type_generates()
        {
            var run = GeneratorHarness.Run(Path, Descriptor("""
                "tags": { "type": "set<string>" }, "at": { "type": "datetime", "format": "epochSeconds" }, "s": { "type": "Status", "default": "open" }, "home": { "type": "list<Address>" }
                """));
            Assertions.NoCrash(run);
            Assert.True(run.GeneratorDiagnostics.IsEmpty, Assertions.Describe(run.GeneratorDiagnostics));
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Status.g.cs");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Address.g.cs");
        }

        [Fact]
        public void Unknown_element_type_is_reported_with_a_suggestion()
            => OnlyError("\"tags\": { \"type\": \"list<strng>\" }", "DDB005", "\"list<strng>\"", "Unknown type 'strng'. Did you mean 'string'?");

        [Fact]
        public void Unknown_collection_is_reported_with_a_suggestion()
            => OnlyError("\"tags\": { \"type\": \"lst<string>\" }", "DDB005", "\"lst<string>\"", "Unknown type 'lst'. Did you mean 'list'?");

        [Fact]
        public void A_set_of_objects_is_refused_with_the_alternative()
            => OnlyError("\"homes\": { \"type\": \"set<Address>\" }", "DDB005", "\"set<Address>\"", "DynamoDB sets hold strings, numbers or binary", "use list<...> for other elements");

        [Fact]
        public void Undeclared_type_name_suggests_the_declared_one()
            => OnlyError("\"home\": { \"type\": \"Adress\" }", "DDB005", "\"Adress\"", "Did you mean 'Address'?");

        [Fact]
        public void A_date_pattern_that_cannot_read_back_is_reported()
            => OnlyError("\"at\": { \"type\": \"datetimeoffset\", \"format\": \"HH:mm\" }", "DDB014", "\"HH:mm\"", "'HH:mm' is not a valid value for 'format'.", "yyyy-MM-dd HH:mm:ss");

        [Fact]
        public void A_time_zone_name_is_refused_in_favour_of_a_fixed_offset()
            => OnlyError("\"at\": { \"type\": \"datetime\", \"timeZone\": \"Asia/Seoul\" }", "DDB014", "\"Asia/Seoul\"", "fixed offsets", "\"+09:00\"");

        [Theory]
        [InlineData("+\\u0660\\u0669:00")]   // digits of another script: the generator failed (DDB999) reading them
        [InlineData("+09:00\\n")]
        public void An_offset_is_ascii_digits_to_the_end_of_the_text(string zone)
            => OnlyError($"\"at\": {{ \"type\": \"datetime\", \"timeZone\": \"{zone}\" }}", "DDB014", $"\"{zone}\"", "is not a valid value for 'timeZone'", "\"+09:00\"");

        [Fact]
        public void Epoch_seconds_do_not_apply_to_a_date()
            => OnlyError("\"day\": { \"type\": \"date\", \"format\": \"epochSeconds\" }", "DDB016", "\"epochSeconds\"", "'format: epochSeconds' does not apply to 'day'");

        [Fact]
        public void A_format_on_a_string_is_reported()
            => OnlyError("\"note\": { \"type\": \"string\", \"format\": \"iso8601\" }", "DDB016", "\"iso8601\"", "only dates and times");

        [Fact]
        public void Length_on_a_number_is_reported()
            => OnlyError("\"qty\": { \"type\": \"int\", \"maxLength\": 3 }", "DDB016", "3 }", "lengths apply to strings only");

        [Fact]
        public void A_minimum_above_the_maximum_is_reported()
            => OnlyError("\"qty\": { \"type\": \"int\", \"minimum\": 10, \"maximum\": 1 }", "DDB014", "10,", "It is more than maximum.");

        [Fact]
        public void A_bound_that_does_not_fit_the_type_is_reported()
            => OnlyError("\"qty\": { \"type\": \"int\", \"maximum\": 1.5 }", "DDB014", "1.5", "does not fit the attribute's type int");

        [Fact]
        public void An_enum_default_must_be_a_declared_value()
            => OnlyError("\"state\": { \"type\": \"Status\", \"default\": \"shut\" }", "DDB012", "\"shut\"", "must be one of \"open\", \"closed\"");

        [Fact]
        public void Defaults_do_not_apply_to_lists()
            => OnlyError("\"tags\": { \"type\": \"list<string>\", \"default\": \"a\" }", "DDB012", "\"a\"", "defaults apply to strings, booleans, numbers and enums");

        [Fact]
        public void WriteNull_on_a_required_attribute_is_reported()
            => OnlyError("\"note\": { \"type\": \"string\", \"required\": true, \"writeNull\": true }", "DDB016", "true }", "only an optional attribute without a default");

        [Fact]
        public void A_list_cannot_be_a_key()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "ids" },
                      "attributes": { "ids": { "type": "list<string>" } }
                    }
                  ]
                }
                """;
            var run = GeneratorHarness.Run(Path, descriptor);
            var diagnostic = Assertions.Single(run, "DDB010");
            Assertions.Reported(diagnostic, "DDB010", DiagnosticSeverity.Error, Path, 7, 38);
            Assertions.MessageContains(diagnostic, "'ids' is used in a key but has type 'list<string>'.");
        }

        [Fact]
        public void Keeping_the_offset_needs_an_offset_in_the_pattern_and_a_quoted_Z_is_not_one()
        {
            // The generator and the runtime's date codec share one reading of the pattern (src/Shared/DatePatterns.cs).
            OnlyError("\"at\": { \"type\": \"datetimeoffset\", \"format\": \"yyyy-MM-dd'T'HH:mm:ss'Z'\", \"timeZone\": \"keep\" }", "DDB016", "\"keep\"", "'timeZone: keep' does not apply");
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Descriptor("""
                "at": { "type": "datetimeoffset", "format": "yyyy-MM-dd'T'HH:mm:sszzz", "timeZone": "keep" }
                """)));
        }

        [Fact]
        public void A_binary_attribute_can_be_a_plain_key_but_not_a_template_part()
        {
            const string plain = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Blob",
                      "tableName": "blobs",
                      "partitionKey": { "attribute": "digest" },
                      "sortKey": { "attribute": "chunk" },
                      "attributes": { "digest": { "type": "binary" }, "chunk": { "type": "binary" } }
                    }
                  ]
                }
                """;
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, plain));

            const string stored = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Blob",
                      "tableName": "blobs",
                      "partitionKey": { "attribute": "pk", "template": "BLOB#{digest}" },
                      "attributes": { "digest": { "type": "binary" } }
                    }
                  ]
                }
                """;
            Assertions.OnlyErrorAt(Path, stored, "DDB010", 8, "\"digest\"", "'digest' is used in a key but has type 'binary'.", "a part of a key template (a table's or an index's) is a string, a number or a date");

            const string keyOnly = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Blob",
                      "tableName": "blobs",
                      "partitionKey": { "attribute": "pk", "template": "BLOB#{digest}" },
                      "keyParts": { "digest": { "type": "binary" } },
                      "attributes": {}
                    }
                  ]
                }
                """;
            Assertions.OnlyErrorAt(Path, keyOnly, "DDB010", 8, "\"binary\"", "'digest' is used in a key but has type 'binary'.", "A key attribute is a string, a number (int, long, decimal), binary or a date");
        }

        [Fact]
        public void Enum_values_that_make_the_same_member_are_reported()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "enums": { "Status": { "values": ["on-hold", "on_hold"] } },
                  "tables": []
                }
                """;
            var run = GeneratorHarness.Run(Path, descriptor);
            var diagnostic = Assertions.Single(run, "DDB006");
            Assertions.Reported(diagnostic, "DDB006", DiagnosticSeverity.Error, Path, 3, 48);
            Assertions.MessageContains(diagnostic, "Duplicate enum member 'OnHold'");
        }

        [Fact]
        public void A_declared_type_may_not_clash_with_a_table_type()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "types": { "OrderKey": { "attributes": { "a": { "type": "string" } } } },
                  "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ]
                }
                """;
            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);
            var diagnostic = Assertions.Single(run, "DDB006");
            Assertions.MessageContains(diagnostic, "Duplicate generated type 'OrderKey'");
            Assert.Empty(run.Sources);
        }
    }
}

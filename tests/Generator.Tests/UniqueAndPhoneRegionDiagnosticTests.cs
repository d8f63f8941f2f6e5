using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Misuse of <c>"unique"</c> (DDB060) and <c>"phoneRegion"</c> (DDB061, DDB062): each is one error at the exact line and
    /// column of the offending text, saying why and what to write instead.
    /// </summary>
    public sealed class UniqueAndPhoneRegionDiagnosticTests
    {
        private const string Path = "/repo/schema/accounts.tables.json";

        /// <summary>
        /// A descriptor whose line 8 is <paramref name="table"/> (a table property and its comma), line 9 the key part
        /// <c>id</c> and line 12 <paramref name="attribute"/>; line 3 declares a nested type.
        /// </summary>
        private static string Descriptor(string attribute, string table = "\"description\": \"Accounts\",", string keyPart = "\"id\": { \"type\": \"string\" }") => $$"""
            {
              "namespace": "Accounts",
              "types": { "Address": { "attributes": { "city": { "type": "string", "required": true } } } },
              "tables": [
                {
                  "name": "Account",
                  "tableName": "accounts",
                  {{table}}
                  "keyParts": { {{keyPart}} },
                  "partitionKey": { "attribute": "pk", "template": "ACCOUNT#{id}" },
                  "attributes": {
                    {{attribute}}
                  }
                }
              ]
            }
            """;

        [Fact]
        public void Unique_values_and_phone_regions_that_fit_generate_without_diagnostics()
        {
            var run = GeneratorHarness.Run(Path, Descriptor("""
                "email": { "type": "string", "unique": true, "sensitive": "personal" }, "n": { "type": "long", "unique": true }, "mobile": { "type": "string", "unique": false, "sensitive": "phone", "phoneRegion": "E164" }, "kr": { "type": "string", "sensitive": "phone", "phoneRegion": "KR" }
                """, keyPart: "\"id\": { \"type\": \"string\", \"sensitive\": \"phone\", \"phoneRegion\": \"E164\" }"));
            Assertions.NoCrash(run);
            Assert.True(run.GeneratorDiagnostics.IsEmpty, Assertions.Describe(run.GeneratorDiagnostics));
        }

        [Fact]
        public void Unique_on_an_attribute_a_key_is_built_from_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"id\": { \"type\": \"string\", \"unique\": true }").Replace("\"keyParts\": { \"id\": { \"type\": \"string\" } },", "\"keyParts\": { },"), "DDB060", 12, "true", "'id' cannot be unique: it is part of the item's key", "Remove \"unique\"");

        [Fact]
        public void Unique_on_the_key_attribute_itself_is_refused()
        {
            var descriptor = Descriptor("\"pk\": { \"unique\": true, \"type\": \"string\", \"required\": true }")
                .Replace("\"partitionKey\": { \"attribute\": \"pk\", \"template\": \"ACCOUNT#{id}\" },", "\"partitionKey\": { \"attribute\": \"pk\" },")
                .Replace("\"keyParts\": { \"id\": { \"type\": \"string\" } },", "\"keyParts\": { },");
            Assertions.OnlyErrorAt(Path, descriptor, "DDB060", 12, "true", "'pk' cannot be unique: it is part of the item's key");
        }

        [Fact]
        public void Unique_on_a_type_without_one_stored_text_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"active\": { \"type\": \"bool\", \"unique\": true }"), "DDB060", 12, "true", "'active' cannot be unique: it is of type 'bool'", "only strings, int and long numbers and enums");

        [Fact]
        public void Unique_on_the_version_attribute_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"rev\": { \"type\": \"long\", \"unique\": true }", table: "\"version\": \"rev\","), "DDB060", 12, "true", "it is the version attribute");

        [Fact]
        public void Unique_on_a_counter_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"logins\": { \"type\": \"long\", \"unique\": true, \"counter\": true }"), "DDB060", 12, "true", "'logins' cannot be unique: it is a counter", "an increment does not move the value's guard item", "Remove \"unique\", or keep the unique value in an attribute that is not a counter.");

        [Fact]
        public void Unique_on_a_timestamp_is_refused_as_a_timestamp()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"created_at\": { \"type\": \"datetimeoffset\", \"timestamp\": \"created\", \"unique\": true }"), "DDB060", 12, "true", "'created_at' cannot be unique: it is a timestamp, which the SDK writes itself", "Remove \"unique\", or keep the unique value in an attribute of its own.");

        [Fact]
        public void Unique_on_an_entity_with_a_ttl_is_refused_at_the_unique_naming_the_ttl()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("\"email\": { \"type\": \"string\", \"unique\": true }, \"expires\": { \"type\": \"long\" }", table: "\"ttl\": \"expires\","),
                "DDB060",
                12,
                "true",
                "'email' cannot be unique: the entity has a \"ttl\" (at line 8, column",
                "Remove \"unique\" or the \"ttl\".");

        [Fact]
        public void Unique_in_a_table_whose_partition_key_is_a_number_is_refused()
        {
            var descriptor = Descriptor("\"email\": { \"type\": \"string\", \"unique\": true }, \"n\": { \"type\": \"long\", \"required\": true }")
                .Replace("\"partitionKey\": { \"attribute\": \"pk\", \"template\": \"ACCOUNT#{id}\" },", "\"partitionKey\": { \"attribute\": \"n\" },")
                .Replace("\"keyParts\": { \"id\": { \"type\": \"string\" } },", "\"keyParts\": { },");
            Assertions.OnlyErrorAt(Path, descriptor, "DDB060", 12, "true", "'email' cannot be unique: the table's partition key is not stored as text (S)", "Use a string partition key");
        }

        [Fact]
        public void Unique_on_an_attribute_of_a_nested_type_is_refused()
        {
            var descriptor = Descriptor("\"email\": { \"type\": \"string\" }")
                .Replace("\"city\": { \"type\": \"string\", \"required\": true }", "\"city\": { \"type\": \"string\", \"unique\": true }");
            Assertions.OnlyErrorAt(Path, descriptor, "DDB060", 3, "true", "'city' cannot be unique: it is an attribute of the nested type 'Address'", "declare the attribute on the entity");
        }

        [Fact]
        public void A_phone_region_on_an_attribute_that_is_not_a_phone_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"name\": { \"type\": \"string\", \"sensitive\": \"personal\", \"phoneRegion\": \"E164\" }"), "DDB061", 12, "\"phoneRegion\"", "'phoneRegion' applies to phone numbers only, and 'name' is not declared one", "Add \"sensitive\": \"phone\"");

        [Fact]
        public void A_phone_region_on_a_key_part_that_is_not_a_phone_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"email\": { \"type\": \"string\" }", keyPart: "\"id\": { \"type\": \"string\", \"phoneRegion\": \"KR\" }"), "DDB061", 9, "\"phoneRegion\"", "'id' is not declared one");

        [Fact]
        public void An_unknown_phone_region_is_refused_with_the_allowed_ones()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"mobile\": { \"type\": \"string\", \"sensitive\": \"phone\", \"phoneRegion\": \"e164\" }"), "DDB062", 12, "\"e164\"", "'e164' is not a phone region.", "\"KR\"", "\"E164\"");
    }
}

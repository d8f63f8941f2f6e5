using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Dates inside key templates: formats whose text does not sort in time order or read back exactly are refused
    /// (DDB021) where the format or time zone is written, and so are templates a date's text could break (DDB009).
    /// </summary>
    public sealed class DateKeyDiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        /// <summary>
        /// A table whose sort key (line 8) is <paramref name="template"/>, with <paramref name="keyPart"/> (if any) on
        /// line 10 and <paramref name="attribute"/> on line 12.
        /// </summary>
        private static string Descriptor(string template, string keyPart, string attribute = "\"total\": { \"type\": \"decimal\" }") => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Purchase",
                  "tableName": "purchases",
                  "partitionKey": { "attribute": "pk", "template": "CUSTOMER#{customer_id}" },
                  "sortKey": { "attribute": "sk", "template": "{{template}}" },
                  "keyParts": { "customer_id": { "type": "string" }, "order_id": { "type": "long" }{{(keyPart.Length == 0 ? string.Empty : ",")}}
                    {{keyPart}} },
                  "attributes": {
                    {{attribute}}
                  }
                }
              ]
            }
            """;

        [Theory]
        [InlineData("\"created_at\": { \"type\": \"datetimeoffset\" }")]
        [InlineData("\"created_at\": { \"type\": \"datetime\", \"format\": \"iso8601\", \"timeZone\": \"+09:00\" }")]
        [InlineData("\"created_at\": { \"type\": \"datetime\", \"format\": \"yyyyMMddHHmmss\" }")]
        [InlineData("\"created_at\": { \"type\": \"datetimeoffset\", \"format\": \"yyyy-MM-dd'T'HH:mm:ss.fff\", \"timeZone\": \"-05:00\" }")]
        [InlineData("\"created_at\": { \"type\": \"date\" }")]
        [InlineData("\"created_at\": { \"type\": \"date\", \"format\": \"yyyy/MM/dd\" }")]
        public void Key_safe_date_formats_generate_clean_code(string keyPart)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Descriptor("ORDER#{created_at}#{order_id}", keyPart)));

        [Fact]
        public void A_stored_date_attribute_may_be_a_template_part()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, Descriptor("ORDER#{created_at}#{order_id}", string.Empty, "\"created_at\": { \"type\": \"datetimeoffset\", \"required\": true }")));

        [Fact]
        public void Entities_of_a_shared_table_may_have_date_parts_in_both_keys()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Calendar", "tableName": "calendar",
                      "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" },
                      "entities": [
                        {
                          "name": "Agenda", "partitionKey": { "template": "DAY#{day}" }, "sortKey": { "template": "#META" },
                          "keyParts": { "day": { "type": "date" } }, "attributes": { "note": { "type": "string" } }
                        },
                        {
                          "name": "Slot", "partitionKey": { "template": "DAY#{day}" }, "sortKey": { "template": "SLOT#{starts_at}#{room}" },
                          "keyParts": { "day": { "type": "date" }, "starts_at": { "type": "datetime", "format": "yyyyMMddHHmm", "timeZone": "+09:00" }, "room": { "type": "string" } },
                          "attributes": { "booked": { "type": "bool", "default": false } }
                        }
                      ]
                    }
                  ]
                }
                """));

        [Fact]
        public void Epoch_seconds_are_refused_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}#{order_id}", "\"created_at\": { \"type\": \"datetimeoffset\", \"format\": \"epochSeconds\" }"),
                "DDB021",
                10,
                "\"epochSeconds\"",
                "'created_at' is a date in a key, but epoch seconds are numbers of varying length",
                "write \"format\": \"iso8601\" (the default) with a fixed \"timeZone\"");

        [Fact]
        public void Keeping_each_values_offset_is_refused_at_the_time_zone()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}#{order_id}", "\"created_at\": { \"type\": \"datetimeoffset\", \"timeZone\": \"keep\" }"),
                "DDB021",
                10,
                "\"keep\"",
                "\"timeZone\": \"keep\" writes each value in its own offset, so the text does not sort in time order");

        [Theory]
        [InlineData("dd/MM/yyyy", "'dd' stands where 'yyyy' should: the fields must run from the year down")]
        [InlineData("yyyy-MM-dd h:mm:ss tt", "'h' is not a fixed-width field that sorts")]
        [InlineData("yyyy-M-d HH:mm:ss", "'M' is not a fixed-width field that sorts")]
        [InlineData("yyyy-MM-dd HH:mm:ss.FFF", "'FFF' is not a fixed-width field that sorts")]
        [InlineData("yyyy-MM-ddTHH:mm:sszzz", "writes an offset ('zzz')")]
        public void Patterns_that_do_not_sort_are_refused_at_the_format(string pattern, string reason)
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}#{order_id}", $"\"created_at\": {{ \"type\": \"datetime\", \"format\": \"{pattern}\" }}"),
                "DDB021",
                10,
                $"\"{pattern}\"",
                reason,
                "or a pattern from the year down such as \"yyyyMMddHHmmss\"");

        [Fact]
        public void A_stored_attribute_in_a_template_is_checked_where_its_format_is_written()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}#{order_id}", string.Empty, "\"created_at\": { \"type\": \"date\", \"format\": \"MM-dd-yyyy\" }"),
                "DDB021",
                12,
                "\"MM-dd-yyyy\"",
                "'created_at' is a date in a key, but in the pattern \"MM-dd-yyyy\", 'MM' stands where 'yyyy' should",
                "write \"format\": \"iso8601\" (the default, yyyy-MM-dd) or a pattern such as \"yyyyMMdd\"");

        [Fact]
        public void A_separator_the_date_can_contain_is_refused_at_the_template()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}-{order_id}", "\"created_at\": { \"type\": \"datetimeoffset\" }"),
                "DDB009",
                8,
                "\"ORDER#{created_at}-{order_id}\"",
                "'{created_at}' is followed by '-', but its text can hold '-' (2031-12-29T13:45:56.0000000+00:00)",
                "such as '#'");

        [Fact]
        public void A_digit_after_a_date_is_refused_even_in_a_pattern_without_separators()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("ORDER#{created_at}0{order_id}", "\"created_at\": { \"type\": \"date\", \"format\": \"yyyyMMdd\" }"),
                "DDB009",
                8,
                "\"ORDER#{created_at}0{order_id}\"",
                "its text can hold '0' (20311229)");

        [Fact]
        public void A_date_alone_is_not_a_key()
            => Assertions.OnlyErrorAt(
                Path,
                Descriptor("{created_at}", "\"created_at\": { \"type\": \"date\" }"),
                "DDB009",
                8,
                "\"{created_at}\"",
                "the date '{created_at}' stands alone",
                "as the key attribute itself (\"attribute\": \"created_at\" without a \"template\")",
                "'DAY#{created_at}'");

        /// <summary>
        /// A table whose sort key (line 8) is the stored attribute <c>created_at</c> itself, declared on line 10 as
        /// <paramref name="attribute"/>.
        /// </summary>
        private static string PlainDateKey(string attribute) => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Reading",
                  "tableName": "readings",
                  "partitionKey": { "attribute": "sensor_id" },
                  "sortKey": { "attribute": "created_at" },
                  "attributes": {
                    {{attribute}},
                    "sensor_id": { "type": "string" }
                  }
                }
              ]
            }
            """;

        [Theory]
        [InlineData("\"created_at\": { \"type\": \"datetimeoffset\", \"required\": true }")]
        [InlineData("\"created_at\": { \"type\": \"datetime\", \"format\": \"yyyyMMddHHmmss\", \"timeZone\": \"+09:00\" }")]
        [InlineData("\"created_at\": { \"type\": \"date\" }")]
        [InlineData("\"created_at\": { \"type\": \"date\", \"format\": \"yyyy/MM/dd\" }")]
        public void A_date_attribute_may_be_a_sort_key_on_its_own(string attribute)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, PlainDateKey(attribute)));

        [Fact]
        public void A_date_attribute_may_be_a_partition_key_on_its_own()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Opening",
                      "tableName": "openings",
                      "partitionKey": { "attribute": "day" },
                      "sortKey": { "attribute": "opened_at" },
                      "attributes": {
                        "day": { "type": "date", "format": "yyyyMMdd" },
                        "opened_at": { "type": "datetime", "timeZone": "+09:00" },
                        "note": { "type": "string" }
                      }
                    }
                  ]
                }
                """));

        [Fact]
        public void Epoch_seconds_are_refused_for_a_date_key_attribute_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                PlainDateKey("\"created_at\": { \"type\": \"datetimeoffset\", \"format\": \"epochSeconds\" }"),
                "DDB021",
                10,
                "\"epochSeconds\"",
                "'created_at' is a date in a key, but epoch seconds are numbers of varying length",
                "write \"format\": \"iso8601\" (the default) with a fixed \"timeZone\"");

        [Fact]
        public void Keeping_each_values_offset_is_refused_for_a_date_key_attribute_at_the_time_zone()
            => Assertions.OnlyErrorAt(
                Path,
                PlainDateKey("\"created_at\": { \"type\": \"datetimeoffset\", \"timeZone\": \"keep\" }"),
                "DDB021",
                10,
                "\"keep\"",
                "\"timeZone\": \"keep\" writes each value in its own offset");

        [Fact]
        public void A_pattern_that_does_not_sort_is_refused_for_a_date_key_attribute_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                PlainDateKey("\"created_at\": { \"type\": \"date\", \"format\": \"dd.MM.yyyy\" }"),
                "DDB021",
                10,
                "\"dd.MM.yyyy\"",
                "'dd' stands where 'yyyy' should");

        [Fact]
        public void A_part_named_like_the_day_parameter_of_a_date_time_part_keeps_its_name_and_the_day_parameter_gives_way()
        {
            // Once refused (DDB006): generated parameters are now named after the descriptor's, so the day one is renamed.
            var run = GeneratorHarness.Run(Path, Descriptor("ORDER#{created_at_day}#{created_at}#{order_id}", "\"created_at_day\": { \"type\": \"string\" }, \"created_at\": { \"type\": \"datetimeoffset\" }"));
            Assertions.GeneratesCleanCode(run);
            Assert.Contains("BeginsWith(string createdAtDay, global::System.DateOnly createdAtDay1)", run.Source("Shop.PurchaseSortKey.g.cs"), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Only_a_date_time_part_of_the_sort_key_reserves_its_day_parameter()
        {
            // Day parameters exist on sort-key prefixes and conditions only: a partition-key date-time leaves the name free.
            Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Purchase",
                      "tableName": "purchases",
                      "partitionKey": { "attribute": "pk", "template": "DAY#{created_at}" },
                      "sortKey": { "attribute": "sk", "template": "ORDER#{created_at_day}" },
                      "keyParts": { "created_at": { "type": "datetimeoffset" }, "created_at_day": { "type": "string" } },
                      "attributes": { "total": { "type": "decimal" } }
                    }
                  ]
                }
                """));
        }

        /// <summary>
        /// A table with the attribute <c>placed</c> declared on line 8 as <paramref name="placed"/>, and a global index
        /// whose partition key (line 10) is computed from <paramref name="template"/>.
        /// </summary>
        private static string IndexTemplate(string template, string placed) => $$"""
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Purchase",
                  "tableName": "purchases",
                  "partitionKey": { "attribute": "id" },
                  "attributes": { "id": { "type": "string" }, {{placed}} },
                  "indexes": {
                    "by_day": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "{{template}}" }, "sortKey": { "attribute": "id" } }
                  }
                }
              ]
            }
            """;

        [Theory]
        [InlineData("DAY#{placed}", "\"placed\": { \"type\": \"date\" }")]
        [InlineData("DAY#{placed}", "\"placed\": { \"type\": \"date\", \"format\": \"yyyyMMdd\", \"required\": true }")]
        [InlineData("AT#{placed}#{id}", "\"placed\": { \"type\": \"datetime\", \"timeZone\": \"+09:00\" }")]
        [InlineData("AT#{placed}", "\"placed\": { \"type\": \"datetimeoffset\", \"format\": \"yyyy-MM-dd HH:mm\" }")]
        public void A_stored_date_may_be_a_part_of_an_index_key_template(string template, string placed)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, IndexTemplate(template, placed)));

        [Fact]
        public void A_date_part_of_the_tables_key_may_be_a_part_of_an_index_key_template()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Purchase",
                      "tableName": "purchases",
                      "partitionKey": { "attribute": "pk", "template": "CUSTOMER#{customer_id}" },
                      "sortKey": { "attribute": "sk", "template": "ORDER#{created_at}#{order_id}" },
                      "keyParts": { "customer_id": { "type": "string" }, "order_id": { "type": "long" }, "created_at": { "type": "datetime", "format": "yyyyMMddHHmmss" } },
                      "attributes": { "total": { "type": "decimal" } },
                      "indexes": {
                        "by_time": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "AT#{created_at}" }, "sortKey": { "attribute": "pk" } }
                      }
                    }
                  ]
                }
                """));

        [Fact]
        public void Epoch_seconds_in_an_index_key_template_are_refused_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                IndexTemplate("DAY#{placed}", "\"placed\": { \"type\": \"datetimeoffset\", \"format\": \"epochSeconds\" }"),
                "DDB021",
                8,
                "\"epochSeconds\"",
                "'placed' is a date in a key, but epoch seconds are numbers of varying length");

        [Fact]
        public void Keeping_each_values_offset_in_an_index_key_template_is_refused_at_the_time_zone()
            => Assertions.OnlyErrorAt(
                Path,
                IndexTemplate("DAY#{placed}", "\"placed\": { \"type\": \"datetimeoffset\", \"timeZone\": \"keep\" }"),
                "DDB021",
                8,
                "\"keep\"",
                "\"timeZone\": \"keep\" writes each value in its own offset");

        [Fact]
        public void A_pattern_that_does_not_sort_in_an_index_key_template_is_refused_at_the_format()
            => Assertions.OnlyErrorAt(
                Path,
                IndexTemplate("DAY#{placed}", "\"placed\": { \"type\": \"date\", \"format\": \"MM/dd/yyyy\" }"),
                "DDB021",
                8,
                "\"MM/dd/yyyy\"",
                "'MM' stands where 'yyyy' should");

        [Fact]
        public void A_separator_the_date_can_contain_in_an_index_key_template_is_refused_at_the_template()
            => Assertions.OnlyErrorAt(
                Path,
                IndexTemplate("AT#{placed}-{id}", "\"placed\": { \"type\": \"date\" }"),
                "DDB009",
                10,
                "\"AT#{placed}-{id}\"",
                "'{placed}' is followed by '-', but its text can hold '-'");

        [Fact]
        public void A_date_alone_is_not_an_index_key_template()
            => Assertions.OnlyErrorAt(
                Path,
                IndexTemplate("{placed}", "\"placed\": { \"type\": \"date\" }"),
                "DDB009",
                10,
                "\"{placed}\"",
                "the date '{placed}' stands alone");
    }
}

using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Counters, timestamps and normalised values declared in ways that cannot work (DDB050–DDB052): each one error at
    /// the exact line and column of the offending value, with what to write instead.
    /// </summary>
    public sealed class ManagedValueDiagnosticTests
    {
        private const string Path = "/repo/schema/users.tables.json";

        /// <summary>
        /// A descriptor whose line 12 is <paramref name="attribute"/>; the sort key is built from the attribute
        /// <c>joined</c>, which line 11 declares, and the key part <c>email</c> on line 10 takes <paramref name="emailPart"/>.
        /// </summary>
        private static string Descriptor(string attribute, string emailPart = "", string joined = "") => $$"""
            {
              "namespace": "Users",
              "types": { "Address": { "attributes": { "city": { "type": "string" } } } },
              "tables": [
                {
                  "name": "User",
                  "tableName": "users",
                  "partitionKey": { "attribute": "pk", "template": "USER#{email}" },
                  "sortKey": { "attribute": "sk", "template": "JOINED#{joined}" },
                  "keyParts": { "email": { "type": "string"{{emailPart}} } },
                  "attributes": { "joined": { "type": "datetimeoffset"{{joined}} },
                    {{attribute}}
                  }
                }
              ]
            }
            """;

        private static Diagnostic OnlyError(string attribute, string id, int line, string at, params string[] message)
            => Assertions.OnlyErrorAt(Path, Descriptor(attribute), id, line, at, message);

        [Fact]
        public void Counters_timestamps_and_normalised_values_declared_rightly_generate_without_diagnostics()
        {
            var run = GeneratorHarness.Run(Path, Descriptor(
                "\"visits\": { \"type\": \"long\", \"counter\": true, \"start\": -3 }, \"likes\": { \"type\": \"int\", \"counter\": true }, \"at\": { \"type\": \"datetime\", \"timestamp\": \"created\" }, \"seen\": { \"type\": \"datetimeoffset\", \"timestamp\": \"updated\", \"format\": \"epochSeconds\" }, \"handle\": { \"type\": \"string\", \"normalize\": \"trim, uppercase\" }",
                emailPart: ", \"normalize\": [\"lowercase\", \"trim\"]"));
            Assertions.NoCrash(run);
            Assert.True(run.GeneratorDiagnostics.IsEmpty, Assertions.Describe(run.GeneratorDiagnostics));
            var repository = run.Sources.Single(s => s.HintName == "Users.UserRepository.g.cs").Text;
            Assert.Contains("Task<long?> IncrementVisitsAsync(UserKey key, long by = 1", repository, System.StringComparison.Ordinal);
            Assert.Contains("Task<int?> IncrementLikesAsync(UserKey key, int by = 1", repository, System.StringComparison.Ordinal);
            Assert.Contains("(\"visits\", -3L), (\"likes\", 0)", repository, System.StringComparison.Ordinal);
            Assert.Contains("static now => UserMarshaller.AtValue(now.UtcDateTime)", repository, System.StringComparison.Ordinal);
            var update = run.Sources.Single(s => s.HintName == "Users.UserUpdate.g.cs").Text;
            Assert.DoesNotContain("Visits", update, System.StringComparison.Ordinal);
            Assert.DoesNotContain("SetAt", update, System.StringComparison.Ordinal);
            Assert.DoesNotContain("SetSeen", update, System.StringComparison.Ordinal);
            Assert.Contains("SetHandle", update, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_counter_on_a_string_is_refused()
            => OnlyError("\"code\": { \"type\": \"string\", \"counter\": true }", "DDB050", 12, "true", "'code' is a counter, but a counter counts whole numbers", "\"int\" or \"long\"");

        [Fact]
        public void A_counter_with_a_default_is_told_to_use_start()
            => OnlyError("\"visits\": { \"type\": \"int\", \"counter\": true, \"default\": 5 }", "DDB050", 12, "5", "remove \"default\" and write \"start\" instead");

        [Fact]
        public void A_start_without_a_counter_is_refused()
            => OnlyError("\"visits\": { \"type\": \"int\", \"start\": 5 }", "DDB050", 12, "5", "'start' applies only to a counter", "Add \"counter\": true");

        [Fact]
        public void A_start_that_does_not_fit_the_counter_is_refused()
            => OnlyError("\"visits\": { \"type\": \"int\", \"counter\": true, \"start\": 3000000000 }", "DDB050", 12, "3000000000", "must be a whole number that fits its type (int)");

        [Fact]
        public void A_counter_in_a_key_template_is_refused_at_its_declaration()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"x\": { \"type\": \"string\" }", joined: ", \"counter\": true").Replace("\"datetimeoffset\", \"counter\"", "\"long\", \"counter\"", System.StringComparison.Ordinal), "DDB050", 11, "true", "'joined' is a counter, so it cannot also be a key attribute or key part");

        [Fact]
        public void A_timestamp_on_a_key_is_refused()
            => Assertions.OnlyErrorAt(Path, Descriptor("\"x\": { \"type\": \"string\" }", joined: ", \"timestamp\": \"created\""), "DDB051", 11, "\"created\"", "'joined' is a timestamp, so it cannot also be a key attribute or key part");

        [Fact]
        public void A_timestamp_on_a_date_is_refused()
            => OnlyError("\"day\": { \"type\": \"date\", \"timestamp\": \"updated\" }", "DDB051", 12, "\"updated\"", "a timestamp is a time", "\"datetimeoffset\" or \"datetime\"");

        [Fact]
        public void A_required_timestamp_is_refused()
            => OnlyError("\"at\": { \"type\": \"datetimeoffset\", \"timestamp\": \"updated\", \"required\": true }", "DDB051", 12, "true", "remove \"required\"");

        [Fact]
        public void An_unknown_timestamp_kind_suggests_the_one_meant()
            => OnlyError("\"at\": { \"type\": \"datetimeoffset\", \"timestamp\": \"create\" }", "DDB014", 12, "\"create\"", "Did you mean 'created'?", "created, updated");

        [Fact]
        public void A_counter_inside_a_nested_type_is_refused()
        {
            var descriptor = Descriptor("\"home\": { \"type\": \"Address\" }").Replace("\"city\": { \"type\": \"string\" }", "\"n\": { \"type\": \"int\", \"counter\": true }", System.StringComparison.Ordinal);
            Assertions.OnlyErrorAt(Path, descriptor, "DDB050", 3, "true", "'n' is a counter inside type 'Address'", "only an entity's own attributes");
        }

        [Fact]
        public void Normalize_on_a_number_is_refused()
            => OnlyError("\"qty\": { \"type\": \"int\", \"normalize\": \"trim\" }", "DDB052", 12, "\"trim\"", "'qty' is normalised, but only text is");

        [Fact]
        public void Normalize_with_a_phone_is_refused()
            => OnlyError("\"phone\": { \"type\": \"string\", \"sensitive\": \"phone\", \"normalize\": \"trim\" }", "DDB052", 12, "\"trim\"", "'phone' is a phone number", "remove \"normalize\"");

        [Fact]
        public void Lowercase_and_uppercase_together_are_refused()
            => OnlyError("\"name\": { \"type\": \"string\", \"normalize\": [\"lowercase\", \"uppercase\"] }", "DDB052", 12, "[", "both lowercase and uppercase");

        [Fact]
        public void An_unknown_normalisation_in_a_list_is_reported_at_its_name()
            => OnlyError("\"name\": { \"type\": \"string\", \"normalize\": \"trim,lower\" }", "DDB014", 12, "lower\"", "'lower' is not a valid value for 'normalize'", "Did you mean 'lowercase'?");

        [Fact]
        public void Normalize_on_a_key_part_that_is_not_text_is_refused()
        {
            var descriptor = Descriptor("\"x\": { \"type\": \"string\" }", emailPart: ", \"normalize\": \"lowercase\"").Replace("\"email\": { \"type\": \"string\"", "\"email\": { \"type\": \"long\"", System.StringComparison.Ordinal);
            Assertions.OnlyErrorAt(Path, descriptor, "DDB052", 10, "\"lowercase\"", "'email' is normalised, but only text is");
        }
    }
}

using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Each mistake a descriptor author makes is reported once, with its ID, severity, the file and the exact
    /// 1-based line and column an editor jumps to, and a message that says how to fix it. An error stops the
    /// file from generating anything, and the generator never throws.
    /// </summary>
    public sealed class DiagnosticTests
    {
        private const string Path = "/repo/schema/shop.tables.json";

        [Fact]
        public void Missing_comma_is_reported_where_the_comma_belongs()
        {
            const string descriptor = """
                {
                  "namespace": "Shop"
                  "tables": []
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB001");

            Assertions.Reported(diagnostic, "DDB001", DiagnosticSeverity.Error, Path, 3, 3);
            Assertions.MessageContains(diagnostic, "not valid JSON", "',' or '}' was expected after a property value", "Fix the JSON syntax at this position");
        }

        [Fact]
        public void Truncated_file_is_reported_at_its_end()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "ord
                """;

            var diagnostic = OnlyError(descriptor, "DDB001");

            Assertions.Reported(diagnostic, "DDB001", DiagnosticSeverity.Error, Path, 6, 24);
            Assertions.MessageContains(diagnostic, "unterminated string", "Fix the JSON syntax");
        }

        [Fact]
        public void Truncated_real_descriptor_is_reported_at_its_end()
        {
            var full = Schemas.Bookings;
            var cut = full.Substring(0, full.IndexOf("\"attributes\"", System.StringComparison.Ordinal) + "\"attributes\": {".Length);
            var end = SourceText.From(cut).Lines.GetLinePosition(cut.Length);

            var diagnostic = OnlyError(cut, "DDB001");

            Assertions.Reported(diagnostic, "DDB001", DiagnosticSeverity.Error, Path, end.Line + 1, end.Character + 1);
            Assertions.MessageContains(diagnostic, "a property name in double quotes was expected", "Fix the JSON syntax");
        }

        [Fact]
        public void Empty_file_is_reported_at_its_start()
        {
            var diagnostic = OnlyError(string.Empty, "DDB001");

            Assertions.Reported(diagnostic, "DDB001", DiagnosticSeverity.Error, Path, 1, 1);
            Assertions.MessageContains(diagnostic, "unexpected end of file; a value was expected");
        }

        [Fact]
        public void Template_naming_an_undeclared_part_suggests_the_declared_one()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "pk", "template": "ORDER#{order_idd}" },
                      "keyParts": { "order_id": { "type": "long" } },
                      "attributes": { "total": { "type": "decimal" } }
                    }
                  ]
                }
                """;

            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);

            var diagnostic = Assertions.Single(run, "DDB008");
            Assertions.Reported(diagnostic, "DDB008", DiagnosticSeverity.Error, Path, 7, 56);
            Assertions.MessageContains(
                diagnostic,
                "The key template of 'pk' names '{order_idd}', which is neither an attribute nor a key part.",
                "Did you mean 'order_id'?",
                "Declare it under \"keyParts\" (or \"attributes\"), or fix the name.");

            // No follow-on "unused key part" warning for the part the misspelling meant.
            Assert.Single(run.GeneratorDiagnostics);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void Duplicate_attribute_points_at_the_second_and_names_the_first()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "attributes": {
                        "id": { "type": "string", "required": true },
                        "total": { "type": "decimal" },
                        "total": { "type": "int" }
                      }
                    }
                  ]
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB006");

            Assertions.Reported(diagnostic, "DDB006", DiagnosticSeverity.Error, Path, 11, 9);
            Assertions.MessageContains(diagnostic, "Duplicate attribute 'total'; the first one is at line 10, column 9.", "Give each attribute a unique name or remove one.");
        }

        [Fact]
        public void Unknown_attribute_property_suggests_the_closest_one()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "attributes": {
                        "id": { "type": "string" },
                        "total": { "type": "decimal", "requird": true }
                      }
                    }
                  ]
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB003");

            Assertions.Reported(diagnostic, "DDB003", DiagnosticSeverity.Error, Path, 10, 39);
            Assertions.MessageContains(
                diagnostic,
                "Unknown property 'requird' in attribute 'total'.",
                "Did you mean 'required'?",
                "Allowed here: type, required, default, pattern, minLength, maxLength, minimum, maximum, format, timeZone, writeNull, sensitive, phoneRegion, unique, csharpName, description, counter, start, timestamp, normalize.");
        }

        [Fact]
        public void Misspelled_root_property_is_unknown_and_the_real_one_missing()
        {
            const string descriptor = """
                {
                  "namepsace": "Shop",
                  "tables": []
                }
                """;

            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);

            var unknown = Assertions.Single(run, "DDB003");
            Assertions.Reported(unknown, "DDB003", DiagnosticSeverity.Error, Path, 2, 3);
            Assertions.MessageContains(unknown, "Unknown property 'namepsace' in the descriptor.", "Did you mean 'namespace'?");

            var missing = Assertions.Single(run, "DDB004");
            Assertions.Reported(missing, "DDB004", DiagnosticSeverity.Error, Path, 1, 1);
            Assertions.MessageContains(missing, "The descriptor is missing the required property 'namespace'. Add \"namespace\": \"MyCompany.Data\".");
            Assert.Empty(run.Sources);
        }

        [Theory]
        [InlineData("integer", " Did you mean 'int'?")]
        [InlineData("boolean", " Did you mean 'bool'?")]
        [InlineData("strng", " Did you mean 'string'?")]
        [InlineData("timestamp", " Did you mean 'datetimeoffset'?")]
        public void Unknown_type_lists_the_supported_types(string type, string hint)
        {
            var descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "attributes": {
                        "id": { "type": "string" },
                        "count": { "type": "TYPE" }
                      }
                    }
                  ]
                }
                """.Replace("TYPE", type, System.StringComparison.Ordinal);

            var diagnostic = OnlyError(descriptor, "DDB005");

            Assertions.Reported(diagnostic, "DDB005", DiagnosticSeverity.Error, Path, 10, 28);
            Assertions.MessageContains(diagnostic, $"Unknown type '{type}'.{hint} Supported types: string, bool, int, long, decimal, double, binary, datetimeoffset, datetime, date, list<...>, set<...>, map<...>.");
        }

        [Theory]
        [InlineData("bool", "\"yes\"", "must be true or false, but a string was found. Write a default of type 'bool' or remove it.")]
        [InlineData("int", "3000000000", "must be a whole number from -2147483648 to 2147483647, but the number 3000000000 was found. Write a default of type 'int' or remove it.")]
        [InlineData("long", "1.5", "must be a whole number that fits in 64 bits, but the number 1.5 was found. Write a default of type 'long' or remove it.")]
        [InlineData("string", "null", "must be a string, but null was found. Write a default of type 'string' or remove it.")]
        [InlineData("decimal", "\"0\"", "must be a number, but a string was found. Write a default of type 'decimal' or remove it.")]
        public void Default_that_does_not_fit_the_type_is_reported_at_the_value(string type, string value, string message)
        {
            var descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "attributes": {
                        "id": { "type": "string" },
                        "v": { "type": "TYPE", "default": VALUE }
                      }
                    }
                  ]
                }
                """.Replace("TYPE", type, System.StringComparison.Ordinal).Replace("VALUE", value, System.StringComparison.Ordinal);
            var column = "        \"v\": { \"type\": \"\", \"default\": ".Length + type.Length + 1;

            var diagnostic = OnlyError(descriptor, "DDB012");

            Assertions.Reported(diagnostic, "DDB012", DiagnosticSeverity.Error, Path, 10, column);
            Assertions.MessageContains(diagnostic, "The default for 'v' " + message);
        }

        [Fact]
        public void Invalid_regular_expression_is_reported_at_the_pattern()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "attributes": {
                        "id": { "type": "string" },
                        "code": { "type": "string", "pattern": "^[A-Z+$" }
                      }
                    }
                  ]
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB013");

            Assertions.Reported(diagnostic, "DDB013", DiagnosticSeverity.Error, Path, 10, 48);
            Assertions.MessageContains(diagnostic, "The pattern of 'code' is not a valid regular expression:", "Fix the expression");
        }

        [Fact]
        public void Unused_key_part_is_only_a_warning_and_code_is_still_generated()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Order",
                      "tableName": "orders",
                      "partitionKey": { "attribute": "id" },
                      "keyParts": { "spare": { "type": "string" } },
                      "attributes": { "id": { "type": "string" } }
                    }
                  ]
                }
                """;

            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);

            var diagnostic = Assertions.Single(run, "DDB017");
            Assert.Single(run.GeneratorDiagnostics);
            Assertions.Reported(diagnostic, "DDB017", DiagnosticSeverity.Warning, Path, 8, 21);
            Assertions.MessageContains(diagnostic, "The key part 'spare' is not used by any key template. Use it in a template or remove it.");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Order.g.cs");
        }

        [Fact]
        public void Same_types_from_two_descriptors_are_reported_once_per_descriptor()
        {
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText("/repo/a/bookings.tables.json", Schemas.Bookings),
                new InMemoryAdditionalText("/repo/b/bookings.tables.json", Schemas.Bookings));
            Assertions.NoCrash(run);

            Assert.NotEmpty(run.GeneratorDiagnostics);
            Assert.All(run.GeneratorDiagnostics, d =>
            {
                Assert.Equal("DDB007", d.Id);
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assertions.MessageContains(d, "Bookings.Booking, Bookings.BookingKey", "from bookings.tables.json and from another descriptor", "Rename one of the tables or give the files different namespaces.");
            });

            // One report per descriptor, each at its own first table's name; neither generates the clashing types.
            Assert.Equal(2, run.GeneratorDiagnostics.Length);
            var (line, column) = PositionOf(Schemas.Bookings, "\"Booking\"");
            var reports = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().Path, System.StringComparer.Ordinal).ToList();
            Assertions.Reported(reports[0], "DDB007", DiagnosticSeverity.Error, "/repo/a/bookings.tables.json", line, column);
            Assertions.Reported(reports[1], "DDB007", DiagnosticSeverity.Error, "/repo/b/bookings.tables.json", line, column);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void A_table_that_another_descriptor_also_generates_is_reported_at_its_name()
        {
            const string orders = """
                {
                  "namespace": "Shop",
                  "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ]
                }
                """;
            const string archive = """
                {
                  "namespace": "Shop",
                  "enums": { "Reason": { "values": ["expired", "refunded"] } },
                  "tables": [
                    { "name": "Receipt", "tableName": "receipts", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                    {
                      "name": "Order",
                      "tableName": "orders-archive",
                      "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "reason": { "type": "Reason" } }
                    }
                  ]
                }
                """;
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText("/repo/schema/orders.tables.json", orders),
                new InMemoryAdditionalText("/repo/schema/archive.tables.json", archive));
            Assertions.NoCrash(run);
            Assert.Equal(2, run.GeneratorDiagnostics.Length);

            var second = run.GeneratorDiagnostics.Single(d => d.Location.GetLineSpan().Path == "/repo/schema/archive.tables.json");
            Assertions.Reported(second, "DDB007", DiagnosticSeverity.Error, "/repo/schema/archive.tables.json", 7, 15);
            Assertions.MessageContains(second, "The types Shop.Order, Shop.OrderKey, Shop.OrderMarshaller, Shop.OrderRepository, Shop.IOrderRepository, Shop.OrderTable, Shop.OrderFields, Shop.OrderUpdate would be generated from archive.tables.json and from another descriptor");
            Assert.DoesNotContain("Receipt", second.GetMessage(), System.StringComparison.Ordinal);

            var first = run.GeneratorDiagnostics.Single(d => d.Location.GetLineSpan().Path == "/repo/schema/orders.tables.json");
            Assertions.Reported(first, "DDB007", DiagnosticSeverity.Error, "/repo/schema/orders.tables.json", 3, PositionOf(orders, "\"Order\"").Column);

            // Neither file generates the clashing types; what does not clash (the enum, the other table) is still generated.
            Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Shop.Order", System.StringComparison.Ordinal) && s.HintName != "Shop.OrdersSchema.g.cs");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Reason.g.cs");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Receipt.g.cs");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.OrdersSchema.g.cs");
        }

        [Fact]
        public void A_type_one_descriptor_declares_beside_another_is_reported_when_another_descriptor_generates_it()
        {
            // The enum Status also declares StatusValues in its file; the other descriptor's table is named StatusValues.
            const string orders = """
                {
                  "namespace": "Shop",
                  "enums": { "Status": { "values": ["open", "closed"] } },
                  "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" }, "status": { "type": "Status" } } } ]
                }
                """;
            const string values = """
                {
                  "namespace": "Shop",
                  "tables": [ { "name": "StatusValues", "tableName": "status-values", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ]
                }
                """;
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText("/repo/schema/orders.tables.json", orders),
                new InMemoryAdditionalText("/repo/schema/values.tables.json", values));
            Assertions.NoCrash(run);
            Assert.Equal(2, run.GeneratorDiagnostics.Length);

            var first = run.GeneratorDiagnostics.Single(d => d.Location.GetLineSpan().Path == "/repo/schema/orders.tables.json");
            Assertions.Reported(first, "DDB007", DiagnosticSeverity.Error, "/repo/schema/orders.tables.json", 3, PositionOf(orders, "\"Status\"").Column);
            Assertions.MessageContains(first, "The types Shop.StatusValues would be generated from orders.tables.json and from another descriptor");
            var second = run.GeneratorDiagnostics.Single(d => d.Location.GetLineSpan().Path == "/repo/schema/values.tables.json");
            Assertions.Reported(second, "DDB007", DiagnosticSeverity.Error, "/repo/schema/values.tables.json", 3, PositionOf(values, "\"StatusValues\"").Column);

            // Neither file that declares StatusValues is emitted, so the build fails with DDB007 alone, not CS0101/CS0261.
            Assert.DoesNotContain(run.Sources, s => s.HintName == "Shop.Status.g.cs" || s.HintName == "Shop.StatusValues.g.cs");
            Assert.Contains(run.Sources, s => s.HintName == "Shop.StatusValuesKey.g.cs");
            Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id is "CS0101" or "CS0261");
        }

        [Fact]
        public void A_ttl_attribute_must_be_a_declared_number_of_epoch_seconds()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Cart",
                      "tableName": "carts",
                      "ttl": "expires",
                      "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "expires": { "type": "string" } }
                    }
                  ]
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB014");
            Assertions.Reported(diagnostic, "DDB014", DiagnosticSeverity.Error, Path, 7, 14);
            Assertions.MessageContains(diagnostic, "'expires' is not a valid value for 'ttl'.", "The TTL attribute holds epoch seconds.", "\"type\": \"long\"");
        }

        [Fact]
        public void A_version_attribute_must_be_a_declared_long()
        {
            const string descriptor = """
                {
                  "namespace": "Shop",
                  "tables": [
                    {
                      "name": "Cart",
                      "tableName": "carts",
                      "version": "rev",
                      "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "rev": { "type": "int" } }
                    }
                  ]
                }
                """;

            var diagnostic = OnlyError(descriptor, "DDB014");
            Assertions.Reported(diagnostic, "DDB014", DiagnosticSeverity.Error, Path, 7, 18);
            Assertions.MessageContains(diagnostic, "'rev' is not a valid value for 'version'.", "\"type\": \"long\"");
        }

        /// <summary>The 1-based line and column of the first <paramref name="text"/> in <paramref name="descriptor"/>.</summary>
        private static (int Line, int Column) PositionOf(string descriptor, string text)
        {
            var position = SourceText.From(descriptor).Lines.GetLinePosition(descriptor.IndexOf(text, System.StringComparison.Ordinal));
            return (position.Line + 1, position.Character + 1);
        }

        private static Diagnostic OnlyError(string descriptor, string id)
        {
            var run = GeneratorHarness.Run(Path, descriptor);
            Assertions.NoCrash(run);
            var diagnostic = Assertions.Single(run, id);
            Assert.True(run.GeneratorDiagnostics.Length == 1, $"Expected only {id}:\n" + Assertions.Describe(run.GeneratorDiagnostics));
            Assert.Empty(run.Sources);
            return diagnostic;
        }
    }
}

using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Runs the code generated from the real descriptor (build a key, map an item both ways, print it), and compiles
    /// code against generated types to show what they do not allow.
    /// </summary>
    public sealed class GeneratedCodeBehaviourTests
    {
        [Fact]
        public void Bookings_round_trip_through_the_marshaller_and_mask_when_printed()
        {
            var run = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings) }),
                GeneratorHarness.CreateCompilation(SnapshotTests.BookingsUsage));
            Assertions.NoCrash(run);

            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("generated-bookings", isCollectible: true);
            try
            {
                image.Position = 0;
                var assembly = context.LoadFromStream(image);
                var result = (string)assembly.GetType("Consumer.Usage", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;
                var fields = result.Split('|');

                Assert.Equal("12_345", fields[0]);               // the partition key template
                Assert.Equal("010-1234-5678", fields[1]);        // the phone sort key, normalised on the way in
                Assert.Equal("True", fields[2]);
                Assert.Equal("8", fields[3]);                    // 2 key attributes and 6 others; no extras
                Assert.Equal("True", fields[4]);                 // FromItem(ToItem(x)) == x
                Assert.DoesNotContain("Minji", fields[5]);       // personal data masked
                Assert.DoesNotContain("1234", fields[5]);        // phone masked
                Assert.Contains("5678", fields[5]);
                Assert.DoesNotContain("sid", fields[6]);         // the secret left out
                Assert.Equal("2", fields[7]);
                Assert.Equal("sms", fields[8]);
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>
        /// A table with a computed index key built from two attributes (<c>NAME#{last_name}#{first_name}</c>), one built
        /// from a single attribute (<c>EMAIL#{email}</c>), and an attribute that feeds no index key.
        /// </summary>
        private const string People = """
            {
              "namespace": "Shop",
              "tables": [
                {
                  "name": "Person",
                  "tableName": "people",
                  "partitionKey": { "attribute": "id" },
                  "attributes": {
                    "id": { "type": "string" },
                    "first_name": { "type": "string" },
                    "last_name": { "type": "string" },
                    "email": { "type": "string" },
                    "note": { "type": "string" }
                  },
                  "indexes": {
                    "by_name": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "NAME#{last_name}#{first_name}" } },
                    "by_email": { "type": "global", "partitionKey": { "attribute": "gsi2_pk", "template": "EMAIL#{email}" } }
                  }
                }
              ]
            }
            """;

        [Fact]
        public void An_attribute_that_feeds_a_key_of_several_attributes_has_no_update_methods()
        {
            var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/schema/people.tables.json", People) }), GeneratorHarness.EmptyCompilation);
            Assertions.GeneratesCleanCode(run);

            // An update of last_name alone could not recompute gsi1_pk (it needs first_name too), so the SDK offers
            // none: the update builder has no method for it, and the repository changes attributes only through it. A put
            // recomputes the key.
            var update = MemberNames(run, "Shop.PersonUpdate");
            Assert.DoesNotContain(update, name => name.Contains("LastName", System.StringComparison.Ordinal) || name.Contains("FirstName", System.StringComparison.Ordinal));
            Assert.Contains("SetEmail", update);                             // one attribute: the update sets gsi2_pk with it
            Assert.Contains("RemoveEmail", update);
            Assert.Contains("SetNote", update);                              // feeds no key
            var repository = MemberNames(run, "Shop.IPersonRepository");
            Assert.DoesNotContain(repository, name => name.Contains("LastName", System.StringComparison.Ordinal) || name.Contains("FirstName", System.StringComparison.Ordinal));
            Assert.Contains("UpdateAsync", repository);

            // Writing such an update does not compile.
            const string misuse = """
                namespace Consumer
                {
                    /// <summary>Tries to change one input of a key built from several attributes.</summary>
                    public static class Misuse
                    {
                        /// <summary>Each call names a method the generator does not emit.</summary>
                        public static void Run()
                        {
                            _ = new global::Shop.PersonUpdate().SetNote("n").SetEmail("a@b.c");
                            _ = new global::Shop.PersonUpdate().SetLastName("Kim");
                            _ = new global::Shop.PersonUpdate().RemoveFirstName();
                        }
                    }
                }
                """;
            var compiled = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/schema/people.tables.json", People) }),
                GeneratorHarness.CreateCompilation(misuse));
            var errors = compiled.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 2, Assertions.Describe(errors));
            Assert.All(errors, e => Assert.Equal("CS1061", e.Id));
            Assert.Equal(new[] { 10, 11 }, errors.Select(e => e.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
            Assert.Contains(errors, e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'SetLastName'", System.StringComparison.Ordinal));
            Assert.Contains(errors, e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'RemoveFirstName'", System.StringComparison.Ordinal));
        }

        [Fact]
        public void User_code_cannot_reach_the_changes_an_update_collects()
        {
            // Each line tries to write gsi2_pk (computed from email) without email, by a way generated code has.
            const string misuse = """
                namespace Consumer
                {
                    /// <summary>Tries to write a computed index key by name.</summary>
                    public static class Misuse
                    {
                        /// <summary>Each statement is a compile error.</summary>
                        public static void Run(global::Shop.IPersonRepository people, global::Shop.PersonKey key)
                        {
                            var update = new global::Shop.PersonUpdate().SetNote("n");
                            update.Changes.Set("gsi2_pk", new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "EMAIL#x" });
                            update.Set("gsi2_pk", new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "EMAIL#x" });
                            _ = new global::Bookings.Generated.Runtime.UpdateBuilder();
                            _ = people.UpdateAsync(key, new Forged());
                        }
                    }

                    /// <summary>Deriving from the runtime's base compiles, but no repository takes it.</summary>
                    public sealed class Forged : global::Bookings.Generated.Runtime.EntityUpdate
                    {
                        /// <summary>Writes the key by name.</summary>
                        public Forged() => Set<Forged>("gsi2_pk", new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "EMAIL#x" });
                    }

                    /// <summary>The generated update cannot be extended.</summary>
                    public class Extended : global::Shop.PersonUpdate
                    {
                    }
                }

                namespace Shop
                {
                    /// <summary>Nor completed by a part of one's own, which could call its protected members.</summary>
                    public sealed partial class PersonUpdate
                    {
                        /// <summary>Writes the key by name.</summary>
                        public void Forge() => Set<PersonUpdate>("gsi2_pk", new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "EMAIL#x" });
                    }
                }
                """;
            var compiled = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/schema/people.tables.json", People) }),
                GeneratorHarness.CreateCompilation(misuse));
            Assertions.NoCrash(compiled);
            // A user's line by its number; the generated file by its name (CS0260 is reported at the declaration lacking 'partial').
            var errors = compiled.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(e => (Where: e.Location.GetLineSpan() is var span && span.Path == "/src/Source0.cs" ? (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Path.GetFileName(span.Path), e.Id))
                .OrderBy(e => e.Where, System.StringComparer.Ordinal)
                .ToList();
            Assert.True(
                errors.SequenceEqual(new[] { ("10", "CS1061"), ("11", "CS0122"), ("12", "CS0234"), ("13", "CS1503"), ("25", "CS0509"), ("Shop.PersonUpdate.g.cs", "CS0260") }),
                Assertions.Describe(compiled.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        [Fact]
        public void A_table_whose_sort_key_is_a_constant_has_no_partition_queries()
        {
            // Store's sort key is "#META": a partition holds at most one Store, which GetAsync reads. Staff shares the
            // table with a sort key of parts, so its partitions hold many and it keeps its queries.
            var run = GeneratorHarness.Run(Schemas.StoresPath, Schemas.Stores);
            Assertions.GeneratesCleanCode(run);
            var store = MemberNames(run, "Bookings.Generated.Integration.Tests.Stores.IStoreRepository");
            Assert.DoesNotContain("QueryAsync", store);
            Assert.DoesNotContain("QueryPageAsync", store);
            Assert.Contains("GetAsync", store);
            var staff = MemberNames(run, "Bookings.Generated.Integration.Tests.Stores.IStaffRepository");
            Assert.Contains("QueryAsync", staff);
            Assert.Contains("QueryPageAsync", staff);

            var orders = GeneratorHarness.Run(Schemas.OrdersPath, Schemas.Orders);
            Assertions.GeneratesCleanCode(orders);
            Assert.DoesNotContain("QueryAsync", MemberNames(orders, "Shop.Orders.IOrderRepository"));
        }

        public static TheoryData<string, string> Descriptors => new()
        {
            { Schemas.BookingsPath, Schemas.Bookings },
            { Schemas.OrdersPath, Schemas.Orders },
            { Schemas.AccountsPath, Schemas.Accounts },
            { Schemas.TelemetryPath, Schemas.Telemetry },
            { Schemas.ShopPath, Schemas.Shop },
            { Schemas.StoresPath, Schemas.Stores },
            { Schemas.FilesPath, Schemas.Files },
            { Schemas.PurchasesPath, Schemas.Purchases },
            { Schemas.ReadingsPath, Schemas.Readings },
            { Schemas.CatalogPath, Schemas.Catalog },
            { "/repo/schema/people.tables.json", People },
        };

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void A_repository_changes_attributes_only_through_its_update_type(string path, string descriptor)
        {
            // One way to change an attribute: UpdateAsync with the update's Set… (which took the place of the one-call
            // Set…Async and UpdateFlagAsync), so validation and the index keys computed from an attribute follow one rule.
            // Every repository is the runtime's IDynamoRepository over its entity, key and update type, and adds no setter.
            var run = GeneratorHarness.Run(path, descriptor);
            Assertions.NoCrash(run);
            var updates = run.OutputCompilation.GetSymbolsWithName(n => n.EndsWith("Update", System.StringComparison.Ordinal), SymbolFilter.Type)
                .OfType<INamedTypeSymbol>()
                .Where(t => t.BaseType?.Name == "EntityUpdate")
                .ToList();
            Assert.NotEmpty(updates);
            foreach (var update in updates)
            {
                var entity = update.Name.Substring(0, update.Name.Length - "Update".Length);
                var repository = run.OutputCompilation.GetTypeByMetadataName($"{update.ContainingNamespace.ToDisplayString()}.I{entity}Repository");
                Assert.NotNull(repository);
                var generic = Assert.Single(repository.AllInterfaces, i => i.Name == "IDynamoRepository");
                Assert.Equal(new[] { entity, entity + "Key", entity + "Update" }, generic.TypeArguments.Select(t => t.Name));
                Assert.DoesNotContain(MemberNames(run, repository.ToDisplayString()), n => n.StartsWith("Set", System.StringComparison.Ordinal) || n.StartsWith("Update", System.StringComparison.Ordinal) && n != "UpdateAsync");
            }
        }

        /// <summary>The names of the members of a generated type (an interface's with those it inherits), read from the output compilation.</summary>
        private static System.Collections.Generic.List<string> MemberNames(GeneratorRun run, string typeName)
        {
            var type = run.OutputCompilation.GetTypeByMetadataName(typeName);
            Assert.True(type is not null, $"No generated type {typeName}.");
            return type.GetMembers().Concat(type.AllInterfaces.SelectMany(i => i.GetMembers())).Select(m => m.Name).ToList();
        }
    }
}

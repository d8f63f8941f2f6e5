using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Json.Schema;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// <c>schema/tables.schema.json</c>, the JSON Schema editors use to complete and check descriptors, accepts
    /// every descriptor in the repository and the ones the tests compile, and refuses what the generator refuses
    /// for the same structural reasons.
    /// </summary>
    public sealed class SchemaFileTests
    {
        private static readonly JsonSchema EditorSchema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "tables.schema.json")));

        /// <summary>
        /// Every error with where it is (List output; the default Flag output has none), and <c>format</c>
        /// checked: under draft 2020-12 it is only an annotation unless asked for, and editors check
        /// <c>"format": "regex"</c>.
        /// </summary>
        private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

        public static TheoryData<string> RepositoryDescriptors
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var folder in new[] { "schema", "src", "tests", "benchmarks" })
                {
                    var root = Path.Combine(RepoPaths.Root, folder);
                    if (!Directory.Exists(root))
                    {
                        continue;
                    }

                    foreach (var file in Directory.EnumerateFiles(root, "*.tables.json", SearchOption.AllDirectories)
                                 .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                                 .OrderBy(f => f, System.StringComparer.Ordinal))
                    {
                        data.Add(Path.GetRelativePath(RepoPaths.Root, file));
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(RepositoryDescriptors))]
        public void Every_descriptor_in_the_repository_is_valid(string relativePath)
            => AssertValid(relativePath, File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));

        [Fact]
        public void The_repository_has_the_descriptors_this_test_is_meant_to_cover()
        {
            var found = Enumerable.Select<object[], string>(RepositoryDescriptors, row => (string)row[0]).ToList();
            Assert.Contains(Path.Combine("schema", "bookings.tables.json"), found);
            Assert.Contains(Path.Combine("tests", "Integration.Tests", "catalog.tables.json"), found);
        }

        [Fact]
        public void The_descriptors_compiled_by_the_tests_are_valid()
        {
            AssertValid("orders", Schemas.Orders);
            AssertValid("accounts", Schemas.Accounts);
            AssertValid("telemetry", Schemas.Telemetry);
        }

        [Theory]
        [InlineData("""{ "namespace": "Shop", "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string", "requird": true } } } ] }""")]
        [InlineData("""{ "namespace": "Shop", "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "set<bool>" } } } ] }""")]
        [InlineData("""{ "namespace": "Shop", "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "datetime", "timeZone": "Asia/Seoul" } } } ] }""")]
        [InlineData("""{ "namespace": "Shop", "enums": { "Status": { "values": [] } }, "tables": [] }""")]
        [InlineData("""{ "namespace": "Shop", "tables": [ { "name": "Order", "tableName": "o", "partitionKey": { "attribute": "id" }, "attributes": {} } ] }""")]
        // "format": "regex" is checked (the option above), as the generator checks that the pattern compiles (DDB013).
        [InlineData("""{ "namespace": "Shop", "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string", "pattern": "[" } } } ] }""")]
        public void Structural_mistakes_are_refused_in_the_editor_too(string descriptor)
        {
            var valid = IsValid(descriptor, out var errors);
            Assert.False(valid, "The editor schema accepted a descriptor the generator refuses.");
            Assert.NotEmpty(errors);
        }

        private static void AssertValid(string name, string descriptor)
        {
            var valid = IsValid(descriptor, out var errors);
            Assert.True(valid, $"{name} does not validate against schema/tables.schema.json:\n" + string.Join("\n", errors));
        }

        /// <summary>Validates one descriptor; each error reads <c>/instance/location: keyword: message</c>.</summary>
        private static bool IsValid(string descriptor, out IList<string> errors)
        {
            using var document = JsonDocument.Parse(descriptor);
            var results = EditorSchema.Evaluate(document.RootElement, Options);
            errors = (results.Details is null ? new[] { results } : results.Details.Prepend(results))
                .Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {(error.Key.Length == 0 ? "" : error.Key + ": ")}{error.Value}"))
                .ToList();
            return results.IsValid;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// What the descriptor corpus (<see cref="Corpus.DescriptorCorpusTests"/>) found: valid descriptors whose generated
    /// code did not compile, that made the generator throw, or that were refused for a name the generator itself chose.
    /// Each is the smallest descriptor showing one cause; the comment names what went wrong before. Each now compiles,
    /// or, where a name the user chose cannot be generated, is refused at that name by a diagnostic that says why.
    /// </summary>
    public sealed class CorpusFindingsTests
    {
        private const string Path = "/repo/schema/found.tables.json";

        public static TheoryData<string> Compiling => new(CompilingCases.Keys);

        [Theory]
        [MemberData(nameof(Compiling))]
        public void Descriptor_compiles_without_warnings(string name)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, CompilingCases[name]), "DDB020");

        private static readonly Dictionary<string, string> CompilingCases = new()
        {
            // EntityEmitter wrote the property twice, once for the key attribute and once for the stored attribute (CS0102);
            // a csharpName on the key only moved the clash to the fields.
            ["a key template of one stored attribute"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{email}" } """,
                """ "email": { "type": "string", "required": true }, "name": { "type": "string" } """),
            ["a key template of one stored attribute, renamed"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{email}", "csharpName": "Email" } """,
                """ "email": { "type": "string", "required": true, "csharpName": "Mail" } """),

            // IndexScope.Find skipped a key of one placeholder: an index on "pk" was refused (DDB018), a template naming it too (DDB008).
            ["an index on a key attribute that is one placeholder"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{email}" }, "sortKey": { "attribute": "sk", "template": "ORDER#{order_id}" }, "keyParts": { "order_id": { "type": "long" } } """,
                """ "email": { "type": "string" }, "status": { "type": "string" } """,
                """ "indexes": { "by_status": { "type": "global", "partitionKey": { "attribute": "status" }, "sortKey": { "attribute": "pk" } }, "by_customer": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "CUSTOMER#{pk}" } } } """),

            // MarshallerEmitter declared the stored text of 'owner' once per computed key, in the scope of ToItem (CS0128).
            ["two computed index keys built from one attribute"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "owner": { "type": "string" }, "kind": { "type": "string" } """,
                """ "indexes": { "gsi1": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "A#{owner}" } }, "gsi2": { "type": "global", "partitionKey": { "attribute": "gsi2_pk", "template": "B#{owner}" }, "sortKey": { "attribute": "gsi2_sk", "template": "{kind}#{owner}" } } } """),

            // SortKeyEmitter.WriteIndex wrote conditions with no parameters: 'Between(, )' (CS1031).
            ["an index whose computed sort key is a constant"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "owner": { "type": "string" } """,
                """ "indexes": { "by_owner": { "type": "global", "partitionKey": { "attribute": "gsi1_pk", "template": "OWNER#{owner}" }, "sortKey": { "attribute": "gsi1_sk", "template": "#ALL" } } } """),

            // KeyEmitter wrote 'TryCreate(, storedPk: null, …)' for a key of no parts (CS1525).
            ["a constant partition key on a table without a sort key"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "SETTINGS" } """,
                """ "theme": { "type": "string" } """),

            // GroupEmitter's typed partition query called PartitionKeyValue, which only keys of tables with a sort key had (CS0117).
            ["a shared table without a sort key"] = """
                { "namespace": "Found", "tables": [ { "name": "Things", "tableName": "things", "partitionKey": { "attribute": "pk" }, "entities": [
                  { "name": "User", "partitionKey": { "template": "USER#{user_id}" }, "keyParts": { "user_id": { "type": "string" } }, "attributes": { "name": { "type": "string" } } } ] } ] }
                """,

            // Parameters of the repository's queries: a part named like one of them declared it twice (CS0100); 'nameof'
            // made 'nameof(sortKey)' a call of it.
            ["key parts named like the query parameters"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{options}#{page_size}#{sort_key}#{continuation_token}#{cancellation_token}#{nameof}" }, "sortKey": { "attribute": "sk", "template": "{prefix}" }, "keyParts": { "options": { "type": "string" }, "page_size": { "type": "int" }, "sort_key": { "type": "string" }, "continuation_token": { "type": "string" }, "cancellation_token": { "type": "string" }, "nameof": { "type": "string" }, "prefix": { "type": "string" } } """,
                """ "a": { "type": "string" } """,
                """ "indexes": { "by_a": { "type": "global", "partitionKey": { "attribute": "a" }, "sortKey": { "attribute": "gsi_sk", "template": "{options}#{page_size}" } } } """),

            // A namespace named 'nameof' made every 'nameof(x)' in the generated code name it (CS0118).
            ["a namespace named nameof"] = Table(
                """ "partitionKey": { "attribute": "id" }, "sortKey": { "attribute": "n" } """,
                """ "id": { "type": "string" }, "n": { "type": "int" }, "ok": { "type": "bool" } """,
                ns: "Found.nameof"),

            // The key type's generated names: 'result', 'storedPk' and the private TryCreate were refused (DDB006), the
            // key part '_' made 'out _' the property (CS0120), and a part whose parameter is its property's name assigned
            // the parameter to itself (CS1717, CS8618).
            ["key parts named like the key type's locals and private members"] = Table(
                """ "partitionKey": { "attribute": "result", "template": "{stored_pk}#{try_create}#{cursor}" }, "sortKey": { "attribute": "sk", "template": "{created_key}#{_x}" }, "keyParts": { "stored_pk": { "type": "string" }, "try_create": { "type": "int" }, "cursor": { "type": "string" }, "created_key": { "type": "string" } } """,
                """ "_x": { "type": "datetime", "csharpName": "_" }, "n": { "type": "int" } """),
            ["a stored part whose parameter is its property's name"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "U#{user}" } """,
                """ "user": { "type": "string", "csharpName": "id" }, "名前": { "type": "string" } """),
            ["two parts whose parameters differ from their properties only in case"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{a}#{b}" } """,
                """ "a": { "type": "string", "csharpName": "ID" }, "b": { "type": "string", "csharpName": "iD" } """),
            ["a key part beside another's pattern field"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{biz}#{biz_pattern}#{biz_pattern_matches}" }, "keyParts": { "biz": { "type": "string", "pattern": "^[0-9]+$" }, "biz_pattern": { "type": "string" }, "biz_pattern_matches": { "type": "string" } } """,
                """ "a": { "type": "string" } """),

            // RepositoryEmitter: the entity parameter 'condition' beside the condition parameter (CS0100).
            ["an entity named Condition"] = """
                { "namespace": "Found", "tables": [ { "name": "Condition", "tableName": "conditions", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                """,

            // GroupEmitter: 'nameof(event)' without its '@' (CS1001), and the pattern variable 'item' beside the function 'item' (CS0136).
            ["entities named Event, Class, Default, String and Item in a shared table"] = """
                { "namespace": "Found", "tables": [ { "name": "Things", "tableName": "things", "partitionKey": { "attribute": "pk" }, "sortKey": { "attribute": "sk" }, "entities": [
                  { "name": "Event", "partitionKey": { "template": "P#{id}" }, "sortKey": { "template": "E#" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } },
                  { "name": "Class", "partitionKey": { "template": "P#{id}" }, "sortKey": { "template": "C#" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } },
                  { "name": "Default", "partitionKey": { "template": "P#{id}" }, "sortKey": { "template": "D#" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } },
                  { "name": "String", "partitionKey": { "template": "P#{id}" }, "sortKey": { "template": "S#" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } },
                  { "name": "Item", "partitionKey": { "template": "P#{id}" }, "sortKey": { "template": "I#" }, "keyParts": { "id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } } ] } ] }
                """,

            // GroupEmitter printed the stored partition attribute's name into an interpolated string as it is (CS1039, CS1010).
            ["a shared table whose partition attribute needs escaping"] = """
                { "namespace": "Found", "tables": [ { "name": "Things", "tableName": "things", "partitionKey": { "attribute": "p\"k{0}" }, "sortKey": { "attribute": "sk" }, "entities": [
                  { "name": "User", "partitionKey": { "template": "USER#{user_id}", "csharpName": "Pk" }, "sortKey": { "template": "#" }, "keyParts": { "user_id": { "type": "string" } }, "attributes": { "a": { "type": "string" } } },
                  { "name": "Team", "partitionKey": { "template": "TEAM#{team_id}", "csharpName": "Pk" }, "sortKey": { "template": "T#" }, "keyParts": { "team_id": { "type": "long" } }, "attributes": { "a": { "type": "string" } } } ] } ] }
                """,

            // TypesEmitter: the value method ToAttributeValue(Address) of the attribute 'to_attribute' beside the public one (CS0111).
            ["an object attribute whose value method is the public ToAttributeValue"] = """
                { "namespace": "Found", "types": { "Address": { "attributes": { "city": { "type": "string" }, "to_attribute": { "type": "Address" } } } },
                  "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" }, "home": { "type": "Address" } } } ] }
                """,
        };

        [Fact]
        public void A_key_of_one_stored_attribute_has_one_property_and_is_stored_in_both_attributes()
        {
            var run = GeneratorHarness.Run(Path, CompilingCases["a key template of one stored attribute"]);
            Assertions.GeneratesCleanCode(run);

            var entity = run.Source("Found.Thing.g.cs");
            Assert.Single(entity.Split('\n'), line => line.Contains(" Email => Key.Email;", StringComparison.Ordinal));
            var marshaller = run.Source("Found.ThingMarshaller.g.cs");
            Assert.Contains("[\"pk\"] = new() { S = key.Email },", marshaller, StringComparison.Ordinal);
            Assert.Contains("[\"email\"] = new() { S = key.Email },", marshaller, StringComparison.Ordinal);

            // The key attribute keeps a field of its own name, so a condition on 'pk' and one on 'email' can both be written.
            Assert.Contains("Field<string> Pk =", run.Source("Found.ThingFields.g.cs"), StringComparison.Ordinal);
        }

        [Fact]
        public void A_local_index_of_a_table_whose_partition_key_is_one_placeholder_is_generated()
        {
            // ReadIndex found no partition key for it and dropped the index without a word.
            var run = GeneratorHarness.Run(Path, Table(
                """ "partitionKey": { "attribute": "pk", "template": "{email}" }, "sortKey": { "attribute": "sk", "template": "ORDER#{order_id}" }, "keyParts": { "order_id": { "type": "long" } } """,
                """ "email": { "type": "string", "required": true }, "placed_on": { "type": "date", "required": true } """,
                """ "indexes": { "by_placed_on": { "type": "local", "sortKey": { "attribute": "placed_on" } } } """));
            Assertions.GeneratesCleanCode(run);
            Assert.Contains("new(\"by_placed_on\", false, new global::Bookings.Generated.Runtime.KeyAttributeDefinition(\"pk\", global::Amazon.DynamoDBv2.ScalarAttributeType.S)", run.Source("Found.ThingTable.g.cs"), StringComparison.Ordinal);
            Assert.Contains("QueryByPlacedOnAsync(string email, ", run.Source("Found.ThingRepository.g.cs"), StringComparison.Ordinal);
        }

        [Fact]
        public void Two_indexes_whose_names_differ_only_in_case_cost_no_descriptor_its_output()
        {
            // Their sort-key types ThingGsi1SortKey and ThingGSI1SortKey had hint names equal but for case: AddSource threw,
            // and the generator lost the output of every descriptor of the project (CS8785).
            var indexes = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "a": { "type": "string" }, "b": { "type": "string" } """,
                """ "indexes": { "gsi1": { "type": "global", "partitionKey": { "attribute": "a" }, "sortKey": { "attribute": "id" } }, "GSI1": { "type": "global", "partitionKey": { "attribute": "b" }, "sortKey": { "attribute": "id" } } } """);
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText(Path, indexes),
                new InMemoryAdditionalText(Schemas.OrdersPath, Schemas.Orders));
            Assertions.GeneratesCleanCode(run);
            Assert.Contains(run.Sources, s => s.Text.Contains("public static partial class ThingGsi1SortKey", StringComparison.Ordinal));
            Assert.Contains(run.Sources, s => s.Text.Contains("public static partial class ThingGSI1SortKey", StringComparison.Ordinal));
            Assert.Contains(run.Sources, s => s.HintName == "Shop.Orders.OrderRepository.g.cs");
            Assert.Equal(run.Sources.Length, run.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        }

        [Fact]
        public void Types_whose_names_differ_only_in_case_are_generated_in_one_descriptor_and_across_two()
        {
            // Order and ORDER in one file, and Order in namespaces Found and found: hint names equal but for case (CS8785).
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText(Path, """
                    { "namespace": "Found", "tables": [
                      { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                      { "name": "ORDER", "tableName": "ORDERS", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                    """),
                new InMemoryAdditionalText("/repo/schema/other.tables.json", """
                    { "namespace": "found", "tables": [ { "name": "Order", "tableName": "orders", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                    """));
            Assertions.GeneratesCleanCode(run);
            Assert.Contains(run.Sources, s => s.Text.Contains("public sealed partial record ORDER", StringComparison.Ordinal));
            Assert.Contains(run.Sources, s => s.Text.Contains("namespace found", StringComparison.Ordinal));
            Assert.Equal(run.Sources.Length, run.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        }

        [Fact]
        public void A_query_parameter_gives_way_to_a_part_of_its_name()
        {
            var run = GeneratorHarness.Run(Path, CompilingCases["key parts named like the query parameters"]);
            var repository = run.Source("Found.ThingRepository.g.cs");
            Assert.Contains(
                "QueryPageAsync(string options, int pageSize, string sortKey, string continuationToken, string cancellationToken, string nameof, int pageSize1, string? continuationToken1 = null, global::Bookings.Generated.Runtime.QueryOptions? options1 = null, global::System.Threading.CancellationToken cancellationToken1 = default)",
                repository,
                StringComparison.Ordinal);
            Assert.Contains("pageSize1, continuationToken1, options1, cancellationToken1);", repository, StringComparison.Ordinal);
        }

        // Names the user chose that cannot be generated: refused where they are written, saying why.

        [Fact]
        public void An_attribute_named_clone_is_refused_since_a_record_may_not_declare_Clone()
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" },
                        "clone": { "type": "string" } } } ] }
                    """,
                "DDB006",
                3,
                "\"clone\"",
                "Duplicate C# property name 'Clone'; the first one is a member every generated entity has");

        [Fact]
        public void Two_attributes_whose_update_methods_share_a_name_are_refused_at_the_second()
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "title": { "type": "string" },
                        "title_if_not_exists": { "type": "string" } } } ] }
                    """,
                "DDB006",
                3,
                "\"title_if_not_exists\"",
                "Duplicate update method 'SetTitleIfNotExists'; the first one is the update method of 'title' in ThingUpdate, which 'title_if_not_exists' would make too. Rename one of them with \"csharpName\".");

        [Fact]
        public void A_required_attribute_has_no_set_if_not_exists_so_an_attribute_of_that_name_is_accepted()
        {
            // Every item the SDK reads has a required attribute without a default, so SetTitleIfNotExists could never set
            // it; it is not generated, and the name is free for the setter of 'title_if_not_exists' (once refused, DDB006).
            var run = GeneratorHarness.Run(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" }, "title": { "type": "string", "required": true },
                        "title_if_not_exists": { "type": "string" } } } ] }
                    """);

            Assertions.GeneratesCleanCode(run);
            var update = run.Source("Found.ThingUpdate.g.cs");
            Assert.Contains("public ThingUpdate SetTitle(string value)", update, StringComparison.Ordinal);
            Assert.Single(update.Split('\n'), line => line.Contains(" SetTitleIfNotExists(", StringComparison.Ordinal));
            Assert.Contains("Set<ThingUpdate>(\"title_if_not_exists\", ", update, StringComparison.Ordinal);
        }

        [Fact]
        public void A_key_part_whose_name_makes_no_identifier_is_refused_at_its_name()
            // Once accepted: 'QueryAsync(string 2ndId, …)' (CS1001).
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "pk", "template": "P#{2nd-id}" },
                      "keyParts": {
                        "2nd-id": { "type": "string" } },
                      "attributes": { "a": { "type": "string" } } } ] }
                    """,
                "DDB011",
                3,
                "\"2nd-id\"",
                "'2ndId' is not a valid C# property name (made from the key part name '2nd-id'; a key part takes its C# name from its name, so rename the part).");

        [Fact]
        public void An_entity_named_Key_is_refused_since_its_key_is_its_property_Key()
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [
                      { "name": "Key", "tableName": "keys", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                    """,
                "DDB006",
                2,
                "\"Key\"",
                "Duplicate type name 'Key'; the first one is a member every generated entity has, which the type's own name cannot be. Rename the type.");

        [Fact]
        public void An_attribute_named_like_the_fields_type_is_refused()
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" },
                      "attributes": { "id": { "type": "string" },
                        "thing_fields": { "type": "string" } } } ] }
                    """,
                "DDB006",
                3,
                "\"thing_fields\"",
                "Duplicate C# name 'ThingFields'; the first one is the generated type ThingFields, whose member it would be. Rename the attribute with \"csharpName\".");

        [Fact]
        public void An_attribute_of_a_shared_table_s_entity_named_match_is_refused()
            => Assertions.OnlyErrorAt(
                Path,
                """
                    { "namespace": "Found", "tables": [ { "name": "Things", "tableName": "things", "partitionKey": { "attribute": "pk" }, "entities": [
                      { "name": "User", "partitionKey": { "template": "USER#{id}" }, "keyParts": { "id": { "type": "string" } }, "attributes": {
                        "match": { "type": "string" } } } ] } ] }
                    """,
                "DDB006",
                3,
                "\"match\"",
                "Duplicate C# property name 'Match'; the first one is the method every item of a shared table has");

        /// <summary>A descriptor with one table <c>Thing</c> in namespace <paramref name="ns"/>.</summary>
        private static string Table(string keys, string attributes, string extra = "", string ns = "Found") => Schemas.OneTable(ns, keys, attributes, extra);
    }
}

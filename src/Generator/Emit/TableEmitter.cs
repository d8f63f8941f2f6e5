using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the table classes (of a table of one entity, of a shared table, of an entity in one) and the per-file schema class that lists them.</summary>
    internal static class TableEmitter
    {
        public static void Write(SourceWriter w, TableModel table)
        {
            w.Block($$"""
                /// <summary>The <c>{{Xml.Escape(table.TableName)}}</c> table as the schema declares it, and its stored attribute names.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{table.TableTypeName}}
                """);
            w.Open();
            if (table.GroupName is not null)
            {
                var group = table.GroupName + "Table";
                w.Block($$"""
                    /// <summary>The physical table name used unless options add a prefix or override it; shared with the other entities of <see cref="{{group}}"/>.</summary>
                    public const string DefaultName = {{group}}.DefaultName;

                    /// <summary>The shared table's keys, indexes and billing mode.</summary>
                    public static {{Runtime}}TableDefinition Definition => {{group}}.Definition;
                    """);
            }
            else
            {
                WriteDefinition(w, table.TypeName, table.TableName, table.BillingMode, table.Capacity, table.PartitionKey.AttributeName, table.PartitionKey.Storage, table.SortKey?.AttributeName, table.SortKey?.Storage ?? KeyStorage.String, table.TtlAttribute, table.Indexes);
            }

            foreach (var index in table.Indexes)
            {
                w.Block($$"""

                    /// <summary>The <c>{{Xml.Escape(index.Name)}}</c> {{(index.IsGlobal ? "global" : "local")}} secondary index.{{Sentence(index.Description)}}</summary>
                    public static {{Runtime}}IndexDefinition {{index.MethodName}}Index { get; } = Definition.Index({{Literals.String(index.Name)}});
                    """);
            }

            var attributes = table.Keys.Select(k => (k.PropertyName, k.AttributeName, ", a key attribute"))
                .Concat(table.KeyParts.Where(p => p.StoredAttribute is not null).Select(p => (p.PropertyName, p.StoredAttribute!, ", also a key part")))
                .Concat(table.Attributes.Select(a => (a.PropertyName, a.Name, string.Empty)));
            w.Block("""

                /// <summary>The stored attribute names, for hand-written expressions.</summary>
                public static class Attributes
                """);
            w.Open();
            foreach (var (property, name, what) in attributes)
            {
                w.Block($$"""
                    /// <summary><c>{{Xml.Escape(name)}}</c>{{what}}.</summary>
                    public const string {{property}} = {{Literals.String(name)}};
                    """);
            }

            w.Close();
            w.Close();
        }

        /// <summary>The definition of a table shared by several entity types, and the attribute that names each item's type.</summary>
        public static void WriteGroup(SourceWriter w, EntityGroupModel group)
        {
            w.Block($$"""
                /// <summary>The <c>{{Xml.Escape(group.TableName)}}</c> table, shared by {{string.Join(", ", group.Entities.Select(e => $"<see cref=\"{e}\"/>"))}}.{{Sentence(group.Description)}}</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{group.TableTypeName}}
                """);
            w.Open();
            WriteDefinition(w, group.Name, group.TableName, group.BillingMode, group.Capacity, group.PartitionAttribute, group.PartitionStorage, group.SortAttribute, group.SortStorage, group.TtlAttribute, group.Indexes);
            w.Block($$"""

                /// <summary>The attribute that names each item's entity type.</summary>
                public const string TypeAttribute = {{Literals.String(group.TypeAttribute)}};
                """);
            w.Close();
        }

        /// <summary><c>DefaultName</c> and <c>Definition</c>: keys, TTL, indexes and billing mode, enough to create the table.</summary>
        private static void WriteDefinition(
            SourceWriter w,
            string entityName,
            string tableName,
            string billingMode,
            CapacityModel? capacity,
            string partitionAttribute,
            KeyStorage partitionStorage,
            string? sortAttribute,
            KeyStorage sortStorage,
            string? ttlAttribute,
            EquatableArray<IndexModel> indexes)
        {
            var arguments = new List<string>
            {
                Literals.String(entityName),
                "DefaultName",
                KeyDefinition(partitionAttribute, partitionStorage),
                sortAttribute is null ? "null" : KeyDefinition(sortAttribute, sortStorage),
                $"global::Amazon.DynamoDBv2.BillingMode.{billingMode}",
            };
            if (ttlAttribute is not null)
            {
                arguments.Add($"TtlAttribute: {Literals.String(ttlAttribute)}");
            }

            if (indexes.Count > 0)
            {
                var definitions = indexes.Select(index => $"new({Literals.String(index.Name)}, {(index.IsGlobal ? "true" : "false")}, "
                    + $"{KeyDefinition(index.PartitionKey.AttributeName, index.PartitionKey.Storage)}, "
                    + $"{(index.SortKey is null ? "null" : KeyDefinition(index.SortKey.AttributeName, index.SortKey.Storage))}, "
                    + $"global::Amazon.DynamoDBv2.ProjectionType.{index.Projection}"
                    + $"{(index.Included.Count > 0 ? ", new[] { " + string.Join(", ", index.Included.Select(Literals.String)) + " }" : string.Empty)})"
                    + $"{(index.Capacity is null ? string.Empty : $" {{ Capacity = {Capacity(index.Capacity)} }}")},");
                arguments.Add($"Indexes: new {Runtime}IndexDefinition[]\n{{\n    {string.Join("\n    ", definitions)}\n}}");
            }

            // Capacity is an init property, so a table without it is written as before.
            var initializer = capacity is null ? string.Empty : $"\n{{\n    Capacity = {Capacity(capacity)},\n}}";
            w.Block($$"""
                /// <summary>The physical table name used unless options add a prefix or override it.</summary>
                public const string DefaultName = {{Literals.String(tableName)}};

                /// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
                public static {{Runtime}}TableDefinition Definition { get; } = new(
                    {{Indented(string.Join(",\n", arguments), 1)}}){{initializer}};
                """);
        }

        private static string Capacity(CapacityModel capacity) => $"new(Read: {capacity.Read}, Write: {capacity.Write})";

        private static string KeyDefinition(string attribute, KeyStorage storage)
            => $"new {Runtime}KeyAttributeDefinition({Literals.String(attribute)}, {ValueKinds.ScalarAttributeType(storage)})";

        public static void WriteSchema(SourceWriter w, SchemaModel schema)
        {
            var name = schema.SchemaTypeName.Substring(0, schema.SchemaTypeName.Length - "Schema".Length);
            const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
            var definitions = schema.Tables.Where(t => t.GroupName is null).Select(t => t.TableTypeName).Concat(schema.Groups.Select(g => g.TableTypeName))
                .Select(t => $"{t}.Definition").ToList();
            // On one line when short, as a person would write a short array (typed: a descriptor may declare no table).
            var list = string.Join(", ", definitions);
            var tables = list.Length <= 80
                ? $"global::System.Array.AsReadOnly(new {Runtime}TableDefinition[] {{{(list.Length == 0 ? string.Empty : $" {list}")} }});"
                : $"global::System.Array.AsReadOnly(new {Runtime}TableDefinition[]\n{{\n    {string.Join(",\n    ", definitions)},\n}});";
            var registrations = schema.Tables.Select(t => (t.RepositoryInterfaceName, t.RepositoryTypeName))
                .Concat(schema.Groups.Select(g => (g.RepositoryInterfaceName, g.RepositoryTypeName)))
                .Select(r => $"{Runtime}DynamoServiceCollectionExtensions.AddRepository<{r.RepositoryInterfaceName}, {r.RepositoryTypeName}>(\n    services, static (client, options, logger) => new {r.RepositoryTypeName}(client, options, logger));");
            w.Block($$"""
                /// <summary>The tables declared in {{Xml.Escape(schema.FileName)}}.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{schema.SchemaTypeName}}
                {
                    /// <summary>Every table of the descriptor, in declaration order; pass them to <c>DynamoTableManager.EnsureTablesAsync</c>.</summary>
                    public static global::System.Collections.Generic.IReadOnlyList<{{Runtime}}TableDefinition> Tables { get; } =
                        {{Indented(tables, 2)}}

                    /// <summary>Registers every repository of the descriptor as a singleton, and its tables for the start-up check; call <c>AddDynamoRepositories</c> first for options and the client.</summary>
                    public static {{Services}} Add{{name}}Repositories(this {{Services}} services)
                    {
                        {{Lines(registrations, 2)}}
                        return {{Runtime}}DynamoServiceCollectionExtensions.AddTables(services, Tables);
                    }

                    /// <summary>Registers the runtime (options bound from <paramref name="configuration"/> and validated at start-up, the client, the table manager, transactions) and every repository of the descriptor, in one call.</summary>
                    public static {{Services}} Add{{name}}Repositories(this {{Services}} services, global::Microsoft.Extensions.Configuration.IConfiguration configuration)
                        => Add{{name}}Repositories({{Runtime}}DynamoServiceCollectionExtensions.AddDynamoRepositories(services, configuration));
                }
                """);
        }
    }
}

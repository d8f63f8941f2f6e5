using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the per-table definition class and the per-file schema class that lists the tables.</summary>
    internal static class TableEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";

        public static void Write(SourceWriter w, TableModel table)
        {
            w.Summary($"The <c>{Xml.Escape(table.TableName)}</c> table as the schema declares it, and its stored attribute names.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {table.TableTypeName}");
            if (table.GroupName is not null)
            {
                var group = $"global::{table.Namespace}.{table.GroupName}Table";
                w.Summary($"The physical table name used unless options add a prefix or override it; shared with the other entities of <see cref=\"{group}\"/>.");
                w.Line($"public const string DefaultName = {group}.DefaultName;");
                w.Line();
                w.Summary("The shared table's keys, indexes and billing mode.");
                w.Line($"public static {Runtime}TableDefinition Definition => {group}.Definition;");
            }
            else
            {
                WriteDefinition(w, table.TypeName, table.BillingMode, KeyDefinition(table, table.PartitionKey), table.SortKey is null ? "null" : KeyDefinition(table, table.SortKey), table.TtlAttribute, table.Indexes, table.TableName);
            }

            foreach (var index in table.Indexes)
            {
                w.Line();
                w.Summary($"The <c>{Xml.Escape(index.Name)}</c> {(index.IsGlobal ? "global" : "local")} secondary index.{(index.Description is null ? string.Empty : " " + Xml.Escape(index.Description))}");
                w.Line($"public static {Runtime}IndexDefinition {index.MethodName}Index {{ get; }} = Definition.Index({Literals.String(index.Name)});");
            }

            w.Line();
            w.Summary("The stored attribute names, for hand-written expressions.");
            w.Open("public static class Attributes");
            foreach (var key in table.Keys)
            {
                w.Summary($"<c>{Xml.Escape(key.AttributeName)}</c>, a key attribute.");
                w.Line($"public const string {key.PropertyName} = {Literals.String(key.AttributeName)};");
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null))
            {
                w.Summary($"<c>{Xml.Escape(part.StoredAttribute!)}</c>, also a key part.");
                w.Line($"public const string {part.PropertyName} = {Literals.String(part.StoredAttribute!)};");
            }

            foreach (var attribute in table.Attributes)
            {
                w.Summary($"<c>{Xml.Escape(attribute.Name)}</c>.");
                w.Line($"public const string {attribute.PropertyName} = {Literals.String(attribute.Name)};");
            }

            w.Close();
            w.Close();
        }

        /// <summary>
        /// <c>DefaultName</c> and <c>Definition</c>: keys, TTL, indexes and billing mode, enough to create the table;
        /// written for a table of one entity and for a table shared by several.
        /// </summary>
        public static void WriteDefinition(
            SourceWriter w,
            string entityName,
            string billingMode,
            string partitionKey,
            string sortKey,
            string? ttlAttribute,
            EquatableArray<IndexModel> indexes,
            string tableName)
        {
            w.Summary("The physical table name used unless options add a prefix or override it.");
            w.Line($"public const string DefaultName = {Literals.String(tableName)};");
            w.Line();
            w.Summary("Keys, indexes and billing mode, enough to create the table.");
            w.Line($"public static {Runtime}TableDefinition Definition {{ get; }} = new(");
            w.Indent();
            w.Line($"{Literals.String(entityName)},");
            w.Line("DefaultName,");
            w.Line($"{partitionKey},");
            w.Line($"{sortKey},");
            var named = new System.Collections.Generic.List<string>();
            if (ttlAttribute is not null)
            {
                named.Add($"TtlAttribute: {Literals.String(ttlAttribute)}");
            }

            w.Line($"global::Amazon.DynamoDBv2.BillingMode.{billingMode}{(named.Count == 0 && indexes.Count == 0 ? ");" : ",")}");
            if (ttlAttribute is not null)
            {
                w.Line(named[0] + (indexes.Count == 0 ? ");" : ","));
            }

            if (indexes.Count > 0)
            {
                w.Line($"Indexes: new {Runtime}IndexDefinition[]");
                w.Open();
                foreach (var index in indexes)
                {
                    var included = index.Included.Count > 0 ? ", new[] { " + string.Join(", ", index.Included.Select(Literals.String)) + " }" : string.Empty;
                    w.Line($"new({Literals.String(index.Name)}, {(index.IsGlobal ? "true" : "false")}, {IndexKeyDefinition(index.PartitionKey)}, {(index.SortKey is null ? "null" : IndexKeyDefinition(index.SortKey))}, global::Amazon.DynamoDBv2.ProjectionType.{index.Projection}{included}),");
                }

                w.Close(");");
            }

            w.Outdent();
        }

        private static string IndexKeyDefinition(IndexKeyModel key) => KeyDefinition(key.AttributeName, key.Storage);

        public static string KeyDefinition(string attribute, KeyStorage storage)
            => $"new {Runtime}KeyAttributeDefinition({Literals.String(attribute)}, {ValueKinds.ScalarAttributeType(storage)})";

        private static string KeyDefinition(TableModel table, KeyModel key) => KeyDefinition(key.AttributeName, key.Storage);

        public static void WriteSchema(SourceWriter w, SchemaModel schema)
        {
            w.Summary($"The tables declared in {Xml.Escape(schema.FileName)}.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {schema.SchemaTypeName}");
            w.Summary("Every table of the descriptor, in declaration order; pass them to <c>DynamoTableManager.EnsureTablesAsync</c>.");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}TableDefinition> Tables {{ get; }} =");
            w.Indent().Line($"global::System.Array.AsReadOnly(new {Runtime}TableDefinition[]");
            w.Open();
            foreach (var table in schema.Tables.Where(t => t.GroupName is null))
            {
                w.Line($"global::{schema.Namespace}.{table.TableTypeName}.Definition,");
            }

            foreach (var group in schema.Groups)
            {
                w.Line($"global::{schema.Namespace}.{group.TableTypeName}.Definition,");
            }

            w.Close(");").Outdent();
            w.Line();
            var services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
            w.Summary("Registers every repository of the descriptor as a singleton; call <c>AddDynamoRepositories</c> first for options and the client.");
            w.Open($"public static {services} Add{schema.SchemaTypeName.Substring(0, schema.SchemaTypeName.Length - "Schema".Length)}Repositories(this {services} services)");
            var repositories = schema.Tables.Select(t => (t.RepositoryInterfaceName, t.RepositoryTypeName))
                .Concat(schema.Groups.Select(g => (g.RepositoryInterfaceName, g.RepositoryTypeName)));
            foreach (var (contract, type) in repositories)
            {
                var implementation = $"global::{schema.Namespace}.{type}";
                w.Line($"{Runtime}DynamoServiceCollectionExtensions.AddRepository<global::{schema.Namespace}.{contract}, {implementation}>(");
                w.Indent().Line($"services, static (client, options, logger) => new {implementation}(client, options, logger));").Outdent();
            }

            w.Line("return services;");
            w.Close();
            w.Line();
            var configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
            w.Summary("Registers the runtime (options bound from <paramref name=\"configuration\"/> and validated at start-up, the client, the table manager, transactions) and every repository of the descriptor, in one call.");
            w.Line($"public static {services} Add{schema.SchemaTypeName.Substring(0, schema.SchemaTypeName.Length - "Schema".Length)}Repositories(this {services} services, {configuration} configuration)");
            w.Indent().Line($"=> Add{schema.SchemaTypeName.Substring(0, schema.SchemaTypeName.Length - "Schema".Length)}Repositories({Runtime}DynamoServiceCollectionExtensions.AddDynamoRepositories(services, configuration));").Outdent();
            w.Close();
        }
    }
}

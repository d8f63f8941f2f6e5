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
            w.Summary("The physical table name used unless options add a prefix or override it.");
            w.Line($"public const string DefaultName = {Literals.String(table.TableName)};");
            w.Line();
            w.Summary("Keys and billing mode, enough to create the table.");
            w.Line($"public static {Runtime}TableDefinition Definition {{ get; }} = new(");
            w.Indent();
            w.Line($"{Literals.String(table.TypeName)},");
            w.Line("DefaultName,");
            w.Line($"{KeyDefinition(table, table.PartitionKey)},");
            w.Line($"{(table.SortKey is null ? "null" : KeyDefinition(table, table.SortKey))},");
            var named = new System.Collections.Generic.List<string>();
            if (table.TtlAttribute is not null)
            {
                named.Add($"TtlAttribute: {Literals.String(table.TtlAttribute)}");
            }

            if (table.Indexes.Count > 0)
            {
                named.Add("Indexes: new " + Runtime + "IndexDefinition[]");
            }

            w.Line($"global::Amazon.DynamoDBv2.BillingMode.{table.BillingMode}{(named.Count == 0 ? ");" : ",")}");
            for (var i = 0; i < named.Count; i++)
            {
                var last = i == named.Count - 1;
                if (named[i].StartsWith("Indexes:", System.StringComparison.Ordinal))
                {
                    w.Line(named[i]);
                    w.Open();
                    foreach (var index in table.Indexes)
                    {
                        w.Line($"new({Literals.String(index.Name)}, {(index.IsGlobal ? "true" : "false")}, {IndexKeyDefinition(index.PartitionKey)}, {(index.SortKey is null ? "null" : IndexKeyDefinition(index.SortKey))}, global::Amazon.DynamoDBv2.ProjectionType.{index.Projection}{(index.Included.Count > 0 ? ", new[] { " + string.Join(", ", index.Included.Select(Literals.String)) + " }" : string.Empty)}),");
                    }

                    w.Close(last ? ");" : ",");
                }
                else
                {
                    w.Line(named[i] + (last ? ");" : ","));
                }
            }

            w.Outdent();
            foreach (var index in table.Indexes)
            {
                w.Line();
                w.Summary($"The <c>{Xml.Escape(index.Name)}</c> {(index.IsGlobal ? "global" : "local")} secondary index.{(index.Description is null ? string.Empty : " " + Xml.Escape(index.Description))}");
                w.Line($"public static {Runtime}IndexDefinition {index.MethodName}Index => Definition.Index({Literals.String(index.Name)});");
            }

            w.Line();
            w.Summary("The stored attribute names, for hand-written expressions.");
            w.Open("public static class Attributes");
            foreach (var key in KeyEmitter.AllKeys(table))
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

        private static string IndexKeyDefinition(IndexKeyModel key)
            => $"new {Runtime}KeyAttributeDefinition({Literals.String(key.AttributeName)}, global::Amazon.DynamoDBv2.ScalarAttributeType.{(key.IsNumber ? "N" : "S")})";

        private static string KeyDefinition(TableModel table, KeyModel key)
        {
            var type = KeyEmitter.KeyAttributeType(table, key) == "string" ? "S" : "N";
            return $"new {Runtime}KeyAttributeDefinition({Literals.String(key.AttributeName)}, global::Amazon.DynamoDBv2.ScalarAttributeType.{type})";
        }

        public static void WriteSchema(SourceWriter w, SchemaModel schema)
        {
            w.Summary($"The tables declared in {Xml.Escape(schema.FileName)}.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {schema.SchemaTypeName}");
            w.Summary("Every table of the descriptor, in declaration order; pass them to <c>DynamoTableManager.EnsureTablesAsync</c>.");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}TableDefinition> Tables {{ get; }} =");
            w.Indent().Line($"global::System.Array.AsReadOnly(new {Runtime}TableDefinition[]");
            w.Open();
            foreach (var table in schema.Tables)
            {
                w.Line($"global::{schema.Namespace}.{table.TableTypeName}.Definition,");
            }

            w.Close(");").Outdent();
            w.Line();
            var services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
            w.Summary("Registers every repository of the descriptor as a singleton; call <c>AddDynamoRepositories</c> first for options and the client.");
            w.Open($"public static {services} Add{schema.SchemaTypeName.Substring(0, schema.SchemaTypeName.Length - "Schema".Length)}Repositories(this {services} services)");
            foreach (var table in schema.Tables)
            {
                var implementation = $"global::{schema.Namespace}.{table.RepositoryTypeName}";
                w.Line($"{Runtime}DynamoServiceCollectionExtensions.AddRepository<global::{schema.Namespace}.{table.RepositoryInterfaceName}, {implementation}>(");
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

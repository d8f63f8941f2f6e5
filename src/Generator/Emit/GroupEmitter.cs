using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes what a table shared by several entity types adds to their own types: the closed set of item types, the
    /// marshaller that reads each item as its own type, and partition queries (its table class is written with the
    /// other table classes).
    /// </summary>
    internal static class GroupEmitter
    {
        public static void WriteItem(SourceWriter w, EntityGroupModel group, string ns)
        {
            // The entity types are qualified here: the type parameter TResult could take a simple name.
            var types = group.Entities.Select(e => $"global::{ns}.{e}").ToList();
            var entities = string.Join(", ", group.Entities.Select(e => $"<see cref=\"{e}\"/>"));

            // One parameter per entity, named after it; the pattern variable gives way (an entity named Item).
            var names = new UniqueNames();
            var functions = group.Entities.Select(e => names.Take(Parsing.Names.ToParameterName(e))).ToList();
            var item = names.Take("item");
            var parameters = string.Join(", ", types.Select((t, i) => $"global::System.Func<{t}, TResult> {functions[i]}"));
            w.Block($$"""
                /// <summary>An item of the <c>{{Xml.Escape(group.TableName)}}</c> table: one of {{entities}}; no other type can derive from it, so <see cref="Match"/> covers every case.</summary>
                {{GeneratedCodeAttribute}}
                public abstract partial record {{group.ItemTypeName}}
                {
                    private protected {{group.ItemTypeName}}()
                    {
                    }

                    /// <summary>Calls the function for this item's type: adding an entity type to the table adds a parameter, so every caller is told at compile time.</summary>
                    public TResult Match<TResult>({{parameters}})
                        => this switch
                        {
                """);
            w.Indent().Indent().Indent();
            for (var i = 0; i < types.Count; i++)
            {
                w.Line($"{types[i]} {item} => ({Literals.NotNull(functions[i])})({item}),");
            }

            w.Line("_ => throw new global::System.InvalidOperationException(\"Unknown item type.\"),");
            w.Outdent().Line("};").Outdent().Outdent().Line("}");

            var reads = group.Entities.Select(e => $"{Literals.String(e)} => {e}Marshaller.FromItem(item),");
            w.Block($$"""

                /// <summary>Reads items of the <c>{{Xml.Escape(group.TableName)}}</c> table, each as its own entity type.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{group.MarshallerTypeName}}
                {
                    /// <summary>Reads a stored item as the entity type its <c>{{Xml.Escape(group.TypeAttribute)}}</c> attribute names.</summary>
                    /// <exception cref="{{Runtime}}DynamoMappingException">The type is missing or unknown, or the item does not fit its type.</exception>
                    public static {{group.ItemTypeName}} FromItem({{StoredItem}} item)
                    {
                        global::System.ArgumentNullException.ThrowIfNull(item);
                        var reader = new {{Internal}}ItemReader(item, {{Literals.String(group.ItemTypeName)}});
                        var type = reader.String({{Literals.String(group.TypeAttribute)}});
                        return type switch
                        {
                            {{Lines(reads, 3)}}
                            _ => throw reader.UnknownType({{Literals.String(group.TypeAttribute)}}, type, {{Literals.String(string.Join(", ", group.Entities))}}),
                        };
                    }
                }
                """);
        }

        /// <summary>The C# kind of an untyped partition key: any number is taken as a decimal.</summary>
        private static ValueKind PartitionKind(EntityGroupModel group) => group.PartitionStorage switch
        {
            KeyStorage.Number => ValueKind.Decimal,
            KeyStorage.Binary => ValueKind.Binary,
            _ => ValueKind.String,
        };

        public static void WriteRepository(SourceWriter w, EntityGroupModel group, SchemaModel schema)
        {
            var shared = group.SharedPartitionEntity is null ? null : schema.Tables.First(t => t.TypeName == group.SharedPartitionEntity);
            var parts = shared?.PartitionKey.Parts.ToList();
            var q = new QueryParameters(parts is null
                ? new[] { (ValueKinds.CSharpType(PartitionKind(group)), "partitionKey") }
                : parts.Select(p => (ValueKinds.CSharpType(p.Type), p.ParameterName)));
            var arguments = q.Arguments;
            // A decimal cannot be null; text and bytes are checked before they are stored.
            var given = group.PartitionStorage == KeyStorage.Number ? arguments : $"{Internal}InputValidation.NotNull({arguments}, {Literals.String(group.Name)}, {Literals.String(group.PartitionAttribute)})";
            var partition = shared is not null ? $"{shared.KeyTypeName}.PartitionKeyValue({arguments})" : ValueKinds.ToAttributeValue(PartitionKind(group), given);
            var read = $"{group.MarshallerTypeName}.FromItem";
            var members = new[]
            {
                new RepositoryMember("The physical table name in use, after prefixes and overrides.", "string TableName", "_reader.TableName") { IsProperty = true },
                new RepositoryMember(
                    "Every item of one partition, each as its own type, in sort-key order, read lazily; <c>options.SortKey</c> (an entity's <c>…SortKey</c> builds one) reads only the items whose sort key meets it.",
                    $"global::System.Collections.Generic.IAsyncEnumerable<{group.ItemTypeName}> QueryPartitionAsync({q.Leading}{q.Trailing})",
                    $"_reader.QueryAsync(null, {partition}, PartitionLabel({arguments}), {q.Options}, {read}, {q.CancellationToken})"),
                new RepositoryMember(
                    $"One page of a partition (narrowed by <c>options.SortKey</c> as in <c>QueryPartitionAsync</c>), each item as its own type, from the place <paramref name=\"{q.ContinuationToken}\"/> marks.",
                    $"global::System.Threading.Tasks.Task<{Runtime}Page<{group.ItemTypeName}>> QueryPartitionPageAsync({q.Leading}{q.Paging}, {q.Trailing})",
                    $"_reader.QueryPageAsync(null, {partition}, PartitionLabel({arguments}), {q.PageSize}, {q.ContinuationToken}, {q.Options}, {read}, {q.CancellationToken})"),
            };

            w.Block($$"""
                /// <summary>Reads partitions of the <c>{{Xml.Escape(group.TableName)}}</c> table that hold items of several types; each entity's own repository reads and writes items of its type.</summary>
                {{GeneratedCodeAttribute}}
                public partial interface {{group.RepositoryInterfaceName}}
                """);
            w.Open();
            RepositoryMember.Declare(w, members);
            w.Close();

            // The stored attribute's name is printed as it is, so it is escaped for the interpolated string.
            var printed = parts is null
                ? new[] { (Literals.InterpolatedText(group.PartitionAttribute), q.Parts[0].Name, PartitionKind(group), group.PartitionSensitivity.IsPhone() ? Sensitivity.Personal : group.PartitionSensitivity) }
                : parts.Select((p, i) => (p.PropertyName, q.Parts[i].Name, p.Type, p.Sensitivity));
            w.Block($$"""

                /// <summary><see cref="{{group.RepositoryInterfaceName}}"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.</summary>
                {{GeneratedCodeAttribute}}
                public sealed partial class {{group.RepositoryTypeName}} : {{group.RepositoryInterfaceName}}
                {
                    private readonly {{Internal}}DynamoTableReader _reader;
                """);
            w.Indent();
            w.Block(RepositoryMember.Constructor(
                group.RepositoryTypeName,
                "Table names, retries and read consistency",
                $"=> _reader = new {Internal}DynamoTableReader(client, {group.TableTypeName}.Definition, options, logger);"));
            RepositoryMember.Implement(w, members);
            w.Block($$"""

                private static string PartitionLabel({{q.Declarations}})
                    => {{Printing.PartitionLabel(group.Name, printed)}};
                """);
            w.Close();
        }
    }
}

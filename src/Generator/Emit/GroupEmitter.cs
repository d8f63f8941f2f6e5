using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes what a table shared by several entity types adds to their own types: the table definition, the
    /// closed set of item types, the marshaller that reads each item as its own type, and partition queries.
    /// </summary>
    internal static class GroupEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";

        public static void WriteTable(SourceWriter w, EntityGroupModel group)
        {
            w.Summary($"The <c>{Xml.Escape(group.TableName)}</c> table, shared by {string.Join(", ", group.Entities.Select(e => $"<see cref=\"{e}\"/>"))}.{(group.Description is null ? string.Empty : " " + Xml.Escape(group.Description))}");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {group.TableTypeName}");
            TableEmitter.WriteDefinition(
                w,
                group.Name,
                group.BillingMode,
                TableEmitter.KeyDefinition(group.PartitionAttribute, group.PartitionStorage),
                group.SortAttribute is null ? "null" : TableEmitter.KeyDefinition(group.SortAttribute, group.SortStorage),
                group.TtlAttribute,
                group.Indexes,
                group.TableName);
            w.Line();
            w.Summary("The attribute that names each item's entity type.");
            w.Line($"public const string TypeAttribute = {Literals.String(group.TypeAttribute)};");
            w.Close();
        }

        public static void WriteItem(SourceWriter w, EntityGroupModel group, string ns)
        {
            var types = group.Entities.Select(e => $"global::{ns}.{e}").ToList();
            w.Line("/// <summary>");
            w.Line($"/// An item of the <c>{Xml.Escape(group.TableName)}</c> table: one of {string.Join(", ", group.Entities.Select(e => $"<see cref=\"{e}\"/>"))}.");
            w.Line("/// No other type can derive from it, so <see cref=\"Match\"/> covers every case.");
            w.Line("/// </summary>");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public abstract partial record {group.ItemTypeName}");
            w.Line($"private protected {group.ItemTypeName}()");
            w.Open();
            w.Close();
            w.Line();
            w.Summary("Calls the function for this item's type: adding an entity type to the table adds a parameter, so every caller is told at compile time.");
            // One parameter per entity, named after it; the pattern variable gives way (an entity named Item).
            var names = new UniqueNames();
            var functions = group.Entities.Select(e => names.Take(Parsing.Names.ToParameterName(e))).ToList();
            var item = names.Take("item");
            var parameters = string.Join(", ", group.Entities.Select((e, i) => $"global::System.Func<{types[i]}, TResult> {functions[i]}"));
            w.Line($"public TResult Match<TResult>({parameters})");
            w.Indent().Line("=> this switch").Open();
            for (var i = 0; i < types.Count; i++)
            {
                w.Line($"{types[i]} {item} => ({Literals.NotNull(functions[i])})({item}),");
            }

            w.Line("_ => throw new global::System.InvalidOperationException(\"Unknown item type.\"),");
            w.Close(";").Outdent();
            w.Close();
            w.Line();

            var known = Literals.String(string.Join(", ", group.Entities));
            w.Summary($"Reads items of the <c>{Xml.Escape(group.TableName)}</c> table, each as its own entity type.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {group.MarshallerTypeName}");
            w.Summary($"Reads a stored item as the entity type its <c>{Xml.Escape(group.TypeAttribute)}</c> attribute names.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoMappingException\">The type is missing or unknown, or the item does not fit its type.</exception>");
            w.Open($"public static global::{ns}.{group.ItemTypeName} FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
            w.Line($"var reader = new {Runtime}ItemReader(item, {Literals.String(group.ItemTypeName)});");
            w.Line($"var type = reader.String({Literals.String(group.TypeAttribute)});");
            w.Line("return type switch");
            w.Open();
            foreach (var entity in group.Entities)
            {
                w.Line($"{Literals.String(entity)} => global::{ns}.{entity}Marshaller.FromItem(item),");
            }

            w.Line($"_ => throw reader.UnknownType({Literals.String(group.TypeAttribute)}, type, {known}),");
            w.Close(";");
            w.Close();
            w.Close();
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
            var ns = schema.Namespace;
            var item = $"global::{ns}.{group.ItemTypeName}";
            var shared = group.SharedPartitionEntity is null ? null : schema.Tables.First(t => t.TypeName == group.SharedPartitionEntity);
            var parts = shared?.PartitionKey.Parts.ToList();
            var q = new QueryParameters(parts is null
                ? new[] { (ValueKinds.CSharpType(PartitionKind(group)), "partitionKey") }
                : parts.Select(p => (ValueKinds.CSharpType(p.Type), p.ParameterName)));
            var arguments = q.Arguments;
            var partition = shared is null
                ? (group.PartitionStorage == KeyStorage.Number
                    ? ValueKinds.ToAttributeValue(ValueKind.Decimal, arguments)
                    : ValueKinds.ToAttributeValue(PartitionKind(group), $"{Runtime}InputValidation.NotNull({arguments}, {Literals.String(group.Name)}, {Literals.String(group.PartitionAttribute)})"))
                : $"global::{ns}.{shared.KeyTypeName}.PartitionKeyValue({arguments})";
            var read = $"global::{ns}.{group.MarshallerTypeName}.FromItem";
            var members = new[]
            {
                new RepositoryMember("The physical table name in use, after prefixes and overrides.", "string TableName", "_reader.TableName") { IsProperty = true },
                new RepositoryMember(
                    "Every item of one partition, each as its own type, in sort-key order, read lazily; <c>options.SortKey</c> (an entity's <c>…SortKey</c> builds one) reads only the items whose sort key meets it.",
                    $"global::System.Collections.Generic.IAsyncEnumerable<{item}> QueryPartitionAsync({q.Leading}{q.Trailing})",
                    $"_reader.QueryAsync(null, {partition}, PartitionLabel({arguments}), {q.Options}, {read}, {q.CancellationToken})"),
                new RepositoryMember(
                    $"One page of a partition (narrowed by <c>options.SortKey</c> as in <c>QueryPartitionAsync</c>), each item as its own type, from the place <paramref name=\"{q.ContinuationToken}\"/> marks.",
                    $"global::System.Threading.Tasks.Task<{Runtime}Page<{item}>> QueryPartitionPageAsync({q.Leading}{q.Paging}, {q.Trailing})",
                    $"_reader.QueryPageAsync(null, {partition}, PartitionLabel({arguments}), {q.PageSize}, {q.ContinuationToken}, {q.Options}, {read}, {q.CancellationToken})"),
            };

            w.Summary($"Reads partitions of the <c>{Xml.Escape(group.TableName)}</c> table that hold items of several types; each entity's own repository reads and writes items of its type.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public partial interface {group.RepositoryInterfaceName}");
            RepositoryMember.Declare(w, members);
            w.Close();
            w.Line();

            w.Summary($"<see cref=\"{group.RepositoryInterfaceName}\"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial class {group.RepositoryTypeName} : {group.RepositoryInterfaceName}");
            w.Line($"private readonly {Runtime}DynamoTableReader _reader;");
            w.Line();
            RepositoryMember.WriteConstructor(
                w,
                group.RepositoryTypeName,
                "Table names, retries and read consistency",
                $"=> _reader = new {Runtime}DynamoTableReader(client, global::{ns}.{group.TableTypeName}.Definition, options, logger);");
            RepositoryMember.Implement(w, members);

            // The stored attribute's name is printed as it is, so it is escaped for the interpolated string.
            var printed = parts is null
                ? new[] { (Literals.InterpolatedText(group.PartitionAttribute), q.Parts[0].Name, PartitionKind(group), group.PartitionSensitivity == Sensitivity.Phone ? Sensitivity.Personal : group.PartitionSensitivity) }
                : parts.Select((p, i) => (p.PropertyName, q.Parts[i].Name, p.Type, p.Sensitivity));
            w.Line();
            w.Line($"private static string PartitionLabel({q.Declarations})");
            w.Indent().Line($"=> {EntityEmitter.PartitionLabel(group.Name, printed)};").Outdent();
            w.Close();
        }
    }
}

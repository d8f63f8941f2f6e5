using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the repository interface and class: what is specific to the table (partition and index queries with typed
    /// parts) over the runtime's <c>DynamoRepository</c>, which holds everything every table has. Each member is
    /// described once (<see cref="RepositoryMember"/>) and written both as the interface's declaration and the class's body.
    /// </summary>
    internal static class RepositoryEmitter
    {
        private const string Task = "global::System.Threading.Tasks.Task";
        private const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";

        public static void Write(SourceWriter w, TableModel table)
        {
            var typeArguments = $"{table.TypeName}, {table.KeyTypeName}, {table.UpdateTypeName}";
            var members = Members(table).ToList();
            w.Block($$"""
                /// <summary>Reads and writes <see cref="{{table.TypeName}}"/> items in the <c>{{Xml.Escape(table.TableName)}}</c> table.</summary>
                {{GeneratedCodeAttribute}}
                public partial interface {{table.RepositoryInterfaceName}} : {{Runtime}}IDynamoRepository<{{typeArguments}}>
                """);
            w.Open();
            RepositoryMember.Declare(w, members);
            w.Close();

            // An entity that shares its table reads only items of its own type in queries and scans, and its table
            // queries ask DynamoDB only for sort keys with its own prefix.
            var variable = Parsing.Names.ToParameterName(table.TypeName);
            var version = table.VersionAttribute is null ? string.Empty : $",\n{Literals.String(table.VersionAttribute)},\nstatic {variable} => {variable}.{table.VersionProperty}";
            var shared = Initializers(table);
            w.Block($$"""

                /// <summary><see cref="{{table.RepositoryInterfaceName}}"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.</summary>
                {{GeneratedCodeAttribute}}
                public sealed partial class {{table.RepositoryTypeName}} : {{Runtime}}DynamoRepository<{{typeArguments}}>, {{table.RepositoryInterfaceName}}
                {
                    private static readonly {{Internal}}EntityMapping<{{table.TypeName}}, {{table.KeyTypeName}}> Mapping = new(
                        {{table.TableTypeName}}.Definition,
                        static {{variable}} => {{variable}}.Key,
                        {{table.MarshallerTypeName}}.ToItem,
                        {{Indented(table.MarshallerTypeName + ".FromItem" + version, 2)}}){{Indented(shared, 1)}};
                """);
            w.Indent();
            w.Block(RepositoryMember.Constructor(table.RepositoryTypeName, "Table names, retries, batches and read consistency", ": base(client, Mapping, options, logger)"));
            RepositoryMember.Implement(w, members);
            if (table.HasSortKeyParts || table.Indexes.Any(i => !i.IsGlobal))
            {
                // What logs print for a partition, in queries of the table or a local index: its parts, masked as the key prints them.
                var q = TableQuery(table);
                var parts = table.PartitionKey.Parts.Select((p, i) => (p.PropertyName, q.Parts[i].Name, p.Type, p.Sensitivity));
                w.Block($$"""

                    private static string PartitionLabel({{q.Declarations}})
                        => {{Printing.PartitionLabel(table.TypeName, parts)}};
                    """);
            }

            w.Close();
        }

        /// <summary>
        /// The mapping's object initializer: the type attribute and sort-key prefix of an entity that shares its table, and
        /// the attributes the SDK writes itself (counters, timestamps; with them, the attributes a put sent as an update
        /// removes when the entity lacks them). Empty when there are none.
        /// </summary>
        private static string Initializers(TableModel table)
        {
            var entries = new List<string>();
            if (table.TypeAttribute is not null)
            {
                entries.Add($"Discriminator = ({Literals.String(table.TypeAttribute)}, {Literals.String(table.TypeName)})");
                if (table.SortKeyPrefix is { } prefix)
                {
                    entries.Add($"SortKeyPrefix = {Literals.String(prefix)}");
                }
            }

            if (!table.Attributes.Any(a => a.IsManaged || a.Unique))
            {
                return entries.Count == 0 ? string.Empty : $" {{ {string.Join(", ", entries)} }}";
            }

            const string Stamp = "(string, global::System.Func<global::System.DateTimeOffset, " + AttributeValue + ">)";
            string Timestamps(TimestampKind kind)
                => $"new {Stamp}[] {{ {string.Join(", ", table.Attributes.Where(a => a.Timestamp == kind).Select(a => $"({Literals.String(a.Name)}, static now => {table.MarshallerTypeName}.{a.PropertyName}Value(now{(a.Kind == ValueKind.DateTime ? ".UtcDateTime" : string.Empty)}))"))} }}";
            if (table.Counters.Any())
            {
                entries.Add($"Counters = new (string, long)[] {{ {string.Join(", ", table.Counters.Select(c => $"({Literals.String(c.Name)}, {c.CounterStart})"))} }}");
            }

            if (table.Attributes.Any(a => a.Timestamp == TimestampKind.Created))
            {
                entries.Add($"CreatedTimestamps = {Timestamps(TimestampKind.Created)}");
            }

            if (table.Attributes.Any(a => a.Timestamp == TimestampKind.Updated))
            {
                entries.Add($"UpdatedTimestamps = {Timestamps(TimestampKind.Updated)}");
            }

            if (table.KeepsStoredOnPut)
            {
                var stored = table.Attributes.Select(a => a.Name).Concat(table.ComputedIndexKeys.Select(k => k.AttributeName)).Distinct();
                entries.Add($"StoredAttributes = new[] {{ {string.Join(", ", stored.Select(Literals.String))} }}");
            }

            // Each unique attribute with the printer of its sensitivity, so its exception masks the value as ToString() does.
            var unique = table.Attributes.Where(a => a.Unique).Select(a => $"    new {Internal}UniqueAttribute({Literals.String(a.Name)}{(a.Sensitivity == Sensitivity.None ? string.Empty : $", static value => {Printing.Printed("value", ValueKind.String, a.Sensitivity)}")}),").ToList();
            if (unique.Count > 0)
            {
                entries.Add($"UniqueAttributes = new[]\n{{\n{string.Join("\n", unique)}\n}}");
            }

            return "\n{\n    " + string.Join(",\n    ", entries.Select(e => e.Replace("\n", "\n    "))) + ",\n}";
        }

        /// <summary>
        /// The members specific to the table: its partition queries (not for a constant sort key, which leaves one item per
        /// partition for <c>GetAsync</c>), then two queries per index.
        /// </summary>
        private static IEnumerable<RepositoryMember> Members(TableModel table)
        {
            foreach (var counter in table.Counters)
            {
                var type = ValueKinds.CSharpType(counter.Kind);
                yield return new(
                    $"Adds <paramref name=\"by\"/> to the counter <c>{Xml.Escape(counter.Name)}</c> (a new item starts at {Xml.Escape(counter.CounterStart!.TrimEnd('L'))}), atomically and exactly once even when an answer is lost, and returns its value as read right after; null when no item has the key (nothing is created). While other increments of the item run at the same time, the value may already include theirs.",
                    $"{Task}<{type}?> Increment{counter.PropertyName}Async({table.KeyTypeName} key, {type} by = 1, global::System.Threading.CancellationToken cancellationToken = default)",
                    $"IncrementCounterAsync(key, {Literals.String(counter.Name)}, by, cancellationToken)");
            }

            if (table.HasSortKeyParts)
            {
                var q = TableQuery(table);
                var partition = $"{table.KeyTypeName}.PartitionKeyValue({q.Arguments}), PartitionLabel({q.Arguments})";
                var options = Ordered(table.Descending, q.Options);
                yield return new(
                    $"Every item of one partition in {Order(table.Descending)}, read lazily page by page; <c>options.SortKey</c> (from <see cref=\"{table.SortKeyTypeName}\"/>) reads only the items whose sort key meets it.",
                    $"{AsyncEnumerable}<{table.TypeName}> QueryAsync({q.Leading}{q.Trailing})",
                    $"ReadPartitionAsync({partition}, {options}, {q.CancellationToken})",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A partition key part is invalid; raised at the call, before anything is sent.</exception>");
                yield return new(
                    $"One page of a partition (narrowed by <c>options.SortKey</c> as in <c>QueryAsync</c>), from the place <paramref name=\"{q.ContinuationToken}\"/> marks (null for the first page).",
                    $"{Task}<{Runtime}Page<{table.TypeName}>> QueryPageAsync({q.Leading}{q.Paging}, {q.Trailing})",
                    $"ReadPartitionPageAsync({partition}, {q.PageSize}, {q.ContinuationToken}, {options}, {q.CancellationToken})",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A part or the token is invalid; raised before anything is sent.</exception>");
            }

            foreach (var index in table.Indexes)
            {
                var q = IndexQuery(table, index);
                var (partition, label) = IndexPartitionArguments(table, index, q);
                var result = index.ReturnsEntities ? table.TypeName : table.KeyTypeName;
                var read = $"{table.MarshallerTypeName}.{(index.ReturnsEntities ? "FromItem" : "KeyFromItem")}";
                var arguments = $"{table.TableTypeName}.{index.MethodName}Index, {partition}, {label}";
                var options = Ordered(index.Descending, q.Options);
                var what = $"the <c>{Xml.Escape(index.Name)}</c> index{(index.ReturnsEntities ? string.Empty : $" (it projects {(index.Projection == "KEYS_ONLY" ? "only keys" : "some attributes")}, so keys come back: read the items with <c>GetManyAsync</c>)")}";
                var sortKey = index.HasSortKeyConditions
                    ? $"{(index.Descending ? " in " + Order(true) : string.Empty)}; <c>options.SortKey</c> (from <see cref=\"{index.SortKeyTypeName(table.TypeName)}\"/>) reads only the entries whose index sort key (<c>{Xml.Escape(index.SortKey!.AttributeName)}</c>) meets it"
                    : string.Empty;
                yield return new(
                    $"Every entry of one partition of {what}, read lazily page by page{sortKey}.",
                    $"{AsyncEnumerable}<{result}> Query{index.MethodName}Async({q.Leading}{q.Trailing})",
                    $"ReadIndexAsync({arguments}, {options}, {read}, {q.CancellationToken})");
                yield return new(
                    $"One page of a partition of {what}, from the place <paramref name=\"{q.ContinuationToken}\"/> marks; a token of another table or index is refused.",
                    $"{Task}<{Runtime}Page<{result}>> Query{index.MethodName}PageAsync({q.Leading}{q.Paging}, {q.Trailing})",
                    $"ReadIndexPageAsync({arguments}, {q.PageSize}, {q.ContinuationToken}, {options}, {read}, {q.CancellationToken})");
            }
        }

        /// <summary>The query options as the caller gave them, or newest first where they leave the order open and the descriptor declares it.</summary>
        private static string Ordered(bool descending, string options)
            => descending ? $"{Internal}QueryOrder.NewestFirst({options})" : options;

        /// <summary>The order a query reads in when <c>options.Descending</c> leaves it open.</summary>
        private static string Order(bool descending)
            => descending ? "descending sort-key order (newest first) unless <c>options.Descending</c> is false" : "sort-key order";

        /// <summary>The parameters of the table's partition queries: the partition key's parts, then the generated ones.</summary>
        private static QueryParameters TableQuery(TableModel table)
            => new(table.PartitionKey.Parts.Select(p => (ValueKinds.CSharpType(p.Type), p.ParameterName)));

        /// <summary>A local index is queried by the table's partition; a global one by the parts of its own partition key.</summary>
        private static QueryParameters IndexQuery(TableModel table, IndexModel index)
            => index.IsGlobal
                ? new(index.PartitionKey.Parts.Select(p => (ValueKinds.CSharpType(p.Type), p.ParameterName)))
                : TableQuery(table);

        /// <summary>The stored partition value and the masked log label of an index query, as C# expressions.</summary>
        private static (string Partition, string Label) IndexPartitionArguments(TableModel table, IndexModel index, QueryParameters q)
        {
            if (!index.IsGlobal)
            {
                return ($"{table.KeyTypeName}.PartitionKeyValue({q.Arguments})", $"PartitionLabel({q.Arguments})");
            }

            var key = index.PartitionKey;
            var names = key.Parts.Select((p, i) => (p.Name, q.Parts[i].Name)).ToDictionary(p => p.Item1, p => p.Item2, System.StringComparer.Ordinal);

            // Index names hold only letters, digits, '_', '-' and '.', so they go into the interpolated string as they are.
            var label = Printing.PartitionLabel($"{table.TypeName} {index.Name}", key.Parts.Select(p => (p.PropertyName, names[p.Name], p.Type.Kind, p.Sensitivity)));
            return (KeyValues.IndexKey(table, key, p => names[p.Name]), label);
        }
    }
}

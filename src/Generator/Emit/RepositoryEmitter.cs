using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the repository interface and its implementation: typed signatures over the runtime's
    /// <c>DynamoRepositoryCore</c>, which holds the request logic every repository shares.
    /// </summary>
    internal static class RepositoryEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";
        private const string Task = "global::System.Threading.Tasks.Task";
        private const string Enumerable = "global::System.Collections.Generic.IEnumerable";
        private const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
        private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

        public static void Write(SourceWriter w, TableModel table)
        {
            WriteInterface(w, table);
            w.Line();
            WriteClass(w, table);
        }

        private static string Entity(TableModel table) => $"global::{table.Namespace}.{table.TypeName}";

        private static string Key(TableModel table) => $"global::{table.Namespace}.{table.KeyTypeName}";

        private static string Update(TableModel table) => $"global::{table.Namespace}.{table.UpdateTypeName}";

        /// <summary>The parameters of the table's partition queries: the partition key's parts, then the generated ones.</summary>
        private static QueryParameters TableQuery(TableModel table)
            => new(KeyEmitter.PartitionParts(table).Select(p => (ValueKinds.CSharpType(p.Type), p.ParameterName)));

        /// <summary>
        /// The value a one-call <c>Set…Async</c> takes: the property's type, nullable for a set too, where null removes
        /// the attribute as an empty set does.
        /// </summary>
        private static string ParameterType(TableModel table, AttributeModel attribute)
            => ValueKinds.PropertyType(attribute, table.Namespace) + ValueKinds.SetNullability(attribute);

        private static void WriteInterface(SourceWriter w, TableModel table)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            var entity = Entity(table);
            var key = Key(table);
            w.Summary($"Reads and writes <see cref=\"{table.TypeName}\"/> items in the <c>{Xml.Escape(table.TableName)}</c> table.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public partial interface {table.RepositoryInterfaceName}");
            Member(w, "The physical table name in use, after prefixes and overrides.", "string TableName { get; }");
            Member(w, "Reads an item; null when it does not exist.", $"{Task}<{entity}?> GetAsync({key} key, {Token});");
            Member(w, "Reads an item, strongly consistent or not as <paramref name=\"consistentRead\"/> says; null when it does not exist.", $"{Task}<{entity}?> GetAsync({key} key, bool consistentRead, {Token});");
            Member(w, "Stores an item, replacing any item with the same key.", $"{Task} PutAsync({entity} {variable}, {Token});");
            Member(
                w,
                "Stores an item if <paramref name=\"condition\"/> holds for the item stored now (attributes of a missing item are absent).",
                $"{Task} PutAsync({entity} {variable}, {Runtime}Condition condition, {Token});",
                $"<exception cref=\"{Runtime}DynamoConditionFailedException\">The condition did not hold; <c>StoredItem</c> holds the stored item, if any, and <c>CurrentItem</c> reads it as a <see cref=\"{table.TypeName}\"/> (null when it does not fit the schema).</exception>");
            Member(w, "Stores an item only if no item has its key; false (and nothing changed) when one already exists.", $"{Task}<bool> CreateAsync({entity} {variable}, {Token});");
            var version = VersionParameter(table);
            Member(w, "Deletes an item; false when there was none." + VersionNote(table), $"{Task}<bool> DeleteAsync({key} key, {version}{Token});", LockException(table));
            Member(
                w,
                "Deletes an item if <paramref name=\"condition\"/> holds; false when there was none." + VersionNote(table),
                $"{Task}<bool> DeleteAsync({key} key, {version}{Runtime}Condition condition, {Token});",
                $"<exception cref=\"{Runtime}DynamoConditionFailedException\">The item exists but the condition did not hold; <c>StoredItem</c> holds it, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>");
            if (table.Attributes.Count > 0)
            {
                Member(
                    w,
                    "Applies typed changes to an existing item and returns it as stored afterwards; null when the item does not exist, which is never created by this call.",
                    $"{Task}<{entity}?> UpdateAsync({key} key, {Update(table)} update, {Token});");
                Member(
                    w,
                    "Applies typed changes if <paramref name=\"condition\"/> holds; null when the item does not exist.",
                    $"{Task}<{entity}?> UpdateAsync({key} key, {Update(table)} update, {Runtime}Condition condition, {Token});",
                    $"<exception cref=\"{Runtime}DynamoConditionFailedException\">The item exists but the condition did not hold; <c>StoredItem</c> holds it, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>");
            }

            Member(
                w,
                "Stores many items in batches of 25, resending what DynamoDB leaves unprocessed; a key given twice is written once, with its last item.",
                $"{Task} PutManyAsync({Enumerable}<{entity}> items, {Token});",
                $"<exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some items were not written within the retry budget; it lists their keys.</exception>");
            Member(
                w,
                "Reads many items in batches of 100; missing items are left out and the order is not defined.",
                $"{Task}<global::System.Collections.Generic.IReadOnlyList<{entity}>> GetManyAsync({Enumerable}<{key}> keys, {Token});",
                $"<exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some keys could not be read within the retry budget; it lists them.</exception>");
            Member(
                w,
                "Deletes many items in batches of 25; missing items are not an error.",
                $"{Task} DeleteManyAsync({Enumerable}<{key}> keys, {Token});",
                $"<exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some deletes were not done within the retry budget; it lists their keys.</exception>");
            Member(w, "Every item of the table, read lazily; with several segments, read in parallel and merged as they arrive.", $"{AsyncEnumerable}<{entity}> ScanAsync(int segments = 1, {Token});");
            Member(
                w,
                $"The items of the table that meet <paramref name=\"filter\"/> (built from <see cref=\"{table.FieldsTypeName}\"/>), read lazily. DynamoDB filters after reading: the whole table is read and paid for.",
                $"{AsyncEnumerable}<{entity}> ScanAsync({Runtime}Condition filter, int segments = 1, {Token});");
            Member(
                w,
                $"Only the named attributes (names from <c>{table.TableTypeName}.Attributes</c>) of every item that meets <paramref name=\"filter\"/>, if given, read lazily: a cheaper scan when few attributes are needed.",
                $"{AsyncEnumerable}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>> ScanAttributesAsync(global::System.Collections.Generic.IReadOnlyCollection<string> attributes, {Runtime}Condition? filter = null, int segments = 1, {Token});");
            Member(w, "A put for <c>DynamoTransactions.WriteAsync</c>, conditional if a condition is given.", $"{Runtime}TransactionItem TransactPut({entity} {variable}, {Runtime}Condition? condition = null);");
            Member(w, "A delete for <c>DynamoTransactions.WriteAsync</c>, conditional if a condition is given." + VersionNote(table), $"{Runtime}TransactionItem TransactDelete({key} key, {version}{Runtime}Condition? condition = null);");
            if (table.Attributes.Count > 0)
            {
                Member(w, "An update of an existing item for <c>DynamoTransactions.WriteAsync</c>; a missing item cancels the transaction.", $"{Runtime}TransactionItem TransactUpdate({key} key, {Update(table)} update, {Runtime}Condition? condition = null);");
            }

            Member(w, "A condition this item must meet for <c>DynamoTransactions.WriteAsync</c> to write anything.", $"{Runtime}TransactionItem TransactConditionCheck({key} key, {Runtime}Condition condition);");
            Member(w, "A read of this item for <c>DynamoTransactions.GetAsync</c>, which reads items of any tables at one moment; its <c>Item</c> is set when that has run.", $"{Runtime}TransactionRead<{entity}> TransactGet({key} key);");
            if (table.HasSortKeyParts)
            {
                var query = TableQuery(table);
                Member(
                    w,
                    "Every item of one partition in sort-key order, read lazily page by page.",
                    $"{AsyncEnumerable}<{entity}> QueryAsync({query.Leading}{query.Trailing});",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A partition key part is invalid; raised at the call, before anything is sent.</exception>");
                Member(
                    w,
                    $"The items of one partition whose sort key meets <paramref name=\"{query.SortKey}\"/>{(table.HasSortKeyParts ? $" (see <see cref=\"{table.SortKeyTypeName}\"/>)" : string.Empty)}, read lazily.",
                    $"{AsyncEnumerable}<{entity}> QueryAsync({query.Leading}{query.SortKeyParameter}, {query.Trailing});",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A partition key part is invalid; raised at the call, before anything is sent.</exception>");
                Member(
                    w,
                    $"One page of a partition, from the place <paramref name=\"{query.ContinuationToken}\"/> marks (null for the first page).",
                    $"{Task}<{Runtime}Page<{entity}>> QueryPageAsync({query.Leading}{query.Paging}, {query.Trailing});",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A part or the token is invalid; raised before anything is sent.</exception>");
                Member(
                    w,
                    $"One page of the items of a partition whose sort key meets <paramref name=\"{query.SortKey}\"/>.",
                    $"{Task}<{Runtime}Page<{entity}>> QueryPageAsync({query.Leading}{query.SortKeyParameter}, {query.Paging}, {query.Trailing});",
                    $"<exception cref=\"{Runtime}DynamoValidationException\">A part or the token is invalid; raised before anything is sent.</exception>");
            }

            Member(
                w,
                "Reads only the named attributes of an item (names from <c>" + table.TableTypeName + ".Attributes</c>), as stored; null when the item does not exist.",
                $"{Task}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>?> GetAttributesAsync({key} key, global::System.Collections.Generic.IReadOnlyCollection<string> attributes, bool? consistentRead = null, {Token});");
            if (table.Attributes.Count > 0)
            {
                Member(
                    w,
                    "Applies typed changes to an existing item and returns only the attributes it changed, as stored afterwards (<c>UPDATED_NEW</c>); null when the item does not exist.",
                    $"{Task}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>?> UpdateChangedAsync({key} key, {Update(table)} update, {Runtime}Condition? condition = null, {Token});",
                    $"<exception cref=\"{Runtime}DynamoConditionFailedException\">The item exists but the condition did not hold; <c>StoredItem</c> holds it, and <c>CurrentItem</c> reads it as the entity (null when it does not fit the schema).</exception>");
            }

            if (table.Flags.Count > 0)
            {
                Member(
                    w,
                    $"Sets one boolean attribute of an existing item; false when the item does not exist, which is never created by this call.",
                    $"{Task}<bool> UpdateFlagAsync({key} key, global::{table.Namespace}.{table.FlagTypeName} flag, bool value, {Token});");
            }

            foreach (var index in table.Indexes)
            {
                var query = IndexQuery(table, index);
                var signatures = IndexQuerySignatures(table, index, query);
                var doc = $"the <c>{Xml.Escape(index.Name)}</c> index{(index.ReturnsEntities ? string.Empty : $" (it projects {(index.Projection == "KEYS_ONLY" ? "only keys" : "some attributes")}, so keys come back: read the items with <c>GetManyAsync</c>)")}";
                Member(w, $"Every entry of one partition of {doc}, read lazily page by page.", signatures[0] + ";");
                Member(w, $"One page of a partition of {doc}, from the place <paramref name=\"{query.ContinuationToken}\"/> marks; a token of another table or index is refused.", signatures[1] + ";");
                if (index.HasSortKeyConditions)
                {
                    Member(w, $"The entries of one partition of {doc} whose index sort key (<c>{Xml.Escape(index.SortKey!.AttributeName)}</c>) meets <paramref name=\"{query.SortKey}\"/>, read lazily.", signatures[2] + ";");
                    Member(w, $"One page of the entries of a partition of {doc} whose index sort key meets <paramref name=\"{query.SortKey}\"/>.", signatures[3] + ";");
                }
            }

            foreach (var attribute in table.SingleSetAttributes)
            {
                var keys = table.IndexKeysFedBy(attribute).Select(k => $"<c>{Xml.Escape(k.AttributeName)}</c>").ToList();
                var alsoKeys = keys.Count == 0 ? string.Empty : $" and the index key{(keys.Count > 1 ? "s" : string.Empty)} {string.Join(", ", keys)} computed from it,";
                Member(
                    w,
                    $"Sets <c>{Xml.Escape(attribute.Name)}</c>{alsoKeys} on an existing item{(attribute.Kind == ValueKind.Set ? " (null or an empty set removes it)" : attribute.IsNullable ? " (null removes it)" : string.Empty)}, as <c>UpdateAsync</c> with <see cref=\"{table.UpdateTypeName}.Set{attribute.PropertyName}\"/> alone does; false when the item does not exist, which is never created by this call.",
                    $"{Task}<bool> Set{attribute.PropertyName}Async({key} key, {ParameterType(table, attribute)} value, {Token});");
            }

            w.Close();
        }

        /// <summary>The expected-version parameter that writes of a versioned entity take, with its trailing comma.</summary>
        private static string VersionParameter(TableModel table) => table.VersionAttribute is null ? string.Empty : "long expectedVersion, ";

        private static string VersionNote(TableModel table)
            => table.VersionAttribute is null ? string.Empty : " The item must still be at <paramref name=\"expectedVersion\"/> (optimistic locking).";

        private static string? LockException(TableModel table)
            => table.VersionAttribute is null ? null : $"<exception cref=\"{Runtime}DynamoOptimisticLockException\">Another writer changed the item since it was read.</exception>";

        private static void Member(SourceWriter w, string summary, string declaration, string? exception = null)
        {
            if (!declaration.StartsWith("string TableName", System.StringComparison.Ordinal))
            {
                w.Line();
            }

            w.Summary(summary);
            if (exception is not null)
            {
                w.Line("/// " + exception);
            }

            w.Line(declaration);
        }

        private static void WriteClass(SourceWriter w, TableModel table)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            var entity = Entity(table);
            var key = Key(table);
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            var core = $"{Runtime}DynamoRepositoryCore<{entity}, {key}>";

            w.Summary($"<see cref=\"{table.RepositoryInterfaceName}\"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial class {table.RepositoryTypeName} : {table.RepositoryInterfaceName}");
            w.Line($"private static readonly {Runtime}EntityMapping<{entity}, {key}> Mapping = new(");
            w.Indent();
            w.Line($"global::{table.Namespace}.{table.TableTypeName}.Definition,");
            w.Line($"static {variable} => {variable}.Key,");
            w.Line($"{marshaller}.ToItem,");
            // An entity that shares its table reads only items of its own type in queries and scans, and its table
            // queries ask DynamoDB only for sort keys with its own prefix.
            var end = table.TypeAttribute is null
                ? ");"
                : $") {{ Discriminator = ({Literals.String(table.TypeAttribute)}, {Literals.String(table.TypeName)}){(table.SortKeyPrefix is { } prefix ? $", SortKeyPrefix = {Literals.String(prefix)}" : string.Empty)} }};";
            if (table.VersionAttribute is null)
            {
                w.Line($"{marshaller}.FromItem{end}");
            }
            else
            {
                w.Line($"{marshaller}.FromItem,");
                w.Line($"{Literals.String(table.VersionAttribute)},");
                w.Line($"static {variable} => {variable}.{table.VersionProperty}{end}");
            }

            w.Outdent();
            w.Line();
            w.Line($"private readonly {core} _core;");
            w.Line();
            w.Summary("Creates the repository.");
            w.Line("/// <param name=\"client\">The DynamoDB client; the caller owns it.</param>");
            w.Line("/// <param name=\"options\">Table names, retries, batches and read consistency; defaults when null.</param>");
            w.Line("/// <param name=\"logger\">Where operation logs go, with keys masked; nothing is logged when null.</param>");
            w.Line($"public {table.RepositoryTypeName}(");
            w.Indent();
            w.Line("global::Amazon.DynamoDBv2.IAmazonDynamoDB client,");
            w.Line($"{Runtime}DynamoRepositoryOptions? options = null,");
            w.Line($"global::Microsoft.Extensions.Logging.ILogger<{table.RepositoryTypeName}>? logger = null)");
            w.Line("=> _core = new(client, Mapping, options, logger);");
            w.Outdent();

            Delegate(w, "public string TableName => _core.TableName;");
            Delegate(w, $"public {Task}<{entity}?> GetAsync({key} key, {Token})", "_core.GetAsync(key, null, cancellationToken);");
            Delegate(w, $"public {Task}<{entity}?> GetAsync({key} key, bool consistentRead, {Token})", "_core.GetAsync(key, consistentRead, cancellationToken);");
            Delegate(w, $"public {Task} PutAsync({entity} {variable}, {Token})", $"_core.PutAsync({variable}, null, cancellationToken);");
            Delegate(w, $"public {Task} PutAsync({entity} {variable}, {Runtime}Condition condition, {Token})", $"_core.PutAsync({variable}, {Literals.NotNull("condition")}, cancellationToken);");
            Delegate(w, $"public {Task}<bool> CreateAsync({entity} {variable}, {Token})", $"_core.CreateAsync({variable}, cancellationToken);");
            var version = VersionParameter(table);
            var expected = table.VersionAttribute is null ? "null" : "expectedVersion";
            Delegate(w, $"public {Task}<bool> DeleteAsync({key} key, {version}{Token})", $"_core.DeleteAsync(key, {expected}, null, cancellationToken);");
            Delegate(w, $"public {Task}<bool> DeleteAsync({key} key, {version}{Runtime}Condition condition, {Token})", $"_core.DeleteAsync(key, {expected}, {Literals.NotNull("condition")}, cancellationToken);");
            if (table.Attributes.Count > 0)
            {
                Delegate(w, $"public {Task}<{entity}?> UpdateAsync({key} key, {Update(table)} update, {Token})", $"_core.UpdateAsync(key, {Literals.NotNull("update")}, null, cancellationToken);");
                Delegate(w, $"public {Task}<{entity}?> UpdateAsync({key} key, {Update(table)} update, {Runtime}Condition condition, {Token})", $"_core.UpdateAsync(key, {Literals.NotNull("update")}, {Literals.NotNull("condition")}, cancellationToken);");
            }

            Delegate(w, $"public {Task} PutManyAsync({Enumerable}<{entity}> items, {Token})", "_core.PutManyAsync(items, cancellationToken);");
            Delegate(w, $"public {Task}<global::System.Collections.Generic.IReadOnlyList<{entity}>> GetManyAsync({Enumerable}<{key}> keys, {Token})", "_core.GetManyAsync(keys, cancellationToken);");
            Delegate(w, $"public {Task} DeleteManyAsync({Enumerable}<{key}> keys, {Token})", "_core.DeleteManyAsync(keys, cancellationToken);");
            Delegate(w, $"public {AsyncEnumerable}<{entity}> ScanAsync(int segments = 1, {Token})", "_core.ScanAsync(null, segments, cancellationToken);");
            Delegate(w, $"public {AsyncEnumerable}<{entity}> ScanAsync({Runtime}Condition filter, int segments = 1, {Token})", $"_core.ScanAsync({Literals.NotNull("filter")}, segments, cancellationToken);");
            Delegate(w, $"public {AsyncEnumerable}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>> ScanAttributesAsync(global::System.Collections.Generic.IReadOnlyCollection<string> attributes, {Runtime}Condition? filter = null, int segments = 1, {Token})", "_core.ScanAttributesAsync(attributes, filter, segments, cancellationToken);");
            Delegate(w, $"public {Runtime}TransactionItem TransactPut({entity} {variable}, {Runtime}Condition? condition = null)", $"_core.TransactPut({variable}, condition);");
            Delegate(w, $"public {Runtime}TransactionItem TransactDelete({key} key, {version}{Runtime}Condition? condition = null)", $"_core.TransactDelete(key, {expected}, condition);");
            if (table.Attributes.Count > 0)
            {
                Delegate(w, $"public {Runtime}TransactionItem TransactUpdate({key} key, {Update(table)} update, {Runtime}Condition? condition = null)", $"_core.TransactUpdate(key, {Literals.NotNull("update")}, condition);");
            }

            Delegate(w, $"public {Runtime}TransactionItem TransactConditionCheck({key} key, {Runtime}Condition condition)", "_core.TransactConditionCheck(key, condition);");
            Delegate(w, $"public {Runtime}TransactionRead<{entity}> TransactGet({key} key)", "_core.TransactGet(key);");
            if (table.HasSortKeyParts)
            {
                var q = TableQuery(table);
                var partition = $"{key}.PartitionKeyValue({q.Arguments}), PartitionLabel({q.Arguments})";
                Delegate(w, $"public {AsyncEnumerable}<{entity}> QueryAsync({q.Leading}{q.Trailing})", $"_core.QueryAsync({partition}, null, {q.Options}, {q.CancellationToken});");
                Delegate(w, $"public {AsyncEnumerable}<{entity}> QueryAsync({q.Leading}{q.SortKeyParameter}, {q.Trailing})", $"_core.QueryAsync({partition}, {q.SortKeyArgument}, {q.Options}, {q.CancellationToken});");
                Delegate(w, $"public {Task}<{Runtime}Page<{entity}>> QueryPageAsync({q.Leading}{q.Paging}, {q.Trailing})", $"_core.QueryPageAsync({partition}, null, {q.PageSize}, {q.ContinuationToken}, {q.Options}, {q.CancellationToken});");
                Delegate(w, $"public {Task}<{Runtime}Page<{entity}>> QueryPageAsync({q.Leading}{q.SortKeyParameter}, {q.Paging}, {q.Trailing})", $"_core.QueryPageAsync({partition}, {q.SortKeyArgument}, {q.PageSize}, {q.ContinuationToken}, {q.Options}, {q.CancellationToken});");
            }

            Delegate(w, $"public {Task}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>?> GetAttributesAsync({key} key, global::System.Collections.Generic.IReadOnlyCollection<string> attributes, bool? consistentRead = null, {Token})", "_core.GetAttributesAsync(key, attributes, consistentRead, cancellationToken);");
            if (table.Attributes.Count > 0)
            {
                Delegate(w, $"public {Task}<global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>?> UpdateChangedAsync({key} key, {Update(table)} update, {Runtime}Condition? condition = null, {Token})", $"_core.UpdateChangedAsync(key, {Literals.NotNull("update")}, condition, cancellationToken);");
            }

            if (table.Flags.Count > 0)
            {
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"public {Task}<bool> UpdateFlagAsync({key} key, global::{table.Namespace}.{table.FlagTypeName} flag, bool value, {Token})");
                w.Indent().Line("=> _core.ApplyAsync(").Indent();
                w.Line("key,");
                w.Line("flag switch");
                w.Open();
                foreach (var flag in table.Flags)
                {
                    w.Line($"global::{table.Namespace}.{table.FlagTypeName}.{flag.PropertyName} => new {Update(table)}().Set{flag.PropertyName}(value),");
                }

                w.Line($"_ => throw new global::System.ArgumentOutOfRangeException({Literals.NameOf("flag")}, flag, null),");
                w.Close(",");
                w.Line("cancellationToken);");
                w.Outdent().Outdent();
            }

            foreach (var index in table.Indexes)
            {
                var q = IndexQuery(table, index);
                var signatures = IndexQuerySignatures(table, index, q);
                var (partition, label) = IndexPartitionArguments(table, index, q);
                var definition = $"global::{table.Namespace}.{table.TableTypeName}.{index.MethodName}Index";
                var read = $"global::{table.Namespace}.{table.MarshallerTypeName}.{(index.ReturnsEntities ? "FromItem" : "KeyFromItem")}";
                Delegate(w, "public " + signatures[0], $"_core.QueryIndexAsync({definition}, {partition}, {label}, null, {q.Options}, {read}, {q.CancellationToken});");
                Delegate(w, "public " + signatures[1], $"_core.QueryIndexPageAsync({definition}, {partition}, {label}, null, {q.PageSize}, {q.ContinuationToken}, {q.Options}, {read}, {q.CancellationToken});");
                if (index.HasSortKeyConditions)
                {
                    Delegate(w, "public " + signatures[2], $"_core.QueryIndexAsync({definition}, {partition}, {label}, {q.SortKeyArgument}, {q.Options}, {read}, {q.CancellationToken});");
                    Delegate(w, "public " + signatures[3], $"_core.QueryIndexPageAsync({definition}, {partition}, {label}, {q.SortKeyArgument}, {q.PageSize}, {q.ContinuationToken}, {q.Options}, {read}, {q.CancellationToken});");
                }
            }

            foreach (var attribute in table.SingleSetAttributes)
            {
                // The update's Set… (Remove… for a null) on its own, so both validate alike and index keys computed
                // from the attribute change with it; nothing is read back, so nothing is mapped.
                var update = $"new {Update(table)}()";
                var set = $"{update}.Set{attribute.PropertyName}({(attribute.IsNullable && ValueKinds.IsValueType(attribute.Kind) ? "value.Value" : "value")})";
                var changes = attribute.IsNullable ? $"value is null ? {update}.Remove{attribute.PropertyName}() : {set}" : set;
                Delegate(w, $"public {Task}<bool> Set{attribute.PropertyName}Async({key} key, {ParameterType(table, attribute)} value, {Token})", $"_core.ApplyAsync(key, {changes}, cancellationToken);");
            }

            if (table.HasSortKeyParts || table.Indexes.Any(i => !i.IsGlobal))
            {
                // What logs print for a partition, in queries of the table or a local index: its parts, masked as the key prints them.
                var q = TableQuery(table);
                var parts = KeyEmitter.PartitionParts(table).Select((p, i) => (p.PropertyName, q.Parts[i].Name, p.Type, p.Sensitivity));
                w.Line();
                w.Line($"private static string PartitionLabel({q.Declarations})");
                w.Indent().Line($"=> {EntityEmitter.PartitionLabel(table.TypeName, parts)};").Outdent();
            }

            w.Close();
        }

        /// <summary>The four query signatures of an index (stream, page, and both with a sort-key condition), without <c>public</c>.</summary>
        private static string[] IndexQuerySignatures(TableModel table, IndexModel index, QueryParameters q)
        {
            var result = index.ReturnsEntities ? Entity(table) : Key(table);
            var name = "Query" + index.MethodName;
            return new[]
            {
                $"{AsyncEnumerable}<{result}> {name}Async({q.Leading}{q.Trailing})",
                $"{Task}<{Runtime}Page<{result}>> {name}PageAsync({q.Leading}{q.Paging}, {q.Trailing})",
                $"{AsyncEnumerable}<{result}> {name}Async({q.Leading}{q.SortKeyParameter}, {q.Trailing})",
                $"{Task}<{Runtime}Page<{result}>> {name}PageAsync({q.Leading}{q.SortKeyParameter}, {q.Paging}, {q.Trailing})",
            };
        }

        /// <summary>A local index is queried by the table's partition; a global one by the parts of its own partition key.</summary>
        private static QueryParameters IndexQuery(TableModel table, IndexModel index)
            => index.IsGlobal
                ? new(index.PartitionKey.Parts.Select(p => (ValueKinds.CSharpType(p.Type, table.Namespace), p.ParameterName)))
                : TableQuery(table);

        /// <summary>The stored partition value and the masked log label of an index query, as C# expressions.</summary>
        private static (string Partition, string Label) IndexPartitionArguments(TableModel table, IndexModel index, QueryParameters q)
        {
            if (!index.IsGlobal)
            {
                return ($"{Key(table)}.PartitionKeyValue({q.Arguments})", $"PartitionLabel({q.Arguments})");
            }

            var key = index.PartitionKey;
            var names = key.Parts.Select((p, i) => (p.Name, q.Parts[i].Name)).ToDictionary(p => p.Item1, p => p.Item2, System.StringComparer.Ordinal);
            string Name(IndexPartModel part) => names[part.Name];
            var partition = IndexKeyValue(table, key, Name);

            // Index names hold only letters, digits, '_', '-' and '.', so they go into the interpolated string as they are.
            var label = EntityEmitter.PartitionLabel($"{table.TypeName} {index.Name}", key.Parts.Select(p => (p.PropertyName, Name(p), p.Type.Kind, p.Sensitivity)));
            return (partition, label);
        }

        /// <summary>
        /// The stored value of an index key, as a C# expression over the given names of its parts: validated the way
        /// the item stores each part, and composed from their stored text for a computed key.
        /// </summary>
        public static string IndexKeyValue(TableModel table, IndexKeyModel key, System.Func<IndexPartModel, string> name)
        {
            var entity = Literals.String(table.TypeName);
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            string Stored(IndexPartModel part)
            {
                if (!part.OnKey)
                {
                    return $"{marshaller}.{part.PropertyName}Value({name(part)})";
                }

                if (part.Type.Kind.IsDate())
                {
                    // A date key part that the item also stores: written by the key's codec, as the item holds it.
                    return $"{Runtime}AttributeCodecs.Write({KeyEmitter.DateCodec(table, part.PropertyName)}, {name(part)}, {entity}, {Literals.String(part.Name)})";
                }

                var value = part.Type.Kind is ValueKind.String or ValueKind.Binary
                    ? $"{Runtime}InputValidation.NotNull({name(part)}, {entity}, {Literals.String(part.Name)})"
                    : name(part);
                return ValueKinds.ToAttributeValue(part.Type.Kind, value);
            }

            if (!key.IsComputed)
            {
                return Stored(key.Parts[0]);
            }

            return KeyEmitter.ComputedIndexKey(key, p => $"{Runtime}IndexKeys.Text({Stored(p)})");
        }

        private static void Delegate(SourceWriter w, string signature, string? body = null)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line(signature);
            if (body is not null)
            {
                w.Indent().Line("=> " + body).Outdent();
            }
        }
    }
}

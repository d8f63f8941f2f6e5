using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the repository interface and its implementation over the low-level client.</summary>
    internal static class RepositoryEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";
        private const string Model = "global::Amazon.DynamoDBv2.Model.";
        private const string Task = "global::System.Threading.Tasks.Task";
        private const string AsyncEnumerable = "global::System.Threading.Tasks.TaskAsyncEnumerableExtensions";
        private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

        public static void Write(SourceWriter w, TableModel table)
        {
            WriteInterface(w, table);
            w.Line();
            WriteClass(w, table);
        }

        private static string Entity(TableModel table) => $"global::{table.Namespace}.{table.TypeName}";

        private static string Key(TableModel table) => $"global::{table.Namespace}.{table.KeyTypeName}";

        private static void WriteInterface(SourceWriter w, TableModel table)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            w.Summary($"Reads and writes <see cref=\"{table.TypeName}\"/> items in the <c>{Xml.Escape(table.TableName)}</c> table.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public partial interface {table.RepositoryInterfaceName}");
            w.Summary("The physical table name in use, after prefixes and overrides.");
            w.Line("string TableName { get; }");
            w.Line();
            w.Summary("Reads an item; null when it does not exist.");
            w.Line($"{Task}<{Entity(table)}?> GetAsync({Key(table)} key, {Token});");
            w.Line();
            w.Summary("Stores an item, replacing any item with the same key.");
            w.Line($"{Task} PutAsync({Entity(table)} {variable}, {Token});");
            w.Line();
            w.Summary("Stores an item if <paramref name=\"condition\"/> holds for the item stored now (attributes of a missing item are absent).");
            w.Line($"/// <exception cref=\"{Runtime}DynamoConditionFailedException\">The condition did not hold; <c>CurrentItem</c> holds the stored <see cref=\"{table.TypeName}\"/>, if any.</exception>");
            w.Line($"{Task} PutAsync({Entity(table)} {variable}, {Runtime}Condition condition, {Token});");
            w.Line();
            w.Summary("Deletes an item; false when there was none.");
            w.Line($"{Task}<bool> DeleteAsync({Key(table)} key, {Token});");
            w.Line();
            w.Summary("Deletes an item if <paramref name=\"condition\"/> holds; false when there was none.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoConditionFailedException\">The item exists but the condition did not hold; <c>CurrentItem</c> holds it.</exception>");
            w.Line($"{Task}<bool> DeleteAsync({Key(table)} key, {Runtime}Condition condition, {Token});");
            if (table.Attributes.Count > 0)
            {
                w.Line();
                w.Summary("Applies typed changes to an existing item and returns it as stored afterwards; null when the item does not exist, which is never created by this call.");
                w.Line($"{Task}<{Entity(table)}?> UpdateAsync({Key(table)} key, global::{table.Namespace}.{table.UpdateTypeName} update, {Token});");
                w.Line();
                w.Summary("Applies typed changes if <paramref name=\"condition\"/> holds; null when the item does not exist.");
                w.Line($"/// <exception cref=\"{Runtime}DynamoConditionFailedException\">The item exists but the condition did not hold; <c>CurrentItem</c> holds it.</exception>");
                w.Line($"{Task}<{Entity(table)}?> UpdateAsync({Key(table)} key, global::{table.Namespace}.{table.UpdateTypeName} update, {Runtime}Condition condition, {Token});");
            }
            w.Line();
            w.Summary("Stores an item only if no item has its key; false (and nothing changed) when one already exists.");
            w.Line($"{Task}<bool> CreateAsync({Entity(table)} {variable}, {Token});");
            w.Line();
            w.Summary("Stores many items in batches of 25, resending what DynamoDB leaves unprocessed; a key given twice is written once, with its last item.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some items were not written within the retry budget; it lists their keys.</exception>");
            w.Line($"{Task} PutManyAsync(global::System.Collections.Generic.IEnumerable<{Entity(table)}> items, {Token});");
            w.Line();
            w.Summary("Reads many items in batches of 100; missing items are left out and the order is not defined.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some keys could not be read within the retry budget; it lists them.</exception>");
            w.Line($"{Task}<global::System.Collections.Generic.IReadOnlyList<{Entity(table)}>> GetManyAsync(global::System.Collections.Generic.IEnumerable<{Key(table)}> keys, {Token});");
            w.Line();
            w.Summary("Deletes many items in batches of 25; missing items are not an error.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoBatchIncompleteException\">Some deletes were not done within the retry budget; it lists their keys.</exception>");
            w.Line($"{Task} DeleteManyAsync(global::System.Collections.Generic.IEnumerable<{Key(table)}> keys, {Token});");
            w.Line();
            w.Summary("Every item of the table, read lazily; with several segments, read in parallel and merged as they arrive.");
            w.Line($"global::System.Collections.Generic.IAsyncEnumerable<{Entity(table)}> ScanAsync(int segments = 1, {Token});");
            if (table.SortKey is not null)
            {
                var partition = PartitionParameters(table);
                w.Line();
                w.Summary("Every item of one partition in sort-key order, read lazily page by page.");
                w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A partition key part is invalid; raised before anything is sent.</exception>");
                w.Line($"global::System.Collections.Generic.IAsyncEnumerable<{Entity(table)}> QueryAsync({partition}, {Runtime}QueryOptions? options = null, {Token});");
                w.Line();
                w.Summary("One page of a partition, from the place <paramref name=\"continuationToken\"/> marks (null for the first page).");
                w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A part or the token is invalid; raised before anything is sent.</exception>");
                w.Line($"{Task}<{Runtime}Page<{Entity(table)}>> QueryPageAsync({partition}, int pageSize, string? continuationToken = null, {Runtime}QueryOptions? options = null, {Token});");
            }
            foreach (var attribute in table.Attributes)
            {
                w.Line();
                w.Summary($"Sets <c>{Xml.Escape(attribute.Name)}</c> on an existing item{(attribute.IsNullable ? " (null removes it)" : string.Empty)}; false when the item does not exist, which is never created by this call.");
                w.Line($"{Task}<bool> Set{attribute.PropertyName}Async({Key(table)} key, {ParameterType(attribute)} value, {Token});");
            }

            w.Close();
        }

        private static string PartitionParameters(TableModel table)
            => string.Join(", ", KeyEmitter.PartitionParts(table).Select(p => $"{ValueKinds.CSharpType(p.Type)} {p.ParameterName}"));

        private static string ParameterType(AttributeModel attribute)
            => ValueKinds.CSharpType(attribute.Type) + (attribute.IsNullable ? "?" : string.Empty);

        private static void WriteClass(SourceWriter w, TableModel table)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            var partitionName = Literals.String(table.PartitionKey.AttributeName);
            w.Summary($"<see cref=\"{table.RepositoryInterfaceName}\"/> over the DynamoDB low-level client, with retries, masked logs and typed exceptions.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial class {table.RepositoryTypeName} : {table.RepositoryInterfaceName}");
            w.Line("private readonly global::Amazon.DynamoDBv2.IAmazonDynamoDB _client;");
            w.Line($"private readonly {Runtime}DynamoOperationRunner _runner;");
            w.Line("private readonly bool _consistentRead;");
            w.Line($"private readonly {Runtime}DynamoBatches _batches;");
            w.Line($"private readonly {Runtime}DynamoReads _reads;");
            w.Line();
            w.Summary("Creates the repository.");
            w.Line("/// <param name=\"client\">The DynamoDB client; the caller owns it.</param>");
            w.Line("/// <param name=\"options\">Table names, retries and read consistency; defaults when null.</param>");
            w.Line("/// <param name=\"logger\">Where operation logs go, with keys masked; nothing is logged when null.</param>");
            w.Line($"public {table.RepositoryTypeName}(");
            w.Indent();
            w.Line("global::Amazon.DynamoDBv2.IAmazonDynamoDB client,");
            w.Line($"{Runtime}DynamoRepositoryOptions? options = null,");
            w.Line($"global::Microsoft.Extensions.Logging.ILogger<{table.RepositoryTypeName}>? logger = null)");
            w.Outdent();
            w.Open();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.Line($"options ??= new {Runtime}DynamoRepositoryOptions();");
            w.Line("_client = client;");
            w.Line($"_runner = new {Runtime}DynamoOperationRunner(options.Retry, logger);");
            w.Line("_consistentRead = options.ConsistentRead;");
            w.Line($"_batches = new {Runtime}DynamoBatches(client, _runner, options.Retry, options.Batch);");
            w.Line($"_reads = new {Runtime}DynamoReads(client, _runner, new {Runtime}ContinuationTokens(options.ContinuationTokenKey));");
            w.Line($"TableName = options.ResolveTableName(global::{table.Namespace}.{table.TableTypeName}.Definition);");
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public string TableName { get; }");

            // Get
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<{Entity(table)}?> GetAsync({Key(table)} key, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key);");
            w.Line($"var request = new {Model}GetItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Key = key.ToAttributeMap(),");
            w.Line("ConsistentRead = _consistentRead,");
            w.Close(";");
            w.Line("var response = await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"GetItem\", TableName, key),");
            w.Line("ct => _client.GetItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Line("return response.Item is { Count: > 0 } item");
            w.Indent().Line($"? global::{table.Namespace}.{table.MarshallerTypeName}.FromItem(item)");
            w.Line(": null;").Outdent();
            w.Close();

            // Put
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task} PutAsync({Entity(table)} {variable}, {Token})");
            w.Line($"var item = global::{table.Namespace}.{table.MarshallerTypeName}.ToItem({variable});");
            w.Line($"var request = new {Model}PutItemRequest {{ TableName = TableName, Item = item }};");
            w.Line("await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"PutItem\", TableName, {variable}.Key),");
            w.Line("ct => _client.PutItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Close();

            // Delete
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<bool> DeleteAsync({Key(table)} key, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key);");
            w.Line($"var request = new {Model}DeleteItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Key = key.ToAttributeMap(),");
            w.Line("ReturnValues = global::Amazon.DynamoDBv2.ReturnValue.ALL_OLD,");
            w.Close(";");
            w.Line("var response = await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"DeleteItem\", TableName, key),");
            w.Line("ct => _client.DeleteItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Line("return response.Attributes is { Count: > 0 };");
            w.Close();

            WriteConditionalWrites(w, table, partitionName);
            WriteCreate(w, table, partitionName);
            WriteBatches(w, table);
            WriteScan(w, table);
            if (table.SortKey is not null)
            {
                WriteQueries(w, table);
            }

            foreach (var attribute in table.Attributes)
            {
                WriteSetter(w, table, attribute);
            }

            if (table.Attributes.Count > 0)
            {
                WriteUpdateAttribute(w, table, partitionName);
            }

            w.Close();
        }

        private static void WriteConditionalWrites(SourceWriter w, TableModel table, string partitionName)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task} PutAsync({Entity(table)} {variable}, {Runtime}Condition condition, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(condition);");
            w.Line($"var item = {marshaller}.ToItem({variable});");
            w.Line($"var expressions = new {Runtime}ExpressionBuilder();");
            w.Line($"var request = new {Model}PutItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Item = item,");
            w.Line("ConditionExpression = condition.Render(expressions),");
            w.Line("ExpressionAttributeNames = expressions.Names,");
            w.Line("ExpressionAttributeValues = expressions.Values,");
            w.Line("ReturnValuesOnConditionCheckFailure = global::Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD,");
            w.Close(";");
            w.Open("try");
            w.Line("await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"PutItem\", TableName, {variable}.Key, Expected: {Runtime}ErrorCategory.ConditionFailed),");
            w.Line("ct => _client.PutItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Close();
            w.Open($"catch ({Runtime}DynamoConditionFailedException failed)");
            w.Line("throw WithCurrentItem(failed);");
            w.Close();
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<bool> DeleteAsync({Key(table)} key, {Runtime}Condition condition, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(condition);");
            w.Line($"var expressions = new {Runtime}ExpressionBuilder();");
            w.Line($"var request = new {Model}DeleteItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Key = key.ToAttributeMap(),");
            w.Line($"ConditionExpression = ({Runtime}Condition.ItemExists({partitionName}) & condition).Render(expressions),");
            w.Line("ExpressionAttributeNames = expressions.Names,");
            w.Line("ExpressionAttributeValues = expressions.Values,");
            w.Line("ReturnValuesOnConditionCheckFailure = global::Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD,");
            w.Close(";");
            w.Open("try");
            w.Line("await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"DeleteItem\", TableName, key, Expected: {Runtime}ErrorCategory.ConditionFailed),");
            w.Line("ct => _client.DeleteItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Line("return true;");
            w.Close();
            w.Open($"catch ({Runtime}DynamoConditionFailedException failed) when (!HasCurrentItem(failed))");
            w.Line("return false;");
            w.Close();
            w.Open($"catch ({Runtime}DynamoConditionFailedException failed)");
            w.Line("throw WithCurrentItem(failed);");
            w.Close();
            w.Close();

            if (table.Attributes.Count > 0)
            {
                var update = $"global::{table.Namespace}.{table.UpdateTypeName}";
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"public {Task}<{Entity(table)}?> UpdateAsync({Key(table)} key, {update} update, {Token})");
                w.Indent().Line("=> UpdateCoreAsync(key, update, null, cancellationToken);").Outdent();
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Open($"public {Task}<{Entity(table)}?> UpdateAsync({Key(table)} key, {update} update, {Runtime}Condition condition, {Token})");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(condition);");
                w.Line("return UpdateCoreAsync(key, update, condition, cancellationToken);");
                w.Close();
                w.Line();
                w.Open($"private async {Task}<{Entity(table)}?> UpdateCoreAsync({Key(table)} key, {update} update, {Runtime}Condition? condition, global::System.Threading.CancellationToken cancellationToken)");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(key);");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(update);");
                w.Line($"var expressions = new {Runtime}ExpressionBuilder();");
                w.Line("var changes = update.Changes.Render(expressions);");
                w.Line("// The existence check keeps an update of a missing item from creating a half item.");
                w.Line($"var exists = {Runtime}Condition.ItemExists({partitionName});");
                w.Line($"var request = new {Model}UpdateItemRequest");
                w.Open();
                w.Line("TableName = TableName,");
                w.Line("Key = key.ToAttributeMap(),");
                w.Line("UpdateExpression = changes,");
                w.Line("ConditionExpression = (condition is null ? exists : exists & condition).Render(expressions),");
                w.Line("ExpressionAttributeNames = expressions.Names,");
                w.Line("ExpressionAttributeValues = expressions.Values,");
                w.Line("ReturnValues = global::Amazon.DynamoDBv2.ReturnValue.ALL_NEW,");
                w.Line("ReturnValuesOnConditionCheckFailure = global::Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD,");
                w.Close(";");
                w.Open("try");
                w.Line("var response = await _runner.ExecuteAsync(");
                w.Indent();
                w.Line($"new {Runtime}DynamoOperation(\"UpdateItem\", TableName, key, update.Changes.IsIdempotent, {Runtime}ErrorCategory.ConditionFailed),");
                w.Line("ct => _client.UpdateItemAsync(request, ct),");
                w.Line("cancellationToken).ConfigureAwait(false);");
                w.Outdent();
                w.Line($"return {marshaller}.FromItem(response.Attributes);");
                w.Close();
                w.Open($"catch ({Runtime}DynamoConditionFailedException failed) when (!HasCurrentItem(failed))");
                w.Line("return null;");
                w.Close();
                w.Open($"catch ({Runtime}DynamoConditionFailedException failed)");
                w.Line("throw WithCurrentItem(failed);");
                w.Close();
                w.Close();
            }

            w.Line();
            w.Line($"private static bool HasCurrentItem({Runtime}DynamoConditionFailedException failed)");
            w.Indent().Line($"=> failed.InnerException is {Model}ConditionalCheckFailedException {{ Item.Count: > 0 }};").Outdent();
            w.Line();
            w.Summary("The failure with the stored item attached, as the entity type, when DynamoDB returned it.");
            w.Line($"private static {Runtime}DynamoConditionFailedException WithCurrentItem({Runtime}DynamoConditionFailedException failed)");
            w.Indent().Line($"=> failed.InnerException is {Model}ConditionalCheckFailedException {{ Item: {{ Count: > 0 }} item }}");
            w.Indent().Line($"? failed.WithCurrentItem({marshaller}.FromItem(item))");
            w.Line(": failed;").Outdent().Outdent();
        }

        private static void WriteCreate(SourceWriter w, TableModel table, string partitionName)
        {
            var variable = MarshallerEmitter.EntityVariable(table);
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<bool> CreateAsync({Entity(table)} {variable}, {Token})");
            w.Line($"var item = global::{table.Namespace}.{table.MarshallerTypeName}.ToItem({variable});");
            w.Line($"var request = new {Model}PutItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Item = item,");
            w.Line("// Never overwrites: flags already set on an existing item stay as they are.");
            w.Line("ConditionExpression = \"attribute_not_exists(#key)\",");
            w.Line($"ExpressionAttributeNames = new() {{ [\"#key\"] = {partitionName} }},");
            w.Close(";");
            w.Line();
            w.Open("try");
            w.Line("await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"PutItem\", TableName, {variable}.Key, Expected: {Runtime}ErrorCategory.ConditionFailed),");
            w.Line("ct => _client.PutItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Line("return true;");
            w.Close();
            w.Open($"catch ({Runtime}DynamoConditionFailedException)");
            w.Line("return false;");
            w.Close();
            w.Close();
        }

        private static void WriteBatches(SourceWriter w, TableModel table)
        {
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            var writes = $"global::System.Collections.Generic.List<(object Key, {Model}WriteRequest Request)>";
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public {Task} PutManyAsync(global::System.Collections.Generic.IEnumerable<{Entity(table)}> items, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(items);");
            w.Line($"var writes = new {writes}();");
            w.Open("foreach (var item in items)");
            w.Line($"writes.Add((item.Key, new {Model}WriteRequest {{ PutRequest = new {Model}PutRequest {{ Item = {marshaller}.ToItem(item) }} }}));");
            w.Close();
            w.Line();
            w.Line("return _batches.WriteAsync(TableName, writes, cancellationToken);");
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<global::System.Collections.Generic.IReadOnlyList<{Entity(table)}>> GetManyAsync(global::System.Collections.Generic.IEnumerable<{Key(table)}> keys, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(keys);");
            w.Line("var requested = new global::System.Collections.Generic.List<(object Key, global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> Attributes)>();");
            w.Open("foreach (var key in keys)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key, nameof(keys));");
            w.Line("requested.Add((key, key.ToAttributeMap()));");
            w.Close();
            w.Line();
            w.Line("var items = await _batches.GetAsync(TableName, requested, _consistentRead, cancellationToken).ConfigureAwait(false);");
            w.Line($"var result = new global::System.Collections.Generic.List<{Entity(table)}>(items.Count);");
            w.Open("foreach (var item in items)");
            w.Line($"result.Add({marshaller}.FromItem(item));");
            w.Close();
            w.Line();
            w.Line("return result;");
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public {Task} DeleteManyAsync(global::System.Collections.Generic.IEnumerable<{Key(table)}> keys, {Token})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(keys);");
            w.Line($"var writes = new {writes}();");
            w.Open("foreach (var key in keys)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key, nameof(keys));");
            w.Line($"writes.Add((key, new {Model}WriteRequest {{ DeleteRequest = new {Model}DeleteRequest {{ Key = key.ToAttributeMap() }} }}));");
            w.Close();
            w.Line();
            w.Line("return _batches.WriteAsync(TableName, writes, cancellationToken);");
            w.Close();
        }

        private static void WriteScan(SourceWriter w, TableModel table)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async global::System.Collections.Generic.IAsyncEnumerable<{Entity(table)}> ScanAsync(int segments = 1, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line($"var request = new {Model}ScanRequest {{ TableName = TableName, ConsistentRead = _consistentRead }};");
            w.Open($"await foreach (var item in {AsyncEnumerable}.ConfigureAwait(_reads.ScanAllAsync(request, segments, cancellationToken), false))");
            w.Line($"yield return global::{table.Namespace}.{table.MarshallerTypeName}.FromItem(item);");
            w.Close();
            w.Close();
        }

        private static void WriteQueries(SourceWriter w, TableModel table)
        {
            var partition = PartitionParameters(table);
            var arguments = string.Join(", ", KeyEmitter.PartitionParts(table).Select(p => p.ParameterName));
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            var partitionName = Literals.String(table.PartitionKey.AttributeName);

            // What logs print for the partition: its parts, masked like the key type prints them.
            var printed = string.Join(", ", KeyEmitter.PartitionParts(table).Select(p => $"{p.PropertyName} = {{{EntityEmitter.Printed(p.ParameterName, p.Sensitivity)}}}"));
            var label = $"string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $\"{table.TypeName} partition {{{{ {printed} }}}}\")";

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public global::System.Collections.Generic.IAsyncEnumerable<{Entity(table)}> QueryAsync({partition}, {Runtime}QueryOptions? options = null, {Token})");
            w.Line("// Built here, not inside the iterator, so invalid parts fail at the call rather than at the first read.");
            w.Line($"var request = PartitionQuery({Key(table)}.PartitionKeyValue({arguments}), options);");
            w.Line($"return ReadAllAsync(request, {label}, cancellationToken);");
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open($"public async {Task}<{Runtime}Page<{Entity(table)}>> QueryPageAsync({partition}, int pageSize, string? continuationToken = null, {Runtime}QueryOptions? options = null, {Token})");
            w.Open("if (pageSize < 1)");
            w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), pageSize, \"A page holds at least one item.\");");
            w.Close();
            w.Line();
            w.Line($"var request = PartitionQuery({Key(table)}.PartitionKeyValue({arguments}), options);");
            w.Line("request.Limit = pageSize;");
            w.Line($"var (items, token) = await _reads.QueryPageAsync(request, {label}, continuationToken, cancellationToken).ConfigureAwait(false);");
            w.Line($"var page = new global::System.Collections.Generic.List<{Entity(table)}>(items.Count);");
            w.Open("foreach (var item in items)");
            w.Line($"page.Add({marshaller}.FromItem(item));");
            w.Close();
            w.Line();
            w.Line($"return new {Runtime}Page<{Entity(table)}>(page, token);");
            w.Close();

            w.Line();
            w.Open($"private {Model}QueryRequest PartitionQuery({Model}AttributeValue partition, {Runtime}QueryOptions? options)");
            w.Line($"return new {Model}QueryRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("KeyConditionExpression = \"#partition = :partition\",");
            w.Line($"ExpressionAttributeNames = new() {{ [\"#partition\"] = {partitionName} }},");
            w.Line("ExpressionAttributeValues = new() { [\":partition\"] = partition },");
            w.Line("ScanIndexForward = options?.Descending != true,");
            w.Line("ConsistentRead = options?.ConsistentRead ?? _consistentRead,");
            w.Line("Limit = options?.PageSize,");
            w.Close(";");
            w.Close();

            w.Line();
            w.Open($"private async global::System.Collections.Generic.IAsyncEnumerable<{Entity(table)}> ReadAllAsync({Model}QueryRequest request, string partition, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)");
            w.Open($"await foreach (var item in {AsyncEnumerable}.ConfigureAwait(_reads.QueryAllAsync(request, partition, cancellationToken), false))");
            w.Line($"yield return {marshaller}.FromItem(item);");
            w.Close();
            w.Close();
        }

        private static void WriteSetter(SourceWriter w, TableModel table, AttributeModel attribute)
        {
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            var value = attribute.IsNullable
                ? $"value is null ? null : {marshaller}.{attribute.PropertyName}Value({(ValueKinds.IsValueType(attribute.Type) ? "value.Value" : "value")})"
                : $"{marshaller}.{attribute.PropertyName}Value(value)";
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public {Task}<bool> Set{attribute.PropertyName}Async({Key(table)} key, {ParameterType(attribute)} value, {Token})");
            w.Indent().Line($"=> UpdateAttributeAsync(key, {Literals.String(attribute.Name)}, {value}, cancellationToken);").Outdent();
        }

        private static void WriteUpdateAttribute(SourceWriter w, TableModel table, string partitionName)
        {
            w.Line();
            w.Summary("Sets one attribute of an existing item, or removes it when <paramref name=\"value\"/> is null; false when the item does not exist.");
            w.Open($"private async {Task}<bool> UpdateAttributeAsync({Key(table)} key, string attribute, {Model}AttributeValue? value, global::System.Threading.CancellationToken cancellationToken)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(key);");
            w.Line($"var request = new {Model}UpdateItemRequest");
            w.Open();
            w.Line("TableName = TableName,");
            w.Line("Key = key.ToAttributeMap(),");
            w.Line("UpdateExpression = value is null ? \"REMOVE #value\" : \"SET #value = :value\",");
            w.Line("// The condition keeps an update of a missing item from creating a half item.");
            w.Line("ConditionExpression = \"attribute_exists(#key)\",");
            w.Line($"ExpressionAttributeNames = new() {{ [\"#key\"] = {partitionName}, [\"#value\"] = attribute }},");
            w.Line("ExpressionAttributeValues = value is null ? null : new() { [\":value\"] = value },");
            w.Close(";");
            w.Line();
            w.Open("try");
            w.Line("await _runner.ExecuteAsync(");
            w.Indent();
            w.Line($"new {Runtime}DynamoOperation(\"UpdateItem\", TableName, key, Expected: {Runtime}ErrorCategory.ConditionFailed),");
            w.Line("ct => _client.UpdateItemAsync(request, ct),");
            w.Line("cancellationToken).ConfigureAwait(false);");
            w.Outdent();
            w.Line("return true;");
            w.Close();
            w.Open($"catch ({Runtime}DynamoConditionFailedException)");
            w.Line("return false;");
            w.Close();
            w.Close();
        }
    }
}

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
            w.Summary("Deletes an item; false when there was none.");
            w.Line($"{Task}<bool> DeleteAsync({Key(table)} key, {Token});");
            foreach (var attribute in table.Attributes)
            {
                w.Line();
                w.Summary($"Sets <c>{Xml.Escape(attribute.Name)}</c> on an existing item{(attribute.IsNullable ? " (null removes it)" : string.Empty)}; false when the item does not exist, which is never created by this call.");
                w.Line($"{Task}<bool> Set{attribute.PropertyName}Async({Key(table)} key, {ParameterType(attribute)} value, {Token});");
            }

            w.Close();
        }

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

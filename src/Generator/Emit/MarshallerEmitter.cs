using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the marshaller: plain code from entity to item and back, validating on the way out and
    /// raising a mapping exception (not a null reference or cast error) on the way in.
    /// </summary>
    internal static class MarshallerEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";
        private const string AttributeMap = "global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>";

        public static void Write(SourceWriter w, TableModel table)
        {
            var entity = Literals.String(table.TypeName);
            w.Summary($"Converts <see cref=\"{table.TypeName}\"/> to and from DynamoDB items, with no reflection.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {table.MarshallerTypeName}");

            if (table.KeepsExtraAttributes)
            {
                var names = StoredNames(table).Select(Literals.String);
                w.Summary("The attribute names the schema declares; any other attribute is an extra one.");
                w.Line("private static readonly global::System.Collections.Generic.HashSet<string> DeclaredAttributes = new(global::System.StringComparer.Ordinal)");
                w.Open();
                foreach (var name in names)
                {
                    w.Line(name + ",");
                }

                w.Close(";");
                w.Line();
            }

            foreach (var attribute in table.Attributes.Where(a => a.Pattern is not null))
            {
                w.Line($"private static readonly global::System.Text.RegularExpressions.Regex {attribute.PropertyName}Pattern =");
                w.Indent().Line($"new({Literals.String(attribute.Pattern!)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant);").Outdent();
                w.Line();
            }

            WriteToItem(w, table, entity);
            WriteFromItem(w, table, entity);
            foreach (var attribute in table.Attributes)
            {
                WriteAttributeValue(w, table, attribute, entity);
            }

            w.Close();
        }

        private static System.Collections.Generic.IEnumerable<string> StoredNames(TableModel table)
        {
            foreach (var key in KeyEmitter.AllKeys(table))
            {
                yield return key.AttributeName;
            }

            foreach (var part in table.KeyParts)
            {
                if (part.StoredAttribute is not null)
                {
                    yield return part.StoredAttribute;
                }
            }

            foreach (var attribute in table.Attributes)
            {
                yield return attribute.Name;
            }
        }

        private static void WriteToItem(SourceWriter w, TableModel table, string entity)
        {
            var variable = EntityVariable(table);
            var capacity = StoredNames(table).Count();
            w.Summary(table.KeepsExtraAttributes ? "The item to store: validated and normalised, with extra attributes kept." : "The item to store: validated and normalised.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A required value is missing or a value is invalid.</exception>");
            w.Open($"public static {AttributeMap} ToItem(global::{table.Namespace}.{table.TypeName} {variable})");
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({variable});");
            w.Line($"var key = {Runtime}InputValidation.NotNull({variable}.Key, {entity}, \"Key\");");
            var extra = table.KeepsExtraAttributes ? $" + ({variable}.ExtraAttributes?.Count ?? 0)" : string.Empty;
            w.Line($"var item = new {AttributeMap}({capacity}{extra})");
            w.Open();
            foreach (var key in KeyEmitter.AllKeys(table))
            {
                w.Line($"[{Literals.String(key.AttributeName)}] = {KeyEmitter.KeyAttributeValue(table, key, "key.")},");
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null))
            {
                w.Line($"[{Literals.String(part.StoredAttribute!)}] = {ValueKinds.ToAttributeValue(part.Type, "key." + part.PropertyName)},");
            }

            foreach (var attribute in table.Attributes.Where(a => !a.IsNullable))
            {
                w.Line($"[{Literals.String(attribute.Name)}] = {attribute.PropertyName}Value({variable}.{attribute.PropertyName}),");
            }

            w.Close(";");
            foreach (var attribute in table.Attributes.Where(a => a.IsNullable))
            {
                var local = Parsing.Names.ToParameterName(attribute.PropertyName);
                w.Line();
                w.Open($"if ({variable}.{attribute.PropertyName} is {{ }} {local.TrimStart('@')}Given)");
                w.Line($"item[{Literals.String(attribute.Name)}] = {attribute.PropertyName}Value({local.TrimStart('@')}Given);");
                w.Close();
            }

            if (table.KeepsExtraAttributes)
            {
                w.Line();
                w.Line($"{Runtime}ExtraAttributes.CopyTo({variable}.ExtraAttributes, item, DeclaredAttributes);");
            }

            w.Line();
            w.Line("return item;");
            w.Close();
        }

        /// <summary>The entity parameter's name: the type in camel case, unless a local already has that name.</summary>
        public static string EntityVariable(TableModel table)
        {
            var name = Parsing.Names.ToParameterName(table.TypeName);
            return name is "key" or "item" or "reader" or "request" or "response" or "cancellationToken" ? "entity" : name;
        }

        private static void WriteFromItem(SourceWriter w, TableModel table, string entity)
        {
            var keys = KeyEmitter.AllKeys(table).ToList();
            w.Line();
            w.Summary($"Reads a stored item as a <see cref=\"{table.TypeName}\"/>.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoMappingException\">A required attribute is missing, has another type, or the key does not fit its template.</exception>");
            w.Open($"public static global::{table.Namespace}.{table.TypeName} FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
            w.Line($"var reader = new {Runtime}ItemReader(item, {entity});");
            var args = new System.Collections.Generic.List<string>();
            foreach (var key in keys)
            {
                var type = key.IsSinglePart ? KeyEmitter.Part(table, key.Segments[0].Text).Type : ValueKind.String;
                var local = Parsing.Names.ToParameterName(key.PropertyName).TrimStart('@') + "Stored";
                var name = Literals.String(key.AttributeName);
                w.Line($"var {local} = reader.{ValueKinds.ReaderMethod(type)}({name}) ?? throw reader.Missing({name}, {Literals.String(ValueKinds.StoredDescription(type))});");
                args.Add(local);
            }

            var keyNames = Literals.String(string.Join(", ", keys.Select(k => k.AttributeName)));
            var templates = Literals.String(string.Join(", ", keys.Select(k => k.AttributeName + " = " + KeyEmitter.Template(k))));
            w.Open($"if (!global::{table.Namespace}.{table.KeyTypeName}.TryParse({string.Join(", ", args)}, out var key))");
            w.Line($"throw reader.InvalidKey({keyNames}, {templates});");
            w.Close();
            w.Line();
            w.Line("reader = reader.WithKey(key);");
            w.Line($"return new global::{table.Namespace}.{table.TypeName}");
            w.Open();
            w.Line("Key = key,");
            foreach (var attribute in table.Attributes)
            {
                var read = $"reader.{ValueKinds.ReaderMethod(attribute.Type)}({Literals.String(attribute.Name)})";
                var value = attribute.IsNullable
                    ? read
                    : attribute.DefaultLiteral is not null
                        ? $"{read} ?? {attribute.DefaultLiteral}"
                        : $"{read} ?? throw reader.Missing({Literals.String(attribute.Name)}, {Literals.String(ValueKinds.StoredDescription(attribute.Type))})";
                w.Line($"{attribute.PropertyName} = {value},");
            }

            if (table.KeepsExtraAttributes)
            {
                w.Line("ExtraAttributes = reader.Extras(DeclaredAttributes),");
            }

            w.Close(";");
            w.Close();
        }

        private static void WriteAttributeValue(SourceWriter w, TableModel table, AttributeModel attribute, string entity)
        {
            var type = ValueKinds.CSharpType(attribute.Type);
            var name = Literals.String(attribute.Name);
            w.Line();
            w.Summary($"The stored form of <c>{Xml.Escape(attribute.Name)}</c>, validated{(attribute.Sensitivity == Sensitivity.Phone ? " and normalised" : string.Empty)}; used by <see cref=\"ToItem\"/> and by updates.");
            w.Line($"internal static global::Amazon.DynamoDBv2.Model.AttributeValue {attribute.PropertyName}Value({type}{(attribute.Type == ValueKind.String ? "?" : string.Empty)} value)");
            if (attribute.Type == ValueKind.Double)
            {
                // DynamoDB has no NaN or infinity; refuse them here rather than in a failed request.
                w.Indent().Line($"=> {ValueKinds.ToAttributeValue(attribute.Type, $"{Runtime}InputValidation.Finite(value, {entity}, {name})")};").Outdent();
                return;
            }

            if (attribute.Type != ValueKind.String)
            {
                w.Indent().Line($"=> {ValueKinds.ToAttributeValue(attribute.Type, "value")};").Outdent();
                return;
            }

            w.Open();
            if (attribute.Sensitivity == Sensitivity.Phone)
            {
                w.Line($"var text = {Runtime}InputValidation.Phone(value, {entity}, {name});");
            }
            else
            {
                w.Line($"var text = {Runtime}InputValidation.NotNull(value, {entity}, {name});");
            }

            if (attribute.Pattern is not null)
            {
                w.Line($"{Runtime}InputValidation.Matches(text, {attribute.PropertyName}Pattern, {entity}, {name});");
            }

            w.Line($"return {ValueKinds.ToAttributeValue(ValueKind.String, "text")};");
            w.Close();
        }
    }
}

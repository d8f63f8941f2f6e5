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

            WriteMemberFields(w, table.Attributes, table.Namespace);
            WriteToItem(w, table, entity);
            WriteFromItem(w, table, entity);
            foreach (var attribute in table.Attributes)
            {
                WriteAttributeValue(w, attribute, entity, table.Namespace, table.IsIndexKeyText(attribute));
            }

            w.Close();
        }

        /// <summary>The patterns and codecs the value methods of <paramref name="attributes"/> use, one static field each.</summary>
        public static void WriteMemberFields(SourceWriter w, EquatableArray<AttributeModel> attributes, string ns)
        {
            ValueKinds.WritePatternFields(w, attributes.Where(a => a.Pattern is not null).Select(a => (a.PropertyName + "Pattern", a.Pattern!)));

            foreach (var attribute in attributes.Where(a => !a.Type.IsPlainScalar))
            {
                w.Line($"private static readonly {Runtime}AttributeCodec<{ValueKinds.CSharpType(attribute.Type, ns)}> {attribute.PropertyName}Codec =");
                w.Indent().Line($"{ValueKinds.Codec(attribute.Type, ns)};").Outdent();
                w.Line();
            }
        }

        /// <summary>Whether an attribute is always stored, so it can go in the item's initializer.</summary>
        private static bool AlwaysStored(AttributeModel attribute) => !attribute.IsNullable && attribute.Kind != ValueKind.Set;

        /// <summary>The method that stores an attribute's value: <c>NameValue</c>, unless its type names it otherwise.</summary>
        private static string ValueMethod(AttributeModel attribute) => attribute.PropertyName + "Value";

        /// <summary>Initializer entries (<c>["name"] = NameValue(x.Name),</c>) for the attributes that are always stored.</summary>
        public static void WriteStoredEntries(SourceWriter w, EquatableArray<AttributeModel> attributes, string variable, System.Func<AttributeModel, string>? valueMethod = null)
        {
            valueMethod ??= ValueMethod;
            foreach (var attribute in attributes.Where(AlwaysStored))
            {
                w.Line($"[{Literals.String(attribute.Name)}] = {valueMethod(attribute)}({variable}.{attribute.PropertyName}),");
            }
        }

        /// <summary>
        /// Statements that store the other attributes in <paramref name="target"/> when they have a value: nulls
        /// and empty sets are left out (or a null is stored as NULL where the schema says so). Their locals are taken
        /// from <paramref name="names"/>, the method's scope.
        /// </summary>
        public static void WriteOptionalStores(SourceWriter w, EquatableArray<AttributeModel> attributes, string variable, string target, UniqueNames names, System.Func<AttributeModel, string>? valueMethod = null)
        {
            valueMethod ??= ValueMethod;
            foreach (var attribute in attributes.Where(a => !AlwaysStored(a)))
            {
                var name = Literals.String(attribute.Name);
                var given = names.Take(UniqueNames.Bare(Parsing.Names.ToParameterName(attribute.PropertyName)) + "Given");

                // DynamoDB stores no empty set: an empty set is written by leaving the attribute out.
                var pattern = attribute.Kind == ValueKind.Set ? "{ Count: > 0 }" : "{ }";
                w.Line();
                w.Open($"if ({variable}.{attribute.PropertyName} is {pattern} {given})");
                w.Line($"{target}[{name}] = {valueMethod(attribute)}({given});");
                w.Close();
                if (attribute.WriteNull)
                {
                    w.Open("else");
                    w.Line($"{target}[{name}] = new global::Amazon.DynamoDBv2.Model.AttributeValue {{ NULL = true }};");
                    w.Close();
                }
            }
        }

        /// <summary>The expression that reads an attribute with <c>reader</c>, applying its default or requiring it.</summary>
        public static string ReadExpression(AttributeModel attribute)
        {
            var name = Literals.String(attribute.Name);
            var read = attribute.Type.IsPlainScalar
                ? $"reader.{ValueKinds.ReaderMethod(attribute.Kind)}({name})"
                : $"reader.{(ValueKinds.IsValueType(attribute.Kind) ? "ReadValue" : "Read")}({name}, {attribute.PropertyName}Codec)";
            return attribute.IsNullable
                ? read
                : attribute.DefaultLiteral is not null
                    ? $"{read} ?? {attribute.DefaultLiteral}"
                    : $"{read} ?? throw reader.Missing({name}, {Literals.String(ValueKinds.StoredDescription(attribute.Kind))})";
        }

        private static System.Collections.Generic.IEnumerable<string> StoredNames(TableModel table)
        {
            foreach (var key in table.Keys)
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

            foreach (var key in table.ComputedIndexKeys)
            {
                yield return key.AttributeName;
            }

            if (table.TypeAttribute is not null)
            {
                yield return table.TypeAttribute;
            }
        }

        /// <summary>
        /// Statements that compute each templated index key from the item's stored values (so a phone part is the
        /// normalised one); a key with a missing part is left out, which makes its index sparse. The stored text of each
        /// part is read once, however many keys are built from it (<c>A#{owner}</c> and <c>B#{owner}</c>).
        /// </summary>
        private static void WriteIndexKeys(SourceWriter w, TableModel table, string key, string item, UniqueNames names)
        {
            // Null while the attribute is absent or NULL, which leaves the keys built from it out.
            var texts = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var part in table.ComputedIndexKeys.SelectMany(k => k.Parts).Where(p => !p.OnKey))
            {
                if (!texts.ContainsKey(part.Name))
                {
                    if (texts.Count == 0)
                    {
                        w.Line();
                    }

                    texts.Add(part.Name, names.Take(UniqueNames.Bare(Parsing.Names.ToParameterName(part.PropertyName)) + "Text"));
                    w.Line($"{Runtime}IndexKeys.TryText({item}, {Literals.String(part.Name)}, out var {texts[part.Name]});");
                }
            }

            foreach (var indexKey in table.ComputedIndexKeys)
            {
                // Parts held by the key are always there; the others must be stored for the key to exist.
                var conditions = indexKey.Parts.Where(p => !p.OnKey).Select(p => $"{texts[p.Name]} is not null").ToList();
                var value = KeyEmitter.ComputedIndexKey(indexKey, p => !p.OnKey ? texts[p.Name]
                    : p.Type.Kind.IsDate() ? $"{KeyEmitter.DateCodec(table, p.PropertyName)}.Format({key}.{p.PropertyName})"
                    : ValueKinds.ToKeyText(p.Type.Kind, $"{key}.{p.PropertyName}"));
                w.Line();
                if (conditions.Count > 0)
                {
                    w.Open($"if ({string.Join(" && ", conditions)})");
                }

                w.Line($"{item}[{Literals.String(indexKey.AttributeName)}] = {value};");
                if (conditions.Count > 0)
                {
                    w.Close();
                }
            }
        }

        private static void WriteToItem(SourceWriter w, TableModel table, string entity)
        {
            var variable = EntityVariable(table);
            var names = new UniqueNames(variable);
            var key = names.Take("key");
            var item = names.Take("item");
            var capacity = StoredNames(table).Count();
            w.Summary(table.KeepsExtraAttributes ? "The item to store: validated and normalised, with extra attributes kept." : "The item to store: validated and normalised.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A required value is missing or a value is invalid.</exception>");
            w.Open($"public static {AttributeMap} ToItem(global::{table.Namespace}.{table.TypeName} {variable})");
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({variable});");
            w.Line($"var {key} = {Runtime}InputValidation.NotNull({variable}.Key, {entity}, \"Key\");");
            var extra = table.KeepsExtraAttributes ? $" + ({variable}.ExtraAttributes?.Count ?? 0)" : string.Empty;
            w.Line($"var {item} = new {AttributeMap}({capacity}{extra})");
            w.Open();
            foreach (var tableKey in table.Keys)
            {
                w.Line($"[{Literals.String(tableKey.AttributeName)}] = {KeyEmitter.KeyAttributeValue(table, tableKey, key + ".")},");
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null))
            {
                var stored = part.IsDate
                    ? $"{KeyEmitter.DateCodec(table, part.PropertyName)}.Write({key}.{part.PropertyName})"
                    : ValueKinds.ToAttributeValue(part.Type, $"{key}.{part.PropertyName}");
                w.Line($"[{Literals.String(part.StoredAttribute!)}] = {stored},");
            }

            WriteStoredEntries(w, table.Attributes, variable);
            if (table.TypeAttribute is not null)
            {
                w.Line($"[{Literals.String(table.TypeAttribute)}] = new global::Amazon.DynamoDBv2.Model.AttributeValue {{ S = {Literals.String(table.TypeName)} }},");
            }

            w.Close(";");
            WriteOptionalStores(w, table.Attributes, variable, item, names);
            WriteIndexKeys(w, table, key, item, names);

            if (table.KeepsExtraAttributes)
            {
                w.Line();
                w.Line($"{Runtime}ExtraAttributes.CopyTo({variable}.ExtraAttributes, {item}, DeclaredAttributes);");
            }

            w.Line();
            w.Line($"return {item};");
            w.Close();
        }

        /// <summary>
        /// The entity parameter's name: the type in camel case, or <c>entity</c> when that is a name it stands beside in
        /// a repository method (<c>PutAsync(entity, condition, cancellationToken)</c>) or in <c>ToItem</c>.
        /// </summary>
        public static string EntityVariable(TableModel table)
        {
            var name = Parsing.Names.ToParameterName(table.TypeName);
            return new UniqueNames("condition", "cancellationToken", "key", "item").IsFree(name) ? name : "entity";
        }

        private static void WriteFromItem(SourceWriter w, TableModel table, string entity)
        {
            var keyType = $"global::{table.Namespace}.{table.KeyTypeName}";
            var itemType = "global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>";
            w.Line();
            w.Summary($"Reads the key of a stored item (or of an index entry that projects only keys).");
            w.Line($"/// <exception cref=\"{Runtime}DynamoMappingException\">A key attribute is missing, has another type, or does not fit its template.</exception>");
            w.Open($"public static {keyType} KeyFromItem({itemType} item)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
            w.Line($"var reader = new {Runtime}ItemReader(item, {entity});");
            w.Line("return ReadKey(ref reader);");
            w.Close();

            w.Line();
            w.Summary($"Reads a stored item as a <see cref=\"{table.TypeName}\"/>.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoMappingException\">A required attribute is missing, has another type, or the key does not fit its template.</exception>");
            w.Open($"public static global::{table.Namespace}.{table.TypeName} FromItem({itemType} item)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
            w.Line($"var reader = new {Runtime}ItemReader(item, {entity});");
            if (table.TypeAttribute is not null)
            {
                // Items of the other entity types in the table never read as this one (checked before the key,
                // whose template the other type's key would not fit).
                var typeName = Literals.String(table.TypeAttribute);
                w.Open($"if (reader.String({typeName}) is {{ }} storedType && storedType != {entity})");
                w.Line($"throw reader.OtherType({typeName}, storedType);");
                w.Close();
                w.Line();
            }

            // One reader reads every attribute once, so it knows without a walk whether the item holds others.
            w.Line("var key = ReadKey(ref reader);");
            w.Line("reader.SetKey(key);");
            w.Line($"return new global::{table.Namespace}.{table.TypeName}");
            w.Open();
            w.Line("Key = key,");
            foreach (var attribute in table.Attributes)
            {
                w.Line($"{attribute.PropertyName} = {ReadExpression(attribute)},");
            }

            if (table.KeepsExtraAttributes)
            {
                w.Line("ExtraAttributes = reader.Extras(DeclaredAttributes),");
            }

            w.Close(";");
            w.Close();

            var keys = table.Keys.ToList();
            w.Line();
            w.Summary("Reads and parses the key attributes through <paramref name=\"reader\"/>, which counts them as read.");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Open($"private static {keyType} ReadKey(ref {Runtime}ItemReader reader)");
            var names = new UniqueNames("reader");
            var args = new System.Collections.Generic.List<string>();
            foreach (var key in keys)
            {
                var type = key.StoredKind;
                var local = names.Take(UniqueNames.Bare(Parsing.Names.ToParameterName(key.PropertyName)) + "Stored");
                var name = Literals.String(key.AttributeName);
                w.Line($"var {local} = {ValueKinds.KeyRead(type, name)} ?? throw reader.Missing({name}, {Literals.String(ValueKinds.StoredDescription(type))});");
                args.Add(local);
            }

            var keyNames = Literals.String(string.Join(", ", keys.Select(k => k.AttributeName)));
            var templates = Literals.String(string.Join(", ", keys.Select(k => k.AttributeName + " = " + k.Template)));
            var parsed = names.Take("key");
            w.Line($"return {keyType}.TryParse({string.Join(", ", args)}, out var {parsed})");
            w.Indent().Line($"? {parsed}").Line($": throw reader.InvalidKey({keyNames}, {templates});").Outdent();
            w.Close();
        }

        /// <summary>
        /// The method that turns one attribute's value into its stored form, validated the way the schema says;
        /// used by <c>ToItem</c>, by conditions and by updates, so all three store a value the same way.
        /// </summary>
        /// <param name="w">Where to write.</param>
        /// <param name="attribute">The attribute.</param>
        /// <param name="entity">The entity's name as a C# literal, for errors.</param>
        /// <param name="ns">The namespace of declared types.</param>
        /// <param name="keyText">Whether the text goes into an index key, which refuses control characters as key parts do.</param>
        /// <param name="method">The method's name; the attribute's own value method when null.</param>
        public static void WriteAttributeValue(SourceWriter w, AttributeModel attribute, string entity, string ns, bool keyText = false, string? method = null)
        {
            method ??= ValueMethod(attribute);
            var type = ValueKinds.CSharpType(attribute.Type, ns);
            var name = Literals.String(attribute.Name);
            var nullable = ValueKinds.IsValueType(attribute.Kind) ? string.Empty : "?";
            w.Line();
            w.Summary($"The stored form of <c>{Xml.Escape(attribute.Name)}</c>, validated{(attribute.Sensitivity == Sensitivity.Phone ? " and normalised" : string.Empty)}; used when storing it, in conditions and in updates.");

            // ToItem calls one of these per attribute, and past the JIT's inlining budget for a large ToItem the rest
            // stay calls where hand-written code has none (17 of 32 in the benchmarks' wide item).
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            w.Line($"internal static global::Amazon.DynamoDBv2.Model.AttributeValue {method}({type}{nullable} value)");
            if (!attribute.Type.IsPlainScalar)
            {
                w.Indent().Line($"=> {Runtime}AttributeCodecs.Write({attribute.PropertyName}Codec, value{(nullable.Length > 0 ? "!" : string.Empty)}, {entity}, {name});").Outdent();
                return;
            }

            if (attribute.Kind != ValueKind.String)
            {
                w.Indent().Line($"=> {ScalarValue(attribute, "value", entity, inRange: true)};").Outdent();
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
                if (keyText)
                {
                    w.Line($"{Runtime}InputValidation.KeyText(text, {entity}, {name});");
                }
            }

            if (attribute.Rules.HasLength)
            {
                w.Line($"{Runtime}InputValidation.Length(text, {Number(attribute.Rules.MinLength)}, {Number(attribute.Rules.MaxLength)}, {entity}, {name});");
            }

            if (attribute.Pattern is not null)
            {
                w.Line($"{Runtime}InputValidation.Matches(text, {attribute.PropertyName}Pattern, {entity}, {name});");
            }

            w.Line($"return {ValueKinds.ToAttributeValue(ValueKind.String, "text")};");
            w.Close();
        }

        /// <summary>
        /// The stored form of a boolean or number expression: a double must be finite (DynamoDB has no NaN or infinity,
        /// so they are refused here rather than in a failed request), and a value must lie in the attribute's range
        /// when <paramref name="inRange"/>. An update's delta is not: the range limits stored values, not changes.
        /// </summary>
        public static string ScalarValue(AttributeModel attribute, string value, string entity, bool inRange)
        {
            var name = Literals.String(attribute.Name);
            var checkedValue = attribute.Kind == ValueKind.Double ? $"{Runtime}InputValidation.Finite({value}, {entity}, {name})" : value;
            if (inRange && attribute.Rules.HasRange)
            {
                checkedValue = $"{Runtime}InputValidation.Range({checkedValue}, {attribute.Rules.Minimum ?? "null"}, {attribute.Rules.Maximum ?? "null"}, {entity}, {name})";
            }

            return ValueKinds.ToAttributeValue(attribute.Kind, checkedValue);
        }

        private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the marshallers of entities and nested objects: plain code from record to item and back, validating on the
    /// way out and raising a mapping exception (not a null reference or cast error) on the way in.
    /// </summary>
    internal static class MarshallerEmitter
    {
        public static void Write(SourceWriter w, TableModel table)
        {
            var entity = Literals.String(table.TypeName);
            w.Block($$"""
                /// <summary>Converts <see cref="{{table.TypeName}}"/> to and from DynamoDB items, with no reflection.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{table.MarshallerTypeName}}
                """);
            w.Open();
            if (table.KeepsExtraAttributes)
            {
                NameLists.WriteAttributeNames(w, StoredNames(table));
            }

            WriteMemberFields(w, table.Attributes, table.Namespace, qualified: false);
            WriteToItem(w, table, entity);
            WriteFromItem(w, table, entity);
            WriteAttributeValues(w, table.Attributes, entity, null, ValueMethod, table.IsIndexKeyText);

            w.Close();
        }

        /// <summary>
        /// The marshaller of a nested object type: its <c>ObjectCodec</c>, which enclosing types' marshallers compose. The
        /// types of its attributes are qualified here, since the codec class nested in it could take a simple name.
        /// </summary>
        public static void WriteObject(SourceWriter w, ObjectModel model, string ns)
        {
            var entity = Literals.String(model.Name);
            var variable = Parsing.Names.ToParameterName(model.Name);
            variable = variable is "map" ? "entity" : variable;

            // Each attribute's value method gives way to the public ToAttributeValue (an attribute 'to_attribute'). No member
            // named after an attribute can be the codec class's name: an attribute may not be named like its type.
            var members = new UniqueNames("Codec", "ToAttributeValue", model.MarshallerTypeName);
            var valueMethods = model.Attributes.ToDictionary(a => a.Name, a => members.Take(a.PropertyName + "Value"));
            var codecClass = model.Name + "Codec";
            string ValueMethodOf(AttributeModel attribute) => valueMethods[attribute.Name];

            w.Block($$"""

                /// <summary>Converts <see cref="{{model.Name}}"/> to and from a stored map, with no reflection.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{model.MarshallerTypeName}}
                {
                    // First, so that a type reachable from its own members finds its codec already set.
                    /// <summary>The codec marshallers of enclosing types use.</summary>
                    public static {{Internal}}ObjectCodec<{{model.Name}}> Codec { get; } = new {{codecClass}}();
                """);
            w.Indent();
            WriteMemberFields(w, model.Attributes, ns, qualified: true);
            w.Block($$"""

                /// <summary>The stored map of <paramref name="value"/>, validated.</summary>
                public static {{AttributeValue}} ToAttributeValue({{model.Name}} value) => {{Internal}}AttributeCodecs.Write(Codec, value, {{entity}}, string.Empty);
                """);
            WriteAttributeValues(w, model.Attributes, entity, ns, ValueMethodOf, _ => false);

            var names = new UniqueNames(variable);
            var map = names.Take("map");
            w.Block($$"""

                {{GeneratedCodeAttribute}}
                private sealed class {{codecClass}} : {{Internal}}ObjectCodec<{{model.Name}}>
                {
                    protected override {{AttributeMap}} ToMap({{model.Name}} {{variable}})
                    {
                        var {{map}} = new {{AttributeMap}}({{model.Attributes.Count}})
                """);
            w.Indent().Indent().Open();
            WriteStoredEntries(w, model.Attributes, variable, ValueMethodOf);
            w.Close(";");
            WriteOptionalStores(w, model.Attributes, variable, map, names, ValueMethodOf);
            w.Line().Line($"return {map};").Outdent().Line("}");
            w.Block($$"""

                protected override {{model.Name}} ReadMembers({{Internal}}ItemReader reader)
                    => new {{model.Name}}
                    {
                """);
            w.Indent().Indent();
            foreach (var attribute in model.Attributes)
            {
                w.Line($"{attribute.PropertyName} = {ReadExpression(attribute)},");
            }

            w.Outdent().Line("};").Outdent();
            w.Close();
            w.Close();
        }

        /// <summary>
        /// The entity parameter's name: the type in camel case, or <c>entity</c> when that is a name it stands beside in
        /// <c>ToItem</c>.
        /// </summary>
        private static string EntityVariable(TableModel table)
        {
            var name = Parsing.Names.ToParameterName(table.TypeName);
            return new UniqueNames("key", "item").IsFree(name) ? name : "entity";
        }

        /// <summary>
        /// The patterns and codecs the value methods of <paramref name="attributes"/> use, one static field each; declared
        /// types by their simple names unless <paramref name="qualified"/>.
        /// </summary>
        private static void WriteMemberFields(SourceWriter w, EquatableArray<AttributeModel> attributes, string ns, bool qualified)
        {
            ValueKinds.WritePatternFields(w, attributes.Where(a => a.Pattern is not null).Select(a => (a.PropertyName + "Pattern", a.Pattern!)));
            foreach (var attribute in attributes.Where(a => !a.Type.IsPlainScalar))
            {
                w.Block($$"""

                    private static readonly {{Internal}}AttributeCodec<{{ValueKinds.CSharpType(attribute.Type, qualified ? ns : null)}}> {{attribute.PropertyName}}Codec =
                        {{ValueKinds.Codec(attribute.Type, ns)}};
                    """);
            }
        }

        /// <summary>Whether an attribute is always stored, so it can go in the item's initializer.</summary>
        private static bool AlwaysStored(AttributeModel attribute) => !attribute.IsNullable && attribute.Kind != ValueKind.Set;

        /// <summary>The method that stores an attribute's value.</summary>
        private static string ValueMethod(AttributeModel attribute) => attribute.PropertyName + "Value";

        /// <summary>Initializer entries (<c>["name"] = NameValue(x.Name),</c>) for the attributes that are always stored.</summary>
        private static void WriteStoredEntries(SourceWriter w, EquatableArray<AttributeModel> attributes, string variable, System.Func<AttributeModel, string> valueMethod)
        {
            foreach (var attribute in attributes.Where(AlwaysStored))
            {
                w.Line($"[{Literals.String(attribute.Name)}] = {ValueKinds.StoredValue(attribute, valueMethod(attribute), $"{variable}.{attribute.PropertyName}")},");
            }
        }

        /// <summary>
        /// Statements that store the other attributes in <paramref name="target"/> when they have a value: nulls
        /// and empty sets are left out (or a null is stored as NULL where the schema says so). Their locals are taken
        /// from <paramref name="names"/>, the method's scope.
        /// </summary>
        private static void WriteOptionalStores(SourceWriter w, EquatableArray<AttributeModel> attributes, string variable, string target, UniqueNames names, System.Func<AttributeModel, string> valueMethod)
        {
            foreach (var attribute in attributes.Where(a => !AlwaysStored(a)))
            {
                var name = Literals.String(attribute.Name);
                var given = names.Take(UniqueNames.Bare(Parsing.Names.ToParameterName(attribute.PropertyName)) + "Given");

                // DynamoDB stores no empty set: an empty set is written by leaving the attribute out.
                var pattern = attribute.Kind == ValueKind.Set ? "{ Count: > 0 }" : "{ }";
                w.Block($$"""

                    if ({{variable}}.{{attribute.PropertyName}} is {{pattern}} {{given}})
                    {
                        {{target}}[{{name}}] = {{ValueKinds.StoredValue(attribute, valueMethod(attribute), given)}};
                    }
                    """);
                if (attribute.WriteNull)
                {
                    w.Block($$"""
                        else
                        {
                            {{target}}[{{name}}] = new() { NULL = true };
                        }
                        """);
                }
            }
        }

        /// <summary>The expression that reads an attribute with <c>reader</c>, applying its default or requiring it.</summary>
        private static string ReadExpression(AttributeModel attribute)
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

        /// <summary>Every attribute name the item stores: the keys, key parts stored on their own, attributes, computed index keys, the type.</summary>
        private static IEnumerable<string> StoredNames(TableModel table)
            => table.Keys.Select(k => k.AttributeName)
                .Concat(table.KeyParts.Where(p => p.StoredAttribute is not null).Select(p => p.StoredAttribute!))
                .Concat(table.Attributes.Select(a => a.Name))
                .Concat(table.ComputedIndexKeys.Select(k => k.AttributeName))
                .Concat(table.TypeAttribute is null ? Enumerable.Empty<string>() : new[] { table.TypeAttribute });

        private static void WriteToItem(SourceWriter w, TableModel table, string entity)
        {
            var variable = EntityVariable(table);
            var names = new UniqueNames(variable);
            var key = names.Take("key");
            var item = names.Take("item");
            var extra = table.KeepsExtraAttributes ? $" + ({variable}.ExtraAttributes?.Count ?? 0)" : string.Empty;
            w.Block($$"""

                /// <summary>The item to store: validated and normalised{{(table.KeepsExtraAttributes ? ", with extra attributes kept" : string.Empty)}}.</summary>
                /// <exception cref="{{Runtime}}DynamoValidationException">A required value is missing or a value is invalid.</exception>
                public static {{AttributeMap}} ToItem({{table.TypeName}} {{variable}})
                {
                    global::System.ArgumentNullException.ThrowIfNull({{variable}});
                    var {{key}} = {{Internal}}InputValidation.NotNull({{variable}}.Key, {{entity}}, "Key");
                    var {{item}} = new {{AttributeMap}}({{StoredNames(table).Count()}}{{extra}})
                """);
            w.Indent().Open();
            foreach (var tableKey in table.Keys)
            {
                w.Line($"[{Literals.String(tableKey.AttributeName)}] = {KeyValues.KeyAttribute(table, tableKey, key + ".")},");
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null))
            {
                var stored = part.IsDate
                    ? $"{KeyValues.DateCodec(table, part.PropertyName)}.Write({key}.{part.PropertyName})"
                    : ValueKinds.NewValue(part.Type, $"{key}.{part.PropertyName}");
                w.Line($"[{Literals.String(part.StoredAttribute!)}] = {stored},");
            }

            WriteStoredEntries(w, table.Attributes, variable, ValueMethod);
            if (table.TypeAttribute is not null)
            {
                w.Line($"[{Literals.String(table.TypeAttribute)}] = {ValueKinds.NewValue(ValueKind.String, Literals.String(table.TypeName))},");
            }

            w.Close(";");
            WriteOptionalStores(w, table.Attributes, variable, item, names, ValueMethod);
            WriteIndexKeys(w, table, key, item, names);
            w.Line();
            if (table.KeepsExtraAttributes)
            {
                w.Line($"{Internal}ExtraAttributes.CopyTo({variable}.ExtraAttributes, {item}, DeclaredAttributes);");
            }

            w.Line($"return {item};").Outdent().Line("}");
        }

        /// <summary>
        /// Statements that compute each templated index key from the item's stored values (so a phone part is the
        /// normalised one); a key with a missing part is left out, which makes its index sparse. The stored text of each
        /// part is read once, however many keys are built from it (<c>A#{owner}</c> and <c>B#{owner}</c>).
        /// </summary>
        private static void WriteIndexKeys(SourceWriter w, TableModel table, string key, string item, UniqueNames names)
        {
            // Null while the attribute is absent or NULL, which leaves the keys built from it out.
            var texts = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var part in table.ComputedIndexKeys.SelectMany(k => k.Parts).Where(p => !p.OnKey).GroupBy(p => p.Name).Select(same => same.First()))
            {
                if (texts.Count == 0)
                {
                    w.Line();
                }

                texts.Add(part.Name, names.Take(UniqueNames.Bare(Parsing.Names.ToParameterName(part.PropertyName)) + "Text"));
                w.Line($"{Internal}IndexKeys.TryText({item}, {Literals.String(part.Name)}, out var {texts[part.Name]});");
            }

            foreach (var indexKey in table.ComputedIndexKeys)
            {
                // Parts held by the key are always there; the others must be stored for the key to exist.
                var conditions = indexKey.Parts.Where(p => !p.OnKey).Select(p => $"{texts[p.Name]} is not null").ToList();
                var value = KeyValues.ComputedIndexKey(indexKey, p => !p.OnKey ? texts[p.Name]
                    : p.Type.Kind.IsDate() ? $"{KeyValues.DateCodec(table, p.PropertyName)}.Format({key}.{p.PropertyName})"
                    : KeyValues.PartText(p.Type.Kind, p.Width, $"{key}.{p.PropertyName}"));
                var store = $"{item}[{Literals.String(indexKey.AttributeName)}] = {value};";
                w.Line();
                if (conditions.Count > 0)
                {
                    w.Open($"if ({string.Join(" && ", conditions)})").Line(store).Close();
                }
                else
                {
                    w.Line(store);
                }
            }
        }

        private static void WriteFromItem(SourceWriter w, TableModel table, string entity)
        {
            // Index queries of a projection other than ALL return keys: FromItem and KeyFromItem share ReadKey.
            var keyFromItem = table.Indexes.Any(i => !i.ReturnsEntities);
            if (keyFromItem)
            {
                w.Block($$"""

                    /// <summary>Reads the key of a stored item (or of an index entry that projects only keys).</summary>
                    /// <exception cref="{{Runtime}}DynamoMappingException">A key attribute is missing, has another type, or does not fit its template.</exception>
                    public static {{table.KeyTypeName}} KeyFromItem({{StoredItem}} item)
                    {
                        var reader = new {{Internal}}ItemReader(item, {{entity}});
                        return ReadKey(ref reader);
                    }
                    """);
            }

            w.Block($$"""

                /// <summary>Reads a stored item as a <see cref="{{table.TypeName}}"/>.</summary>
                /// <exception cref="{{Runtime}}DynamoMappingException">A required attribute is missing, has another type, or the key does not fit its template.</exception>
                public static {{table.TypeName}} FromItem({{StoredItem}} item)
                {
                    var reader = new {{Internal}}ItemReader(item, {{entity}});
                """);
            w.Indent();
            if (table.TypeAttribute is not null)
            {
                // Items of the other entity types in the table never read as this one (checked before the key,
                // whose template the other type's key would not fit).
                var typeName = Literals.String(table.TypeAttribute);
                w.Block($$"""
                    if (reader.String({{typeName}}) is { } storedType && storedType != {{entity}})
                    {
                        throw reader.OtherType({{typeName}}, storedType);
                    }

                    """);
            }

            if (keyFromItem)
            {
                w.Line("var key = ReadKey(ref reader);");
            }
            else
            {
                WriteKeyRead(w, table, new UniqueNames("item", "reader", "storedType", "key"), "var key =");
            }

            // One reader reads every attribute once, so it knows without a walk whether the item holds others.
            w.Block($$"""
                reader.SetKey(key);
                return new {{table.TypeName}}
                {
                    Key = key,
                """);
            w.Indent();
            foreach (var attribute in table.Attributes)
            {
                w.Line($"{attribute.PropertyName} = {ReadExpression(attribute)},");
            }

            if (table.KeepsExtraAttributes)
            {
                w.Line("ExtraAttributes = reader.Extras(DeclaredAttributes),");
            }

            w.Outdent().Line("};").Outdent().Line("}");
            if (keyFromItem)
            {
                w.Block($$"""

                    /// <summary>Reads and parses the key attributes through <paramref name="reader"/>, which counts them as read.</summary>
                    private static {{table.KeyTypeName}} ReadKey(ref {{Internal}}ItemReader reader)
                    """);
                w.Open();
                WriteKeyRead(w, table, new UniqueNames("reader"), "return");
                w.Close();
            }
        }

        /// <summary>
        /// Statements that read the key attributes with <c>reader</c> and parse them into the key, which
        /// <paramref name="result"/> (<c>var key =</c> or <c>return</c>) takes; their locals are taken from <paramref name="names"/>.
        /// </summary>
        private static void WriteKeyRead(SourceWriter w, TableModel table, UniqueNames names, string result)
        {
            var reads = table.Keys.Select(k => (Local: names.Take(Parsing.Names.ToParameterName(k.PropertyName)), Name: Literals.String(k.AttributeName), Kind: k.StoredKind)).ToList();
            var parsed = names.Take("parsed");
            foreach (var (local, name, kind) in reads)
            {
                w.Line($"var {local} = {ValueKinds.KeyRead(kind, name)} ?? throw reader.Missing({name}, {Literals.String(ValueKinds.StoredDescription(kind))});");
            }

            var keyNames = Literals.String(string.Join(", ", table.Keys.Select(k => k.AttributeName)));
            var templates = Literals.String(string.Join(", ", table.Keys.Select(k => k.AttributeName + " = " + k.Template)));
            var parse = $"global::{table.Namespace}.{table.KeyTypeName}.TryParse({string.Join(", ", reads.Select(r => r.Local))}, out var {parsed})";
            var invalid = $"throw reader.InvalidKey({keyNames}, {templates})";
            var line = $"{result} {parse} ? {parsed} : {invalid};";
            w.Block(FitsOnOneLine(line) ? line : $$"""
                {{result}} {{parse}}
                    ? {{parsed}}
                    : {{invalid}};
                """);
        }

        /// <summary>The value methods of the attributes that have one (<see cref="ValueKinds.HasValueMethod"/>).</summary>
        private static void WriteAttributeValues(SourceWriter w, EquatableArray<AttributeModel> attributes, string entity, string? ns, System.Func<AttributeModel, string> method, System.Func<AttributeModel, bool> keyText)
        {
            foreach (var attribute in attributes.Where(ValueKinds.HasValueMethod))
            {
                WriteAttributeValue(w, attribute, entity, ns, method(attribute), keyText(attribute));
            }
        }

        /// <summary>
        /// The method that turns one attribute's value into its stored form, validated the way the schema says;
        /// used by <c>ToItem</c>, by conditions and by updates, so all three store a value the same way.
        /// </summary>
        /// <param name="w">Where to write.</param>
        /// <param name="attribute">The attribute.</param>
        /// <param name="entity">The entity's name as a C# literal, for errors.</param>
        /// <param name="ns">Where declared types must be qualified, their namespace; otherwise null.</param>
        /// <param name="method">The method's name.</param>
        /// <param name="keyText">Whether the text goes into an index key, which refuses control characters as key parts do.</param>
        private static void WriteAttributeValue(SourceWriter w, AttributeModel attribute, string entity, string? ns, string method, bool keyText)
        {
            var name = Literals.String(attribute.Name);
            var nullable = ValueKinds.IsValueType(attribute.Kind) ? string.Empty : "?";
            w.Block($$"""

                internal static {{AttributeValue}} {{method}}({{ValueKinds.CSharpType(attribute.Type, ns)}}{{nullable}} value)
                """);
            if (!attribute.Type.IsPlainScalar)
            {
                w.Indent().Line($"=> {Internal}AttributeCodecs.Write({attribute.PropertyName}Codec, value{(nullable.Length > 0 ? "!" : string.Empty)}, {entity}, {name});").Outdent();
                return;
            }

            if (attribute.Kind != ValueKind.String)
            {
                w.Indent().Line($"=> {ValueKinds.NewValue(attribute.Kind, ValueKinds.Checked(attribute, "value", entity, inRange: true))};").Outdent();
                return;
            }

            var text = attribute.Sensitivity.IsPhone()
                ? $"{Internal}InputValidation.{Phones.Normalize(attribute.Sensitivity)}(value, {entity}, {name})"
                : Normalized($"{Internal}InputValidation.NotNull(value, {entity}, {name})", attribute.Normalize, nullable: false);
            // Each check returns the text it checked.
            var checks = new List<System.Func<string, string>>();
            if (keyText && !attribute.Sensitivity.IsPhone())
            {
                checks.Add(t => $"{Internal}InputValidation.KeyText({t}, {entity}, {name})");
            }

            if (attribute.Rules.HasLength)
            {
                checks.Add(t => $"{Internal}InputValidation.Length({t}, {Number(attribute.Rules.MinLength)}, {Number(attribute.Rules.MaxLength)}, {entity}, {name})");
            }

            if (attribute.Pattern is not null)
            {
                checks.Add(t => $"{Internal}InputValidation.Matches({t}, {attribute.PropertyName}Pattern, {entity}, {name})");
            }

            if (checks.Count <= 1)
            {
                w.Indent().Line($"=> {ValueKinds.NewValue(ValueKind.String, checks.Count == 0 ? text : checks[0](text))};").Outdent();
                return;
            }

            w.Open().Line($"var text = {text};");
            foreach (var check in checks)
            {
                w.Line(check("text") + ";");
            }

            w.Line($"return {ValueKinds.NewValue(ValueKind.String, "text")};").Close();
        }

        private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    }
}

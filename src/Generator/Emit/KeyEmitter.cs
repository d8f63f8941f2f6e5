using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the key type: typed parts, validation and normalisation in <c>Create</c>, parsing of stored
    /// key attributes in <c>TryParse</c>, the request key map, and a masking <c>ToString()</c>.
    /// </summary>
    internal static class KeyEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";

        public static void Write(SourceWriter w, TableModel table)
        {
            var names = KeyNames.Of(table);
            var keys = table.Keys.ToList();
            w.Line("/// <summary>");
            w.Line($"/// The key of a <see cref=\"{table.TypeName}\"/>: {string.Join(", ", keys.Select(Describe))}.");
            w.Line("/// Build one with <see cref=\"Create\"/>; read one back from stored attributes with <see cref=\"TryParse\"/>.");
            w.Line("/// </summary>");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial record {table.KeyTypeName} : {Runtime}IDynamoKey");

            ValueKinds.WritePatternFields(w, table.KeyParts.Where(p => p.Pattern is not null).Select(p => (names.Pattern(p), p.Pattern!)));

            foreach (var part in table.KeyParts.Where(p => p.IsDate))
            {
                // The codec a date attribute of this format has: the key's text and the stored attribute agree.
                w.Summary($"Writes and reads the <c>{Xml.Escape(part.Name)}</c> part in the key, as a date attribute of its format does.");
                w.Line($"internal static readonly global::Bookings.Generated.Runtime.ScalarCodec<{ValueKinds.CSharpType(part.Type)}> {names.Codec(part)} =");
                w.Indent().Line($"{ValueKinds.Codec(part.TypeModel, table.Namespace)};").Outdent();
                w.Line();
            }

            WriteConstructor(w, table, names);
            WriteProperties(w, table);
            WriteCreate(w, table, names);
            WriteTryParse(w, table, names);
            WriteToAttributeMap(w, table, names);
            WriteToString(w, table);
            if (table.SortKey is not null || table.GroupName is not null)
            {
                // Partition queries take it: a table's with a sort key, and a shared table's even without one.
                WriteKeyValue(w, table, names, table.PartitionKey, "PartitionKeyValue");
            }

            if (table.SortKey is not null)
            {
                WriteKeyValue(w, table, names, table.SortKey, "SortKeyValue");
                var sortParts = table.SortKey.Parts;
                if (!table.SortKey.IsSinglePart)
                {
                    for (var count = 0; count < sortParts.Count; count++)
                    {
                        WriteSortKeyPrefix(w, table, names, table.SortKey, count, byDay: false);
                    }
                }

                // A date-time also selects by day, whether it is a part of a template or the sort key itself.
                for (var count = 1; count <= sortParts.Count; count++)
                {
                    if (sortParts[count - 1].DayLength is not null)
                    {
                        WriteSortKeyPrefix(w, table, names, table.SortKey, count, byDay: true);
                    }
                }
            }

            if (table.KeyParts.Any(p => p.Type == ValueKind.Binary))
            {
                WriteEquality(w, table, names);
            }

            WriteTryCreate(w, table, names);
            foreach (var key in table.ComposedKeys)
            {
                WriteSplit(w, table, names, key);
            }

            w.Close();
        }

        /// <summary>The text of a part inside a composed key: a date through its codec, a number in invariant form.</summary>
        private static string PartText(KeyNames names, KeyPartModel part, string expression)
            => part.IsDate ? $"{names.Codec(part)}.Format({expression})" : ValueKinds.ToKeyText(part.Type, expression);

        /// <summary>The key type's codec of the date part with C# name <paramref name="propertyName"/>, for code outside the key type (the marshaller, index queries).</summary>
        public static string DateCodec(TableModel table, string propertyName)
            => $"global::{table.Namespace}.{table.KeyTypeName}.{KeyNames.Of(table).Codec(table.KeyParts.First(p => p.PropertyName == propertyName))}";

        /// <summary>The parameter through which a prefix builder takes the day of a date-time part.</summary>
        public static string DayParameter(KeyPartModel part) => part.ParameterName.TrimStart('@') + "Day";

        /// <summary>The parameter through which TryParse receives a stored key attribute.</summary>
        private static string KeyParameter(TableModel table, KeyNames names, KeyModel key)
            => key.IsSinglePart ? names.Parameter(key.Parts[0]) : names.KeyParameter(key);

        private static KeyPartModel PartNamed(KeyModel key, string name) => key.Parts.First(p => p.Name == name);

        private static string Describe(KeyModel key)
            => key.IsSinglePart && key.Segments[0].Text == key.AttributeName
                ? $"<c>{Xml.Escape(key.AttributeName)}</c>"
                : $"<c>{Xml.Escape(key.AttributeName)}</c> = <c>{Xml.Escape(key.Template)}</c>";

        /// <summary>A description as a sentence to append to a summary, or nothing.</summary>
        public static string Describe(string? description) => description is null ? string.Empty : " " + Xml.Escape(description);

        
        /// <summary>
        /// The expression of a computed index key's stored value: its literals and the text of each part, as
        /// <paramref name="partText"/> gives it; written the same way on put, on update and in queries.
        /// </summary>
        public static string ComputedIndexKey(IndexKeyModel key, System.Func<IndexPartModel, string> partText)
        {
            var pieces = key.Segments.Select(s => s.IsPart ? partText(key.Parts.First(p => p.Name == s.Text)) : Literals.String(s.Text)).ToList();
            return $"{Runtime}IndexKeys.Value({(pieces.Count == 1 ? pieces[0] : $"string.Concat({string.Join(", ", pieces)})")})";
        }

        private static void WriteConstructor(SourceWriter w, TableModel table, KeyNames names)
        {
            var parameters = string.Join(", ", table.KeyParts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {names.Parameter(p)}")
                .Concat(table.ComposedKeys.Select(k => $"string? {StoredParameter(names, k)}")));
            if (table.ComposedKeys.Any())
            {
                // TryParse accepts only parts that write back exactly as stored, so the stored text is the composed
                // one; keeping it saves composing a string on every read.
                w.Line("// A key read back from storage keeps its stored key text, which equals the composed one.");
            }

            w.Open($"private {table.KeyTypeName}({parameters})");
            foreach (var part in table.KeyParts)
            {
                w.Line($"{part.PropertyName} = {names.Parameter(part)};");
            }

            foreach (var key in table.ComposedKeys)
            {
                w.Line($"{key.PropertyName} = {StoredParameter(names, key)} ?? {Compose(table, names, key)};");
            }

            w.Close();
        }

        /// <summary>The parameter through which the constructor and <c>TryCreate</c> take a composed key's stored text, or null.</summary>
        private static string StoredParameter(KeyNames names, KeyModel key) => names.Local("stored" + key.PropertyName);

        /// <summary>The <c>TryCreate</c> arguments for the stored texts of the composed keys: null from Create, the stored attributes from TryParse.</summary>
        private static IEnumerable<string> StoredArguments(TableModel table, KeyNames names, bool fromStorage)
            => table.ComposedKeys.Select(k => $"{StoredParameter(names, k)}: {(fromStorage ? KeyParameter(table, names, k) : "null")}");

        private static string Compose(TableModel table, KeyNames names, KeyModel key)
        {
            var pieces = key.Segments
                .Select(s => s.IsPart ? PartText(names, PartNamed(key, s.Text), names.Parameter(PartNamed(key, s.Text))) : Literals.String(s.Text))
                .ToList();
            if (pieces.Count == 1)
            {
                return pieces[0];
            }

            if (pieces.Count <= 4)
            {
                return $"string.Concat({string.Join(", ", pieces)})";
            }

            return $"string.Join(string.Empty, {string.Join(", ", pieces)})";
        }

        private static void WriteProperties(SourceWriter w, TableModel table)
        {
            foreach (var part in table.KeyParts)
            {
                w.Line();
                var normalised = part.Sensitivity == Sensitivity.Phone ? ": normalised to 010-XXXX-XXXX by Create, kept as stored by TryParse" : string.Empty;
                var copied = part.Type == ValueKind.Binary ? " The key's own copy of the bytes: do not change them."
                    : part.IsDate ? " As the key's text reads back: in its stored offset, to its format's precision." : string.Empty;
                w.Summary($"The <c>{Xml.Escape(part.Name)}</c> part{normalised}.{copied}{Describe(part.Description)}");
                w.Line($"public {ValueKinds.CSharpType(part.Type)} {part.PropertyName} {{ get; }}");
            }

            foreach (var key in table.ComposedKeys)
            {
                w.Line();
                w.Summary($"The stored <c>{Xml.Escape(key.AttributeName)}</c> value: <c>{Xml.Escape(key.Template)}</c>.{Describe(key.Description)}");
                w.Line($"public string {key.PropertyName} {{ get; }}");
            }
        }

        private static void WriteCreate(SourceWriter w, TableModel table, KeyNames names)
        {
            var parameters = string.Join(", ", table.KeyParts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {names.Parameter(p)}"));
            var created = names.Local("createdKey");
            var error = names.Local("validationError");
            var arguments = table.KeyParts.Select(names.Parameter)
                .Concat(table.KeyParts.Any(p => p.Sensitivity == Sensitivity.Phone) ? new[] { $"{names.Local("keepStoredSpelling")}: false" } : Enumerable.Empty<string>())
                .Concat(StoredArguments(table, names, fromStorage: false))
                .Concat(new[] { $"out var {created}", $"out var {error}" });
            w.Line();
            w.Summary("Builds a key from its parts, validating and normalising them before any request is sent.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A part is missing or invalid; the message names it, never its value.</exception>");
            w.Line($"public static {table.KeyTypeName} Create({parameters})");
            w.Indent().Line($"=> {names.TryCreate}({string.Join(", ", arguments)}) ? {created} : throw {error};").Outdent();
        }

        private static void WriteTryParse(SourceWriter w, TableModel table, KeyNames names)
        {
            var keys = table.Keys.ToList();
            var parameters = string.Join(", ", keys.Select(k => $"{ValueKinds.CSharpType(k.StoredKind)}{(k.Storage != KeyStorage.Number ? "?" : string.Empty)} {KeyParameter(table, names, k)}"));
            var result = names.Local("result");
            w.Line();
            w.Summary("Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.");
            w.Open($"public static bool TryParse({parameters}, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {table.KeyTypeName}? {result})");
            w.Line($"{result} = null;");
            var nullable = keys.Where(k => k.Storage != KeyStorage.Number).Select(k => $"{KeyParameter(table, names, k)} is null").ToList();
            if (nullable.Count > 0)
            {
                w.Open($"if ({string.Join(" || ", nullable)})");
                w.Line("return false;");
                w.Close();
                w.Line();
            }

            var arguments = new Dictionary<string, string>();
            foreach (var key in keys)
            {
                if (key.IsSinglePart)
                {
                    var part = key.Parts[0];
                    if (part.IsDate)
                    {
                        // A plain date key is the text its format writes, read as a template's date part is.
                        arguments[part.Name] = WriteDateParse(w, names, part, names.Parameter(part));
                        continue;
                    }

                    arguments[part.Name] = names.Parameter(part);
                    continue;
                }

                var parts = key.Parts.ToList();
                var outs = string.Concat(parts.Select(p => $", out var {names.Local(p, "Text")}"));
                w.Open($"if (!{names.Split(key)}({KeyParameter(table, names, key)}{outs}))");
                w.Line("return false;");
                w.Close();
                w.Line();
                foreach (var part in parts)
                {
                    var text = names.Local(part, "Text");
                    if (part.Type == ValueKind.String)
                    {
                        arguments[part.Name] = text;
                        continue;
                    }

                    if (part.IsDate)
                    {
                        arguments[part.Name] = WriteDateParse(w, names, part, text);
                        continue;
                    }

                    var type = ValueKinds.CSharpType(part.Type);
                    var styles = part.Type == ValueKind.Decimal ? "Number" : "AllowLeadingSign";
                    var value = names.Local(part, "Value");
                    // Only the canonical spelling is accepted, so a parsed key writes back exactly as stored.
                    w.Line($"if (!{type}.TryParse({text}, global::System.Globalization.NumberStyles.{styles}, global::System.Globalization.CultureInfo.InvariantCulture, out var {value})");
                    w.Indent().Line($"|| {value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) != {text})").Outdent();
                    w.Open();
                    w.Line("return false;");
                    w.Close();
                    w.Line();
                    arguments[part.Name] = value;
                }
            }

            var args = table.KeyParts.Select(p => arguments[p.Name])
                .Concat(table.KeyParts.Any(p => p.Sensitivity == Sensitivity.Phone) ? new[] { $"{names.Local("keepStoredSpelling")}: true" } : Enumerable.Empty<string>())
                .Concat(StoredArguments(table, names, fromStorage: true))
                .Concat(new[] { $"out {result}", $"out {names.Discard}" });
            w.Line($"return {names.TryCreate}({string.Join(", ", args)});");
            w.Close();
        }

        /// <summary>
        /// Parses a date part's text into a local, returned; only the text the codec itself writes, so a parsed key
        /// writes back exactly as stored.
        /// </summary>
        private static string WriteDateParse(SourceWriter w, KeyNames names, KeyPartModel part, string text)
        {
            var value = names.Local(part, "Value");
            w.Open($"if (!{Runtime}KeyDates.TryParse({names.Codec(part)}, {text}, out var {value}))");
            w.Line("return false;");
            w.Close();
            w.Line();
            return value;
        }

        private static void WriteToAttributeMap(SourceWriter w, TableModel table, KeyNames names)
        {
            var keys = table.Keys.ToList();
            w.Line();
            w.Summary("The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.");
            w.Line("public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()");
            w.Indent().Line($"=> new({keys.Count})").Outdent();
            w.Indent().Open();
            foreach (var key in keys)
            {
                w.Line($"[{Literals.String(key.AttributeName)}] = {KeyAttributeValue(table, key, string.Empty, names)},");
            }

            w.Close(";").Outdent();
        }

        /// <summary>
        /// The AttributeValue expression for a stored key attribute, read from a key through <paramref name="prefix"/>;
        /// inside the key type (no prefix) with its <paramref name="names"/>.
        /// </summary>
        public static string KeyAttributeValue(TableModel table, KeyModel key, string prefix, KeyNames? names = null)
        {
            if (key.IsSinglePart)
            {
                var part = key.Parts[0];
                return PlainKeyValue(table, part, prefix + part.PropertyName, names);
            }

            return ValueKinds.ToAttributeValue(ValueKind.String, prefix + key.PropertyName);
        }

        /// <summary>
        /// The AttributeValue of a plain key's value: a date as the text its codec writes (S), as a template's date part;
        /// the codec by its own name inside the key type (<paramref name="names"/> given), qualified outside it.
        /// </summary>
        private static string PlainKeyValue(TableModel table, KeyPartModel part, string expression, KeyNames? names)
            => !part.IsDate ? ValueKinds.ToAttributeValue(part.Type, expression)
                : $"{(names is not null ? names.Codec(part) : DateCodec(table, part.PropertyName))}.Write({expression})";

        private static void WriteToString(SourceWriter w, TableModel table)
        {
            var members = table.KeyParts.Select(p => $"{p.PropertyName} = {{{EntityEmitter.Printed(p.PropertyName, p.Type, p.Sensitivity)}}}");
            w.Line();
            w.Summary("Prints the key parts with personal parts masked and secret parts left out.");
            w.Line("public override string ToString()");
            w.Indent().Line("=> string.Create(").Indent();
            w.Line("global::System.Globalization.CultureInfo.InvariantCulture,");
            w.Line($"$\"{table.KeyTypeName} {{{{ {string.Join(", ", members)} }}}}\");");
            w.Outdent().Outdent();
        }

        /// <summary>
        /// Equality by value for keys with bytes: a record would compare arrays by reference, so two keys read from
        /// the same item would differ. The composed key texts follow from the parts, so the parts decide.
        /// </summary>
        private static void WriteEquality(SourceWriter w, TableModel table, KeyNames names)
        {
            var other = names.Local("other");
            var hash = names.Local("hash");
            string Same(KeyPartModel p) => p.Type == ValueKind.Binary
                ? $"global::System.MemoryExtensions.SequenceEqual<byte>({p.PropertyName}, {other}.{p.PropertyName})"
                : $"{p.PropertyName} == {other}.{p.PropertyName}";
            w.Line();
            w.Summary("Whether the other key has the same parts; bytes compare by content.");
            w.Line($"public bool Equals({table.KeyTypeName}? {other})");
            w.Indent().Line($"=> {other} is not null && (ReferenceEquals(this, {other}) || ({string.Join(" && ", table.KeyParts.Select(Same))}));").Outdent();
            w.Line();
            w.Summary("A hash of the parts, bytes by content, consistent with <see cref=\"Equals(" + table.KeyTypeName + "?)\"/>.");
            w.Open("public override int GetHashCode()");
            w.Line($"var {hash} = new global::System.HashCode();");
            foreach (var part in table.KeyParts)
            {
                w.Line(part.Type == ValueKind.Binary ? $"{hash}.AddBytes({part.PropertyName});" : $"{hash}.Add({part.PropertyName});");
            }

            w.Line($"return {hash}.ToHashCode();");
            w.Close();
        }

        private static void WriteTryCreate(SourceWriter w, TableModel table, KeyNames names)
        {
            var parameters = table.KeyParts.Select(p => $"{ValueKinds.CSharpType(p.Type)}{(IsReference(p) ? "?" : string.Empty)} {names.Parameter(p)}").ToList();
            var hasPhone = table.KeyParts.Any(p => p.Sensitivity == Sensitivity.Phone);
            var keepStored = names.Local("keepStoredSpelling");
            var created = names.Local("createdKey");
            var error = names.Local("validationError");
            w.Line();
            if (hasPhone)
            {
                w.Line("// A key read back from storage keeps the phone spelling it was stored with, so it addresses the");
                w.Line("// same item; a key built by Create normalises it.");
            }

            w.Line($"private static bool {names.TryCreate}(");
            w.Indent();
            if (parameters.Count > 0)
            {
                w.Line($"{string.Join(", ", parameters)},");
            }

            if (hasPhone)
            {
                w.Line($"bool {keepStored},");
            }

            foreach (var key in table.ComposedKeys)
            {
                w.Line($"string? {StoredParameter(names, key)},");
            }

            w.Line($"[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {table.KeyTypeName}? {created},");
            w.Line($"[global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out {Runtime}DynamoValidationException? {error})");
            w.Outdent();
            w.Open();
            w.Line($"{created} = null;");
            if (table.KeyParts.Any(IsChecked))
            {
                w.Line($"string {names.Local("problem")};");
            }

            var values = WritePartChecks(w, table, names, table.KeyParts, throwOnFailure: false);
            var arguments = table.KeyParts.Select((part, i) => part.Sensitivity == Sensitivity.Phone && part.Type == ValueKind.String
                ? $"{keepStored} ? {names.Parameter(part)} : {values[i]}"
                : values[i]).ToList();

            w.Line();
            w.Line($"{created} = new {table.KeyTypeName}({string.Join(", ", arguments.Concat(table.ComposedKeys.Select(k => StoredParameter(names, k))))});");
            w.Line($"{error} = null;");
            w.Line("return true;");
            w.Close();
        }

        /// <summary>A part checked before use: text or bytes (which may be null), or a date; numbers need no check.</summary>
        private static bool IsChecked(KeyPartModel part) => IsReference(part) || part.IsDate;

        /// <summary>A part that may be null when it reaches a check: text or bytes.</summary>
        private static bool IsReference(KeyPartModel part) => part.Type is ValueKind.String or ValueKind.Binary;

        private static void WriteCheck(SourceWriter w, TableModel table, KeyNames names, KeyPartModel part, string condition, bool throwOnFailure = false)
        {
            var error = $"new {Runtime}DynamoValidationException({Literals.String(table.TypeName)}, {Literals.String(part.Name)}, {names.Local("problem")})";
            w.Line();
            w.Open($"if (!{condition})");
            if (throwOnFailure)
            {
                w.Line($"throw {error};");
            }
            else
            {
                w.Line($"{names.Local("validationError")} = {error};");
                w.Line("return false;");
            }

            w.Close();
        }

        /// <summary>
        /// Writes <c>public static AttributeValue {name}(parts…)</c>: the stored value of one key attribute,
        /// validated and normalised like <c>Create</c>; queries use it for the partition and the sort key.
        /// </summary>
        private static void WriteKeyValue(SourceWriter w, TableModel table, KeyNames names, KeyModel key, string name)
        {
            var parts = key.Parts.ToList();
            w.Line();
            w.Summary($"The stored <c>{Xml.Escape(key.AttributeName)}</c> value for the given parts, validated and normalised like <see cref=\"Create\"/>.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A part is missing or invalid.</exception>");
            w.Open($"public static global::Amazon.DynamoDBv2.Model.AttributeValue {name}({Parameters(names, parts)})");
            if (WriteThrowingChecks(w, table, names, parts))
            {
                w.Line();
            }

            var value = key.IsSinglePart
                ? PlainKeyValue(table, parts[0], names.Parameter(parts[0]), names)
                : ValueKinds.ToAttributeValue(ValueKind.String, Compose(table, names, key));
            w.Line($"return {value};");
            w.Close();
        }

        /// <summary>
        /// Writes <c>public static string SortKeyPrefix(first parts…)</c>: the text every stored sort key with
        /// those left-most parts starts with, up to and including the literal after the last given part.
        /// </summary>
        /// <remarks>
        /// With <paramref name="byDay"/>, the last given part is a date-time taken as a day: the prefix ends inside
        /// that part, after the characters of its day, so it selects every instant of the day.
        /// </remarks>
        private static void WriteSortKeyPrefix(SourceWriter w, TableModel table, KeyNames names, KeyModel key, int count, bool byDay)
        {
            var parts = key.Parts.Take(count).ToList();
            var pieces = new List<string>();
            var seen = 0;
            foreach (var segment in key.Segments)
            {
                if (segment.IsPart)
                {
                    if (seen == count)
                    {
                        break;
                    }

                    var part = PartNamed(key, segment.Text);
                    seen++;
                    if (byDay && seen == count)
                    {
                        var offset = ValueKinds.Offset(part.Format!.OffsetMinutes);
                        var length = part.DayLength!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        pieces.Add($"{Runtime}KeyDates.DayPrefix({names.Codec(part)}, {names.Local(part, "Day")}, {offset}, {length})");
                        break;
                    }

                    pieces.Add(PartText(names, part, names.Parameter(part)));
                }
                else
                {
                    pieces.Add(Literals.String(segment.Text));
                }
            }

            var checkedParts = byDay ? parts.Take(count - 1).ToList() : parts;
            var parameters = Parameters(names, checkedParts);
            if (byDay)
            {
                parameters += (checkedParts.Count > 0 ? ", " : string.Empty) + $"global::System.DateOnly {names.Local(parts[count - 1], "Day")}";
            }

            w.Line();
            w.Summary(byDay && key.IsSinglePart
                ? $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries."
                : byDay
                ? $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> {(count == 1 ? string.Empty : "with these left-most parts and ")}with <c>{Xml.Escape(parts[count - 1].Name)}</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries."
                : $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> with {(count == 0 ? "any parts" : "these left-most parts")} starts with, for <c>begins_with</c> queries.");
            w.Line($"/// <exception cref=\"{Runtime}DynamoValidationException\">A part is missing or invalid.</exception>");
            w.Open($"public static string SortKeyPrefix({parameters})");
            if (WriteThrowingChecks(w, table, names, checkedParts))
            {
                w.Line();
            }

            w.Line($"return {(pieces.Count == 0 ? "string.Empty" : pieces.Count == 1 ? pieces[0] : $"string.Concat({string.Join(", ", pieces)})")};");
            w.Close();
        }

        private static string Parameters(KeyNames names, List<KeyPartModel> parts)
            => string.Join(", ", parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {names.Parameter(p)}"));

        /// <summary>The checks of a method that throws on an invalid part; true when it wrote any.</summary>
        private static bool WriteThrowingChecks(SourceWriter w, TableModel table, KeyNames names, List<KeyPartModel> parts)
        {
            if (!parts.Any(IsChecked))
            {
                return false;
            }

            w.Line($"string {names.Local("problem")};");
            WritePartChecks(w, table, names, parts, throwOnFailure: true);
            return true;
        }

        /// <summary>
        /// Writes the checks of the text parts: a phone is normalised first, then pattern and separator are checked.
        /// When throwing, a normalised phone replaces its parameter; otherwise it stays in <c>normalized…</c>.
        /// </summary>
        /// <returns>Per part, the expression holding its checked value.</returns>
        private static List<string> WritePartChecks(SourceWriter w, TableModel table, KeyNames names, IEnumerable<KeyPartModel> parts, bool throwOnFailure)
        {
            var values = new List<string>();
            var problem = names.Local("problem");
            foreach (var part in parts)
            {
                var parameter = names.Parameter(part);
                if (part.Type == ValueKind.Binary)
                {
                    WriteCheck(w, table, names, part, $"{Runtime}InputValidation.IsValidKeyBytes({parameter}, out {problem})", throwOnFailure);

                    // The key keeps its own copy, so a caller that reuses its buffer cannot change a key (or its hash).
                    values.Add(throwOnFailure ? parameter : $"global::System.MemoryExtensions.AsSpan({parameter}).ToArray()");
                    continue;
                }

                if (part.IsDate)
                {
                    // The codec refuses what a date attribute refuses (a local DateTime); the key holds what its text reads back as.
                    var normalised = names.Local("normalized" + part.PropertyName);
                    WriteCheck(w, table, names, part, $"{Runtime}KeyDates.IsValid({names.Codec(part)}, {parameter}, out {(throwOnFailure ? names.Discard : "var " + normalised)}, out {problem})", throwOnFailure);
                    values.Add(throwOnFailure ? parameter : normalised);
                    continue;
                }

                if (part.Type != ValueKind.String)
                {
                    values.Add(parameter);
                    continue;
                }

                var pattern = part.Pattern is null ? "null" : names.Pattern(part);
                var separator = part.ForbiddenText is null ? "null" : Literals.String(part.ForbiddenText);
                var value = parameter;
                if (part.Sensitivity == Sensitivity.Phone)
                {
                    var normalised = names.Local("normalized" + part.PropertyName);
                    WriteCheck(w, table, names, part, $"{Runtime}InputValidation.IsValidPhone({parameter}, out var {normalised}, out {problem})", throwOnFailure);
                    if (throwOnFailure)
                    {
                        w.Line();
                        w.Line($"{parameter} = {normalised};");
                    }
                    else
                    {
                        value = normalised;
                    }

                    values.Add(value);
                    if (part.Pattern is null && part.ForbiddenText is null)
                    {
                        continue;
                    }
                }
                else
                {
                    values.Add(value);
                }

                WriteCheck(w, table, names, part, $"{Runtime}InputValidation.IsValidKeyText({value}, {pattern}, {separator}, out {problem})", throwOnFailure);
            }

            return values;
        }

        private static void WriteSplit(SourceWriter w, TableModel table, KeyNames names, KeyModel key)
        {
            var parts = key.Parts.ToList();
            var storedKey = names.Local("storedKey");
            var cursor = names.Local("cursor");
            string Local(KeyPartModel part) => names.Parameter(part);
            var outs = string.Concat(parts.Select(p => $", out string {Local(p)}"));
            w.Line();
            w.Summary($"Splits a stored <c>{Xml.Escape(key.AttributeName)}</c> (<c>{Xml.Escape(key.Template)}</c>) into the text of its parts.");
            w.Open($"private static bool {names.Split(key)}(string {storedKey}{outs})");
            foreach (var part in parts)
            {
                w.Line($"{Local(part)} = string.Empty;");
            }

            w.Line($"var {cursor} = 0;");
            for (var i = 0; i < key.Segments.Count; i++)
            {
                var segment = key.Segments[i];
                if (!segment.IsPart)
                {
                    var literal = Literals.String(segment.Text);
                    w.Open($"if ({storedKey}.Length - {cursor} < {segment.Text.Length} || string.CompareOrdinal({storedKey}, {cursor}, {literal}, 0, {segment.Text.Length}) != 0)");
                    w.Line("return false;");
                    w.Close();
                    w.Line();
                    w.Line($"{cursor} += {segment.Text.Length};");
                    continue;
                }

                var part = PartNamed(key, segment.Text);
                if (i + 1 == key.Segments.Count)
                {
                    w.Line($"{Local(part)} = {storedKey}.Substring({cursor});");
                    w.Line("return true;");
                    w.Close();
                    return;
                }

                // The part may not contain the literal after it, so its first occurrence ends the part.
                var next = key.Segments[i + 1].Text;
                var end = names.Local(part, "End");
                w.Line(next.Length == 1
                    ? $"var {end} = {storedKey}.IndexOf({Literals.Char(next[0])}, {cursor});"
                    : $"var {end} = {storedKey}.IndexOf({Literals.String(next)}, {cursor}, global::System.StringComparison.Ordinal);");
                w.Open($"if ({end} < 0)");
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line($"{Local(part)} = {storedKey}.Substring({cursor}, {end} - {cursor});");
                w.Line($"{cursor} = {end} + {next.Length};");
                i++;
            }

            w.Line($"return {cursor} == {storedKey}.Length;");
            w.Close();
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the key type: typed parts, each checked by one private method (<c>ValidBizId</c>) that <c>Create</c> and
    /// the stored key values share, <c>TryParse</c> for stored keys, the request key map, and a masking <c>ToString()</c>.
    /// </summary>
    internal static class KeyEmitter
    {
        private const string ValidationException = Runtime + "DynamoValidationException";

        public static void Write(SourceWriter w, TableModel table, bool classify)
        {
            var names = KeyNames.Of(table);
            var keys = string.Join(", ", table.Keys.Select(k => k.IsSinglePart && k.Segments[0].Text == k.AttributeName
                ? $"<c>{Xml.Escape(k.AttributeName)}</c>"
                : $"<c>{Xml.Escape(k.AttributeName)}</c> = <c>{Xml.Escape(k.Template)}</c>"));
            w.Block($$"""
                /// <summary>The key of a <see cref="{{table.TypeName}}"/>: {{keys}}; built by <see cref="Create"/>, read back by <see cref="TryParse"/>.</summary>
                {{GeneratedCodeAttribute}}
                public sealed partial record {{table.KeyTypeName}} : {{Runtime}}IDynamoKey
                """);
            w.Open();
            ValueKinds.WritePatternFields(w, table.KeyParts.Where(p => p.Pattern is not null).Select(p => (names.Pattern(p), p.Pattern!)));
            var templates = table.ComposedKeys.Where(k => k.Parts.Count > 0).ToList();
            if (templates.Count > 0 && !table.KeyParts.Any(p => p.Pattern is not null))
            {
                w.Line();
            }

            foreach (var key in templates)
            {
                w.Line($"private static readonly {Internal}KeyTemplate {names.Template(key)} = new({Literals.String(key.Template)});");
            }

            foreach (var part in table.KeyParts.Where(p => p.IsDate))
            {
                // The codec a date attribute of this format has: the key's text and the stored attribute agree.
                w.Block($$"""

                    /// <summary>Writes and reads the <c>{{Xml.Escape(part.Name)}}</c> part in the key, as a date attribute of its format does.</summary>
                    internal static readonly {{Internal}}ScalarCodec<{{ValueKinds.CSharpType(part.Type)}}> {{names.Codec(part)}} =
                        {{ValueKinds.Codec(part.TypeModel, table.Namespace)}};
                    """);
            }

            WriteConstructor(w, table, names);
            WriteProperties(w, table, classify);
            WriteCreateAndParse(w, table, names);
            w.Block($$"""

                /// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
                public {{AttributeMap}} ToAttributeMap()
                    => new({{table.Keys.Count}}) { {{string.Join(", ", table.Keys.Select(k => $"[{Literals.String(k.AttributeName)}] = {KeyValues.KeyAttribute(table, k, string.Empty, names)}"))}} };
                """);
            w.Block(Printing.ToStringOverride(
                "Prints the key parts with personal parts masked and secret parts left out.",
                table.KeyTypeName,
                table.KeyParts.Select(p => $"{p.PropertyName} = {{{Printing.Printed(p.PropertyName, p.Type, p.Sensitivity)}}}")));
            if (table.HasSortKeyParts || table.Indexes.Any(i => !i.IsGlobal) || table.GroupName is not null)
            {
                // Partition queries take it: of the table or a local index, and a shared table's even without them.
                WriteKeyValue(w, table, names, table.PartitionKey, "PartitionKeyValue");
            }

            if (table.HasSortKeyParts && table.SortKey is { } sortKey)
            {
                // Sort-key conditions take the values and prefixes; a constant sort key has none.
                WriteKeyValue(w, table, names, sortKey, "SortKeyValue");
                for (var count = 0; count < sortKey.Parts.Count && !sortKey.IsSinglePart; count++)
                {
                    WriteSortKeyPrefix(w, names, sortKey, count, byDay: false);
                }

                // A date-time also selects by day, whether it is a part of a template or the sort key itself.
                for (var count = 1; count <= sortKey.Parts.Count; count++)
                {
                    if (sortKey.Parts[count - 1].DayLength is not null)
                    {
                        WriteSortKeyPrefix(w, names, sortKey, count, byDay: true);
                    }
                }
            }

            if (table.KeyParts.Any(p => p.Type == ValueKind.Binary))
            {
                WriteEquality(w, table, names);
            }

            WriteChecks(w, table, names);
            w.Close();
        }

        private static void WriteConstructor(SourceWriter w, TableModel table, KeyNames names)
        {
            var parameters = table.KeyParts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {names.Parameter(p)}")
                .Concat(table.ComposedKeys.Select(k => $"string? {names.KeyParameter(k)} = null"));
            // TryParse accepts only parts that write back exactly as stored, so the stored text is the composed one;
            // keeping it saves composing a string on every read (Create passes none, and the text is composed).
            w.Line();
            w.Open($"private {table.KeyTypeName}({string.Join(", ", parameters)})");
            foreach (var part in table.KeyParts)
            {
                w.Line($"{part.PropertyName} = {names.Parameter(part)};");
            }

            foreach (var key in table.ComposedKeys)
            {
                w.Line($"{key.PropertyName} = {names.KeyParameter(key)} ?? {Compose(names, key, names.Parameter)};");
            }

            w.Close();
        }

        private static void WriteProperties(SourceWriter w, TableModel table, bool classify)
        {
            foreach (var part in table.KeyParts)
            {
                var normalised = part.Sensitivity.IsPhone() ? $": normalised to {Phones.Form(part.Sensitivity)} by Create, kept as stored by TryParse"
                    : part.Normalize != TextNormalization.None ? $": {NormalizedDescription(part.Normalize)} by Create, kept as stored by TryParse"
                    : string.Empty;
                var copied = part.Type == ValueKind.Binary ? " The key's own copy of the bytes: do not change them."
                    : part.IsDate ? " As the key's text reads back: in its stored offset, to its format's precision." : string.Empty;
                w.Block($$"""

                    /// <summary>The <c>{{Xml.Escape(part.Name)}}</c> part{{normalised}}.{{copied}}{{Sentence(part.Description)}}</summary>
                    {{Classification.Attribute(classify, part.Sensitivity)}}public {{ValueKinds.CSharpType(part.Type)}} {{part.PropertyName}} { get; }
                    """);
            }

            foreach (var key in table.ComposedKeys)
            {
                w.Block($$"""

                    /// <summary>The stored <c>{{Xml.Escape(key.AttributeName)}}</c> value: <c>{{Xml.Escape(key.Template)}}</c>.{{Sentence(key.Description)}}</summary>
                    {{Classification.Attribute(classify, Classification.OfKey(key))}}public string {{key.PropertyName}} { get; }
                    """);
            }
        }

        /// <summary>
        /// <c>Create</c> checks each part through its check method; <c>TryParse</c> splits the stored keys, reads numbers and
        /// dates back only from the text they write, checks text and bytes without throwing, and keeps the stored texts.
        /// </summary>
        private static void WriteCreateAndParse(SourceWriter w, TableModel table, KeyNames names)
        {
            var throws = table.KeyParts.Any(KeyNames.IsChecked)
                ? $"\n/// <exception cref=\"{ValidationException}\">A part is missing or invalid; the message names it, never its value.</exception>"
                : string.Empty;
            w.Block($$"""

                /// <summary>Builds a key from its parts, validating and normalising them before any request is sent.</summary>{{throws}}
                public static {{table.KeyTypeName}} Create({{Parameters(names, table.KeyParts)}})
                    => new({{string.Join(", ", table.KeyParts.Select(p => Checked(names, p)))}});
                """);

            // What a stored key must meet, in order: its text fits the template, and each part reads back.
            var discard = names.Discard;
            var conditions = new List<string>();
            var values = new Dictionary<string, string>();
            foreach (var key in table.Keys)
            {
                var stored = names.KeyParameter(key);
                if (key.IsSinglePart)
                {
                    var part = key.Parts[0];
                    values[part.Name] = part.IsDate ? names.Local(part, "Value") : stored;
                    if (part.IsDate)
                    {
                        // Text that is parsed; a single part of another type is checked, null and all.
                        conditions.Add($"{stored} is not null");
                    }
                }
                else if (key.Parts.Count == 0)
                {
                    conditions.Add($"{stored} == {Literals.String(key.Template)}");
                }
                else
                {
                    foreach (var part in key.Parts)
                    {
                        values[part.Name] = names.Parameter(part);
                    }

                    var texts = key.Parts.Select(p => "var " + (p.Type == ValueKind.String ? names.Parameter(p) : names.Local(p, "Text")));
                    conditions.Add($"{names.Template(key)}.Split({stored}) is [{string.Join(", ", texts)}]");
                }

                foreach (var part in key.Parts)
                {
                    var text = key.IsSinglePart ? stored : names.Local(part, "Text");
                    var value = values[part.Name];
                    if (part.IsDate)
                    {
                        // Only the text the codec itself writes, so a parsed key writes back exactly as stored.
                        conditions.Add($"{Internal}KeyDates.TryParse({names.Codec(part)}, {text}, out var {value})");
                    }
                    else if (part.Width is { } width)
                    {
                        // Exactly the digits Create pads to, so a parsed key writes back exactly as stored.
                        conditions.Add($"{Internal}InputValidation.TryParseFixedWidth({text}, {Number(width)}, out {ValueKinds.CSharpType(part.Type)} {value})");
                    }
                    else if (part.Type.IsNumber() && !key.IsSinglePart)
                    {
                        // Only the canonical spelling, so a parsed key writes back exactly as stored.
                        var type = ValueKinds.CSharpType(part.Type);
                        var styles = part.Type == ValueKind.Decimal ? "Number" : "AllowLeadingSign";
                        conditions.Add($"{type}.TryParse({text}, global::System.Globalization.NumberStyles.{styles}, {Invariant}, out var {value})");
                        conditions.Add($"{value}.ToString({Invariant}) == {text}");
                    }
                    else if (part.Type == ValueKind.Binary)
                    {
                        conditions.Add($"{Internal}InputValidation.IsValidKeyBytes({value}, out {discard})");
                        values[part.Name] = $"(byte[]){value}.Clone()";
                    }
                    else if (part.Type == ValueKind.String)
                    {
                        // A stored phone keeps the spelling it was stored with, so the key addresses the same item.
                        var phone = part.Sensitivity.IsPhone();
                        var keyText = !phone || part.Pattern is not null || part.ForbiddenText is not null;
                        var normalized = phone ? names.Local(part, "Normalized") : value;
                        if (phone)
                        {
                            conditions.Add($"{Internal}InputValidation.{Phones.IsValid(part.Sensitivity)}({value}, out {(keyText ? "var " + normalized : discard)}, out {discard})");
                        }

                        if (keyText)
                        {
                            conditions.Add($"{Internal}InputValidation.IsValidKeyText({normalized}, {PatternOf(names, part)}, {SeparatorOf(part)}, out {discard})");
                        }
                    }
                }
            }

            var result = names.Local("result");
            var created = $"new({string.Join(", ", table.KeyParts.Select(p => values[p.Name]).Concat(table.ComposedKeys.Select(names.KeyParameter)))})";
            var storedParameters = table.Keys.Select(k => $"{ValueKinds.CSharpType(k.StoredKind)}{(k.Storage != KeyStorage.Number ? "?" : string.Empty)} {names.KeyParameter(k)}");
            var parsed = conditions.Count == 0 ? created
                : conditions.Count == 1 && FitsOnOneLine($"{result} = {conditions[0]} ? {created} : null;") ? $"{conditions[0]} ? {created} : null"
                : $"{string.Join("\n    && ", conditions)}\n    ? {created}\n    : null";
            var body = $"{result} = {parsed};\nreturn {(conditions.Count == 0 ? "true" : $"{result} is not null")};";
            w.Block($$"""

                /// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
                public static bool TryParse({{string.Join(", ", storedParameters)}}, {{NotNullWhenTrue}} out {{table.KeyTypeName}}? {{result}})
                {
                    {{Indented(body, 1)}}
                }
                """);
        }

        /// <summary>
        /// Writes <c>public static AttributeValue {name}(parts…)</c>: the stored value of one key attribute,
        /// validated and normalised like <c>Create</c>; queries use it for the partition and the sort key.
        /// </summary>
        private static void WriteKeyValue(SourceWriter w, TableModel table, KeyNames names, KeyModel key, string name)
        {
            string value;
            if (!key.IsSinglePart)
            {
                value = ValueKinds.NewValue(ValueKind.String, Compose(names, key, p => Checked(names, p)));
            }
            else
            {
                var part = key.Parts[0];
                value = part.IsDate ? $"{names.Codec(part)}.Write({Checked(names, part)})" : ValueKinds.NewValue(part.Type, Checked(names, part));
            }

            w.Block($$"""

                /// <summary>The stored <c>{{Xml.Escape(key.AttributeName)}}</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>{{Throws(key.Parts)}}
                public static {{AttributeValue}} {{name}}({{Parameters(names, key.Parts)}})
                    => {{value}};
                """);
        }

        /// <summary>
        /// Writes <c>public static string SortKeyPrefix(first parts…)</c>: the text every stored sort key with those
        /// left-most parts starts with, up to and including the literal after the last given part. With
        /// <paramref name="byDay"/>, the last given part is a date-time taken as a day: the prefix ends inside that part,
        /// after the characters of its day, so it selects every instant of the day.
        /// </summary>
        private static void WriteSortKeyPrefix(SourceWriter w, KeyNames names, KeyModel key, int count, bool byDay)
        {
            var given = key.Parts.Take(byDay ? count - 1 : count).ToList();
            var pieces = new List<string>();
            var seen = 0;
            foreach (var segment in key.Segments)
            {
                if (!segment.IsPart)
                {
                    pieces.Add(Literals.String(segment.Text));
                    continue;
                }

                if (seen == count)
                {
                    break;
                }

                var part = key.Parts[seen++];
                if (byDay && seen == count)
                {
                    var length = part.DayLength!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    pieces.Add($"{Internal}KeyDates.DayPrefix({names.Codec(part)}, {names.Local(part, "Day")}, {ValueKinds.Offset(part.Format!.OffsetMinutes)}, {length})");
                    break;
                }

                pieces.Add(PartText(names, part, Checked(names, part)));
            }

            var parameters = Parameters(names, given);
            string summary;
            if (byDay)
            {
                var day = key.Parts[count - 1];
                parameters += (given.Count > 0 ? ", " : string.Empty) + $"global::System.DateOnly {names.Local(day, "Day")}";
                summary = key.IsSinglePart
                    ? $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries."
                    : $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> {(count == 1 ? string.Empty : "with these left-most parts and ")}with <c>{Xml.Escape(day.Name)}</c> on the given day (in its stored offset) starts with, for <c>begins_with</c> queries.";
            }
            else
            {
                summary = $"The text every stored <c>{Xml.Escape(key.AttributeName)}</c> with {(count == 0 ? "any parts" : "these left-most parts")} starts with, for <c>begins_with</c> queries.";
            }

            var text = pieces.Count == 0 ? "string.Empty" : pieces.Count == 1 ? pieces[0] : $"string.Concat({string.Join(", ", pieces)})";
            w.Block($$"""

                /// <summary>{{summary}}</summary>{{Throws(given)}}
                public static string SortKeyPrefix({{parameters}})
                    => {{text}};
                """);
        }

        /// <summary>
        /// Equality by value for keys with bytes: a record would compare arrays by reference, so two keys read from
        /// the same item would differ. The composed key texts follow from the parts, so the parts decide.
        /// </summary>
        private static void WriteEquality(SourceWriter w, TableModel table, KeyNames names)
        {
            var other = names.Local("other");
            var hash = names.Local("hash");
            var same = string.Join(" && ", table.KeyParts.Select(p => p.Type == ValueKind.Binary
                ? $"global::System.MemoryExtensions.SequenceEqual<byte>({p.PropertyName}, {other}.{p.PropertyName})"
                : $"{p.PropertyName} == {other}.{p.PropertyName}"));
            w.Block($$"""

                /// <summary>Whether the other key has the same parts; bytes compare by content.</summary>
                public bool Equals({{table.KeyTypeName}}? {{other}})
                    => {{other}} is not null && (ReferenceEquals(this, {{other}}) || ({{same}}));

                /// <summary>A hash of the parts, bytes by content, consistent with <see cref="Equals({{table.KeyTypeName}}?)"/>.</summary>
                public override int GetHashCode()
                """);
            w.Open();
            w.Line($"var {hash} = new global::System.HashCode();");
            foreach (var part in table.KeyParts)
            {
                w.Line(part.Type == ValueKind.Binary ? $"{hash}.AddBytes({part.PropertyName});" : $"{hash}.Add({part.PropertyName});");
            }

            w.Line($"return {hash}.ToHashCode();");
            w.Close();
        }

        /// <summary>
        /// One method per checked part, the only place its rules are written for <c>Create</c> and the key values: the
        /// part as the key holds it (a phone normalised, a date as its text reads back, bytes copied), or a validation
        /// error that names the part, never its value.
        /// </summary>
        private static void WriteChecks(SourceWriter w, TableModel table, KeyNames names)
        {
            var problem = names.Local("problem");
            var normalized = names.Local("normalized");
            foreach (var part in table.KeyParts.Where(KeyNames.IsChecked))
            {
                var value = names.Parameter(part);
                var error = ValidationError(table.TypeName, part.Name, problem);
                var type = ValueKinds.CSharpType(part.Type);
                var nullable = part.IsDate || part.Width is not null ? string.Empty : "?";
                w.Line();
                w.Line($"private static {type} {names.Check(part)}({type}{nullable} {value})");

                // A check of one call: the part as the key holds it when the call accepts it. The key keeps its own copy of
                // bytes, so a caller that reuses its buffer cannot change a key (or its hash); a date codec refuses what a
                // date attribute refuses (a local DateTime), and the key holds what its text reads back as.
                (string Valid, string Held)? call =
                    part.Type == ValueKind.Binary ? ($"{Internal}InputValidation.IsValidKeyBytes({value}, out var {problem})", $"(byte[]){value}.Clone()")
                    : part.Width is { } width ? ($"{Internal}InputValidation.IsValidFixedWidth({value}, {Number(width)}, out var {problem})", value)
                    : part.IsDate ? ($"{Internal}KeyDates.IsValid({names.Codec(part)}, {value}, out var {normalized}, out var {problem})", normalized)
                    : part.Normalize != TextNormalization.None ? null
                    : !part.Sensitivity.IsPhone() ? ($"{Internal}InputValidation.IsValidKeyText({value}, {PatternOf(names, part)}, {SeparatorOf(part)}, out var {problem})", value)
                    : part.Pattern is null && part.ForbiddenText is null ? ($"{Internal}InputValidation.{Phones.IsValid(part.Sensitivity)}({value}, out var {normalized}, out var {problem})", normalized)
                    : null;
                if (call is (var valid, var held))
                {
                    w.Indent().Line($"=> {valid} ? {held} : throw {error};").Outdent();
                }
                else if (part.Normalize != TextNormalization.None)
                {
                    // Normalised first, so a value that differs only in case or spaces builds the same key.
                    w.Block($$"""
                        {
                            var {{normalized}} = {{Normalized(value, part.Normalize, nullable: true)}};
                            return {{Internal}}InputValidation.IsValidKeyText({{normalized}}, {{PatternOf(names, part)}}, {{SeparatorOf(part)}}, out var {{problem}}) ? {{normalized}} : throw {{error}};
                        }
                        """);
                }
                else
                {
                    w.Block($$"""
                        {
                            if (!{{Internal}}InputValidation.{{Phones.IsValid(part.Sensitivity)}}({{value}}, out var {{normalized}}, out var {{problem}})
                                || !{{Internal}}InputValidation.IsValidKeyText({{normalized}}, {{PatternOf(names, part)}}, {{SeparatorOf(part)}}, out {{problem}}))
                            {
                                throw {{error}};
                            }

                            return {{normalized}};
                        }
                        """);
                }
            }
        }

        /// <summary>The parameters of the given parts, typed.</summary>
        private static string Parameters(KeyNames names, IEnumerable<KeyPartModel> parts)
            => string.Join(", ", parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {names.Parameter(p)}"));

        /// <summary>The part's parameter through its check method; a number as it is.</summary>
        private static string Checked(KeyNames names, KeyPartModel part)
            => KeyNames.IsChecked(part) ? $"{names.Check(part)}({names.Parameter(part)})" : names.Parameter(part);

        /// <summary>The exception a method that takes <paramref name="parts"/> documents, when one of them is checked.</summary>
        private static string Throws(IEnumerable<KeyPartModel> parts)
            => parts.Any(KeyNames.IsChecked) ? $"\n/// <exception cref=\"{ValidationException}\">A part is missing or invalid.</exception>" : string.Empty;

        /// <summary>The text of a composed key from the text of its parts, as <paramref name="value"/> gives each part.</summary>
        private static string Compose(KeyNames names, KeyModel key, System.Func<KeyPartModel, string> value)
        {
            var pieces = key.Segments
                .Select(s => s.IsPart ? PartText(names, key.Parts.First(p => p.Name == s.Text), value(key.Parts.First(p => p.Name == s.Text))) : Literals.String(s.Text))
                .ToList();
            return pieces.Count == 1 ? pieces[0] : pieces.Count <= 4 ? $"string.Concat({string.Join(", ", pieces)})" : $"string.Join(string.Empty, {string.Join(", ", pieces)})";
        }

        /// <summary>The text of a part inside a composed key: a date through its codec, a number in invariant form (zero-padded to its width).</summary>
        private static string PartText(KeyNames names, KeyPartModel part, string expression)
            => part.IsDate ? $"{names.Codec(part)}.Format({expression})" : KeyValues.PartText(part.Type, part.Width, expression);

        private static string PatternOf(KeyNames names, KeyPartModel part) => part.Pattern is null ? "null" : names.Pattern(part);

        private static string SeparatorOf(KeyPartModel part) => part.ForbiddenText is null ? "null" : Literals.String(part.ForbiddenText);

        private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

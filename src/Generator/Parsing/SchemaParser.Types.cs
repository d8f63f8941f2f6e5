using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Attribute types: the type syntax, declared enums and objects, formats, rules and defaults.</summary>
    internal sealed partial class SchemaParser
    {
        private static readonly string[] EnumProperties = { "values", "description" };
        private static readonly string[] ObjectProperties = { "attributes", "description" };

        private static readonly Dictionary<string, ValueKind> ScalarTypes = new(StringComparer.Ordinal)
        {
            ["string"] = ValueKind.String,
            ["bool"] = ValueKind.Bool,
            ["int"] = ValueKind.Int32,
            ["long"] = ValueKind.Int64,
            ["decimal"] = ValueKind.Decimal,
            ["double"] = ValueKind.Double,
            ["binary"] = ValueKind.Binary,
            ["datetimeoffset"] = ValueKind.DateTimeOffset,
            ["datetime"] = ValueKind.DateTime,
            ["date"] = ValueKind.Date,
        };

        private static readonly string[] Collections = { "list", "set", "map" };

        // Names people reach for from other schema languages, mapped to the type they most likely mean.
        private static readonly Dictionary<string, string> TypeAliases = new(StringComparer.OrdinalIgnoreCase)
        {
            ["boolean"] = "bool",
            ["integer"] = "int",
            ["int32"] = "int",
            ["int64"] = "long",
            ["number"] = "decimal",
            ["float"] = "double",
            ["str"] = "string",
            ["text"] = "string",
            ["bytes"] = "binary",
            ["byte[]"] = "binary",
            ["timestamp"] = "datetimeoffset",
            ["instant"] = "datetimeoffset",
            ["dateonly"] = "date",
            ["array"] = "list<string>",
            ["object"] = "map<string>",
            ["dictionary"] = "map<string>",
        };

        /// <summary>Enums and objects this descriptor declares, by name, known before any attribute is read.</summary>
        private readonly Dictionary<string, ValueKind> _declared = new(StringComparer.Ordinal);

        /// <summary>The members of each declared enum, for defaults.</summary>
        private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);

        private string _namespace = string.Empty;

        /// <summary>The members every generated record of a nested object type has.</summary>
        private static IEnumerable<string> RecordMembers => EntityMembers.Where(m => m is not ("Key" or "ExtraAttributes" or "Attributes"));

        private (EquatableArray<EnumModel> Enums, EquatableArray<ObjectModel> Objects) ReadDeclaredTypes(JsonObject? enumsJson, JsonObject? typesJson)
        {
            // Names first, so types may refer to each other in any order.
            var declarations = new List<(JsonProperty Property, ValueKind Kind)>();
            foreach (var (json, kind, derived) in new[] { (enumsJson, ValueKind.Enum, "Values"), (typesJson, ValueKind.Object, "Marshaller") })
            {
                foreach (var property in json?.Properties ?? Array.Empty<JsonProperty>())
                {
                    if (!CheckIdentifier(property.Name, property.NameSpan, "type name"))
                    {
                        continue;
                    }

                    if (ScalarTypes.ContainsKey(property.Name) || Array.IndexOf(Collections, property.Name) >= 0)
                    {
                        _context.ReportDuplicate(property.NameSpan, "type name", property.Name, "a built-in type", $"Give the declared type a name of its own, such as '{Names.SuggestIdentifier(property.Name)}Type'.");
                        continue;
                    }

                    if (!ClaimUnique(_typeNames, property.Name, property.NameSpan, "generated type")
                        || !ClaimUnique(_typeNames, property.Name + derived, property.NameSpan, "generated type"))
                    {
                        continue;
                    }

                    _declared[property.Name] = kind;
                    declarations.Add((property, kind));
                }
            }

            var enums = new List<EnumModel>();
            var objects = new List<ObjectModel>();
            // Enums first (declared so above), as object types' defaults may name their values.
            foreach (var (property, kind) in declarations)
            {
                if (kind == ValueKind.Enum && ReadEnum(property) is { } enumModel)
                {
                    _enums[enumModel.Name] = enumModel;
                    enums.Add(enumModel);
                }
                else if (kind == ValueKind.Object && ReadObject(property) is { } objectModel)
                {
                    objects.Add(objectModel);
                }
            }

            return (enums.ToEquatableArray(), objects.ToEquatableArray());
        }

        private EnumModel? ReadEnum(JsonProperty property)
        {
            if (ObjectValue(property, "an object such as { \"values\": [\"pending\", \"done\"] }") is not { } json)
            {
                return null;
            }

            var reader = new ObjectReader(_context, json, $"enum '{property.Name}'", EnumProperties);
            var values = reader.Array("values", required: true, "[\"pending\", \"done\"]");
            var description = reader.String("description")?.Value;
            if (values is null)
            {
                return null;
            }

            var members = new List<EnumMemberModel>();
            var seenValues = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            var seenMembers = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            foreach (var item in values.Items)
            {
                if (item is not JsonString value)
                {
                    _context.Report(DiagnosticDescriptors.WrongValueKind, item.Span, property.Name + ".values[]", "a string", item.KindName);
                    continue;
                }

                var member = Names.ToPascalCase(value.Value);
                if (CheckIdentifier(member, value.Span, "enum member", $" (made from the value '{value.Value}')", value.Value)
                    && ClaimUnique(seenValues, value.Value, value.Span, "enum value")
                    && ClaimUnique(seenMembers, member, value.Span, "enum member"))
                {
                    members.Add(new EnumMemberModel(value.Value, member));
                }
            }

            if (values.Items.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, values.Span, "[]", "values", " An enum needs at least one value.", "a list of the stored texts, such as [\"pending\", \"done\"]");
            }

            return new EnumModel(property.Name, description, members.ToEquatableArray());
        }

        private ObjectModel? ReadObject(JsonProperty property)
        {
            if (ObjectValue(property, "an object such as { \"attributes\": { ... } }") is not { } json)
            {
                return null;
            }

            var reader = new ObjectReader(_context, json, $"type '{property.Name}'", ObjectProperties);
            CheckRecordName(new JsonString(property.NameSpan, property.Name), DeclaredRecordMembers, "a member every generated record has");
            var description = reader.String("description")?.Value;
            var attributes = ReadAttributes(reader.Object("attributes", required: true, "{ \"city\": { \"type\": \"string\" } }"));
            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            Reserve(members, RecordMembers, "a member every generated record has");
            Reserve(members, new[] { property.Name }, "the type's own name");
            foreach (var attribute in attributes.Values)
            {
                // A nested value is written whole, from the entity's own value: the SDK cannot count or stamp inside it,
                // and keeps no guard item of a unique value for it.
                if (attribute.ManagedSpan is { } managed)
                {
                    _context.Report(
                        attribute.Model.IsCounter ? DiagnosticDescriptors.CounterMisuse : DiagnosticDescriptors.TimestampMisuse,
                        managed,
                        $"'{attribute.Model.Name}' is {(attribute.Model.IsCounter ? "a counter" : "a timestamp")} inside type '{property.Name}', but only an entity's own attributes can be: move it to the entity's \"attributes\".");
                }

                if (attribute.UniqueSpan is { } unique)
                {
                    _context.Report(
                        DiagnosticDescriptors.UniqueNotApplicable,
                        unique,
                        attribute.Model.Name,
                        $"it is an attribute of the nested type '{property.Name}', and only an entity's own attributes are kept unique",
                        "Remove \"unique\", or declare the attribute on the entity.");
                }

                Claim(members, "C# property name", attribute.Model.PropertyName, attribute.CSharpNameSpan ?? attribute.NameSpan, attribute.Model.Name);
            }

            return new ObjectModel(property.Name, description, attributes.Values.Select(a => a.Model).ToEquatableArray());
        }

        /// <param name="reader">The object that declares the type.</param>
        /// <param name="owner">Names the declaration in messages.</param>
        /// <param name="keyPart">A key part: an <c>int</c> or <c>long</c> leaves its <c>format</c> (a fixed width) to the caller.</param>
        private TypeModel? ReadType(ObjectReader reader, string owner, bool keyPart = false)
        {
            var json = reader.String("type", required: true, "\"string\"");
            var type = json is null ? null : ParseType(json.Value, json);
            if (type is null)
            {
                return null;
            }

            if (keyPart && type.Kind is ValueKind.Int32 or ValueKind.Int64)
            {
                if (reader.String("timeZone") is { } zone)
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, zone.Span, "timeZone", owner, "only dates and times (datetimeoffset, datetime, date) have a time zone");
                }

                return type;
            }

            return ApplyDateFormat(reader, owner, type, keyPart);
        }

        private TypeModel? ParseType(string text, JsonString json)
        {
            var trimmed = text.Trim();
            var open = trimmed.IndexOf('<');
            if (open > 0 && trimmed.EndsWith(">", StringComparison.Ordinal))
            {
                var outer = trimmed.Substring(0, open).Trim();
                var inner = trimmed.Substring(open + 1, trimmed.Length - open - 2);
                if (Array.IndexOf(Collections, outer) < 0)
                {
                    ReportUnknownType(outer, json);
                    return null;
                }

                var element = ParseType(inner, json);
                if (element is null)
                {
                    return null;
                }

                if (outer == "set" && element.Kind is not (ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double or ValueKind.Binary))
                {
                    _context.Report(
                        DiagnosticDescriptors.UnknownType,
                        json.Span,
                        trimmed,
                        $" DynamoDB sets hold strings, numbers or binary, not {Describe(element)}.",
                        "set<string>, set<int>, set<long>, set<decimal>, set<double>, set<binary>; use list<...> for other elements");
                    return null;
                }

                var kind = outer switch { "list" => ValueKind.List, "set" => ValueKind.Set, _ => ValueKind.Map };
                return new TypeModel(kind, Element: element);
            }

            if (ScalarTypes.TryGetValue(trimmed, out var scalar))
            {
                return new TypeModel(scalar);
            }

            if (_declared.TryGetValue(trimmed, out var declared))
            {
                return new TypeModel(declared, trimmed);
            }

            ReportUnknownType(trimmed, json);
            return null;
        }

        private void ReportUnknownType(string name, JsonString json)
        {
            var known = ScalarTypes.Keys.Concat(_declared.Keys).Concat(Collections.Select(c => c + "<...>")).ToList();
            var hint = TypeAliases.TryGetValue(name, out var alias)
                ? $" Did you mean '{alias}'?"
                : Names.DidYouMean(name, ScalarTypes.Keys.Concat(_declared.Keys).Concat(Collections));
            _context.Report(DiagnosticDescriptors.UnknownType, json.Span, name, hint, string.Join(", ", known));
        }

        /// <summary>Reads <c>format</c> and <c>timeZone</c> and applies them to every date inside the type.</summary>
        private TypeModel ApplyDateFormat(ObjectReader reader, string owner, TypeModel type, bool keyPart = false)
        {
            var format = reader.String("format");
            var zone = reader.String("timeZone");
            var date = DateKind(type);
            if (date is null)
            {
                foreach (var given in new[] { format, zone })
                {
                    if (given is not null)
                    {
                        _context.Report(DiagnosticDescriptors.NotApplicable, given.Span, given == format ? "format" : "timeZone", owner, keyPart && given == format
                            ? "only dates and times (datetimeoffset, datetime, date) have a storage format, and int and long key parts a fixed width such as \"D10\""
                            : "only dates and times (datetimeoffset, datetime, date) have a storage format");
                    }
                }

                return type;
            }

            var epoch = format?.Value == "epochSeconds";
            var pattern = format is null || format.Value == "iso8601" || epoch ? null : format.Value;
            if (pattern is not null && !IsUsablePattern(pattern, date.Value))
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidValue,
                    format!.Span,
                    pattern,
                    "format",
                    " It is not a .NET date pattern that reads back what it writes.",
                    "\"iso8601\", \"epochSeconds\", or a pattern such as \"yyyy-MM-dd HH:mm:ss\"");
                pattern = null;
            }

            if (epoch && date == ValueKind.Date)
            {
                _context.Report(DiagnosticDescriptors.NotApplicable, format!.Span, "format: epochSeconds", owner, "a date has no time of day; store it as \"iso8601\" (yyyy-MM-dd) or a pattern");
                epoch = false;
            }

            int? offset = 0;
            if (zone is not null)
            {
                if (date == ValueKind.Date)
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, zone.Span, "timeZone", owner, "a date has no time of day, so no time zone");
                }
                else if (zone.Value == "keep")
                {
                    if (date != ValueKind.DateTimeOffset || epoch || (pattern is not null && !DatePatterns.HasZone(pattern)))
                    {
                        _context.Report(DiagnosticDescriptors.NotApplicable, zone.Span, "timeZone: keep", owner, "only a datetimeoffset stored as ISO 8601 (or a pattern with zzz) can keep its own offset");
                    }

                    offset = null;
                }
                else if (TryParseOffset(zone.Value, out var minutes))
                {
                    offset = minutes;
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, zone.Span, zone.Value, "timeZone", " Time zones are fixed offsets, so no daylight-saving rule can move a stored value.", "\"UTC\", an offset such as \"+09:00\", or \"keep\"");
                }
            }

            return WithFormat(type, new DateFormatModel(epoch, pattern, offset));
        }

        private static TypeModel WithFormat(TypeModel type, DateFormatModel format)
            => type.Element is not null
                ? type with { Element = WithFormat(type.Element, format) }
                : type.Kind.IsDate() ? type with { Format = format } : type;

        private static ValueKind? DateKind(TypeModel type)
            => type.Element is not null
                ? DateKind(type.Element)
                : type.Kind.IsDate() ? type.Kind : null;

        private static bool TryParseOffset(string text, out int minutes)
        {
            minutes = 0;
            if (text == "UTC" || text == "Z")
            {
                return true;
            }

            // ASCII digits to the end of the text: .NET's \d takes other scripts' digits (which int.Parse refuses) and its $
            // a final line feed.
            var match = Regex.Match(text, @"^([+-])([0-9]{2}):([0-9]{2})\z");
            if (!match.Success)
            {
                return false;
            }

            var hours = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var mins = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            if (hours > 14 || mins > 59 || (hours == 14 && mins > 0))
            {
                return false;
            }

            minutes = (hours * 60 + mins) * (match.Groups[1].Value == "-" ? -1 : 1);
            return true;
        }

        /// <summary>Whether a custom pattern writes a sample value that it reads back unchanged.</summary>
        private static bool IsUsablePattern(string pattern, ValueKind kind)
        {
            try
            {
                var sample = KeyDateFormats.Sample;
                var text = sample.ToString(pattern, CultureInfo.InvariantCulture);

                // A time with an offset reads back as an instant; a date, or a time without one, as a DateTime.
                if (kind != ValueKind.Date && DatePatterns.HasZone(pattern))
                {
                    return DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                           && instant.DateTime.Date == sample.Date;
                }

                return DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Date == sample.Date;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private Sensitivity ReadSensitivity(ObjectReader reader, string owner, TypeModel? type)
        {
            var value = reader.OneOf("sensitive", SensitivityNames);
            var region = reader.String("phoneRegion");
            if (region is not null && value?.Value != "phone")
            {
                _context.Report(DiagnosticDescriptors.PhoneRegionWithoutPhone, reader.Property("phoneRegion")!.NameSpan, owner);
            }
            else if (region is not null && Array.IndexOf(PhoneRegions, region.Value) < 0)
            {
                _context.Report(DiagnosticDescriptors.UnknownPhoneRegion, region.Span, region.Value, Names.DidYouMean(region.Value, PhoneRegions));
            }

            if (value is null)
            {
                return Sensitivity.None;
            }

            if (value.Value != "phone")
            {
                return value.Value == "personal" ? Sensitivity.Personal : Sensitivity.Secret;
            }

            _ = Applies(value, "sensitive: phone", owner, type, type?.Kind == ValueKind.String, "phone numbers are strings; use \"type\": \"string\"");
            return region?.Value == "E164" ? Sensitivity.PhoneE164 : Sensitivity.Phone;
        }

        /// <summary>
        /// Whether a property given at <paramref name="json"/> <paramref name="applies"/> to the declaration's type; DDB016
        /// saying <paramref name="why"/> not when it does not. An unknown type (already reported) refuses nothing.
        /// </summary>
        private bool Applies(JsonNode json, string property, string owner, TypeModel? type, bool applies, string why)
        {
            if (type is null || applies)
            {
                return true;
            }

            _context.Report(DiagnosticDescriptors.NotApplicable, json.Span, property, owner, why);
            return false;
        }

        private string? ReadPattern(ObjectReader reader, string owner, TypeModel? type)
        {
            var pattern = reader.String("pattern");
            if (pattern is null || !Applies(pattern, "pattern", owner, type, type?.Kind == ValueKind.String, "patterns apply to strings only"))
            {
                return null;
            }

            try
            {
                // Checked as written, so an error quotes the author's text, then as it runs ('$' as \z, '\d' as [0-9]).
                _ = new Regex(pattern.Value, RegexOptions.CultureInvariant);
                _ = new Regex(SchemaPatterns.ToRegex(pattern.Value), RegexOptions.CultureInvariant);
                return pattern.Value;
            }
            catch (ArgumentException ex)
            {
                _context.Report(DiagnosticDescriptors.InvalidPattern, pattern.Span, owner, ex.Message.TrimEnd('.'));
                return null;
            }
        }

        /// <summary>Reads <c>minLength</c>/<c>maxLength</c> (strings) and <c>minimum</c>/<c>maximum</c> (numbers).</summary>
        private ValueRules ReadRules(ObjectReader reader, string owner, TypeModel? type)
        {
            // A limit the attribute's type has, or null after reporting one it has not.
            JsonNumber? Given(string name, bool applies, string why)
                => reader.Number(name) is { } json && Applies(json, name, owner, type, applies, why) ? json : null;

            int? Length(string name)
            {
                if (Given(name, type?.Kind == ValueKind.String, "lengths apply to strings only") is not { } json)
                {
                    return null;
                }

                if (!int.TryParse(json.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, json.Span, json.Text, name, string.Empty, "a whole number of characters, 0 or more");
                    return null;
                }

                return length;
            }

            string? Bound(string name)
            {
                if (Given(name, type?.Kind.IsNumber() == true, "ranges apply to numbers only") is not { } json)
                {
                    return null;
                }

                var literal = type is null ? null : NumberLiteral(json.Text, type.Kind);
                if (literal is null && type is not null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, json.Span, json.Text, name, $" It does not fit the attribute's type {Describe(type)}.", "a number of the attribute's type");
                }

                return literal;
            }

            var rules = new ValueRules(Length("minLength"), Length("maxLength"), Bound("minimum"), Bound("maximum"));
            if (rules.MinLength > rules.MaxLength)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Number("minLength")!.Span, rules.MinLength.Value.ToString(CultureInfo.InvariantCulture), "minLength", " It is more than maxLength.", "a length no greater than maxLength");
            }

            if (rules.Minimum is not null && rules.Maximum is not null
                && decimal.TryParse(reader.Number("minimum")!.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
                && decimal.TryParse(reader.Number("maximum")!.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
                && low > high)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Number("minimum")!.Span, reader.Number("minimum")!.Text, "minimum", " It is more than maximum.", "a number no greater than maximum");
            }

            return rules;
        }

        private bool ReadWriteNull(ObjectReader reader, string owner, TypeModel? type, bool required, string? defaultLiteral)
        {
            var json = reader.Boolean("writeNull");
            if (json is null || !json.Value)
            {
                return false;
            }

            if (required || defaultLiteral is not null || type?.Kind == ValueKind.Set)
            {
                _context.Report(DiagnosticDescriptors.NotApplicable, json.Span, "writeNull", owner, "only an optional attribute without a default (and not a set) can be null");
                return false;
            }

            return true;
        }

        private string? ReadDefault(JsonProperty? property, string owner, TypeModel? type)
        {
            if (property is null || type is null)
            {
                return null;
            }

            var value = property.Value;
            string? literal = type.Kind switch
            {
                ValueKind.String => value is JsonString s ? Literals.String(s.Value) : null,
                ValueKind.Bool => value is JsonBoolean b ? (b.Value ? "true" : "false") : null,
                ValueKind.Enum => value is JsonString e && _enums.TryGetValue(type.Name!, out var declared)
                    ? declared.Members.Where(m => m.Value == e.Value).Select(m => $"global::{_namespace}.{declared.Name}.{m.MemberName}").FirstOrDefault()
                    : null,
                _ when type.Kind.IsNumber() => value is JsonNumber n ? NumberLiteral(n.Text, type.Kind) : null,
                _ => null,
            };

            if (literal is null)
            {
                var expected = type.Kind switch
                {
                    ValueKind.String => "a string",
                    ValueKind.Bool => "true or false",
                    ValueKind.Int32 => "a whole number from -2147483648 to 2147483647",
                    ValueKind.Int64 => "a whole number that fits in 64 bits",
                    ValueKind.Double => "a finite number",
                    ValueKind.Decimal => "a number",
                    ValueKind.Enum => _enums.TryGetValue(type.Name!, out var declared) ? "one of " + string.Join(", ", declared.Members.Select(m => $"\"{m.Value}\"")) : "a declared value",
                    _ => "absent (defaults apply to strings, booleans, numbers and enums)",
                };
                var found = value is JsonNumber n ? $"the number {n.Text}" : value is JsonString t && type.Kind == ValueKind.Enum ? $"\"{t.Value}\"" : value.KindName;
                _context.Report(DiagnosticDescriptors.InvalidDefault, value.Span, owner, expected, found, Describe(type));
            }

            return literal;
        }

        /// <summary>A C# literal of the number's type, or null when the text does not fit it.</summary>
        private static string? NumberLiteral(string text, ValueKind kind) => kind switch
        {
            ValueKind.Int32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? text : null,
            ValueKind.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? text + "L" : null,
            ValueKind.Decimal => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text + "m" : null,
            ValueKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsInfinity(parsed) ? text + "d" : null,
            _ => null,
        };

        private string EmptySetLiteral(TypeModel set)
            => set.Element!.Kind == ValueKind.Binary
                ? "global::System.Array.Empty<byte[]>()"
                : $"new global::System.Collections.Generic.HashSet<{ValueKinds.CSharpType(set.Element, _namespace)}>()";

        private static bool IsEpochSeconds(TypeModel type)
            => type.Kind is ValueKind.Int32 or ValueKind.Int64
               || (type.Kind is ValueKind.DateTimeOffset or ValueKind.DateTime && type.Format is { EpochSeconds: true });

        /// <summary>DDB010 for a key attribute or key part whose type keys cannot have, with the types they can.</summary>
        private void ReportKeyType(TextSpan span, string name, TypeModel type)
            => _context.Report(
                DiagnosticDescriptors.InvalidKeyType,
                span,
                $"'{name}' is used in a key but has type '{Describe(type)}'.",
                "A key attribute is a string, a number (int, long, decimal), binary or a date (date, datetime, datetimeoffset); a part of a key template (a table's or an index's) is a string, a number or a date.");

        /// <summary>A type as the descriptor spells it (<c>list&lt;string&gt;</c>).</summary>
        private static string Describe(TypeModel type)
        {
            if (type.Element is not null)
            {
                var outer = type.Kind switch { ValueKind.List => "list", ValueKind.Set => "set", _ => "map" };
                return $"{outer}<{Describe(type.Element)}>";
            }

            return type.Name ?? ScalarTypes.First(pair => pair.Value == type.Kind).Key;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>The outcome of reading one descriptor: a model when it has no errors, and its diagnostics.</summary>
    internal sealed record ParseResult(SchemaModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Reads a <c>*.tables.json</c> descriptor into a <see cref="SchemaModel"/>.</summary>
    internal sealed partial class SchemaParser
    {
        public const string FileSuffix = ".tables.json";

        private static readonly string[] RootProperties = { "$schema", "namespace", "name", "enums", "types", "tables" };
        private static readonly string[] TableProperties =
        {
            "name", "tableName", "description", "billingMode", "capacity", "partitionKey", "sortKey", "keyParts", "attributes", "indexes", "extraAttributes", "ttl", "version", "order",
        };

        private static readonly string[] KeyProperties = { "attribute", "template", "csharpName", "description" };
        private static readonly string[] KeyPartProperties = { "type", "pattern", "format", "timeZone", "sensitive", "phoneRegion", "normalize", "description" };
        private static readonly string[] AttributeProperties =
        {
            "type", "required", "default", "pattern", "minLength", "maxLength", "minimum", "maximum", "format", "timeZone", "writeNull", "sensitive", "phoneRegion", "unique", "csharpName", "description",
            "counter", "start", "timestamp", "normalize",
        };
        private static readonly string[] BillingModes = { "PAY_PER_REQUEST", "PROVISIONED" };
        private static readonly string[] CapacityProperties = { "read", "write" };
        private static readonly string[] QueryOrders = { "ascending", "descending" };
        private static readonly string[] SensitivityNames = { "phone", "personal", "secret" };
        private static readonly string[] PhoneRegions = { "KR", "E164" };

        /// <summary>
        /// Members every generated entity has, compiler-generated record members included (a record may not declare
        /// <c>Clone</c>, CS8859), and <c>Attributes</c>, the class of a table's attribute names, which cannot hold a
        /// constant of its own name.
        /// </summary>
        private static readonly string[] EntityMembers =
        {
            "Key", "ExtraAttributes", "Attributes", "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "PrintMembers",
            "Deconstruct", "MemberwiseClone", "Finalize", "ReferenceEquals", "Clone",
        };

        private readonly DescriptorContext _context;

        /// <summary>Each C# type name the descriptor generates and the text that names it; filled while reading.</summary>
        private readonly Dictionary<string, TextSpan> _typeNames = new(StringComparer.Ordinal);

        /// <summary>Each DynamoDB table name the descriptor declares and the text that names it.</summary>
        private readonly Dictionary<string, TextSpan> _tableNames = new(StringComparer.Ordinal);

        private SchemaParser(DescriptorContext context) => _context = context;

        /// <summary>Parses a descriptor; never throws except for cancellation.</summary>
        public static ParseResult Parse(string path, SourceText? text, CancellationToken cancellationToken)
            => Parse(path, text, cancellationToken, out _);

        /// <summary>
        /// Parses a descriptor and also gives, for each C# type name it generates, where the descriptor names it: a
        /// table's (or shared table's) <c>name</c> value, an index's name for its sort-key type, the key of an enum or
        /// object type, and the file's start for the schema class. Positions are kept out of <see cref="ParseResult"/>
        /// so that reformatting a descriptor leaves its cached model alone.
        /// </summary>
        private static ParseResult Parse(string path, SourceText? text, CancellationToken cancellationToken, out IReadOnlyDictionary<string, LocationInfo> typeNameLocations)
        {
            var context = new DescriptorContext(path, text ?? SourceText.From(string.Empty));
            SchemaModel? model = null;
            var parser = new SchemaParser(context);
            try
            {
                model = parser.ReadRoot(text?.ToString() ?? string.Empty, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A generator that throws fails the whole build with CS8785; report instead (the model stays null).
                context.Report(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), ex.GetType().Name, ex.Message);
            }

            typeNameLocations = parser._typeNames.ToDictionary(pair => pair.Key, pair => context.Locate(pair.Value), StringComparer.Ordinal);
            return new ParseResult(context.Errors > 0 ? null : model, context.Diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// One DDB007 for a descriptor that would generate a type another descriptor generates too, listing every such
        /// type and pointing at the text that names the first of them (for a table, its <c>name</c> value).
        /// </summary>
        public static EquatableArray<DiagnosticInfo> ReportClashes(string path, SourceText? text, EquatableArray<string> clashes, CancellationToken cancellationToken)
        {
            var model = Parse(path, text, cancellationToken, out var typeNameLocations).Model;
            if (model is null)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var prefix = model.Namespace + ".";
            var clashing = SchemaEmitter.TypeNames(model).Where(clashes.Contains).ToList();
            if (clashing.Count == 0)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            typeNameLocations.TryGetValue(clashing[0].Substring(prefix.Length), out var location);
            return new[] { DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateGeneratedType, location, string.Join(", ", clashing), model.FileName) }.ToEquatableArray();
        }

        private SchemaModel? ReadRoot(string text, CancellationToken cancellationToken)
        {
            JsonNode root;
            try
            {
                root = JsonReader.Read(text, cancellationToken);
            }
            catch (JsonSyntaxException ex)
            {
                _context.Report(DiagnosticDescriptors.MalformedJson, new TextSpan(ex.Position, 0), ex.Message);
                return null;
            }

            if (root is not JsonObject rootObject)
            {
                _context.Report(DiagnosticDescriptors.WrongValueKind, root.Span, "the descriptor", "an object", root.KindName);
                return null;
            }

            var reader = new ObjectReader(_context, rootObject, "the descriptor", RootProperties);
            reader.String("$schema");
            var ns = reader.String("namespace", required: true, "\"MyCompany.Data\"");
            _namespace = ns?.Value ?? string.Empty;
            if (ns is not null && !Names.IsValidNamespace(ns.Value))
            {
                _context.Report(DiagnosticDescriptors.InvalidIdentifier, ns.Span, ns.Value, "namespace", string.Empty, "MyCompany.Data");
            }

            var schemaName = ReadSchemaName(reader);
            var enumsJson = reader.Object("enums");
            var typesJson = reader.Object("types");
            var tablesJson = reader.Array("tables", required: true, "[ { \"name\": \"Order\", ... } ]");
            var tables = new List<TableModel>();
            var groups = new List<EntityGroupModel>();
            if (schemaName is not null)
            {
                _typeNames[schemaName] = new TextSpan(0, 0);
            }

            var (enums, objects) = ReadDeclaredTypes(enumsJson, typesJson);

            foreach (var item in tablesJson?.Items ?? Array.Empty<JsonNode>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item is not JsonObject tableJson)
                {
                    _context.Report(DiagnosticDescriptors.WrongValueKind, item.Span, "tables[]", "an object", item.KindName);
                    continue;
                }

                // A shared table lists its entities; their tables join the others.
                if (tableJson.Find("entities") is not null)
                {
                    if (ReadGroup(tableJson, tables) is { } group)
                    {
                        groups.Add(group);
                    }
                }
                else if (ReadTable(tableJson) is { } table)
                {
                    tables.Add(table);
                }
            }

            if (ns is null || schemaName is null)
            {
                return null;
            }

            return new SchemaModel(Path.GetFileName(_context.FilePath), ns.Value, schemaName, tables.ToEquatableArray(), enums, objects, groups.ToEquatableArray(), _context.FilePath);
        }

        private string? ReadSchemaName(ObjectReader reader)
        {
            if (reader.String("name") is { } explicitName)
            {
                return CheckIdentifier(explicitName.Value, explicitName.Span, "type name") ? explicitName.Value + "Schema" : null;
            }

            var fileName = Path.GetFileName(_context.FilePath);
            var stem = fileName.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase)
                ? fileName.Substring(0, fileName.Length - FileSuffix.Length)
                : Path.GetFileNameWithoutExtension(fileName);
            var candidate = Names.ToPascalCase(stem);
            return CheckIdentifier(candidate, new TextSpan(reader.Json.Span.Start, 1), "type name", " (made from the file name; set \"name\" at the top of the descriptor)", stem) ? candidate + "Schema" : null;
        }

        private TableModel? ReadTable(JsonObject json, GroupContext? group = null)
        {
            var errorsBefore = _context.Errors;
            var label = group is null ? Label(json, "table", "a table") : Label(json, "entity", "an entity");
            var reader = new ObjectReader(_context, json, label, group is null ? TableProperties : EntityProperties);
            var name = reader.String("name", required: true, "\"Order\"");
            var tableName = group is null ? reader.String("tableName", required: true, "\"orders\"") : group.TableName;
            var description = reader.String("description");
            var billing = group is null ? reader.String("billingMode") : null;
            var extra = reader.Boolean("extraAttributes");
            var ttl = reader.String("ttl");
            var version = reader.String("version");
            var order = reader.OneOf("order", QueryOrders);

            ClaimTypeNames(name, n => new[] { n, n + "Key", n + "Marshaller", n + "Repository", n + "Table", n + "Fields", n + "Update", n + "SortKey", n + "Flag", n + "Flags", "I" + n + "Repository" });
            CheckRecordName(name, new[] { "Key", "ExtraAttributes" }.Concat(DeclaredRecordMembers), "a member every generated entity has");
            if (group is null)
            {
                ClaimTableName(tableName);
            }

            var capacity = group is null ? ReadTableCapacity(reader, billing, label) : null;

            // Attributes first: key templates refer to them.
            var attributes = ReadAttributes(reader.Object("attributes", required: true, "{ \"id\": { \"type\": \"string\" } }"));
            var ownKeyParts = ReadKeyParts(reader.Object("keyParts"));
            RefuseKeyPartsNamedLikeAttributes(ownKeyParts, attributes);
            var keyParts = WithTableKeyParts(ownKeyParts, attributes, group);
            var partitionJson = reader.Object("partitionKey", required: true, group is null ? "{ \"attribute\": \"id\" }" : "{ \"template\": \"STORE#{store_id}\" }");
            var sortJson = reader.Object("sortKey", required: group?.SortAttribute is not null, "{ \"template\": \"#META\" }");
            if (group is not null && group.SortAttribute is null && sortJson is not null)
            {
                _context.Report(DiagnosticDescriptors.NotApplicable, sortJson.Span, "sortKey", label, "the table declares no sort key; declare it on the table to give entities one");
                sortJson = null;
            }

            if (group is not null && attributes.TryGetValue(group.TypeAttribute.Value, out var typeClash))
            {
                _context.ReportDuplicate(
                    typeClash.NameSpan,
                    "attribute",
                    group.TypeAttribute.Value,
                    group.TypeAttributeDeclared ? $"the table's type attribute, {_context.At(group.TypeAttribute.Span)}" : "the table's type attribute (\"_type\" when the table does not name one)",
                    "The type attribute holds each item's entity name: rename the attribute, or name another type attribute with the table's \"typeAttribute\".");
            }

            var usedParts = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            var keyPartModels = new List<KeyPartModel>();
            var partition = partitionJson is null ? null : ReadKey(partitionJson, "partitionKey", attributes, keyParts, usedParts, keyPartModels, group?.PartitionAttribute);
            var sort = sortJson is null ? null : ReadKey(sortJson, "sortKey", attributes, keyParts, usedParts, keyPartModels, group?.SortAttribute);

            var keysParsed = partition is not null && (sortJson is null || sort is not null);
            if (partition is not null && partition.Segments.All(segment => !segment.IsPart))
            {
                // Legal, but every item lands in one partition: a hot partition, and every read a query of it.
                var templateSpan = (partitionJson!.Find("template")?.Value ?? partitionJson).Span;
                _context.Report(DiagnosticDescriptors.ConstantPartitionKey, templateSpan, label, partition.Template);
            }

            CheckTableKeyParts(group, name?.Value ?? "the entity", partition, keyPartModels, ownKeyParts, attributes);
            foreach (var part in ownKeyParts.Values.Where(p => keysParsed && !usedParts.ContainsKey(p.Name)))
            {
                _context.Report(DiagnosticDescriptors.UnusedKeyPart, part.NameSpan, part.Name);
            }

            // Attributes that feed a key are held by the key type; the rest are the entity's own properties.
            var keyOwned = new HashSet<string>(
                new[] { partition?.AttributeName, sort?.AttributeName }.Concat(keyPartModels.Select(p => p.StoredAttribute)).OfType<string>(),
                StringComparer.Ordinal);

            var ownAttributes = attributes.Values.Where(a => !keyOwned.Contains(a.Model.Name)).Select(a => a.Model).ToList();
            // The SDK manages the version: it starts at 0 for an entity never stored and moves on by one per write.
            if (version is not null
                && RoleAttribute(version, "version", ownAttributes, keyOwned, type => type.Kind == ValueKind.Int64, " The version attribute counts writes.", "the name of a non-key attribute declared with \"type\": \"long\"") is var index and >= 0
                && ownAttributes[index].DefaultLiteral is null)
            {
                ownAttributes[index] = ownAttributes[index] with { DefaultLiteral = "0L" };
            }

            // DynamoDB deletes items whose TTL attribute, a number of epoch seconds, lies in the past.
            if (ttl is not null)
            {
                RoleAttribute(ttl, "TTL", ownAttributes, keyOwned, IsEpochSeconds, " The TTL attribute holds epoch seconds.", "the name of a non-key attribute declared with \"type\": \"long\", or a date type with \"format\": \"epochSeconds\"");
            }

            CheckUnique(attributes, keyOwned, partition, version?.Value, ttl);

            var declared = attributes.Values.ToDictionary(a => a.Model.Name, a => a.NameSpan, StringComparer.Ordinal);
            foreach (var (key, keyJson) in new[] { (partition, partitionJson), (sort, sortJson) })
            {
                if (key is not null && !declared.ContainsKey(key.AttributeName))
                {
                    declared[key.AttributeName] = keyJson!.Span;
                }
            }

            var provisioned = group?.Provisioned ?? billing?.Value == "PROVISIONED";
            var indexes = keysParsed
                ? ReadIndexes(reader.Object("indexes"), new IndexScope(ownAttributes, keyPartModels, partition, sort, declared, attributes, provisioned), name?.Value)
                : EquatableArray<IndexModel>.Empty;

            CheckManagedAttributes(attributes, keyOwned, version?.Value, indexes);
            CheckGeneratedNames(
                name?.Value,
                partition,
                sort,
                keyPartModels,
                attributes.Values.Where(a => !keyOwned.Contains(a.Model.Name)).ToList(),
                n => attributes.TryGetValue(n, out var a) ? a.CSharpNameSpan ?? a.NameSpan
                    : keyParts.TryGetValue(n, out var k) ? k.NameSpan
                    : n == partition?.AttributeName ? KeyNameSpan(partitionJson!)
                    : n == sort?.AttributeName ? KeyNameSpan(sortJson!)
                    : new TextSpan(json.Span.Start, 1),
                inGroup: group is not null,
                hasFlags: version is null);

            var descending = ReadOrder(order, label, keysParsed && (sort is null || !sort.Segments.Any(s => s.IsPart)) ? "it has no sort key with parts, so it has no queries to order" : null);
            if (_context.Errors != errorsBefore || name is null || tableName is null || partition is null)
            {
                return null;
            }

            var table = new TableModel(
                _namespace,
                name.Value,
                tableName.Value,
                description?.Value,
                billing?.Value ?? "PAY_PER_REQUEST",
                partition,
                sort,
                ownAttributes.ToEquatableArray(),
                extra?.Value ?? false,
                ttl?.Value,
                version?.Value,
                indexes,
                group?.Name,
                group?.TypeAttribute.Value,
                capacity,
                descending);
            return CheckUpdateMethods(table, attributes) ? table : null;
        }

        /// <summary>
        /// Where among the entity's own attributes is the one that <paramref name="name"/> (<c>version</c>, <c>ttl</c>) gives
        /// a role, when its type <paramref name="fits"/>; otherwise -1 after DDB014 at the name (a key attribute never has one).
        /// </summary>
        private int RoleAttribute(JsonString name, string role, List<AttributeModel> own, HashSet<string> keyOwned, Func<TypeModel, bool> fits, string purpose, string expected)
        {
            var index = own.FindIndex(a => a.Name == name.Value);
            if (index >= 0 && fits(own[index].Type))
            {
                return index;
            }

            var property = role.ToLowerInvariant();
            _context.Report(DiagnosticDescriptors.InvalidValue, name.Span, name.Value, property, keyOwned.Contains(name.Value) ? $" A key attribute cannot be the {role} attribute." : purpose, expected);
            return -1;
        }

        /// <summary>
        /// The methods of the update type (<c>SetTitle</c>, <c>SetTitleIfNotExists</c>, <c>AddToTags</c>…) are named after
        /// the attributes, so two attributes can ask for one name ('title' and 'title_if_not_exists'), or one for the type's
        /// own name; such a pair is refused (DDB006) at the attribute that comes second, as it is public API.
        /// </summary>
        private bool CheckUpdateMethods(TableModel table, Dictionary<string, ParsedAttribute> parsed)
        {
            var methods = new Dictionary<string, string>(StringComparer.Ordinal);
            Reserve(methods, new[] { table.UpdateTypeName }, "the name of the update type itself");
            var ok = true;
            foreach (var attribute in table.ChangeableAttributes)
            {
                foreach (var (_, method) in table.UpdateMethods(attribute))
                {
                    if (methods.TryGetValue(method, out var holder))
                    {
                        var span = parsed.TryGetValue(attribute.Name, out var declared) ? declared.CSharpNameSpan ?? declared.NameSpan : default;
                        _context.ReportDuplicate(span, "update method", method, $"{holder}, which '{attribute.Name}' would make too", "Rename one of them with \"csharpName\".");
                        ok = false;
                        break;
                    }

                    methods[method] = $"the update method of '{attribute.Name}' in {table.UpdateTypeName}";
                }
            }

            return ok;
        }

        /// <summary>
        /// A placeholder names a key part or an attribute, so one name under both could mean either: reported at the later
        /// of the two, naming the earlier, and the key part set aside so the name is reported once.
        /// </summary>
        private void RefuseKeyPartsNamedLikeAttributes(Dictionary<string, ParsedKeyPart> keyParts, Dictionary<string, ParsedAttribute> attributes)
        {
            foreach (var part in keyParts.Values.Where(p => attributes.ContainsKey(p.Name)).ToList())
            {
                var attribute = attributes[part.Name];
                var partFirst = part.NameSpan.Start < attribute.NameSpan.Start;
                _context.ReportDuplicate(
                    partFirst ? attribute.NameSpan : part.NameSpan,
                    "key part or attribute name",
                    part.Name,
                    partFirst ? $"the key part {_context.At(part.NameSpan)}" : $"the attribute {_context.At(attribute.NameSpan)}",
                    $"A placeholder '{{{part.Name}}}' could mean either: keep the attribute to store the value on its own as well as in the key, or the key part to hold it in the key only.");
                keyParts.Remove(part.Name);
            }
        }

        /// <summary>Where a key names its C# property: its <c>csharpName</c>, else its attribute, else its template.</summary>
        private static TextSpan KeyNameSpan(JsonObject key)
            => (key.Find("csharpName")
                ?? key.Find("attribute")
                ?? key.Find("template"))?.Value.Span ?? key.Span;

        /// <summary>
        /// Whether <paramref name="identifier"/> is a usable C# <paramref name="what"/> (a <c>"type name"</c> by the stricter
        /// <see cref="Names.IsValidTypeName"/>); otherwise DDB011 at <paramref name="span"/>, where <paramref name="made"/>
        /// says what a made name came from, suggesting one made from <paramref name="source"/>.
        /// </summary>
        private bool CheckIdentifier(string identifier, TextSpan span, string what, string made = "", string? source = null)
        {
            if (what == "type name" ? Names.IsValidTypeName(identifier) : Names.IsValidIdentifier(identifier))
            {
                return true;
            }

            _context.Report(DiagnosticDescriptors.InvalidIdentifier, span, identifier, what, made, Names.SuggestIdentifier(source ?? identifier));
            return false;
        }

        /// <summary>
        /// Checks a table's or shared table's C# name and claims the names of the types generated from it; one report
        /// per table, even when several of its generated types clash (claiming stops at the first clash).
        /// </summary>
        private void ClaimTypeNames(JsonString? name, Func<string, string[]> derived)
            => _ = name is not null && CheckIdentifier(name.Value, name.Span, "type name") && derived(name.Value).All(type => ClaimUnique(_typeNames, type, name.Span, "generated type"));

        /// <summary>The members a generated record declares itself (inherited ones may share the type's name).</summary>
        private static readonly string[] DeclaredRecordMembers = { "ToString", "Equals", "GetHashCode", "EqualityContract", "PrintMembers" };

        /// <summary>
        /// A generated record cannot have a member named like itself (CS0542), so an entity or object type may not be named
        /// like a member every such record declares (an entity <c>Key</c>, whose key is its property <c>Key</c>).
        /// </summary>
        private void CheckRecordName(JsonString? name, IEnumerable<string> members, string holder)
        {
            if (name is not null && members.Contains(name.Value))
            {
                _context.ReportDuplicate(name.Span, "type name", name.Value, holder + ", which the type's own name cannot be", "Rename the type.");
            }
        }

        /// <summary>Checks a physical table name against DynamoDB's rule and claims it for this descriptor.</summary>
        private void ClaimTableName(JsonString? tableName)
        {
            if (tableName is null)
            {
                return;
            }

            _ = IsDynamoName(tableName.Value, tableName.Span, "tableName", "table");
            ClaimUnique(_tableNames, tableName.Value, tableName.Span, "table name");
        }

        /// <summary>Whether a table or index name (<paramref name="what"/>) keeps DynamoDB's rule for names; DDB014 at it when not.</summary>
        private bool IsDynamoName(string name, TextSpan span, string property, string what)
        {
            if (TableNames.IsValid(name))
            {
                return true;
            }

            _context.Report(DiagnosticDescriptors.InvalidValue, span, name, property, $" DynamoDB {what} names are 3 to 255 characters.", "letters, digits, '_', '-' and '.'");
            return false;
        }

        /// <summary>
        /// Whether a table's, entity's or index's <c>order</c> (one of <see cref="QueryOrders"/>, read by
        /// <see cref="ObjectReader.OneOf"/>) is <c>"descending"</c>; refused (DDB016) where <paramref name="notApplicable"/>
        /// says why there is nothing to order.
        /// </summary>
        private bool ReadOrder(JsonString? order, string owner, string? notApplicable)
        {
            if (order is not null && notApplicable is not null)
            {
                _context.Report(DiagnosticDescriptors.NotApplicable, order.Span, "order", owner, notApplicable + "; remove \"order\"");
                return false;
            }

            return order?.Value == "descending";
        }

        /// <summary>
        /// A table's (of one entity, or shared) <c>billingMode</c> and capacity: required with <c>PROVISIONED</c> (DDB030),
        /// refused with on-demand billing (DDB032); null for an on-demand table.
        /// </summary>
        private CapacityModel? ReadTableCapacity(ObjectReader reader, JsonString? billing, string label)
        {
            _ = billing is null || _context.IsOneOf(billing, "billingMode", BillingModes);
            if (billing?.Value == "PROVISIONED" && reader.Property("capacity") is null)
            {
                _context.Report(DiagnosticDescriptors.MissingCapacity, billing.Span, ObjectReader.Capitalized(label));
            }

            var onDemand = billing is null || billing.Value == "PAY_PER_REQUEST";
            return ReadCapacity(reader, label, onDemand ? "the table is billed on demand (\"PAY_PER_REQUEST\", the default); set \"billingMode\": \"PROVISIONED\" to give it capacity, or remove it" : null);
        }

        /// <summary>
        /// The <c>"capacity": { "read": 5, "write": 5 }</c> of a table or global index, if it has one: both whole numbers of
        /// 1 or more (DDB031), as DynamoDB requires; refused (DDB032) where <paramref name="notApplicable"/> says why none applies.
        /// </summary>
        private CapacityModel? ReadCapacity(ObjectReader owner, string label, string? notApplicable)
        {
            var property = owner.Property("capacity");
            var json = owner.Object("capacity");
            if (property is not null && notApplicable is not null)
            {
                _context.Report(DiagnosticDescriptors.CapacityNotProvisioned, property.NameSpan, label, notApplicable);
                return null;
            }

            if (json is null)
            {
                return null;
            }

            var reader = new ObjectReader(_context, json, "the capacity of " + label, CapacityProperties);
            var read = Units("read");
            var write = Units("write");
            return read is { } r && write is { } w ? new CapacityModel(r, w) : null;

            long? Units(string name)
            {
                if (reader.Number(name, required: true, "5") is not { } number)
                {
                    return null;
                }

                if (!long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1)
                {
                    _context.Report(DiagnosticDescriptors.InvalidCapacity, number.Span, name, label, number.Text);
                    return null;
                }

                return units;
            }
        }

        /// <summary>
        /// Claims <paramref name="value"/> for the text at <paramref name="span"/>, or reports it (DDB006) where it was
        /// claimed already: by the schema class (an empty span), earlier in the same text, or elsewhere.
        /// </summary>
        private bool ClaimUnique(Dictionary<string, TextSpan> seen, string value, TextSpan span, string what, string? fix = null)
        {
            if (seen.TryGetValue(value, out var first))
            {
                _context.ReportDuplicate(span, what, value, first.Length == 0 ? "the schema class" : first == span ? "earlier in the same template" : _context.At(first), fix);
                return false;
            }

            seen.Add(value, span);
            return true;
        }

        /// <summary>An attribute as read, with where the descriptor writes what diagnostics point at.</summary>
        /// <param name="FormatSpan">Where the attribute's <c>format</c> value stands, if it has one.</param>
        /// <param name="ZoneSpan">Where the attribute's <c>timeZone</c> value stands, if it has one.</param>
        /// <param name="ManagedSpan">For a counter or timestamp, where its <c>counter</c> or <c>timestamp</c> value stands; null otherwise.</param>
        /// <param name="UniqueSpan">Where <c>"unique": true</c> stands (its value), if the attribute is declared unique.</param>
        private sealed record ParsedAttribute(AttributeModel Model, TextSpan NameSpan, TextSpan? CSharpNameSpan, TextSpan? FormatSpan, TextSpan? ZoneSpan, TextSpan? ManagedSpan, TextSpan? UniqueSpan);

        /// <summary>A key part as read: its model, before a template sets the text after it.</summary>
        /// <param name="WidthSpan">Where a fixed-width number part's width (<c>"format": "D10"</c>) is written.</param>
        private sealed record ParsedKeyPart(KeyPartModel Model, TextSpan NameSpan, TextSpan? WidthSpan)
        {
            public string Name => Model.Name;
        }

        /// <summary>
        /// The entries of a map of named objects (attributes, key parts), each name once: a repeated name is reported
        /// at the repetition, and a value that is not an object at the value; both are skipped.
        /// </summary>
        private IEnumerable<(JsonProperty Property, JsonObject Value)> NamedObjects(JsonObject? json, string what)
            => json is null
                ? Enumerable.Empty<(JsonProperty, JsonObject)>()
                : _context.Distinct(json, what, null, p => ObjectValue(p, "an object such as { \"type\": \"string\" }") is not null).Select(p => (p, (JsonObject)p.Value));

        /// <summary>The object a named entry must hold, or null after reporting the value with an example of one.</summary>
        private JsonObject? ObjectValue(JsonProperty property, string example)
        {
            if (property.Value is JsonObject value)
            {
                return value;
            }

            _context.Report(DiagnosticDescriptors.WrongValueKind, property.Value.Span, property.Name, example, property.Value.KindName);
            return null;
        }

        private Dictionary<string, ParsedAttribute> ReadAttributes(JsonObject? json)
        {
            var result = new Dictionary<string, ParsedAttribute>(StringComparer.Ordinal);
            foreach (var (property, attributeJson) in NamedObjects(json, "attribute"))
            {
                if (property.Name.Length == 0)
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, property.NameSpan, string.Empty, "attribute name", " Attribute names cannot be empty.", "any non-empty text");
                    continue;
                }

                var reader = new ObjectReader(_context, attributeJson, $"attribute '{property.Name}'", AttributeProperties);
                var type = ReadType(reader, property.Name);
                var required = reader.Boolean("required")?.Value ?? false;
                var csharpName = reader.String("csharpName");
                var sensitivity = ReadSensitivity(reader, property.Name, type);
                var pattern = ReadPattern(reader, property.Name, type);
                var rules = ReadRules(reader, property.Name, type);
                var description = reader.String("description")?.Value;
                var defaultLiteral = ReadDefault(reader.Property("default"), property.Name, type);
                var normalize = ReadNormalize(reader, property.Name, type, sensitivity);
                var counterStart = ReadCounter(reader, property.Name, type, defaultLiteral is not null);
                var timestamp = ReadTimestamp(reader, property.Name, type, required, defaultLiteral is not null);

                // A counter an item lacks (stored before the counter was declared) reads as its start.
                defaultLiteral ??= counterStart;
                if (type is { Kind: ValueKind.Set })
                {
                    // DynamoDB stores no empty set: an absent set reads back empty, so the property is never null.
                    defaultLiteral ??= EmptySetLiteral(type);
                }

                var writeNull = ReadWriteNull(reader, property.Name, type, required, defaultLiteral);

                var propertyName = csharpName?.Value ?? Names.ToPascalCase(property.Name);
                CheckIdentifier(propertyName, csharpName?.Span ?? property.NameSpan, "property name", csharpName is null ? $" (made from the attribute name '{property.Name}'; set \"csharpName\")" : string.Empty, property.Name);

                var unique = reader.Boolean("unique");
                var model = new AttributeModel(property.Name, propertyName, type ?? TypeModel.String, required, defaultLiteral, sensitivity, pattern, description, rules, writeNull, counterStart, timestamp, normalize, unique?.Value ?? false);
                var managedSpan = counterStart is not null ? reader.Property("counter")!.Value.Span : timestamp != TimestampKind.None ? reader.Property("timestamp")!.Value.Span : (TextSpan?)null;
                result.Add(property.Name, new ParsedAttribute(model, property.NameSpan, csharpName?.Span, reader.Property("format")?.Value.Span, reader.Property("timeZone")?.Value.Span, managedSpan, unique is { Value: true } ? unique.Span : null));
            }

            return result;
        }

        private Dictionary<string, ParsedKeyPart> ReadKeyParts(JsonObject? json)
        {
            var result = new Dictionary<string, ParsedKeyPart>(StringComparer.Ordinal);
            foreach (var (property, partJson) in NamedObjects(json, "key part"))
            {
                var reader = new ObjectReader(_context, partJson, $"key part '{property.Name}'", KeyPartProperties);
                var propertyName = Names.ToPascalCase(property.Name);
                // A key part has no csharpName: its C# name is always made from its name.
                CheckIdentifier(propertyName, property.NameSpan, "property name", $" (made from the key part name '{property.Name}'; a key part takes its C# name from its name, so rename the part)", property.Name);

                var type = ReadType(reader, property.Name, keyPart: true);
                var sensitivity = ReadSensitivity(reader, property.Name, type);
                var pattern = ReadPattern(reader, property.Name, type);
                var normalize = ReadNormalize(reader, property.Name, type ?? TypeModel.String, sensitivity);
                var description = reader.String("description")?.Value;
                var width = type is { Kind: ValueKind.Int32 or ValueKind.Int64 } ? ReadNumberWidth(reader.String("format"), property.Name, type.Kind) : null;
                if (type is not null && !CheckKeyValueType(property.Name, type, reader.Property("type")!.Value.Span, reader.Property("format")?.Value.Span, reader.Property("timeZone")?.Value.Span))
                {
                    type = null;
                }

                var model = KeyPart(property.Name, propertyName, type ?? TypeModel.String, sensitivity, pattern, null, description, normalize, width);
                result.Add(property.Name, new ParsedKeyPart(model, property.NameSpan, width is null ? null : reader.Property("format")?.Value.Span));
            }

            return result;
        }

        private KeyModel? ReadKey(
            JsonObject json,
            string which,
            Dictionary<string, ParsedAttribute> attributes,
            Dictionary<string, ParsedKeyPart> keyParts,
            Dictionary<string, TextSpan> usedParts,
            List<KeyPartModel> partModels,
            JsonString? groupAttribute = null)
        {
            var reader = new ObjectReader(_context, json, which, KeyProperties);
            var firstPart = partModels.Count;
            var attribute = reader.String("attribute", required: groupAttribute is null, "\"id\"");
            if (groupAttribute is not null)
            {
                // The table declares the key attribute once; an entity gives only the template.
                if (attribute is not null && attribute.Value != groupAttribute.Value)
                {
                    _context.Report(DiagnosticDescriptors.KeyAttributeMisuse, attribute.Span, $"The table's {which} attribute is '{groupAttribute.Value}', so an entity cannot use '{attribute.Value}'. Leave \"attribute\" out of the entity's {which}.");
                    return null;
                }

                attribute = groupAttribute;
            }

            var template = reader.String("template");
            var csharpName = reader.String("csharpName");
            var keyDescription = reader.String("description")?.Value;
            if (attribute is null)
            {
                return null;
            }

            attributes.TryGetValue(attribute.Value, out var declared);
            if (template is null)
            {
                // A plain key: the attribute itself is the key's only part.
                if (declared is null)
                {
                    _context.Report(
                        DiagnosticDescriptors.KeyAttributeMisuse,
                        attribute.Span,
                        $"The {which} attribute '{attribute.Value}' is not declared. Declare it under \"attributes\" with its type, or give the key a \"template\".");
                    return null;
                }

                if (csharpName is not null)
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, csharpName.Span, "csharpName", which, "a key without a template takes its C# name from the attribute; set \"csharpName\" on the attribute instead");
                }

                // A date key attribute is stored as the text of its format, which must sort like a template's date part.
                if (!CheckKeyValueType(attribute.Value, declared.Model.Type, attribute.Span, declared.FormatSpan, declared.ZoneSpan, declared.NameSpan, plain: true)
                    || !ClaimPart(usedParts, attribute.Value, attribute.Span))
                {
                    return null;
                }

                var part = KeyPart(declared.Model, stored: null);
                partModels.Add(part);
                var segments = new[] { new TemplateSegment(true, attribute.Value) }.ToEquatableArray();
                return new KeyModel(attribute.Value, declared.Model.PropertyName, segments, new[] { part }.ToEquatableArray(), keyDescription ?? declared.Model.Description);
            }

            if (declared is not null)
            {
                _context.Report(
                    DiagnosticDescriptors.KeyAttributeMisuse,
                    declared.NameSpan,
                    $"'{attribute.Value}' is built from the {which} template \"{template.Value}\", so it cannot also be declared as an attribute. Remove it from \"attributes\" (set \"csharpName\" or \"description\" on the {which} instead).");
                return null;
            }

            var parsed = KeyTemplate.TryParse(template.Value, out var error);
            if (parsed is null)
            {
                _context.Report(DiagnosticDescriptors.InvalidTemplate, template.Span, template.Value, error!);
                return null;
            }

            var ok = true;
            for (var i = 0; i < parsed.Count; i++)
            {
                var segment = parsed[i];
                if (!segment.IsPart)
                {
                    continue;
                }

                // A declared key part, or an attribute whose value the key holds too.
                KeyPartModel? part = null;
                if (keyParts.TryGetValue(segment.Text, out var keyPart))
                {
                    if (keyPart.Model.Width is not null && parsed.Count == 1)
                    {
                        // A template of the part alone stores the number itself (N), which sorts as a number already.
                        _context.Report(
                            DiagnosticDescriptors.NotApplicable,
                            keyPart.WidthSpan ?? keyPart.NameSpan,
                            "format",
                            keyPart.Name,
                            $"the {which} template \"{template.Value}\" is the part alone, stored as a number (N) that sorts in number order already; remove \"format\", or put literal text in the template (\"LINE#{{{keyPart.Name}}}\")");
                    }
                    else if (keyPart.Model.Format is not { } format || CheckDateInTemplate(template, parsed, i, keyPart.Model.Type, format))
                    {
                        part = keyPart.Model;
                    }
                }
                else if (attributes.TryGetValue(segment.Text, out var stored))
                {
                    if (CheckKeyValueType(stored.Model.Name, stored.Model.Type, stored.NameSpan, stored.FormatSpan, stored.ZoneSpan, stored.NameSpan)
                        && (!stored.Model.Type.Kind.IsDate() || CheckDateInTemplate(template, parsed, i, stored.Model.Kind, stored.Model.Type.Format!)))
                    {
                        part = KeyPart(stored.Model, stored: stored.Model.Name);
                    }
                }
                else
                {
                    _context.Report(
                        DiagnosticDescriptors.UnknownTemplatePart,
                        template.Span,
                        attribute.Value,
                        segment.Text,
                        Names.DidYouMean(segment.Text, keyParts.Keys.Concat(attributes.Keys)));
                }

                if (part is null || !ClaimPart(usedParts, segment.Text, template.Span))
                {
                    ok = false;
                    continue;
                }

                partModels.Add(part with { ForbiddenText = i + 1 < parsed.Count ? parsed[i + 1].Text : null });
            }

            if (!ok)
            {
                return null;
            }

            var propertyName = csharpName?.Value ?? Names.ToPascalCase(attribute.Value);
            if (!CheckIdentifier(propertyName, csharpName?.Span ?? attribute.Span, "property name", string.Empty, attribute.Value))
            {
                return null;
            }

            return new KeyModel(attribute.Value, propertyName, parsed.ToEquatableArray(), partModels.Skip(firstPart).ToEquatableArray(), keyDescription);
        }

        /// <summary>
        /// Reads the fixed width of an <c>int</c> or <c>long</c> key part, <c>"D1"</c> up to the digits of the type's
        /// largest value (<c>"D10"</c> for an int, <c>"D19"</c> for a long); anything else is DDB040.
        /// </summary>
        private int? ReadNumberWidth(JsonString? format, string name, ValueKind kind)
        {
            if (format is null)
            {
                return null;
            }

            var most = kind == ValueKind.Int32 ? 10 : 19;
            var text = format.Value;
            if (text.Length is 2 or 3 && text[0] == 'D' && text.Skip(1).All(c => c is >= '0' and <= '9') && text[1] != '0'
                && int.Parse(text.Substring(1), CultureInfo.InvariantCulture) is var width && width <= most)
            {
                return width;
            }

            _context.Report(DiagnosticDescriptors.InvalidNumberWidth, format.Span, text, name, kind == ValueKind.Int32 ? "an int" : "a long", most.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        /// <summary>A key part held by an attribute: a plain key's (<paramref name="stored"/> null) or a template's.</summary>
        private static KeyPartModel KeyPart(AttributeModel attribute, string? stored)
            => KeyPart(attribute.Name, attribute.PropertyName, attribute.Type, attribute.Sensitivity, attribute.Pattern, stored, attribute.Description, attribute.Normalize, null);

        /// <summary>
        /// A key part with the names and day length derived from what is declared; a template that uses it sets the text
        /// after it (<see cref="KeyPartModel.ForbiddenText"/>).
        /// </summary>
        private static KeyPartModel KeyPart(string name, string propertyName, TypeModel type, Sensitivity sensitivity, string? pattern, string? stored, string? description, TextNormalization normalize, int? width)
        {
            // How many characters of a date-time part's key text hold its day; null for other parts (only dates have a format).
            var dayLength = type.Format is { } format ? KeyDateFormats.DayLength(type.Kind, format) : null;
            return new KeyPartModel(name, propertyName, Names.ToParameterName(propertyName), type.Kind, sensitivity, pattern, null, stored, description, type.Format, dayLength, normalize, width);
        }

        /// <summary>
        /// Whether a key part, or a plain key's attribute (<paramref name="plain"/>), can have <paramref name="type"/>: text
        /// in the composed key, so a string or a number (int, long, decimal), for a plain key's attribute also bytes stored
        /// as B, and a date whose format sorts (<see cref="KeyDateFormats"/>). DDB010 at <paramref name="typeSpan"/> for a
        /// type keys cannot have; DDB021 for a date whose format does not sort, where its format or time zone is written.
        /// </summary>
        private bool CheckKeyValueType(string name, TypeModel type, TextSpan typeSpan, TextSpan? formatSpan, TextSpan? zoneSpan, TextSpan? fallback = null, bool plain = false)
        {
            if (type.Kind.IsDate() && KeyDateFormats.Problem(type.Kind, type.Format!) is { } problem)
            {
                var atZone = !type.Format!.EpochSeconds && type.Format.OffsetMinutes is null;
                _context.Report(DiagnosticDescriptors.UnsortableKeyDate, (atZone ? zoneSpan : formatSpan) ?? fallback ?? new TextSpan(0, 0), name, problem, KeyDateFormats.Advice(type.Kind));
                return false;
            }

            if (type.Kind.IsDate() || type.Kind is ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal || (plain && type.Kind == ValueKind.Binary))
            {
                return true;
            }

            ReportKeyType(typeSpan, name, type);
            return false;
        }

        /// <summary>
        /// A date part needs literal text beside it (a key of a date alone is not a template), and the literal after it
        /// must start with a character the date's text never holds, or a stored key could not be split (DDB009).
        /// </summary>
        private bool CheckDateInTemplate(JsonString template, IReadOnlyList<TemplateSegment> segments, int index, ValueKind kind, DateFormatModel format)
        {
            var name = segments[index].Text;
            if (segments.Count == 1)
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidTemplate,
                    template.Span,
                    template.Value,
                    $"the date '{{{name}}}' stands alone; a date is a key on its own as the key attribute itself (\"attribute\": \"{name}\" without a \"template\"), otherwise only inside text: write a prefix such as 'DAY#{{{name}}}'");
                return false;
            }

            if (index + 1 < segments.Count && KeyDateFormats.CanContain(kind, format, segments[index + 1].Text[0]))
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidTemplate,
                    template.Span,
                    template.Value,
                    $"'{{{name}}}' is followed by '{segments[index + 1].Text}', but its text can hold '{segments[index + 1].Text[0]}' ({KeyDateFormats.SampleText(kind, format)}), so a stored key could not be split; start the text after a date with a character it never holds, such as '#'");
                return false;
            }

            return true;
        }

        /// <summary>Each part is one value of the key type, read back from one place in the stored keys.</summary>
        private bool ClaimPart(Dictionary<string, TextSpan> usedParts, string name, TextSpan span)
            => ClaimUnique(usedParts, name, span, "key part use", "Use each part once in a table's keys; declare a second part if both places need a value.");

        /// <summary>
        /// Checks that the C# names a table produces can live together: the entity's properties beside the members every
        /// entity has, the key type's beside the key's public members, and the members of the static types named after
        /// the entity (<c>OrderFields</c>, <c>OrderFlag</c>) beside those types' own names. Parameters, locals and private
        /// members are named when the code is written (<see cref="KeyNames"/>, <see cref="UniqueNames"/>), where a
        /// generated name gives way to the descriptor's, so they need no check here.
        /// </summary>
        private void CheckGeneratedNames(
            string? typeName,
            KeyModel? partition,
            KeyModel? sort,
            List<KeyPartModel> parts,
            List<ParsedAttribute> own,
            Func<string, TextSpan> spanOf,
            bool inGroup,
            bool hasFlags)
        {
            var keys = new[] { partition, sort }.Where(k => k is not null).Select(k => k!).ToList();

            // A key whose C# name is its own (a template): the entity has it unless it is one placeholder, which has the
            // placeholder's name there; the fields and the table's attribute names have it either way.
            var named = keys.Where(k => !k.IsSinglePart || k.Segments[0].Text != k.AttributeName).ToList();

            // The entity record.
            var entity = new Dictionary<string, string>(StringComparer.Ordinal);
            Reserve(entity, EntityMembers, "a member every generated entity has");
            Reserve(entity, inGroup ? new[] { "Match" } : Array.Empty<string>(), "the method every item of a shared table has");
            Reserve(entity, typeName is null ? Array.Empty<string>() : new[] { typeName }, "the type's own name");
            var partNames = parts.Select(p => (p.PropertyName, p.Name, spanOf(p.Name))).ToList();
            foreach (var (property, name, span) in named.Select(k => (k.PropertyName, k.AttributeName, spanOf(k.AttributeName)))
                .Concat(partNames)
                .Concat(own.Select(a => (a.Model.PropertyName, a.Model.Name, a.CSharpNameSpan ?? a.NameSpan))))
            {
                Claim(entity, "C# property name", property, span, name);
            }

            // The key type: its parts and composed keys beside its public members.
            var keyType = new Dictionary<string, string>(StringComparer.Ordinal);
            Reserve(keyType, KeyNames.Members, "a member every generated key has");
            Reserve(keyType, typeName is null ? Array.Empty<string>() : new[] { typeName + "Key" }, "the key type's own name");
            foreach (var (property, name, span) in keys.Where(k => !k.IsSinglePart).Select(k => (k.PropertyName, k.AttributeName, spanOf(k.AttributeName))).Concat(partNames))
            {
                Claim(keyType, "C# member of the key type", property, span, name);
            }

            if (typeName is null)
            {
                return;
            }

            // Static types whose members are named after attributes cannot have a member of their own name (CS0542).
            foreach (var (type, members) in new[]
            {
                (typeName + "Fields", keys.Select(k => (k.PropertyName, spanOf(k.AttributeName))).Concat(own.Select(a => (a.Model.PropertyName, a.CSharpNameSpan ?? a.NameSpan)))),
                (typeName + "Flag", hasFlags ? own.Where(a => a.Model.Kind == ValueKind.Bool).Select(a => (a.Model.PropertyName, a.CSharpNameSpan ?? a.NameSpan)) : Enumerable.Empty<(string, TextSpan)>()),
            })
            {
                foreach (var (member, span) in members.Where(m => m.Item1 == type))
                {
                    _context.ReportDuplicate(span, "C# name", member, $"the generated type {type}, whose member it would be", "Rename the attribute with \"csharpName\".");
                }
            }
        }

        private static void Reserve(Dictionary<string, string> scope, IEnumerable<string> names, string holder)
        {
            foreach (var name in names.Where(n => !scope.ContainsKey(n)))
            {
                scope[name] = holder;
            }
        }

        private void Claim(Dictionary<string, string> scope, string what, string name, TextSpan span, string source)
        {
            if (scope.TryGetValue(name, out var holder))
            {
                _context.ReportDuplicate(span, what, name, holder, "Rename one: set \"csharpName\" on the attribute or key, or rename the attribute or part.");
                return;
            }

            // Named with its position, so the message reads "the first one is 'booking_num' at line 9, column 9".
            scope[name] = $"'{source}' {_context.At(span)}";
        }
    }
}

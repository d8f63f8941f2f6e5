using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Tables that hold several entity types: the shared keys, the type attribute, and checks across entities.</summary>
    internal sealed partial class SchemaParser
    {
        private static readonly string[] GroupProperties = { "name", "tableName", "description", "billingMode", "capacity", "partitionKey", "sortKey", "typeAttribute", "keyParts", "entities" };
        private static readonly string[] GroupKeyProperties = { "attribute", "description" };
        private static readonly string[] EntityProperties =
        {
            "name", "description", "partitionKey", "sortKey", "keyParts", "attributes", "indexes", "extraAttributes", "ttl", "version", "order",
        };

        /// <summary>What the entities of a shared table inherit from it.</summary>
        /// <param name="TypeAttributeDeclared">Whether the table names its type attribute, rather than taking the default <c>_type</c>.</param>
        /// <param name="KeyParts">Key parts declared once on the table, for every entity that does not declare its own of that name.</param>
        /// <param name="Provisioned">Whether the table is <c>PROVISIONED</c>, so its entities' global indexes may have capacities of their own.</param>
        private sealed record GroupContext(string Name, JsonString TableName, JsonString PartitionAttribute, JsonString? SortAttribute, JsonString TypeAttribute, bool TypeAttributeDeclared, Dictionary<string, ParsedKeyPart> KeyParts, bool Provisioned)
        {
            /// <summary>The table's key parts some entity's key uses as the table declares them; filled while reading entities.</summary>
            public HashSet<string> UsedKeyParts { get; } = new(StringComparer.Ordinal);
        }

        private EntityGroupModel? ReadGroup(JsonObject json, List<TableModel> tables)
        {
            var errorsBefore = _context.Errors;
            var label = Label(json, "table", "a table");
            var reader = new ObjectReader(_context, json, label, GroupProperties);
            var name = reader.String("name", required: true, "\"Stores\"");
            var tableName = reader.String("tableName", required: true, "\"stores\"");
            var description = reader.String("description")?.Value;
            var billing = reader.String("billingMode");
            var partitionJson = reader.Object("partitionKey", required: true, "{ \"attribute\": \"pk\" }");
            var sortJson = reader.Object("sortKey");
            var declaredTypeAttribute = reader.String("typeAttribute");
            var keyParts = ReadKeyParts(reader.Object("keyParts"));
            var typeAttribute = declaredTypeAttribute ?? new JsonString(new TextSpan(json.Span.Start, 1), "_type");
            var entitiesJson = reader.Array("entities", required: true, "[ { \"name\": \"Store\", ... } ]");

            ClaimTypeNames(name, n => new[] { n + "Table", n + "Item", n + "Marshaller", n + "Repository", "I" + n + "Repository" });
            ClaimTableName(tableName);
            var capacity = ReadTableCapacity(reader, billing, label);

            var partitionAttribute = partitionJson is null ? null : new ObjectReader(_context, partitionJson, "partitionKey", GroupKeyProperties).String("attribute", required: true, "\"pk\"");
            var sortAttribute = sortJson is null ? null : new ObjectReader(_context, sortJson, "sortKey", GroupKeyProperties).String("attribute", required: true, "\"sk\"");
            if (name is null || tableName is null || partitionAttribute is null || entitiesJson is null || (sortJson is not null && sortAttribute is null))
            {
                return null;
            }

            // The type attribute holds the entity's name; as a key attribute it would be overwritten by the key (or
            // overwrite it), and items would be read as the wrong type or lose attributes.
            if (typeAttribute.Value == partitionAttribute.Value || typeAttribute.Value == sortAttribute?.Value)
            {
                var role = typeAttribute.Value == partitionAttribute.Value ? "partition" : "sort";
                _context.Report(
                    DiagnosticDescriptors.KeyAttributeMisuse,
                    typeAttribute.Span,
                    $"The type attribute '{typeAttribute.Value}' of table '{name.Value}' is its {role} key attribute. The type attribute holds each item's entity name and must be an attribute of its own: write \"typeAttribute\": \"_type\" (or leave it out for \"_type\").");
            }

            var context = new GroupContext(name.Value, tableName, partitionAttribute, sortAttribute, typeAttribute, declaredTypeAttribute is not null, keyParts, billing?.Value == "PROVISIONED");
            var entities = new List<(TableModel Model, JsonObject Json)>();
            foreach (var item in entitiesJson.Items)
            {
                if (item is not JsonObject entityJson)
                {
                    _context.Report(DiagnosticDescriptors.WrongValueKind, item.Span, "entities[]", "an object", item.KindName);
                    continue;
                }

                if (ReadTable(entityJson, context) is { } entity)
                {
                    entities.Add((entity, entityJson));
                }
            }

            foreach (var part in keyParts.Values.Where(p => !context.UsedKeyParts.Contains(p.Name)))
            {
                _context.Report(DiagnosticDescriptors.UnusedTableKeyPart, part.NameSpan, part.Name, name.Value);
            }

            if (entitiesJson.Items.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, entitiesJson.Span, "[]", "entities", " A shared table holds at least one entity type.", "one object per entity type");
            }

            CheckDistinguishable(entities);
            var ttl = AgreedTtl(entities);
            var indexes = MergedIndexes(entities);
            CheckKeyStorage(entities, "partitionKey", partitionAttribute.Value, e => e.PartitionKey);
            if (sortAttribute is not null)
            {
                CheckKeyStorage(entities, "sortKey", sortAttribute.Value, e => e.SortKey);
            }

            if (_context.Errors != errorsBefore)
            {
                return null;
            }

            SharePartitionSensitivity(entities);
            tables.AddRange(entities.Select(e => e.Model));
            var first = entities[0].Model;
            var shared = entities.All(e => e.Model.PartitionKey.Segments.Equals(first.PartitionKey.Segments)
                                           && e.Model.PartitionKey.Parts.Select(p => (p.Name, KeyWriting.Of(p))).SequenceEqual(first.PartitionKey.Parts.Select(p => (p.Name, KeyWriting.Of(p)))));
            return new EntityGroupModel(
                name.Value,
                tableName.Value,
                description,
                billing?.Value ?? "PAY_PER_REQUEST",
                partitionAttribute.Value,
                first.PartitionKey.Storage,
                sortAttribute?.Value,
                first.SortKey?.Storage ?? KeyStorage.String,
                typeAttribute.Value,
                ttl,
                entities.Select(e => e.Model.TypeName).ToEquatableArray(),
                indexes,
                shared ? first.TypeName : null,
                entities.SelectMany(e => e.Model.PartitionKey.Parts).Aggregate(Sensitivity.None, (most, part) => MaskedAtLeastAs(most, part.Sensitivity)),
                capacity);
        }

        /// <summary>
        /// Entities whose partition templates have the same shape (the same literals, parts in the same places) store
        /// the same partition values: a part that one of them declares sensitive is printed masked by all of them, or
        /// one entity's key, logs and exceptions would print what another's mask.
        /// </summary>
        private static void SharePartitionSensitivity(List<(TableModel Model, JsonObject Json)> entities)
        {
            static string Shape(KeyModel key) => string.Join("\u0001", key.Segments.Select(s => s.IsPart ? "\u0000" : s.Text));

            foreach (var same in entities.Select((e, i) => (Shape: Shape(e.Model.PartitionKey), Index: i)).GroupBy(e => e.Shape).Where(g => g.Count() > 1))
            {
                var members = same.Select(e => e.Index).ToList();
                var parts = members.Select(i => entities[i].Model.PartitionKey.Parts).ToList();
                for (var position = 0; position < parts[0].Count; position++)
                {
                    var most = parts.Aggregate(Sensitivity.None, (max, p) => MaskedAtLeastAs(max, p[position].Sensitivity));
                    for (var m = 0; m < members.Count; m++)
                    {
                        var part = parts[m][position];
                        var raised = MaskedAtLeastAs(part.Sensitivity, most);
                        if (raised == part.Sensitivity)
                        {
                            continue;
                        }

                        var model = entities[members[m]].Model;
                        model = model with
                        {
                            PartitionKey = model.PartitionKey with { Parts = model.PartitionKey.Parts.Select(k => k.Name == part.Name ? k with { Sensitivity = raised } : k).ToEquatableArray() },
                            Attributes = model.Attributes.Select(a => a.Name == part.StoredAttribute ? a with { Sensitivity = MaskedAtLeastAs(a.Sensitivity, raised) } : a).ToEquatableArray(),
                        };
                        entities[members[m]] = (model, entities[members[m]].Json);
                    }
                }
            }
        }

        /// <summary>
        /// <paramref name="own"/>, masked at least as much as <paramref name="other"/> for printing. A phone keeps its
        /// own masking (and normalisation); a value that is not declared a phone is never normalised as one, so
        /// another entity's phone makes it personal.
        /// </summary>
        private static Sensitivity MaskedAtLeastAs(Sensitivity own, Sensitivity other)
            => other <= own || own.IsPhone() ? own : other.IsPhone() ? Sensitivity.Personal : other;

        /// <summary>
        /// The entities of a table share its key attributes, and a key attribute has one type: each entity's key must be
        /// stored as the first entity's is (text for a template with literals, the part's own type for a single part).
        /// </summary>
        private void CheckKeyStorage(List<(TableModel Model, JsonObject Json)> entities, string which, string attribute, Func<TableModel, KeyModel?> keyOf)
        {
            if (entities.Count == 0 || keyOf(entities[0].Model) is not { } firstKey)
            {
                return;
            }

            var (first, firstJson) = entities[0];
            var expected = firstKey.Storage;
            foreach (var (entity, json) in entities.Skip(1))
            {
                if (keyOf(entity) is not { } key || key.Storage == expected)
                {
                    continue;
                }

                // The entity whose key is one part stored as a number or bytes gets a literal prefix in the example.
                var (single, singleKey) = firstKey.IsSinglePart && expected != KeyStorage.String ? (first, firstKey) : (entity, key);
                var example = $"\"{single.TypeName.ToUpperInvariant()}#{{{singleKey.Segments[0].Text}}}\"";
                _context.Report(
                    DiagnosticDescriptors.InvalidKeyType,
                    TemplateSpan(json, which),
                    $"The {which} template \"{key.Template}\" of entity '{entity.TypeName}' is stored as {StorageName(key.Storage)}, but \"{firstKey.Template}\" of entity '{first.TypeName}' ({_context.At(TemplateSpan(firstJson, which))}) as {StorageName(expected)}.",
                    $"The entities of a table share its key attribute '{attribute}', which has one type: give the templates literal text, such as {example} for '{single.TypeName}', so that each is stored as text (S), or make every entity's {which} one part of the same type.");
            }
        }

        private static string StorageName(KeyStorage storage) => storage switch
        {
            KeyStorage.Number => "a number (N)",
            KeyStorage.Binary => "bytes (B)",
            _ => "text (S)",
        };

        /// <summary>
        /// The key parts an entity's keys may name: its own, then the table's that it neither redeclares as a key part nor
        /// stores as an attribute of that name (an entity's own declaration overrides the table's).
        /// </summary>
        private static Dictionary<string, ParsedKeyPart> WithTableKeyParts(Dictionary<string, ParsedKeyPart> own, Dictionary<string, ParsedAttribute> attributes, GroupContext? group)
        {
            if (group is null || group.KeyParts.Count == 0)
            {
                return own;
            }

            var all = new Dictionary<string, ParsedKeyPart>(own, StringComparer.Ordinal);
            foreach (var part in group.KeyParts.Values.Where(p => !own.ContainsKey(p.Name) && !attributes.ContainsKey(p.Name)))
            {
                all.Add(part.Name, part);
            }

            return all;
        }

        /// <summary>
        /// Notes which of the table's key parts an entity's keys use, and refuses (DDB042) an entity's own part or attribute
        /// that overrides one of them in its partition key with another type, width, date format, normalisation or phone
        /// region (<see cref="KeyWriting"/>): the entities would store one value's partition in different text, so one
        /// user's items would no longer share a partition.
        /// </summary>
        private void CheckTableKeyParts(GroupContext? group, string entity, KeyModel? partition, IEnumerable<KeyPartModel> used, Dictionary<string, ParsedKeyPart> own, Dictionary<string, ParsedAttribute> attributes)
        {
            if (group is null)
            {
                return;
            }

            foreach (var part in used.Where(p => group.KeyParts.ContainsKey(p.Name)))
            {
                var shared = group.KeyParts[part.Name];
                var overrideSpan = own.TryGetValue(part.Name, out var ownPart) ? ownPart.NameSpan : attributes.TryGetValue(part.Name, out var attribute) ? attribute.NameSpan : (TextSpan?)null;
                if (overrideSpan is null)
                {
                    group.UsedKeyParts.Add(part.Name);
                    continue;
                }

                var written = KeyWriting.Of(part);
                var sharedWritten = KeyWriting.Of(shared.Model);
                if (partition is not null && partition.Parts.Contains(part) && written != sharedWritten)
                {
                    _context.Report(
                        DiagnosticDescriptors.TableKeyPartOverride,
                        overrideSpan.Value,
                        entity,
                        part.Name,
                        written.Describe(),
                        group.Name,
                        sharedWritten.Describe(),
                        _context.At(shared.NameSpan));
                }
            }
        }

        /// <summary>
        /// What decides the text a key part writes for a value: its type, width or date format, normalisation and phone
        /// region (a phone is normalised by its region). Two parts that agree on it write one value alike.
        /// </summary>
        private readonly record struct KeyWriting(ValueKind Type, int? Width, DateFormatModel? Format, TextNormalization Normalize, Sensitivity Phone)
        {
            public static KeyWriting Of(KeyPartModel part)
                => new(part.Type, part.Width, part.Format, part.Normalize, part.Sensitivity.IsPhone() ? part.Sensitivity : Sensitivity.None);

            /// <summary>How the part is written, for messages: its type, then its width or date format, normalisation and phone region.</summary>
            public string Describe()
            {
                var text = (Type == ValueKind.Int32 ? "an " : "a ") + SchemaParser.Describe(new TypeModel(Type));
                text += Width is { } digits ? $" of {digits} digits"
                    : Format is { Pattern: { } pattern } ? $" written as '{pattern}'"
                    : Format is { OffsetMinutes: { } minutes } && minutes != 0 ? $" in offset {minutes} minutes"
                    : string.Empty;
                if (Normalize != TextNormalization.None)
                {
                    // NormalizeNames lists the flags in their order: trim 1, lowercase 2, uppercase 4.
                    var normalize = (int)Normalize;
                    text += " normalised with " + string.Join(", ", NormalizeNames.Where((_, i) => (normalize & (1 << i)) != 0).Select(n => $"'{n}'"));
                }

                return Phone switch
                {
                    Sensitivity.Phone => text + " normalised as a phone of region 'KR'",
                    Sensitivity.PhoneE164 => text + " normalised as a phone of region 'E164'",
                    _ => text,
                };
            }
        }

        /// <summary>How messages name a table or entity: by its <c>name</c> when it has one (<c>table 'Order'</c>).</summary>
        private static string Label(JsonObject json, string what, string unnamed)
            => json.Find("name")?.Value is JsonString name ? $"{what} '{name.Value}'" : unnamed;

        private static TextSpan NameSpan(JsonObject json)
            => json.Find("name")?.Value.Span ?? new TextSpan(json.Span.Start, 1);

        /// <summary>
        /// Two entities that can share a partition and whose sort keys begin with the same literal text (or one whose
        /// literal starts the other's) cannot be told apart by a <c>begins_with</c> query, and one's items could be read
        /// as the other's: a sort key such as <c>STAFF#{id}</c> beside <c>SHIFT#{date}</c> is fine, two <c>{id}</c> are
        /// not. Entities whose partition keys start with different literals never share a partition.
        /// </summary>
        private void CheckDistinguishable(List<(TableModel Model, JsonObject Json)> entities)
        {
            for (var i = 1; i < entities.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var (a, b) = (entities[j].Model, entities[i].Model);

                    // Partitions whose literal prefixes differ never hold each other's items, whatever their sort keys
                    // (a user's "#META" beside a product's "#META"); within a shared partition the sort keys tell them apart.
                    if (!Overlap(LeadingLiteral(a.PartitionKey), LeadingLiteral(b.PartitionKey)))
                    {
                        continue;
                    }

                    var useSort = a.SortKey is not null && b.SortKey is not null;
                    var left = LeadingLiteral(useSort ? a.SortKey! : a.PartitionKey);
                    var right = LeadingLiteral(useSort ? b.SortKey! : b.PartitionKey);
                    if (Overlap(left, right))
                    {
                        var which = useSort ? "sortKey" : "partitionKey";
                        _context.Report(
                            DiagnosticDescriptors.IndistinguishableKeys,
                            TemplateSpan(entities[i].Json, which),
                            b.TypeName,
                            $"'{a.TypeName}' ({_context.At(TemplateSpan(entities[j].Json, which))})",
                            which,
                            left.Length == 0 && right.Length == 0 ? "neither starts with literal text" : $"'{(left.Length <= right.Length ? left : right)}' starts both");
                    }
                }
            }
        }

        /// <summary>Whether keys starting with the two literal prefixes can be alike: one prefix starts the other (or both are empty).</summary>
        private static bool Overlap(string left, string right)
            => left.StartsWith(right, StringComparison.Ordinal) || right.StartsWith(left, StringComparison.Ordinal);

        /// <summary>The literal text a key template starts with (all of it for a constant), empty when it starts with a part.</summary>
        private static string LeadingLiteral(KeyModel key)
            => key.Segments.Count > 0 && !key.Segments[0].IsPart ? key.Segments[0].Text : string.Empty;

        private static TextSpan TemplateSpan(JsonObject entity, string which)
        {
            var key = entity.Find(which)?.Value as JsonObject;
            return key?.Find("template")?.Value.Span ?? key?.Span ?? NameSpan(entity);
        }

        private string? AgreedTtl(List<(TableModel Model, JsonObject Json)> entities)
        {
            (string Name, string Entity, TextSpan Span)? agreed = null;
            foreach (var (entity, json) in entities)
            {
                if (entity.TtlAttribute is null)
                {
                    continue;
                }

                var span = json.Find("ttl")!.Value.Span;
                if (agreed is { } first && first.Name != entity.TtlAttribute)
                {
                    _context.Report(
                        DiagnosticDescriptors.InvalidValue,
                        span,
                        entity.TtlAttribute,
                        "ttl",
                        $" A table has one TTL attribute, and entity '{first.Entity}' uses '{first.Name}' ({_context.At(first.Span)}): name the same attribute in both, or leave \"ttl\" out of one.",
                        $"\"{first.Name}\"");
                    continue;
                }

                agreed ??= (entity.TtlAttribute, entity.TypeName, span);
            }

            return agreed?.Name;
        }

        /// <summary>Every entity's indexes, each once; entities that name the same index must agree on its keys and projection.</summary>
        private EquatableArray<IndexModel> MergedIndexes(List<(TableModel Model, JsonObject Json)> entities)
        {
            var merged = new List<(IndexModel Index, string Entity, TextSpan Span)>();
            foreach (var (entity, json) in entities)
            {
                foreach (var index in entity.Indexes)
                {
                    var span = IndexNameSpan(json, index.Name);
                    var same = merged.FirstOrDefault(m => m.Index.Name == index.Name);
                    if (same.Index is null)
                    {
                        merged.Add((index, entity.TypeName, span));
                    }
                    else if (Difference(same.Index, index) is { } difference)
                    {
                        _context.Report(
                            DiagnosticDescriptors.InvalidValue,
                            span,
                            index.Name,
                            "indexes",
                            $" Entity '{same.Entity}' declares the index too ({_context.At(same.Span)}), with {difference}; the table has one index of that name, so entities that share it declare it alike.",
                            $"the declaration of '{same.Entity}' (or another index name)");
                    }
                }
            }

            return merged.Select(m => m.Index).ToEquatableArray();
        }

        /// <summary>What differs between two declarations of one index, as a phrase; null when they agree.</summary>
        private static string? Difference(IndexModel first, IndexModel other)
        {
            if (first.IsGlobal != other.IsGlobal)
            {
                return $"\"type\": \"{(first.IsGlobal ? "global" : "local")}\" where this one is {(other.IsGlobal ? "global" : "local")}";
            }

            if (!SameKey(first.PartitionKey, other.PartitionKey))
            {
                return $"the partition key '{first.PartitionKey.AttributeName}' where this one has '{other.PartitionKey.AttributeName}'";
            }

            if (!SameKey(first.SortKey, other.SortKey))
            {
                return $"{(first.SortKey is null ? "no sort key" : $"the sort key '{first.SortKey.AttributeName}'")} where this one has {(other.SortKey is null ? "none" : $"'{other.SortKey.AttributeName}'")}";
            }

            if (first.Projection != other.Projection || !first.Included.Equals(other.Included))
            {
                return $"\"projection\": \"{first.Projection}\"{(first.Included.Count == 0 ? string.Empty : $" of {string.Join(", ", first.Included)}")} where this one projects {other.Projection}{(other.Included.Count == 0 ? string.Empty : $" of {string.Join(", ", other.Included)}")}";
            }

            if (first.Capacity != other.Capacity)
            {
                return $"{Capacity(first.Capacity)} where this one has {Capacity(other.Capacity)}";
            }

            return null;

            static string Capacity(CapacityModel? capacity)
                => capacity is null ? "the table's capacity" : $"a capacity of {capacity.Read} read and {capacity.Write} write units";
        }

        /// <summary>Where an entity names one of its indexes.</summary>
        private static TextSpan IndexNameSpan(JsonObject entity, string name)
            => (entity.Find("indexes")?.Value as JsonObject)?.Find(name)?.NameSpan ?? NameSpan(entity);

        private static bool SameKey(IndexKeyModel? a, IndexKeyModel? b)
            => a is null ? b is null : b is not null && a.AttributeName == b.AttributeName && a.Storage == b.Storage;
    }
}

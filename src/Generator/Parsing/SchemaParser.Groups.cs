using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Tables that hold several entity types: the shared keys, the type attribute, and checks across entities.</summary>
    internal sealed partial class SchemaParser
    {
        private static readonly string[] GroupProperties = { "name", "tableName", "description", "billingMode", "partitionKey", "sortKey", "typeAttribute", "entities" };
        private static readonly string[] GroupKeyProperties = { "attribute", "description" };
        private static readonly string[] EntityProperties =
        {
            "name", "description", "partitionKey", "sortKey", "keyParts", "attributes", "indexes", "extraAttributes", "ttl", "version",
        };

        /// <summary>What the entities of a shared table inherit from it.</summary>
        private sealed class GroupContext
        {
            public GroupContext(string name, JsonString tableName, JsonString partitionAttribute, JsonString? sortAttribute, JsonString typeAttribute)
            {
                Name = name;
                TableName = tableName;
                PartitionAttribute = partitionAttribute;
                SortAttribute = sortAttribute;
                TypeAttribute = typeAttribute;
            }

            public string Name { get; }

            public JsonString TableName { get; }

            public JsonString PartitionAttribute { get; }

            public JsonString? SortAttribute { get; }

            public JsonString TypeAttribute { get; }
        }

        private EntityGroupModel? ReadGroup(
            JsonObject json,
            string ns,
            Dictionary<string, TextSpan> typeNames,
            Dictionary<string, TextSpan> tableNames,
            List<TableModel> tables)
        {
            var errorsBefore = ErrorCount();
            var label = json.Properties.FirstOrDefault(p => p.Name == "name")?.Value is JsonString nameJson ? $"table '{nameJson.Value}'" : "a table";
            var reader = new ObjectReader(_context, json, label, GroupProperties);
            var name = reader.String("name", required: true, "\"Stores\"");
            var tableName = reader.String("tableName", required: true, "\"stores\"");
            var description = reader.String("description")?.Value;
            var billing = reader.String("billingMode");
            var partitionJson = reader.Object("partitionKey", required: true, "{ \"attribute\": \"pk\" }");
            var sortJson = reader.Object("sortKey");
            var typeAttribute = reader.String("typeAttribute") ?? new JsonString(new TextSpan(json.Span.Start, 1), "_type");
            var entitiesJson = reader.Array("entities", required: true, "[ { \"name\": \"Store\", ... } ]");

            ClaimTypeNames(name, typeNames, n => new[] { n + "Table", n + "Item", n + "Marshaller", n + "Repository", "I" + n + "Repository" });
            ClaimTableName(tableName, tableNames);
            CheckBillingMode(billing);

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

            var context = new GroupContext(name.Value, tableName, partitionAttribute, sortAttribute, typeAttribute);
            var entities = new List<(TableModel Model, JsonObject Json)>();
            foreach (var item in entitiesJson.Items)
            {
                if (item is not JsonObject entityJson)
                {
                    _context.Report(DiagnosticDescriptors.WrongValueKind, item.Span, "entities[]", "an object", item.KindName);
                    continue;
                }

                var entity = ReadTable(entityJson, ns, typeNames, tableNames, context);
                if (entity is not null)
                {
                    entities.Add((entity, entityJson));
                }
            }

            if (entitiesJson.Items.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, entitiesJson.Span, "[]", "entities", " A shared table holds at least one entity type.", "one object per entity type");
            }

            CheckDistinguishable(entities);
            var ttl = AgreedTtl(entities);
            var indexes = MergedIndexes(entities);
            var partitionStorage = entities.Count > 0 ? KeyEmitter.Storage(entities[0].Model, entities[0].Model.PartitionKey) : KeyStorage.String;
            var sortStorage = entities.Count > 0 && entities[0].Model.SortKey is { } firstSort ? KeyEmitter.Storage(entities[0].Model, firstSort) : KeyStorage.String;
            foreach (var (entity, entityJson) in entities.Skip(1))
            {
                if (KeyEmitter.Storage(entity, entity.PartitionKey) != partitionStorage || (entity.SortKey is { } sort && KeyEmitter.Storage(entity, sort) != sortStorage))
                {
                    _context.Report(DiagnosticDescriptors.InvalidKeyType, NameSpan(entityJson), entity.TypeName, "a key of another stored type than the first entity's");
                }
            }

            if (ErrorCount() != errorsBefore)
            {
                return null;
            }

            SharePartitionSensitivity(entities);
            tables.AddRange(entities.Select(e => e.Model));
            var first = entities[0].Model;
            var shared = entities.All(e => e.Model.PartitionKey.Segments.Equals(first.PartitionKey.Segments)
                                           && KeyEmitter.PartitionParts(e.Model).Select(p => (p.Name, p.Type, p.Format)).SequenceEqual(KeyEmitter.PartitionParts(first).Select(p => (p.Name, p.Type, p.Format))));
            return new EntityGroupModel(
                name.Value,
                tableName.Value,
                description,
                billing?.Value ?? "PAY_PER_REQUEST",
                partitionAttribute.Value,
                partitionStorage,
                sortAttribute?.Value,
                sortStorage,
                typeAttribute.Value,
                ttl,
                entities.Select(e => e.Model.TypeName).ToEquatableArray(),
                indexes,
                shared ? first.TypeName : null,
                entities.SelectMany(e => KeyEmitter.PartitionParts(e.Model)).Aggregate(Sensitivity.None, (most, part) => MaskedAtLeastAs(most, part.Sensitivity)));
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
                var parts = members.Select(i => KeyEmitter.PartitionParts(entities[i].Model)).ToList();
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
                            KeyParts = model.KeyParts.Select(k => k.Name == part.Name ? k with { Sensitivity = raised } : k).ToEquatableArray(),
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
            => other <= own || own == Sensitivity.Phone ? own : other == Sensitivity.Phone ? Sensitivity.Personal : other;

        private int ErrorCount() => _context.Diagnostics.Count(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        private static TextSpan NameSpan(JsonObject json)
            => json.Properties.FirstOrDefault(p => p.Name == "name")?.Value.Span ?? new TextSpan(json.Span.Start, 1);

        /// <summary>
        /// Two entities whose keys begin with the same literal text (or one whose literal starts the other's)
        /// cannot be told apart by a <c>begins_with</c> query, and one's items could be read as the other's:
        /// a sort key such as <c>STAFF#{id}</c> beside <c>SHIFT#{date}</c> is fine, two <c>{id}</c> are not.
        /// </summary>
        private void CheckDistinguishable(List<(TableModel Model, JsonObject Json)> entities)
        {
            for (var i = 1; i < entities.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var (a, b) = (entities[j].Model, entities[i].Model);
                    var useSort = a.SortKey is not null && b.SortKey is not null;
                    var left = LeadingLiteral(useSort ? a.SortKey! : a.PartitionKey);
                    var right = LeadingLiteral(useSort ? b.SortKey! : b.PartitionKey);
                    if (left.StartsWith(right, StringComparison.Ordinal) || right.StartsWith(left, StringComparison.Ordinal))
                    {
                        var which = useSort ? "sortKey" : "partitionKey";
                        _context.Report(
                            DiagnosticDescriptors.IndistinguishableKeys,
                            TemplateSpan(entities[i].Json, which),
                            b.TypeName,
                            a.TypeName,
                            which,
                            left.Length == 0 && right.Length == 0 ? "neither starts with literal text" : $"'{(left.Length <= right.Length ? left : right)}' starts both");
                    }
                }
            }
        }

        /// <summary>The literal text a key template starts with (all of it for a constant), empty when it starts with a part.</summary>
        private static string LeadingLiteral(KeyModel key)
            => key.Segments.Count > 0 && !key.Segments[0].IsPart ? key.Segments[0].Text : string.Empty;

        private static TextSpan TemplateSpan(JsonObject entity, string which)
        {
            var key = entity.Properties.FirstOrDefault(p => p.Name == which)?.Value as JsonObject;
            return key?.Properties.FirstOrDefault(p => p.Name == "template")?.Value.Span ?? key?.Span ?? NameSpan(entity);
        }

        private string? AgreedTtl(List<(TableModel Model, JsonObject Json)> entities)
        {
            string? ttl = null;
            foreach (var (entity, json) in entities)
            {
                if (entity.TtlAttribute is null)
                {
                    continue;
                }

                if (ttl is not null && ttl != entity.TtlAttribute)
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, json.Properties.First(p => p.Name == "ttl").Value.Span, entity.TtlAttribute, "ttl", $" A table has one TTL attribute, and another entity uses '{ttl}'.", $"\"{ttl}\"");
                    continue;
                }

                ttl = entity.TtlAttribute;
            }

            return ttl;
        }

        /// <summary>Every entity's indexes, each once; entities that name the same index must agree on its keys and projection.</summary>
        private EquatableArray<IndexModel> MergedIndexes(List<(TableModel Model, JsonObject Json)> entities)
        {
            var merged = new List<IndexModel>();
            foreach (var (entity, json) in entities)
            {
                foreach (var index in entity.Indexes)
                {
                    var same = merged.FirstOrDefault(m => m.Name == index.Name);
                    if (same is null)
                    {
                        merged.Add(index);
                    }
                    else if (same.IsGlobal != index.IsGlobal || same.Projection != index.Projection || !same.Included.Equals(index.Included)
                             || !SameKey(same.PartitionKey, index.PartitionKey) || !SameKey(same.SortKey, index.SortKey))
                    {
                        _context.Report(DiagnosticDescriptors.InvalidValue, NameSpan(json), index.Name, "indexes", " Entities that share an index must declare the same type, key attributes and projection for it.", "the same declaration as the first entity that uses it");
                    }
                }
            }

            return merged.ToEquatableArray();
        }

        private static bool SameKey(IndexKeyModel? a, IndexKeyModel? b)
            => a is null ? b is null : b is not null && a.AttributeName == b.AttributeName && a.Storage == b.Storage;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Secondary indexes: their keys (stored attributes, or computed from a template), projection and names.</summary>
    internal sealed partial class SchemaParser
    {
        private static readonly string[] IndexProperties = { "type", "partitionKey", "sortKey", "projection", "include", "capacity", "csharpName", "description", "order" };
        private static readonly string[] IndexKeyProperties = { "attribute", "template" };
        private static readonly string[] IndexTypes = { "global", "local" };
        private static readonly string[] Projections = { "ALL", "KEYS_ONLY", "INCLUDE" };

        /// <summary>What an index key may be made of: the table's attributes, key parts and key attributes.</summary>
        /// <param name="Declared">Every stored attribute name so far, with where it was declared.</param>
        /// <param name="Parsed">The declared attributes with where their names, formats and time zones stand, for diagnostics.</param>
        /// <param name="Provisioned">Whether the table is <c>PROVISIONED</c>, so a global index may have a capacity of its own.</param>
        private sealed record IndexScope(List<AttributeModel> Own, List<KeyPartModel> Parts, KeyModel? Partition, KeyModel? Sort, Dictionary<string, TextSpan> Declared, Dictionary<string, ParsedAttribute> Parsed, bool Provisioned)
        {
            public IEnumerable<string> AttributeNames
                => Own.Select(a => a.Name).Concat(Parts.Select(p => p.StoredAttribute ?? p.Name)).Concat(new[] { Partition?.AttributeName, Sort?.AttributeName }.Where(n => n is not null).Select(n => n!)).Distinct();

            public IndexPartModel? Find(string name)
            {
                if (Own.FirstOrDefault(a => a.Name == name) is { } own)
                {
                    return new IndexPartModel(own.Name, own.PropertyName, Names.ToParameterName(own.PropertyName), own.Type, false, own.IsNullable, own.Sensitivity);
                }

                // A key part, stored or not, or the part of a template of one placeholder ("pk" = "{email}"), which holds the
                // part's value as the part's type (a number part alone has no width: it is stored as a number).
                var key = new[] { Partition, Sort }.FirstOrDefault(k => k is not null && k.AttributeName == name);
                var part = Parts.FirstOrDefault(p => p.Name == name || p.StoredAttribute == name)
                    ?? (key is { IsSinglePart: true } ? Parts.First(p => p.Name == key.Segments[0].Text) : null);
                if (part is not null)
                {
                    return new IndexPartModel(name, part.PropertyName, part.ParameterName, part.TypeModel, true, false, part.Sensitivity, part.Normalize, part.Width);
                }

                return key is null
                    ? null
                    : new IndexPartModel(name, key.PropertyName, Names.ToParameterName(key.PropertyName), TypeModel.String, true, false, Sensitivity.None);
            }
        }

        private EquatableArray<IndexModel> ReadIndexes(JsonObject? json, IndexScope scope, string? typeName)
        {
            var result = new List<IndexModel>();
            var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
            if (json is null)
            {
                return result.ToEquatableArray();
            }

            foreach (var property in json.Properties)
            {
                if (ObjectValue(property, "an object such as { \"type\": \"global\", \"partitionKey\": { \"attribute\": \"email\" } }") is not { } indexJson)
                {
                    continue;
                }

                var index = ReadIndex(property, indexJson, scope, memberNames);
                if (index is not null && (!index.HasSortKeyConditions || typeName is null || ClaimUnique(_typeNames, index.SortKeyTypeName(typeName), property.NameSpan, "generated type")))
                {
                    result.Add(index);
                }
            }

            var globals = result.Count(i => i.IsGlobal);
            if (globals > 20 || result.Count - globals > 5)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, json.Span, $"{globals} global and {result.Count - globals} local", "indexes", " DynamoDB allows up to 20 global and 5 local indexes per table.", "fewer indexes");
            }

            return result.ToEquatableArray();
        }

        private IndexModel? ReadIndex(JsonProperty property, JsonObject json, IndexScope scope, Dictionary<string, string> memberNames)
        {
            var owner = $"index '{property.Name}'";
            var reader = new ObjectReader(_context, json, owner, IndexProperties);
            var type = reader.OneOf("type", IndexTypes, required: true, "\"global\"");
            var partitionJson = reader.Object("partitionKey");
            var sortJson = reader.Object("sortKey");
            var projection = reader.String("projection");
            var include = reader.Array("include");
            var csharpName = reader.String("csharpName");
            var description = reader.String("description")?.Value;
            // A global index has throughput of its own (the table's unless it says otherwise); a local one uses the table's.
            var capacity = ReadCapacity(
                reader,
                owner,
                type?.Value == "local" ? "a local index uses the table's capacity; remove it"
                : scope.Provisioned ? null
                : "the table is billed on demand (\"PAY_PER_REQUEST\", the default); set \"billingMode\": \"PROVISIONED\" on the table to give it and its global indexes capacity, or remove it");
            var order = reader.OneOf("order", QueryOrders);

            var name = property.Name;
            if (!IsDynamoName(name, property.NameSpan, "index name", "index") || type is null)
            {
                return null;
            }

            var isGlobal = type.Value == "global";

            IndexKeyModel? partition;
            if (isGlobal)
            {
                if (partitionJson is null)
                {
                    _context.Report(DiagnosticDescriptors.MissingProperty, new TextSpan(json.Span.Start, 1), "A global index", "partitionKey", "{ \"attribute\": \"email\" }");
                    return null;
                }

                partition = ReadIndexKey(partitionJson, property.Name, "partitionKey", scope);
            }
            else
            {
                // A local index shares the table's partition key and adds another sort key.
                if (partitionJson is not null)
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, partitionJson.Span, "partitionKey", owner, "a local index always uses the table's partition key; leave it out");
                    return null;
                }

                if (scope.Sort is null)
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, type.Span, "type: local", owner, "DynamoDB allows local indexes only on tables with a sort key; use \"global\"");
                    return null;
                }

                if (sortJson is null)
                {
                    _context.Report(DiagnosticDescriptors.MissingProperty, new TextSpan(json.Span.Start, 1), "A local index", "sortKey", "{ \"attribute\": \"created_at\" }");
                    return null;
                }

                partition = scope.Partition is null ? null : PlainKey(scope.Partition.AttributeName, scope);
            }

            var sort = sortJson is null ? null : ReadIndexKey(sortJson, property.Name, "sortKey", scope);
            if (partition is null || (sortJson is not null && sort is null) || (projection is not null && !_context.IsOneOf(projection, "projection", Projections)))
            {
                return null;
            }

            var projectionValue = projection?.Value ?? "ALL";

            var included = new List<string>();
            if (include is not null)
            {
                if (projectionValue != "INCLUDE")
                {
                    _context.Report(DiagnosticDescriptors.NotApplicable, include.Span, "include", owner, "attributes are listed only for \"projection\": \"INCLUDE\"");
                    return null;
                }

                foreach (var item in include.Items)
                {
                    if (item is not JsonString included1)
                    {
                        _context.Report(DiagnosticDescriptors.WrongValueKind, item.Span, "include[]", "a string", item.KindName);
                        continue;
                    }

                    if (!scope.AttributeNames.Contains(included1.Value))
                    {
                        _context.Report(DiagnosticDescriptors.IndexAttributeMissing, included1.Span, property.Name, included1.Value, Names.DidYouMean(included1.Value, scope.AttributeNames));
                        continue;
                    }

                    included.Add(included1.Value);
                }
            }
            else if (projectionValue == "INCLUDE")
            {
                _context.Report(DiagnosticDescriptors.MissingProperty, projection!.Span, $"An {owner} with \"projection\": \"INCLUDE\"", "include", "[\"name\"]");
                return null;
            }

            var methodName = csharpName?.Value ?? Names.ToPascalCase(name.Replace('-', '_').Replace('.', '_'));
            if (!CheckIdentifier(methodName, csharpName?.Span ?? property.NameSpan, "method name part", " (made from the index name; set \"csharpName\")", name))
            {
                return null;
            }

            Claim(memberNames, "index C# name", methodName, csharpName?.Span ?? property.NameSpan, property.Name);
            var descending = ReadOrder(order, owner, sort is null || (sort.IsComputed && sort.Parts.Count == 0) ? "the index has no sort key with values, so its queries have no order" : null);
            return new IndexModel(name, methodName, isGlobal, partition, sort, projectionValue, included.ToEquatableArray(), description, capacity, descending);
        }

        private IndexKeyModel? ReadIndexKey(JsonObject json, string indexName, string which, IndexScope scope)
        {
            var owner = $"index '{indexName}'";
            var reader = new ObjectReader(_context, json, $"{owner} {which}", IndexKeyProperties);
            var attribute = reader.String("attribute", required: true, "\"gsi1_pk\"");
            var template = reader.String("template");
            if (attribute is null)
            {
                return null;
            }

            if (template is null)
            {
                // A part under "keyParts" lives only inside the table's key: an index on it as a stored attribute
                // would stay empty, so only a computed index key can use it.
                var isKeyAttribute = attribute.Value == scope.Partition?.AttributeName || attribute.Value == scope.Sort?.AttributeName;
                if (!isKeyAttribute && scope.Parts.Any(p => p.Name == attribute.Value && p.StoredAttribute is null) && scope.Own.All(a => a.Name != attribute.Value))
                {
                    _context.Report(
                        DiagnosticDescriptors.IndexAttributeMissing,
                        attribute.Span,
                        indexName,
                        attribute.Value,
                        $" '{attribute.Value}' is a key part, stored only inside the table's key: write \"template\": \"{{{attribute.Value}}}\" to compute the index key from it.");
                    return null;
                }

                var plain = PlainKey(attribute.Value, scope);
                if (plain is null)
                {
                    var found = scope.Find(attribute.Value);
                    if (found is null)
                    {
                        _context.Report(DiagnosticDescriptors.IndexAttributeMissing, attribute.Span, indexName, attribute.Value, Names.DidYouMean(attribute.Value, scope.AttributeNames));
                    }
                    else
                    {
                        ReportKeyType(attribute.Span, attribute.Value, found.Type);
                    }
                }

                return plain;
            }

            // A computed key is an attribute of its own: it may not also be declared.
            if (scope.Declared.TryGetValue(attribute.Value, out var first))
            {
                _context.ReportDuplicate(attribute.Span, "attribute", attribute.Value, _context.At(first), $"An index key with a \"template\" is an attribute the SDK computes: give it a name of its own, such as \"{indexName}_key\".");
                return null;
            }

            var segments = KeyTemplate.TryParse(template.Value, out var error);
            if (segments is null)
            {
                _context.Report(DiagnosticDescriptors.InvalidTemplate, template.Span, template.Value, error!);
                return null;
            }

            var parts = new List<IndexPartModel>();
            var used = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                if (!segment.IsPart)
                {
                    continue;
                }

                var part = scope.Find(segment.Text);
                if (part is null)
                {
                    _context.Report(DiagnosticDescriptors.UnknownTemplatePart, template.Span, attribute.Value, segment.Text, Names.DidYouMean(segment.Text, scope.AttributeNames));
                    return null;
                }

                // The same rules as a part of the table's key: a type keys can have, a date format whose text sorts (a key's
                // own date parts were checked with the key), and text after a date that it never holds.
                var own = part.OnKey ? null : scope.Parsed[part.Name];
                if (((own is not null || !part.Type.Kind.IsDate()) && !CheckKeyValueType(part.Name, part.Type, template.Span, own?.FormatSpan, own?.ZoneSpan, own?.NameSpan))
                    || (part.Type.Kind.IsDate() && !CheckDateInTemplate(template, segments, i, part.Type.Kind, part.Type.Format!)))
                {
                    return null;
                }

                if (!ClaimUnique(used, part.Name, template.Span, "key part use", "Name each part once in a template."))
                {
                    return null;
                }

                parts.Add(part);
            }

            if (which == "partitionKey" && parts.Count == 0)
            {
                // Legal, but every entry lands in one index partition, as with a table's constant partition key.
                _context.Report(DiagnosticDescriptors.ConstantPartitionKey, template.Span, owner, template.Value);
            }

            scope.Declared[attribute.Value] = attribute.Span;
            return new IndexKeyModel(attribute.Value, KeyStorage.String, true, segments.ToEquatableArray(), parts.ToEquatableArray());
        }

        /// <summary>An index key that is an attribute the item stores anyway, or null when it cannot be one.</summary>
        private static IndexKeyModel? PlainKey(string name, IndexScope scope)
        {
            var part = scope.Find(name);
            if (part is null)
            {
                return null;
            }

            var type = part.Type;
            if (!type.Kind.IsNumber() && !type.Kind.IsDate() && type.Kind is not (ValueKind.String or ValueKind.Enum or ValueKind.Binary))
            {
                return null;
            }

            return new IndexKeyModel(
                name,
                type.Format is { EpochSeconds: true } ? KeyStorage.Number : type.Kind.KeyStorage(),
                false,
                new[] { new TemplateSegment(true, name) }.ToEquatableArray(),
                new[] { part }.ToEquatableArray());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>
    /// Values the SDK writes or changes itself: counters (<c>"counter"</c>, <c>"start"</c>), timestamps
    /// (<c>"timestamp"</c>) and normalised text (<c>"normalize"</c>), each checked where it is declared (DDB050–DDB052);
    /// and unique values (<c>"unique": true</c>), which the SDK keeps by a guard item per value: an attribute that cannot
    /// be kept so is refused (DDB060) at its <c>true</c>, saying why and what to write instead.
    /// </summary>
    internal sealed partial class SchemaParser
    {
        private static readonly string[] TimestampNames = { "created", "updated" };
        private static readonly string[] NormalizeNames = { "trim", "lowercase", "uppercase" };

        /// <summary>
        /// A counter's start as a C# literal of its type (the property's default too, so an item stored before the counter
        /// was declared reads as its start); null when the attribute is not a counter.
        /// </summary>
        private string? ReadCounter(ObjectReader reader, string owner, TypeModel? type, bool hasDefault)
        {
            var counter = reader.Boolean("counter");
            var start = reader.Number("start");
            if (counter is null || !counter.Value)
            {
                if (start is not null)
                {
                    _context.Report(DiagnosticDescriptors.CounterMisuse, start.Span, $"'start' applies only to a counter, and attribute '{owner}' is not one. Add \"counter\": true, or remove \"start\".");
                }

                return null;
            }

            if (type is not null && type.Kind is not (ValueKind.Int32 or ValueKind.Int64))
            {
                _context.Report(DiagnosticDescriptors.CounterMisuse, counter.Span, $"Attribute '{owner}' is a counter, but a counter counts whole numbers. Declare it with \"type\": \"int\" or \"long\".");
                return null;
            }

            if (hasDefault)
            {
                _context.Report(DiagnosticDescriptors.CounterMisuse, reader.Property("default")!.Value.Span, $"Counter '{owner}' starts at its \"start\" (0 when not given); remove \"default\" and write \"start\" instead.");
                return null;
            }

            var isLong = type?.Kind == ValueKind.Int64;
            var text = start?.Text ?? "0";
            var literal = NumberLiteral(text, isLong ? ValueKind.Int64 : ValueKind.Int32);
            if (literal is null)
            {
                _context.Report(DiagnosticDescriptors.CounterMisuse, start!.Span, $"The start of counter '{owner}' must be a whole number that fits its type ({(isLong ? "long" : "int")}); '{text}' does not.");
            }

            return literal;
        }

        /// <summary>Which timestamp an attribute is; a misuse is reported at the value.</summary>
        private TimestampKind ReadTimestamp(ObjectReader reader, string owner, TypeModel? type, bool required, bool hasDefault)
        {
            var value = reader.OneOf("timestamp", TimestampNames);
            if (value is null)
            {
                return TimestampKind.None;
            }

            var kind = value.Value == "created" ? TimestampKind.Created : TimestampKind.Updated;

            if (type is not null && type.Kind is not (ValueKind.DateTimeOffset or ValueKind.DateTime))
            {
                _context.Report(DiagnosticDescriptors.TimestampMisuse, value.Span, $"Attribute '{owner}' is a timestamp, but a timestamp is a time. Declare it with \"type\": \"datetimeoffset\" or \"datetime\".");
                return TimestampKind.None;
            }

            if (required || hasDefault)
            {
                var given = required ? "required" : "default";
                _context.Report(DiagnosticDescriptors.TimestampMisuse, reader.Property(given)!.Value.Span, $"The SDK writes timestamp '{owner}' on every store, and an entity not yet stored has none; remove \"{given}\" (the property is nullable).");
                return TimestampKind.None;
            }

            return kind;
        }

        /// <summary>
        /// How a string is normalised: one name or several, as an array or separated by commas (<c>"trim,lowercase"</c>).
        /// </summary>
        private TextNormalization ReadNormalize(ObjectReader reader, string owner, TypeModel? type, Sensitivity sensitivity)
        {
            var property = reader.Property("normalize");
            if (property is null)
            {
                return TextNormalization.None;
            }

            var names = new List<JsonString>();
            if (property.Value is JsonString single)
            {
                var offset = 0;
                foreach (var piece in single.Value.Split(','))
                {
                    // A piece's span inside the string: the opening quote, then the text before it.
                    names.Add(new JsonString(new TextSpan(single.Span.Start + 1 + offset, piece.Length), piece.Trim()));
                    offset += piece.Length + 1;
                }
            }
            else if (property.Value is JsonArray array && array.Items.All(i => i is JsonString))
            {
                names.AddRange(array.Items.Cast<JsonString>());
            }
            else
            {
                _context.Report(DiagnosticDescriptors.WrongValueKind, property.Value.Span, "normalize", "a string such as \"trim,lowercase\" or an array of them", property.Value.KindName);
                return TextNormalization.None;
            }

            var result = TextNormalization.None;
            foreach (var name in names)
            {
                if (!_context.IsOneOf(name, "normalize", NormalizeNames))
                {
                    return TextNormalization.None;
                }

                // NormalizeNames lists the flags in their order: trim 1, lowercase 2, uppercase 4.
                result |= (TextNormalization)(1 << Array.IndexOf(NormalizeNames, name.Value));
            }

            if ((result & (TextNormalization.Lowercase | TextNormalization.Uppercase)) == (TextNormalization.Lowercase | TextNormalization.Uppercase))
            {
                _context.Report(DiagnosticDescriptors.NormalizeMisuse, property.Value.Span, $"'{owner}' cannot be normalised to both lowercase and uppercase; keep one.");
                return TextNormalization.None;
            }

            if (type is not null && type.Kind != ValueKind.String)
            {
                _context.Report(DiagnosticDescriptors.NormalizeMisuse, property.Value.Span, $"'{owner}' is normalised, but only text is: remove \"normalize\", or declare it with \"type\": \"string\".");
                return TextNormalization.None;
            }

            if (sensitivity == Sensitivity.Phone)
            {
                _context.Report(DiagnosticDescriptors.NormalizeMisuse, property.Value.Span, $"'{owner}' is a phone number, which the SDK normalises as one (010-XXXX-XXXX); remove \"normalize\".");
                return TextNormalization.None;
            }

            return result;
        }

        /// <summary>
        /// Counters and timestamps are written by the SDK, so none can be a key, a key part, part of a computed index key
        /// (computed from the entity's values, not the stored ones) or the version attribute.
        /// </summary>
        private void CheckManagedAttributes(Dictionary<string, ParsedAttribute> attributes, HashSet<string> keyOwned, string? version, EquatableArray<IndexModel> indexes)
        {
            var computedParts = new HashSet<string>(
                indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }).Where(k => k is { IsComputed: true }).SelectMany(k => k!.Parts).Select(p => p.Name),
                StringComparer.Ordinal);
            foreach (var attribute in attributes.Values.Where(a => a.ManagedSpan is not null))
            {
                var model = attribute.Model;
                var what = model.IsCounter ? "a counter" : "a timestamp";
                var descriptor = model.IsCounter ? DiagnosticDescriptors.CounterMisuse : DiagnosticDescriptors.TimestampMisuse;
                var problem = keyOwned.Contains(model.Name) ? "a key attribute or key part, which identifies the item and never changes"
                    : computedParts.Contains(model.Name) ? "part of a computed index key, which is built from the entity's values rather than the ones the SDK writes"
                    : model.Name == version ? "the version attribute, which the SDK moves on by one per write"
                    : null;
                if (problem is not null)
                {
                    _context.Report(descriptor, attribute.ManagedSpan!.Value, $"'{model.Name}' is {what}, so it cannot also be {problem}. Declare a separate attribute for it.");
                }
            }
        }

        /// <summary>Checks every attribute of an entity declared unique.</summary>
        /// <param name="attributes">The entity's attributes as parsed.</param>
        /// <param name="keyOwned">The key attributes and the attributes a key template is built from.</param>
        /// <param name="partition">The partition key, when it parsed.</param>
        /// <param name="version">The version attribute's name, or null.</param>
        /// <param name="ttl">The entity's <c>ttl</c>, or null.</param>
        private void CheckUnique(Dictionary<string, ParsedAttribute> attributes, HashSet<string> keyOwned, KeyModel? partition, string? version, JsonString? ttl)
        {
            foreach (var attribute in attributes.Values)
            {
                if (attribute.UniqueSpan is not { } span)
                {
                    continue;
                }

                var name = attribute.Model.Name;
                var (why, fix) =
                    keyOwned.Contains(name) ? ("it is part of the item's key, which identifies one item already", "Remove \"unique\": no two items can have the same key.")
                    : name == version ? ("it is the version attribute, which every write changes", "Remove \"unique\".")
                    : attribute.Model.IsCounter ? ("it is a counter, which only its increment changes, and an increment does not move the value's guard item, so two items could come to count the same value", "Remove \"unique\", or keep the unique value in an attribute that is not a counter.")
                    : attribute.Model.Timestamp != TimestampKind.None ? ("it is a timestamp, which the SDK writes itself, so no guard item could be claimed for it before it is written", "Remove \"unique\", or keep the unique value in an attribute of its own.")
                    : attribute.Model.Kind is not (ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Enum)
                        ? ($"it is of type '{Describe(attribute.Model.Type)}', and only strings, int and long numbers and enums are kept unique (by their stored text, which is the key of the value's guard item)", "Remove \"unique\", or store the value as a string.")
                    : ttl is not null ? ($"the entity has a \"ttl\" ({_context.At(ttl.Span)}): DynamoDB's time to live deletes an item without its unique value's guard item, which would keep the value taken (or, given the same expiry, free it while the item is still read)", "Remove \"unique\" or the \"ttl\".")
                    : partition is { Storage: not KeyStorage.String } ? ("the table's partition key is not stored as text (S), and each unique value is kept by a guard item whose partition key is text (UNIQUE#<entity>#<attribute>#<value>)", "Use a string partition key, or remove \"unique\".")
                    : (null, null);
                if (why is not null)
                {
                    _context.Report(DiagnosticDescriptors.UniqueNotApplicable, span, name, why, fix!);
                }
            }
        }
    }
}

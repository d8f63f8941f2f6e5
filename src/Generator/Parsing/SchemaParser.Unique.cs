using System.Collections.Generic;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing.Json;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>
    /// Unique values (<c>"unique": true</c>): which attributes can be kept unique by a guard item per value, refused
    /// (DDB060) at the <c>true</c> of every other, saying why and what to write instead.
    /// </summary>
    internal sealed partial class SchemaParser
    {
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

        /// <summary>An attribute of a nested object type is never unique: only an entity's own attributes have guard items.</summary>
        private void RefuseUniqueInObjects(Dictionary<string, ParsedAttribute> attributes, string typeName)
        {
            foreach (var attribute in attributes.Values)
            {
                if (attribute.UniqueSpan is { } span)
                {
                    _context.Report(
                        DiagnosticDescriptors.UniqueNotApplicable,
                        span,
                        attribute.Model.Name,
                        $"it is an attribute of the nested type '{typeName}', and only an entity's own attributes are kept unique",
                        "Remove \"unique\", or declare the attribute on the entity.");
                }
            }
        }
    }
}

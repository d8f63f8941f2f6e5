using System.Collections.Generic;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the entity record: key, attributes, extra attributes and a masking <c>ToString()</c>.</summary>
    internal static class EntityEmitter
    {
        public static void Write(SourceWriter w, TableModel table)
        {
            w.Line("/// <summary>");
            w.Line($"/// An item of the <c>{Xml.Escape(table.TableName)}</c> table.{(table.Description is null ? string.Empty : " " + Xml.Escape(table.Description))}");
            w.Line("/// <c>ToString()</c> masks personal data and leaves secrets out.");
            w.Line("/// </summary>");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial record {table.TypeName}{(table.GroupName is null ? string.Empty : $" : global::{table.Namespace}.{table.GroupName}Item")}");

            w.Summary($"The item's key. Key attributes{(HasStoredParts(table) ? " and the attributes that feed them" : string.Empty)} are read from it.");
            w.Line($"public required global::{table.Namespace}.{table.KeyTypeName} Key {{ get; init; }}");

            var written = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var key in table.Keys)
            {
                // A plain key is its own part, so the key type holds it under the attribute's property name too; so is a
                // template of one placeholder ("{email}"), whose attribute, when stored too, has this one property.
                var property = key.ValueProperty;
                var alsoStored = key.IsSinglePart ? key.Parts[0].StoredAttribute : null;
                var what = alsoStored is null ? "key attribute" : $"key attribute and the <c>{Xml.Escape(alsoStored)}</c> attribute, which hold the same value";
                written.Add(property);
                w.Line();
                w.Summary($"The stored <c>{Xml.Escape(key.AttributeName)}</c> {what}, from <see cref=\"Key\"/>.{KeyEmitter.Describe(key.Description)}");
                w.Line($"public {ValueKinds.CSharpType(key.Kind)} {property} => Key.{property};");
            }

            foreach (var part in table.KeyParts)
            {
                if (part.StoredAttribute is null || written.Contains(part.PropertyName))
                {
                    continue;
                }

                w.Line();
                w.Summary($"The stored <c>{Xml.Escape(part.StoredAttribute)}</c> attribute, from <see cref=\"Key\"/>.{KeyEmitter.Describe(part.Description)}");
                w.Line($"public {ValueKinds.CSharpType(part.Type)} {part.PropertyName} => Key.{part.PropertyName};");
            }

            foreach (var attribute in table.Attributes)
            {
                w.Line();
                WriteProperty(w, attribute, table.Namespace);
            }

            if (table.KeepsExtraAttributes)
            {
                w.Line();
                w.Line("/// <summary>");
                w.Line("/// Attributes the schema does not declare, as stored. They are written back unchanged, so a");
                w.Line("/// read-modify-write through this SDK never deletes what another writer added.");
                w.Line("/// </summary>");
                w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ExtraAttributes { get; init; }");
                w.Indent().Line("= global::Bookings.Generated.Runtime.ExtraAttributes.Empty;").Outdent();
            }

            WriteToString(w, table.TypeName, PrintedMembers(table));
            w.Close();
        }

        /// <summary>The property of one attribute, on an entity or a nested object record.</summary>
        public static void WriteProperty(SourceWriter w, AttributeModel attribute, string ns)
        {
            w.Summary(AttributeSummary(attribute));
            var type = ValueKinds.PropertyType(attribute, ns);
            var required = attribute.IsRequiredMember ? "required " : string.Empty;
            var initializer = attribute.DefaultLiteral is null ? string.Empty : $" = {attribute.DefaultLiteral};";
            w.Line($"public {required}{type} {attribute.PropertyName} {{ get; init; }}{initializer}");
        }

        /// <summary>A <c>ToString()</c> that prints the given members with personal data masked and secrets left out.</summary>
        public static void WriteToString(SourceWriter w, string typeName, IEnumerable<string> members)
        {
            w.Line();
            w.Summary("Prints the item with personal data masked and secrets left out.");
            w.Line("public override string ToString()");
            w.Indent().Line("=> string.Create(").Indent();
            w.Line("global::System.Globalization.CultureInfo.InvariantCulture,");
            w.Line($"$\"{typeName} {{{{ {string.Join(", ", members)} }}}}\");");
            w.Outdent().Outdent();
        }

        private static IEnumerable<string> PrintedMembers(TableModel table)
        {
            yield return "Key = {Key}";
            foreach (var attribute in table.Attributes)
            {
                yield return PrintedMember(attribute);
            }

            if (table.KeepsExtraAttributes)
            {
                yield return "ExtraAttributes = {(global::Bookings.Generated.Runtime.ExtraAttributes.Describe(ExtraAttributes))}";
            }
        }

        /// <summary><c>Name = {value}</c> for a printed record: masked by sensitivity, collections and bytes by size only.</summary>
        public static string PrintedMember(AttributeModel attribute)
        {
            var printed = attribute.Sensitivity != Sensitivity.None
                ? Printed(attribute.PropertyName, attribute.Kind, attribute.Sensitivity)
                : attribute.Kind switch
                {
                    ValueKind.List or ValueKind.Set or ValueKind.Map => $"(global::Bookings.Generated.Runtime.Summary.Items({attribute.PropertyName}))",
                    // An interpolation hole prints a null as nothing; every printer above prints it as null, and so does this.
                    not ValueKind.Binary when attribute.IsNullable => DateFormat(attribute.Kind) is { } format
                        ? $"(global::Bookings.Generated.Runtime.Summary.Value({attribute.PropertyName}, {Literals.String(format)}))"
                        : $"(global::Bookings.Generated.Runtime.Summary.Value({attribute.PropertyName}))",
                    _ => Printed(attribute.PropertyName, attribute.Kind, Sensitivity.None),
                };
            return $"{attribute.PropertyName} = {{{printed}}}";
        }

        /// <summary>The format a date of this kind prints in (ISO 8601, to the day for a date); null for other kinds.</summary>
        private static string? DateFormat(ValueKind kind) => kind switch
        {
            ValueKind.DateTimeOffset or ValueKind.DateTime => "o",
            ValueKind.Date => "yyyy-MM-dd",
            _ => null,
        };

        /// <summary>
        /// The expression that prints a partition for logs (<c>Booking partition { BizId = 1, … }</c>), each part
        /// masked the way the key type prints it; used by table, index and shared-table queries alike.
        /// </summary>
        public static string PartitionLabel(string subject, IEnumerable<(string PropertyName, string ParameterName, ValueKind Kind, Sensitivity Sensitivity)> parts)
        {
            var printed = string.Join(", ", System.Linq.Enumerable.Select(parts, p => $"{p.PropertyName} = {{{Printed(p.ParameterName, p.Kind, p.Sensitivity)}}}"));
            return $"string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $\"{subject} partition {{{{ {printed} }}}}\")";
        }

        /// <summary>
        /// The interpolation hole's expression that prints a value according to its sensitivity, bytes by their
        /// size only and dates in ISO 8601; parenthesised, since a bare <c>global::</c> would read as a format string.
        /// </summary>
        public static string Printed(string expression, ValueKind kind, Sensitivity sensitivity) => sensitivity switch
        {
            Sensitivity.Phone => $"(global::Bookings.Generated.Runtime.PhoneNumber.Mask({expression}))",
            Sensitivity.Personal => $"(global::Bookings.Generated.Runtime.Redact.Personal({expression}))",
            Sensitivity.Secret => $"(global::Bookings.Generated.Runtime.Redact.Secret({expression}))",
            _ when kind == ValueKind.Binary => $"(global::Bookings.Generated.Runtime.Summary.Bytes({expression}))",
            _ when DateFormat(kind) is { } format => $"{expression}:{format}",
            _ => expression,
        };

        public static string AttributeSummary(AttributeModel attribute)
        {
            var text = $"Stored as <c>{Xml.Escape(attribute.Name)}</c>";
            text += attribute.IsRequiredMember ? "; required." : attribute.IsNullable ? "; optional (null when absent)." : $"; defaults to <c>{Xml.Escape(attribute.DefaultLiteral!)}</c>.";
            text += attribute.Sensitivity switch
            {
                Sensitivity.Phone => " A phone number: normalised on write, masked when printed.",
                Sensitivity.Personal => " Personal data: masked when printed.",
                Sensitivity.Secret => " A secret: never printed.",
                _ => string.Empty,
            };
            return attribute.Description is null ? text : text + " " + Xml.Escape(attribute.Description);
        }

        /// <summary>Key attributes composed from a template; a single-part key is the part itself.</summary>
        public static IEnumerable<KeyModel> Keys(TableModel table)
        {
            if (!table.PartitionKey.IsSinglePart)
            {
                yield return table.PartitionKey;
            }

            if (table.SortKey is { IsSinglePart: false })
            {
                yield return table.SortKey;
            }
        }

        private static bool HasStoredParts(TableModel table)
        {
            foreach (var part in table.KeyParts)
            {
                if (part.StoredAttribute is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

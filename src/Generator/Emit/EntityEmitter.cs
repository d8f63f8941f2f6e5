using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the records: an entity (key, attributes, extra attributes) and a nested object type, each with a masking <c>ToString()</c>.</summary>
    internal static class EntityEmitter
    {
        private const string PrintsMasked = "Prints the item with personal data masked and secrets left out.";

        public static void Write(SourceWriter w, TableModel table, bool classify)
        {
            var keyFeeders = table.KeyParts.Any(p => p.StoredAttribute is not null) ? " and the attributes that feed them" : string.Empty;
            w.Block($$"""
                /// <summary>An item of the <c>{{Xml.Escape(table.TableName)}}</c> table.{{Sentence(table.Description)}}</summary>
                {{GeneratedCodeAttribute}}
                public sealed partial record {{table.TypeName}}{{(table.GroupName is null ? string.Empty : " : " + table.GroupName + "Item")}}
                {
                    /// <summary>The item's key. Key attributes{{keyFeeders}} are read from it.</summary>
                    public required {{table.KeyTypeName}} Key { get; init; }
                """);
            w.Indent();
            var written = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var key in table.Keys)
            {
                // A plain key is its own part, so the key type holds it under the attribute's property name too; so is a
                // template of one placeholder ("{email}"), whose attribute, when stored too, has this one property.
                var alsoStored = key.IsSinglePart ? key.Parts[0].StoredAttribute : null;
                var what = alsoStored is null ? "key attribute" : $"key attribute and the <c>{Xml.Escape(alsoStored)}</c> attribute, which hold the same value";
                written.Add(key.ValueProperty);
                w.Block($$"""

                    /// <summary>The stored <c>{{Xml.Escape(key.AttributeName)}}</c> {{what}}, from <see cref="Key"/>.{{Sentence(key.Description)}}</summary>
                    {{Classification.Attribute(classify, Classification.OfKey(key))}}public {{ValueKinds.CSharpType(key.Kind)}} {{key.ValueProperty}} => Key.{{key.ValueProperty}};
                    """);
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null && !written.Contains(p.PropertyName)))
            {
                w.Block($$"""

                    /// <summary>The stored <c>{{Xml.Escape(part.StoredAttribute!)}}</c> attribute, from <see cref="Key"/>.{{Sentence(part.Description)}}</summary>
                    {{Classification.Attribute(classify, part.Sensitivity)}}public {{ValueKinds.CSharpType(part.Type)}} {{part.PropertyName}} => Key.{{part.PropertyName}};
                    """);
            }

            WriteProperties(w, table.Attributes, classify);
            if (table.KeepsExtraAttributes)
            {
                w.Block($$"""

                    /// <summary>Attributes the schema does not declare, as stored; written back unchanged, so a read-modify-write through this SDK never deletes what another writer added.</summary>
                    public {{StoredItem}} ExtraAttributes { get; init; } = {{Internal}}ExtraAttributes.Empty;
                    """);
            }

            var printed = new[] { "Key = {Key}" }.Concat(table.Attributes.Select(Printing.PrintedMember));
            if (table.KeepsExtraAttributes)
            {
                printed = printed.Concat(new[] { $"ExtraAttributes = {{({Internal}ExtraAttributes.Describe(ExtraAttributes))}}" });
            }

            w.Block(Printing.ToStringOverride(PrintsMasked, table.TypeName, printed));
            w.Close();
        }

        /// <summary>A nested object type, stored as a map; its marshaller follows it in the same file.</summary>
        public static void WriteObject(SourceWriter w, ObjectModel model, bool classify)
        {
            w.Block($$"""
                /// <summary>{{(model.Description is null ? string.Empty : Xml.Escape(model.Description) + " ")}}Stored as a map (M).</summary>
                {{GeneratedCodeAttribute}}
                public sealed partial record {{model.Name}}
                """);
            w.Open();
            WriteProperties(w, model.Attributes, classify);
            w.Block(Printing.ToStringOverride(PrintsMasked, model.Name, model.Attributes.Select(Printing.PrintedMember)));
            w.Close();
        }

        private static void WriteProperties(SourceWriter w, IEnumerable<AttributeModel> attributes, bool classify)
        {
            foreach (var attribute in attributes)
            {
                var summary = $"Stored as <c>{Xml.Escape(attribute.Name)}</c>"
                    + (attribute.IsRequiredMember ? "; required." : attribute.IsNullable ? "; optional (null when absent)." : $"; defaults to <c>{Xml.Escape(attribute.DefaultLiteral!)}</c>.")
                    + attribute.Sensitivity switch
                    {
                        Sensitivity.Phone => " A phone number: normalised on write, masked when printed.",
                        Sensitivity.PhoneE164 => " An international phone number: normalised to E.164 on write, masked when printed.",
                        Sensitivity.Personal => " Personal data: masked when printed.",
                        Sensitivity.Secret => " A secret: never printed.",
                        _ => string.Empty,
                    }
                    + (attribute.Normalize != TextNormalization.None ? $" Stored {NormalizedDescription(attribute.Normalize)}." : string.Empty)
                    + (attribute.IsCounter ? " A counter: puts leave the stored value as it is; change it with the repository's <c>Increment" + attribute.PropertyName + "Async</c>." : string.Empty)
                    + attribute.Timestamp switch
                    {
                        TimestampKind.Created => " Written by the SDK when the item is first stored, with the time of the options' <c>TimeProvider</c>; what the entity holds is not stored.",
                        TimestampKind.Updated => " Written by the SDK on every write, with the time of the options' <c>TimeProvider</c>; what the entity holds is not stored.",
                        _ => string.Empty,
                    }
                    + (attribute.Unique ? " Unique: no two items of this type hold the same value." : string.Empty)
                    + Sentence(attribute.Description);
                var required = attribute.IsRequiredMember ? "required " : string.Empty;
                var initializer = attribute.DefaultLiteral is null ? string.Empty : $" = {attribute.DefaultLiteral};";
                w.Block($$"""

                    /// <summary>{{summary}}</summary>
                    {{Classification.Attribute(classify, attribute.Sensitivity)}}public {{required}}{{ValueKinds.PropertyType(attribute)}} {{attribute.PropertyName}} { get; init; }{{initializer}}
                    """);
            }
        }
    }
}

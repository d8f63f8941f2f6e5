using System;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The C# expressions of stored key values that several generated types write alike: a key attribute from a key,
    /// a date part through the key type's codec, and index keys, plain or computed, on put, on update and in queries.
    /// </summary>
    internal static class KeyValues
    {
        /// <summary>The key type's codec of the date part with C# name <paramref name="propertyName"/>, for code outside the key type (the marshaller, fields, index queries).</summary>
        public static string DateCodec(TableModel table, string propertyName)
            => $"global::{table.Namespace}.{table.KeyTypeName}.{KeyNames.Of(table).Codec(table.KeyParts.First(p => p.PropertyName == propertyName))}";

        /// <summary>
        /// The stored value of a key attribute, read from the key <paramref name="key"/> names (<c>key.</c>, or nothing
        /// inside the key type, whose codecs <paramref name="names"/> gives): a composed key's text, a plain key's part as
        /// its kind is stored, a date as the text its codec writes. Target-typed: where an <c>AttributeValue</c> is expected.
        /// </summary>
        public static string KeyAttribute(TableModel table, KeyModel keyModel, string key, KeyNames? names = null)
        {
            if (!keyModel.IsSinglePart)
            {
                return ValueKinds.NewValue(ValueKind.String, key + keyModel.PropertyName);
            }

            var part = keyModel.Parts[0];
            return part.IsDate
                ? $"{(names is null ? DateCodec(table, part.PropertyName) : names.Codec(part))}.Write({key}{part.PropertyName})"
                : ValueKinds.NewValue(part.Type, key + part.PropertyName);
        }

        /// <summary>
        /// The expression of a computed index key's stored value: its literals and the text of each part, as
        /// <paramref name="partText"/> gives it; written the same way on put, on update and in queries.
        /// </summary>
        public static string ComputedIndexKey(IndexKeyModel key, Func<IndexPartModel, string> partText)
        {
            var pieces = key.Segments.Select(s => s.IsPart ? partText(key.Parts.First(p => p.Name == s.Text)) : Literals.String(s.Text)).ToList();
            return $"{Internal}IndexKeys.Value({(pieces.Count == 1 ? pieces[0] : $"string.Concat({string.Join(", ", pieces)})")})";
        }

        /// <summary>
        /// The stored value of an index key, as a C# expression over the given names of its parts: validated the way
        /// the item stores each part, and composed from their stored text for a computed key.
        /// </summary>
        public static string IndexKey(TableModel table, IndexKeyModel key, Func<IndexPartModel, string> name)
        {
            var entity = Literals.String(table.TypeName);
            string Stored(IndexPartModel part)
            {
                if (!part.OnKey)
                {
                    return ValueKinds.StoredValue(table.Attributes.First(a => a.Name == part.Name), $"global::{table.Namespace}.{table.MarshallerTypeName}.{part.PropertyName}Value", name(part), typed: true);
                }

                if (part.Type.Kind.IsDate())
                {
                    // A date key part that the item also stores: written by the key's codec, as the item holds it.
                    return $"{Internal}AttributeCodecs.Write({DateCodec(table, part.PropertyName)}, {name(part)}, {entity}, {Literals.String(part.Name)})";
                }

                var value = part.Type.Kind is ValueKind.String or ValueKind.Binary
                    ? Normalized($"{Internal}InputValidation.NotNull({name(part)}, {entity}, {Literals.String(part.Name)})", part.Normalize, nullable: false)
                    : name(part);
                return ValueKinds.ToAttributeValue(part.Type.Kind, value);
            }

            // A fixed-width key part is checked and padded as the table's key writes it.
            return key.IsComputed
                ? ComputedIndexKey(key, p => p.Width is { } width
                    ? $"{Internal}InputValidation.FixedWidth({name(p)}, {width.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {entity}, {Literals.String(p.Name)})"
                    : $"{Internal}IndexKeys.Text({Stored(p)})")
                : Stored(key.Parts[0]);
        }

        /// <summary>
        /// The text of a number (or text) key part inside a composed key: zero-padded to its <paramref name="width"/> when it
        /// has one (the value already checked), otherwise in invariant form.
        /// </summary>
        public static string PartText(ValueKind kind, int? width, string expression)
            => width is { } digits ? $"{expression}.ToString(\"D{digits.ToString(System.Globalization.CultureInfo.InvariantCulture)}\", {Invariant})" : ValueKinds.ToKeyText(kind, expression);
    }
}

using System.Collections.Generic;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>How each descriptor type looks in C# and in a DynamoDB item.</summary>
    internal static class ValueKinds
    {
        public static string CSharpType(ValueKind kind) => kind switch
        {
            ValueKind.String => "string",
            ValueKind.Bool => "bool",
            ValueKind.Int32 => "int",
            ValueKind.Int64 => "long",
            ValueKind.Decimal => "decimal",
            ValueKind.Double => "double",
            ValueKind.Binary => "byte[]",
            ValueKind.DateTimeOffset => "global::System.DateTimeOffset",
            ValueKind.DateTime => "global::System.DateTime",
            _ => "global::System.DateOnly",
        };

        /// <summary>
        /// The C# type of a value of <paramref name="type"/> (not nullable); a declared enum or object by its simple name, or
        /// qualified with <paramref name="ns"/> where a nested type of the same name could take the simple one.
        /// </summary>
        public static string CSharpType(TypeModel type, string? ns = null) => type.Kind switch
        {
            ValueKind.Enum or ValueKind.Object => ns is null ? type.Name! : $"global::{ns}.{type.Name}",
            ValueKind.List => $"global::System.Collections.Generic.IReadOnlyList<{CSharpType(type.Element!, ns)}>",
            ValueKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {CSharpType(type.Element!, ns)}>",
            ValueKind.Set when type.Element!.Kind == ValueKind.Binary => "global::System.Collections.Generic.IReadOnlyList<byte[]>",
            ValueKind.Set => $"global::System.Collections.Generic.IReadOnlySet<{CSharpType(type.Element!, ns)}>",
            _ => CSharpType(type.Kind),
        };

        /// <summary>
        /// "?" for the value a <c>Set…</c> method of a set attribute takes, where null removes the attribute as an empty
        /// set does (the property itself is never null); nothing for other attributes.
        /// </summary>
        public static string SetNullability(AttributeModel attribute)
            => attribute.Kind == ValueKind.Set && !attribute.IsNullable ? "?" : string.Empty;

        /// <summary>The C# type of an attribute's property: nullable when the attribute is optional with no default.</summary>
        public static string PropertyType(AttributeModel attribute, string? ns = null)
            => CSharpType(attribute.Type, ns) + (attribute.IsNullable ? "?" : string.Empty);

        public static bool IsValueType(ValueKind kind)
            => kind is not (ValueKind.String or ValueKind.Binary or ValueKind.Object or ValueKind.List or ValueKind.Set or ValueKind.Map);

        /// <summary>
        /// The expression of the runtime codec that converts <paramref name="type"/>; composed for collections,
        /// the generated one for declared enums and objects.
        /// </summary>
        public static string Codec(TypeModel type, string ns) => type.Kind switch
        {
            ValueKind.String => Internal + "AttributeCodecs.String",
            ValueKind.Bool => Internal + "AttributeCodecs.Boolean",
            ValueKind.Int32 => Internal + "AttributeCodecs.Int32",
            ValueKind.Int64 => Internal + "AttributeCodecs.Int64",
            ValueKind.Decimal => Internal + "AttributeCodecs.Decimal",
            ValueKind.Double => Internal + "AttributeCodecs.Double",
            ValueKind.Binary => Internal + "AttributeCodecs.Binary",
            ValueKind.DateTimeOffset => $"{Internal}AttributeCodecs.DateTimeOffset({DateFormat(type.Format!)})",
            ValueKind.DateTime => $"{Internal}AttributeCodecs.DateTime({DateFormat(type.Format!)})",
            ValueKind.Date => $"{Internal}AttributeCodecs.DateOnly({DateFormat(type.Format!)})",
            ValueKind.Enum => $"global::{ns}.{type.Name}Values.Codec",
            ValueKind.Object => $"global::{ns}.{type.Name}Marshaller.Codec",
            ValueKind.List => $"{Internal}AttributeCodecs.List({Codec(type.Element!, ns)})",
            ValueKind.Map => $"{Internal}AttributeCodecs.Map({Codec(type.Element!, ns)})",
            _ => type.Element!.Kind == ValueKind.Binary ? Internal + "AttributeCodecs.BinarySet" : $"{Internal}AttributeCodecs.Set({Codec(type.Element!, ns)})",
        };

        /// <summary>
        /// A private static field per (field, pattern) holding a schema <c>pattern</c> as the runtime's <c>TextPattern</c>,
        /// so its <c>Regex</c> is built once; a blank line before them when there are any.
        /// </summary>
        public static void WritePatternFields(SourceWriter w, IEnumerable<(string Field, string Pattern)> fields)
        {
            var first = true;
            foreach (var (field, pattern) in fields)
            {
                if (first)
                {
                    w.Line();
                    first = false;
                }

                w.Line($"private static readonly {Internal}TextPattern {field} = new({Literals.String(pattern)});");
            }
        }

        /// <summary>The runtime <c>DateFormat</c> a date format model stands for.</summary>
        private static string DateFormat(DateFormatModel format)
        {
            var offset = Offset(format.OffsetMinutes);
            if (format.EpochSeconds)
            {
                return $"{Internal}DateFormat.EpochSeconds({offset})";
            }

            return format.Pattern is null
                ? $"{Internal}DateFormat.Iso8601({offset})"
                : $"{Internal}DateFormat.Pattern({Literals.String(format.Pattern)}, {offset})";
        }

        /// <summary>The <c>TimeSpan?</c> expression of a declared offset; <c>null</c> keeps each value's own.</summary>
        public static string Offset(int? minutes) => minutes switch
        {
            null => "null",
            0 => "global::System.TimeSpan.Zero",
            { } value => $"global::System.TimeSpan.FromMinutes({value.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        };

        /// <summary>The <c>ScalarAttributeType</c> expression of a key's storage.</summary>
        public static string ScalarAttributeType(KeyStorage storage)
            => "global::Amazon.DynamoDBv2.ScalarAttributeType." + storage switch
            {
                KeyStorage.Number => "N",
                KeyStorage.Binary => "B",
                _ => "S",
            };

        /// <summary>The <c>ItemReader</c> method that reads this kind.</summary>
        public static string ReaderMethod(ValueKind kind) => kind switch
        {
            ValueKind.String => "String",
            ValueKind.Bool => "Boolean",
            ValueKind.Int32 => "Int32",
            ValueKind.Int64 => "Int64",
            ValueKind.Decimal => "Decimal",
            _ => "Double",
        };

        /// <summary>The expression that reads a key attribute or key part of this kind with <c>reader</c> (null when absent).</summary>
        public static string KeyRead(ValueKind kind, string name)
            => kind == ValueKind.Binary
                ? $"reader.Read({name}, {Internal}AttributeCodecs.Binary)"
                : $"reader.{ReaderMethod(kind)}({name})";

        /// <summary>How a mapping error names the stored type.</summary>
        public static string StoredDescription(ValueKind kind) => kind switch
        {
            ValueKind.String => "a string (S)",
            ValueKind.Bool => "a boolean (BOOL)",
            ValueKind.Binary => "binary (B)",
            ValueKind.List => "a list (L)",
            ValueKind.Map or ValueKind.Object => "a map (M)",
            ValueKind.Set => "a set (SS, NS or BS)",
            ValueKind.Enum => "a string (S)",
            ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Date => "a date (S or N)",
            _ => "a number (N)",
        };

        /// <summary>An expression that builds the AttributeValue for a non-null C# expression of this kind.</summary>
        public static string ToAttributeValue(ValueKind kind, string expression) => $"new {AttributeValue} {Members(kind, expression)}";

        /// <summary><see cref="ToAttributeValue"/> target-typed (<c>new() { S = text }</c>), where an <c>AttributeValue</c> is expected.</summary>
        public static string NewValue(ValueKind kind, string expression) => $"new() {Members(kind, expression)}";

        private static string Members(ValueKind kind, string expression) => kind switch
        {
            ValueKind.String => $"{{ S = {expression} }}",
            ValueKind.Bool => $"{{ BOOL = {expression} }}",
            // A read-only stream over the caller's array: the request cannot change it, and nothing is copied.
            ValueKind.Binary => $"{{ B = new global::System.IO.MemoryStream({expression}, writable: false) }}",
            ValueKind.Double => $"{{ N = {expression}.ToString(\"R\", {Invariant}) }}",
            _ => $"{{ N = {expression}.ToString({Invariant}) }}",
        };

        /// <summary>
        /// Whether the marshaller has a value method for <paramref name="attribute"/>: one that checks or converts. A
        /// boolean, or a whole or decimal number with no range, is stored as it is (<c>new() { BOOL = value }</c>).
        /// </summary>
        public static bool HasValueMethod(AttributeModel attribute)
            => !(attribute.Kind is ValueKind.Bool or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal && !attribute.Rules.HasRange);

        /// <summary>
        /// The stored form of <paramref name="value"/>, a value of <paramref name="attribute"/>: through its value method
        /// <paramref name="method"/> where it has one, otherwise built in place (target-typed unless <paramref name="typed"/>).
        /// </summary>
        public static string StoredValue(AttributeModel attribute, string method, string value, bool typed = false)
            => HasValueMethod(attribute) ? $"{method}({value})" : typed ? ToAttributeValue(attribute.Kind, value) : NewValue(attribute.Kind, value);

        /// <summary>What turns a value of <paramref name="attribute"/> into its stored form, as a delegate: its value method, or the runtime's codec.</summary>
        public static string StoredValueWriter(AttributeModel attribute, string method)
            => HasValueMethod(attribute) ? method : Codec(attribute.Type, string.Empty) + ".Write";

        /// <summary>An expression that turns a key part into the text of a composed key.</summary>
        public static string ToKeyText(ValueKind kind, string expression)
            => kind == ValueKind.String ? expression : $"{expression}.ToString({Invariant})";

        /// <summary>
        /// A boolean or number expression checked as the attribute's values are before they are stored: a double must be
        /// finite (DynamoDB has no NaN or infinity, so they are refused here rather than in a failed request), and a value
        /// must lie in the attribute's range when <paramref name="inRange"/>. An update's delta is not: the range limits stored values, not changes.
        /// </summary>
        public static string Checked(AttributeModel attribute, string value, string entity, bool inRange)
        {
            var name = Literals.String(attribute.Name);
            var checkedValue = attribute.Kind == ValueKind.Double ? $"{Internal}InputValidation.Finite({value}, {entity}, {name})" : value;
            if (inRange && attribute.Rules.HasRange)
            {
                checkedValue = $"{Internal}InputValidation.Range({checkedValue}, {attribute.Rules.Minimum ?? "null"}, {attribute.Rules.Maximum ?? "null"}, {entity}, {name})";
            }

            return checkedValue;
        }
    }
}

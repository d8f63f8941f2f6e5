using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes what code that picks an attribute at run time needs, so it never restates the schema: the attribute names
    /// a marshaller declares (and whether a name is one of them), the stored name of each flag, and the update's
    /// <c>SetFlag</c>. A shared helper like <see cref="ValueKinds"/>: the marshaller and update emitters write its members
    /// into their types, and <see cref="SchemaEmitter"/> its flag-names type as a file of its own.
    /// </summary>
    internal static class NameLists
    {
        private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList<string>";

        /// <summary>
        /// The marshaller's <c>AttributeNames</c>, the private <c>DeclaredAttributes</c> set its reads tell extra attributes
        /// by, and <c>IsDeclared</c>, for an entity that keeps extra attributes.
        /// </summary>
        /// <param name="w">The marshaller being written.</param>
        /// <param name="names">The declared attribute names, in the order the marshaller writes them.</param>
        public static void WriteAttributeNames(SourceWriter w, IEnumerable<string> names)
        {
            w.Line("/// <summary>The attribute names the schema declares, in the order items are written: key attributes first, then the others as declared.</summary>");
            WriteNames(w, "AttributeNames", names);
            w.Line();
            w.Line("/// <summary>The declared names as a set; any other attribute of an item is an extra one.</summary>");
            w.Line("private static readonly global::System.Collections.Generic.HashSet<string> DeclaredAttributes = new(AttributeNames, global::System.StringComparer.Ordinal);");
            w.Line();
            w.Line("/// <summary>Whether the schema declares the attribute <paramref name=\"name\"/>; any other attribute of an item is an extra one.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"name\"/> is null.</exception>");
            w.Open("public static bool IsDeclared(string name)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(name);");
            w.Line("return DeclaredAttributes.Contains(name);");
            w.Close();
        }

        /// <summary>The static class beside the flag enum: each flag's stored attribute name, and the flag a name stands for.</summary>
        public static void WriteFlagNames(SourceWriter w, TableModel table)
        {
            var flag = $"global::{table.Namespace}.{table.FlagTypeName}";
            w.Line($"/// <summary>The stored attribute names of <see cref=\"{table.FlagTypeName}\"/>, with no reflection.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open($"public static partial class {FlagNamesTypeName(table)}");
            w.Line("/// <summary>The stored attribute name of each flag, in declaration order.</summary>");
            WriteNames(w, "AttributeNames", table.Flags.Select(a => a.Name));
            w.Line();
            w.Line("/// <summary>The stored attribute name of <paramref name=\"flag\"/>.</summary>");
            WriteFlagSwitch(w, table, $"public static string AttributeName(this {flag} flag)", a => Literals.String(a.Name));
            w.Line();
            w.Line("/// <summary>Reads a flag from its stored attribute name (compared exactly); false when the name is not one of them.</summary>");
            w.Open($"public static bool TryParse(string? attributeName, out {flag} flag)");
            w.Line($"{flag}? parsed = attributeName switch");
            w.Open();
            foreach (var attribute in table.Flags)
            {
                w.Line($"{Literals.String(attribute.Name)} => {flag}.{attribute.PropertyName},");
            }

            w.Line("_ => null,");
            w.Close(";");
            w.Line("flag = parsed.GetValueOrDefault();");
            w.Line("return parsed is not null;");
            w.Close();
            w.Close();
        }

        /// <summary>The update's <c>SetFlag</c>: the update's own <c>Set…</c> of the flag it is given.</summary>
        public static void WriteSetFlag(SourceWriter w, TableModel table)
        {
            var flag = $"global::{table.Namespace}.{table.FlagTypeName}";
            w.Line();
            w.Line("/// <summary>Sets the flag picked at run time: the same change as its own <c>Set…</c> method.</summary>");
            WriteFlagSwitch(w, table, $"public {table.UpdateTypeName} SetFlag({flag} flag, bool value)", a => $"Set{a.PropertyName}(value)");
        }

        /// <summary>A public static read-only list of names, <paramref name="property"/>.</summary>
        private static void WriteNames(SourceWriter w, string property, IEnumerable<string> names)
        {
            w.Line($"public static {ReadOnlyList} {property} {{ get; }} = global::System.Array.AsReadOnly(new[]");
            w.Open();
            foreach (var name in names)
            {
                w.Line(Literals.String(name) + ",");
            }

            w.Close(");");
        }

        /// <summary>A member whose body is a switch on its <c>flag</c> parameter, one arm per flag; an undefined flag throws.</summary>
        private static void WriteFlagSwitch(SourceWriter w, TableModel table, string signature, System.Func<AttributeModel, string> arm)
        {
            var flag = $"global::{table.Namespace}.{table.FlagTypeName}";
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"flag\"/> is not a declared flag.</exception>");
            w.Line(signature + " => flag switch");
            w.Open();
            foreach (var attribute in table.Flags)
            {
                w.Line($"{flag}.{attribute.PropertyName} => {arm(attribute)},");
            }

            w.Line($"_ => throw new global::System.ArgumentOutOfRangeException({Literals.NameOf("flag")}, flag, null),");
            w.Close(";");
        }

        /// <summary>The name of the static class <see cref="WriteFlagNames"/> writes (<c>BookingFlags</c>).</summary>
        public static string FlagNamesTypeName(TableModel table) => table.FlagTypeName + "s";
    }
}

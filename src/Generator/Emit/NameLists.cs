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
        public static void WriteAttributeNames(SourceWriter w, IEnumerable<string> names) => w.Block($$"""
            /// <summary>The attribute names the schema declares, in the order items are written: key attributes first, then the others as declared.</summary>
            public static {{ReadOnlyList}} AttributeNames { get; } = global::System.Array.AsReadOnly(new[]
            {
                {{Wrapped(names, 1)}}
            });

            private static readonly global::System.Collections.Generic.HashSet<string> DeclaredAttributes = new(AttributeNames, global::System.StringComparer.Ordinal);

            /// <summary>Whether the schema declares the attribute <paramref name="name"/>; any other attribute of an item is an extra one.</summary>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="name"/> is null.</exception>
            public static bool IsDeclared(string name) => DeclaredAttributes.Contains(name ?? throw new global::System.ArgumentNullException({{Literals.NameOf("name")}}));
            """);

        /// <summary>
        /// The static class beside the flag enum: each flag's stored attribute name, found by the flag's value (its index
        /// in declaration order), and the flag a name stands for.
        /// </summary>
        public static void WriteFlagNames(SourceWriter w, TableModel table)
        {
            var flag = $"global::{table.Namespace}.{table.FlagTypeName}";
            w.Block($$"""
                /// <summary>The stored attribute names of <see cref="{{table.FlagTypeName}}"/>, with no reflection.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{table.FlagNamesTypeName}}
                {
                    private static readonly string[] Names{{Initializer(table.Flags.Select(a => a.Name), 1)}};

                    /// <summary>The stored attribute name of each flag, in declaration order.</summary>
                    public static {{ReadOnlyList}} AttributeNames { get; } = global::System.Array.AsReadOnly(Names);

                    /// <summary>The stored attribute name of <paramref name="flag"/>.</summary>
                    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="flag"/> is not a declared flag.</exception>
                    public static string AttributeName(this {{flag}} flag)
                        => (uint)flag < (uint)Names.Length ? Names[(int)flag] : throw new global::System.ArgumentOutOfRangeException({{Literals.NameOf("flag")}}, flag, null);

                    /// <summary>Reads a flag from its stored attribute name (compared exactly); false when the name is not one of them.</summary>
                    public static bool TryParse(string? attributeName, out {{flag}} flag)
                    {
                        var index = global::System.Array.IndexOf(Names, attributeName);
                        flag = index >= 0 ? ({{flag}})index : default;
                        return index >= 0;
                    }
                }
                """);
        }

        /// <summary>
        /// The update's <c>SetFlag</c>: the change its own <c>Set…</c> of the flag makes, under the flag's stored name (a
        /// boolean is never part of a key or unique, so setting one is always this one change).
        /// </summary>
        public static void WriteSetFlag(SourceWriter w, TableModel table)
        {
            var flag = $"global::{table.Namespace}.{table.FlagTypeName}";
            w.Block($$"""

                /// <summary>Sets the flag picked at run time: the same change as its own <c>Set…</c> method.</summary>
                /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="flag"/> is not a declared flag.</exception>
                public {{table.UpdateTypeName}} SetFlag({{flag}} flag, bool value)
                    => Set<{{table.UpdateTypeName}}>(global::{{table.Namespace}}.{{table.FlagNamesTypeName}}.AttributeName(flag), new() { BOOL = value });
                """);
        }

        /// <summary>
        /// <c> = { …names… }</c>, an array initializer of names as string literals after a field at <paramref name="depth"/>:
        /// on the field's line when it is short, otherwise on lines of its own.
        /// </summary>
        private static string Initializer(IEnumerable<string> names, int depth)
        {
            var line = string.Join(", ", names.Select(Literals.String));
            return line.Length <= 80 ? $" = {{ {line} }}" : Indented($" =\n{{\n    {Wrapped(names, 1)}\n}}", depth);
        }

        /// <summary>Names as string literals, joined into lines of up to about 120 characters, for an initializer at <paramref name="depth"/>.</summary>
        private static string Wrapped(IEnumerable<string> names, int depth)
        {
            var lines = new List<string>();
            foreach (var name in names.Select(n => Literals.String(n) + ","))
            {
                if (lines.Count > 0 && lines[lines.Count - 1].Length + name.Length < 120)
                {
                    lines[lines.Count - 1] += " " + name;
                }
                else
                {
                    lines.Add(name);
                }
            }

            return Lines(lines, depth);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the enums: one the descriptor declares with the codec that stores it as the text of its values, and an entity's flags.</summary>
    internal static class EnumEmitter
    {
        public static void Write(SourceWriter w, EnumModel model, string ns)
        {
            WriteEnum(
                w,
                $"{(model.Description is null ? string.Empty : Xml.Escape(model.Description) + " ")}Stored as the text of each value; see <see cref=\"{model.ValuesTypeName}\"/>.",
                model.Name,
                model.Members.Select(m => ($"Stored as <c>{Xml.Escape(m.Value)}</c>.", m.MemberName)));

            // Its members are qualified: the enum may be named like a member of this class (an enum Codec).
            var type = $"global::{ns}.{model.Name}";
            var pairs = model.Members.Select(m => $"new({type}.{m.MemberName}, {Literals.String(m.Value)}),");
            var cases = model.Members.Select(m => $"{type}.{m.MemberName} => {Literals.String(m.Value)},");
            w.Block($$"""

                /// <summary>Converts <see cref="{{model.Name}}"/> to and from its stored text, with no reflection.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{model.ValuesTypeName}}
                {
                    /// <summary>The codec generated marshallers use.</summary>
                    public static {{Internal}}EnumCodec<{{model.Name}}> Codec { get; } = new(new global::System.Collections.Generic.KeyValuePair<{{model.Name}}, string>[]
                    {
                        {{Lines(pairs, 2)}}
                    });

                    /// <summary>The stored text of <paramref name="value"/>.</summary>
                    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="value"/> is not a declared member.</exception>
                    public static string ToStored({{model.Name}} value) => value switch
                    {
                        {{Lines(cases, 2)}}
                        _ => throw new global::System.ArgumentOutOfRangeException({{Literals.NameOf("value")}}, value, null),
                    };

                    /// <summary>Reads stored text; false when it is not one of the declared values.</summary>
                    public static bool TryParse(string? text, out {{model.Name}} value) => Codec.TryParse(text, out value);
                }
                """);
        }
    
        /// <summary>The boolean attributes the update type sets, for code that picks one at run time (the legacy <c>update_flag</c>).</summary>
        public static void WriteFlags(SourceWriter w, TableModel table)
            => WriteEnum(
                w,
                $"The boolean attributes of <see cref=\"{table.TypeName}\"/> that <see cref=\"{table.UpdateTypeName}\"/> sets, for code that picks one at run time.",
                table.FlagTypeName,
                table.Flags.Select(f => ($"<c>{Xml.Escape(f.Name)}</c>.{Sentence(f.Description)}", f.PropertyName)));

        private static void WriteEnum(SourceWriter w, string summary, string name, IEnumerable<(string Summary, string Name)> members)
        {
            w.Block($$"""
                /// <summary>{{summary}}</summary>
                {{GeneratedCodeAttribute}}
                public enum {{name}}
                """);
            w.Open();
            foreach (var member in members)
            {
                w.Block($$"""
                    /// <summary>{{member.Summary}}</summary>
                    {{member.Name}},
                    """);
            }

            w.Close();
        }
    }
}

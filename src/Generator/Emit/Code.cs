// What every emitter writes, imported once for the whole generator.
global using static Bookings.Generated.Generator.Emit.Code;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The names every emitter writes. Types outside the descriptor are written with <c>global::</c>, since a type the
    /// user declares in the descriptor's namespace could take their simple name; the descriptor's own types are written
    /// by their simple name where a type is expected, since only a nested type or a type parameter could take that.
    /// </summary>
    internal static class Code
    {
        public const string ToolName = "Bookings.Generated.Generator";

        /// <summary>The runtime's namespace: every runtime type in generated code is written through this prefix.</summary>
        public const string Runtime = "global::Bookings.Generated.Runtime.";

        /// <summary>The runtime's plumbing namespace, for the types only generated code calls (hidden from IntelliSense).</summary>
        public const string Internal = "global::Bookings.Generated.Runtime.Internal.";

        public const string AttributeValue = "global::Amazon.DynamoDBv2.Model.AttributeValue";

        /// <summary>An item as requests take it.</summary>
        public const string AttributeMap = "global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>";

        /// <summary>An item as responses give it.</summary>
        public const string StoredItem = "global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>";

        public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        public const string NotNullWhenTrue = "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)]";

        /// <summary>
        /// <paramref name="text"/> normalised as the descriptor's <c>"normalize"</c> says, in invariant culture: trimmed,
        /// then lowercased or uppercased. <paramref name="nullable"/>: the text may be null, which stays null.
        /// </summary>
        public static string Normalized(string text, Model.TextNormalization normalize, bool nullable)
        {
            var access = nullable ? "?." : ".";
            var result = text;
            if ((normalize & Model.TextNormalization.Trim) != 0)
            {
                // One '?.' short-circuits the rest of the chain.
                result += access + "Trim()";
                access = ".";
            }

            if ((normalize & Model.TextNormalization.Lowercase) != 0)
            {
                result += access + "ToLowerInvariant()";
            }
            else if ((normalize & Model.TextNormalization.Uppercase) != 0)
            {
                result += access + "ToUpperInvariant()";
            }

            return result;
        }

        /// <summary>How <paramref name="normalize"/> reads in documentation (<c>trimmed and lowercased</c>); empty for none.</summary>
        public static string NormalizedDescription(Model.TextNormalization normalize)
        {
            var steps = new System.Collections.Generic.List<string>();
            if ((normalize & Model.TextNormalization.Trim) != 0)
            {
                steps.Add("trimmed");
            }

            if ((normalize & Model.TextNormalization.Lowercase) != 0)
            {
                steps.Add("lowercased");
            }

            if ((normalize & Model.TextNormalization.Uppercase) != 0)
            {
                steps.Add("uppercased");
            }

            return string.Join(" and ", steps);
        }

        /// <summary>The generator's version, written into <c>[GeneratedCode]</c> attributes.</summary>
        public static readonly string ToolVersion = typeof(Code).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        /// <summary>The attribute every generated type carries.</summary>
        public static string GeneratedCodeAttribute => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{ToolName}\", \"{ToolVersion}\")]";

        /// <summary>Whether a statement fits on one line of a method body (about 140 characters with its indentation), as hand-written code would be.</summary>
        public static bool FitsOnOneLine(string statement) => statement.Length <= 130;

        /// <summary>The exception a generated check throws for an invalid value of <paramref name="attribute"/>.</summary>
        public static string ValidationError(string entity, string attribute, string problem)
            => $"new {Runtime}DynamoValidationException({Literals.String(entity)}, {Literals.String(attribute)}, {problem})";

        /// <summary>
        /// Lines for a hole of a template that stands <paramref name="depth"/> levels in: each line after the first
        /// indented to stand under the first (the template's own indentation is the hole's).
        /// </summary>
        public static string Indented(string lines, int depth) => lines.Replace("\n", "\n" + new string(' ', 4 * depth));

        /// <summary><paramref name="lines"/> joined for a hole of a template that stands <paramref name="depth"/> levels in.</summary>
        public static string Lines(System.Collections.Generic.IEnumerable<string> lines, int depth) => Indented(string.Join("\n", lines), depth);

        /// <summary>A sentence to append to a summary: the descriptor's description, escaped; nothing when there is none.</summary>
        public static string Sentence(string? description) => description is null ? string.Empty : " " + Xml.Escape(description);
    }
}

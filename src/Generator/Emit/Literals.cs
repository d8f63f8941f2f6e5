using System.Text;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>C# literal text for values taken from a descriptor.</summary>
    internal static class Literals
    {
        public static string String(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (IsLineBreakOrControl(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>
        /// A parameter's name as text, for an <c>ArgumentException</c>. Generated code never writes <c>nameof(x)</c>: a
        /// namespace or a parameter the descriptor names <c>nameof</c> would make it mean that instead.
        /// </summary>
        public static string NameOf(string parameter) => String(parameter.Length > 0 && parameter[0] == '@' ? parameter.Substring(1) : parameter);

        /// <summary><paramref name="parameter"/>, or an <c>ArgumentNullException</c> naming it.</summary>
        public static string NotNull(string parameter) => $"{parameter} ?? throw new global::System.ArgumentNullException({NameOf(parameter)})";

        /// <summary>Text that reads as itself inside a regular interpolated string (<c>$"…"</c>): escaped, with braces doubled.</summary>
        public static string InterpolatedText(string value)
        {
            var literal = String(value);
            return literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}");
        }

        /// <summary>A character a string literal must escape and a line comment cannot hold: controls and line breaks.</summary>
        public static bool IsLineBreakOrControl(char c) => c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}

// Compiled into both the generator and the runtime, so the descriptor check of a pattern (compile time) and the
// check of a value against it (run time) read it the same way.
using System.Text;

namespace Bookings.Generated
{
    /// <summary>
    /// What a descriptor's <c>pattern</c> means: a .NET regular expression, except that <c>$</c> ends the text (.NET's
    /// <c>$</c> also matches before a final line feed, so <c>^[0-9]+$</c> took <c>"123\n"</c>) and <c>\d</c> is an ASCII
    /// digit (.NET's <c>\d</c> is any Unicode decimal digit, such as <c>٣</c>). Authors of <c>^[0-9]+$</c> and
    /// <c>^\d{4}$</c> mean neither the line feed nor other scripts' digits.
    /// </summary>
    internal static class SchemaPatterns
    {
        /// <summary>
        /// The .NET regular expression with the schema meaning: <c>$</c> outside a character class becomes <c>\z</c>,
        /// <c>\d</c> becomes <c>[0-9]</c> (<c>0-9</c> inside a class) and <c>\D</c> its complement; everything else,
        /// escapes and comments included, is kept as written.
        /// </summary>
        public static string ToRegex(string pattern)
        {
            var result = new StringBuilder(pattern.Length + 8);
            var depth = 0;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    var escaped = pattern[++i];
                    result.Append(escaped switch
                    {
                        'd' => depth > 0 ? "0-9" : "[0-9]",
                        'D' => depth > 0 ? "\\u0000-/:-\\uFFFF" : "[^0-9]",
                        _ => "\\" + escaped,
                    });
                    continue;
                }

                if (depth == 0 && c == '(' && string.CompareOrdinal(pattern, i, "(?#", 0, 3) == 0)
                {
                    // A comment runs to the next ')', whatever it holds.
                    var end = pattern.IndexOf(')', i);
                    end = end < 0 ? pattern.Length - 1 : end;
                    result.Append(pattern, i, end - i + 1);
                    i = end;
                    continue;
                }

                // A class opens at '[' outside one, or at "-[" inside one (.NET's class subtraction).
                if (c == '[' && (depth == 0 || pattern[i - 1] == '-'))
                {
                    depth++;
                    result.Append(c);
                    i = CopyClassStart(pattern, i + 1, result) - 1;
                    continue;
                }

                if (depth > 0 && c == ']')
                {
                    depth--;
                }

                result.Append(depth == 0 && c == '$' ? "\\z" : c.ToString());
            }

            return result.ToString();
        }

        /// <summary>Copies a class's leading <c>^</c> and a <c>]</c> right after it (a literal in .NET); the index after them.</summary>
        private static int CopyClassStart(string pattern, int i, StringBuilder result)
        {
            if (i < pattern.Length && pattern[i] == '^')
            {
                result.Append('^');
                i++;
            }

            if (i < pattern.Length && pattern[i] == ']')
            {
                result.Append(']');
                i++;
            }

            return i;
        }
    }
}

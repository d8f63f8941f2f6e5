using System.Collections.Generic;
using System.Linq;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes a schema <c>pattern</c> as a plain matching method, when the pattern is one a loop decides with
    /// the pattern's exact meaning (<c>SchemaPatterns</c>: <c>$</c> ends the text, <c>\d</c> is an ASCII digit):
    /// anchored by <c>^</c> and <c>$</c>, a sequence of literals,
    /// <c>\d</c>, <c>.</c> and character classes, each with an optional quantifier, where no repeated element
    /// can take a character the element after it needs (so greedy matching never has to back up). Key parts
    /// and formats (<c>^[0-9]+$</c>, <c>^\d{4}-\d{2}-\d{2}$</c>) are such patterns; they are checked on every
    /// write and on every key read back, and a loop does that in a few nanoseconds where an interpreted
    /// regular expression takes a hundred. Any other pattern stays a <c>Regex</c>.
    /// </summary>
    internal static class PatternMatcherEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";

        /// <summary>
        /// A <c>TextPattern</c> field per (field, pattern), and a matching method per distinct pattern that can have
        /// one: fields of the same pattern share the method the first of them names (<c>…PatternMatches</c>, as
        /// <paramref name="name"/> makes it unique in its type; unchanged when not given).
        /// </summary>
        public static void WriteFields(SourceWriter w, IEnumerable<(string Field, string Pattern)> fields, System.Func<string, string>? name = null)
        {
            var matchers = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var (field, pattern) in fields)
            {
                var atoms = Parse(pattern);
                var written = matchers.TryGetValue(pattern, out var matcher);
                if (atoms is not null && !written)
                {
                    matcher = name is null ? field + "Matches" : name(field + "Matches");
                }

                w.Line($"private static readonly {Runtime}TextPattern {field} =");
                w.Indent().Line(Initializer(pattern, atoms is null ? null : matcher) + ";").Outdent();
                w.Line();
                if (atoms is not null && !written && matcher is not null)
                {
                    WriteLoop(w, matcher, pattern, atoms);
                    w.Line();
                    matchers.Add(pattern, matcher);
                }
            }
        }

        private static string Initializer(string pattern, string? matcher)
            => matcher is null
                ? $"new {Runtime}TextPattern({Literals.String(pattern)})"
                : $"new {Runtime}TextPattern({Literals.String(pattern)}, {matcher})";

        private static void WriteLoop(SourceWriter w, string name, string pattern, IReadOnlyList<Atom> atoms)
        {
            w.Summary($"Whether <paramref name=\"text\"/> matches <c>{Xml.Escape(pattern)}</c>: the pattern as a loop, where <c>$</c> ends the text and <c>\\d</c> is <c>0-9</c>.");
            w.Open($"private static bool {name}(string text)");
            w.Line("var i = 0;");
            if (atoms.Any(a => a.Min != a.Max))
            {
                w.Line("int start;");
            }

            for (var index = 0; index < atoms.Count; index++)
            {
                // A run of single literal characters is one comparison.
                var run = index;
                while (run < atoms.Count && atoms[run].IsSingleLiteral)
                {
                    run++;
                }

                w.Line();
                if (run - index > 1)
                {
                    var text = new string(atoms.Skip(index).Take(run - index).Select(a => a.Set.Ranges[0].Low).ToArray());
                    WriteLiteralRun(w, text);
                    index = run - 1;
                    continue;
                }

                WriteAtom(w, atoms[index]);
            }

            w.Line();
            w.Line("return i == text.Length;");
            w.Close();
        }

        private static void WriteLiteralRun(SourceWriter w, string literal)
        {
            w.Line($"// {Literals.String(literal)}");
            w.Open($"if (!global::System.MemoryExtensions.StartsWith(global::System.MemoryExtensions.AsSpan(text, i), {Literals.String(literal)}, global::System.StringComparison.Ordinal))");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line($"i += {literal.Length};");
        }

        private static void WriteAtom(SourceWriter w, Atom atom)
        {
            w.Line($"// {(atom.IsSingleLiteral ? Literals.Char(atom.Set.Ranges[0].Low) : Comment(atom.Source))}");
            if (atom.Min == 1 && atom.Max == 1)
            {
                w.Open($"if (i == text.Length || {atom.Set.TestNot("text[i]")})");
                w.Line("return false;");
                w.Close();
                w.Line();
                w.Line("i++;");
                return;
            }

            if (atom.Min == atom.Max)
            {
                w.Open($"for (var end = i + {atom.Min}; i < end; i++)");
                w.Open($"if (i == text.Length || {atom.Set.TestNot("text[i]")})");
                w.Line("return false;");
                w.Close();
                w.Close();
                return;
            }

            w.Line("start = i;");
            var bound = atom.Max < 0 ? string.Empty : $" && i - start < {atom.Max}";
            w.Open($"while (i < text.Length{bound} && {atom.Set.Test("text[i]")})");
            w.Line("i++;");
            w.Close();
            if (atom.Min > 0)
            {
                w.Line();
                w.Open($"if (i - start < {atom.Min})");
                w.Line("return false;");
                w.Close();
            }
        }

        /// <summary>Pattern text for a line comment: no line breaks.</summary>
        private static string Comment(string text)
            => text.Any(Literals.IsLineBreakOrControl) ? Literals.String(text) : text;

        /// <summary>The elements of a pattern a loop can match, or null when it cannot be one.</summary>
        internal static IReadOnlyList<Atom>? Parse(string pattern)
        {
            if (pattern.Length < 2 || pattern[0] != '^' || pattern[pattern.Length - 1] != '$' || IsEscaped(pattern, pattern.Length - 1))
            {
                return null;
            }

            var atoms = new List<Atom>();
            var end = pattern.Length - 1;
            var i = 1;
            while (i < end)
            {
                var first = i;
                CharSet? set;
                var c = pattern[i];
                switch (c)
                {
                    case '\\':
                        set = i + 1 < end ? Escape(pattern[i + 1]) : null;
                        i += 2;
                        break;
                    case '.':
                        set = CharSet.AnyButLineFeed;
                        i++;
                        break;
                    case '[':
                        set = Class(pattern, ref i, end);
                        break;
                    case '(': case ')': case '|': case '*': case '+': case '?': case '{': case '}': case '^': case '$': case ']':
                        return null;
                    default:
                        set = CharSet.Single(c);
                        i++;
                        break;
                }

                if (set is null || !Quantifier(pattern, ref i, end, out var min, out var max))
                {
                    return null;
                }

                atoms.Add(new Atom(set, min, max, pattern.Substring(first, i - first)));
            }

            return atoms.Count > 0 && IsDeterministic(atoms) ? atoms : null;
        }

        private static bool IsEscaped(string pattern, int index)
        {
            var backslashes = 0;
            for (var i = index - 1; i >= 0 && pattern[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        /// <summary><c>\d</c> (ASCII digits), or an escaped ASCII punctuation character; null for any other escape (<c>\w</c>, <c>\b</c>, <c>\p{..}</c>, ...).</summary>
        private static CharSet? Escape(char c)
            => c == 'd' ? CharSet.Digits : IsPunctuation(c) ? CharSet.Single(c) : null;

        private static bool IsPunctuation(char c) => c < 128 && c > ' ' && !char.IsLetterOrDigit(c) && c != '_';

        /// <summary>A character class <c>[...]</c> of literals, ranges and <c>\d</c>, optionally negated; null for anything more.</summary>
        private static CharSet? Class(string pattern, ref int i, int end)
        {
            i++;
            var negated = i < end && pattern[i] == '^';
            if (negated)
            {
                i++;
            }

            var ranges = new List<(char Low, char High)>();
            var start = i;
            while (i < end && pattern[i] != ']')
            {
                // A literal '-' only first or last: anything else is a range or .NET's class subtraction.
                if (pattern[i] == '-' && i != start && pattern[i + 1] != ']')
                {
                    return null;
                }

                if (pattern[i] == '\\' && i + 1 < end && pattern[i + 1] == 'd')
                {
                    ranges.Add(('0', '9'));
                    i += 2;
                    continue;
                }

                var escaped = pattern[i] == '\\';
                if (!ClassChar(pattern, ref i, end, out var low))
                {
                    return null;
                }

                var high = low;
                if (i + 1 < end && pattern[i] == '-' && pattern[i + 1] != ']')
                {
                    // .NET reads a range after an escaped character its own way ([\--a] is '-' and 'a'): leave it.
                    if (escaped || pattern[i + 1] == '\\')
                    {
                        return null;
                    }

                    i++;
                    if (!ClassChar(pattern, ref i, end, out high) || high < low)
                    {
                        return null;
                    }
                }

                ranges.Add((low, high));
            }

            if (i >= end || ranges.Count == 0)
            {
                return null;
            }

            i++;
            // A class of every character (or, negated, of none) is a test C# refuses as always or never true.
            var covered = Merge(ranges, touching: true);
            if (covered.Count == 1 && covered[0].Low == char.MinValue && covered[0].High == char.MaxValue)
            {
                return null;
            }

            return new CharSet(Merge(ranges, touching: false), negated);
        }

        /// <summary>
        /// The ranges sorted, with overlapping ones joined (and touching ones too when <paramref name="touching"/>),
        /// so no alternative of the emitted test repeats another, which C# reports.
        /// </summary>
        private static List<(char Low, char High)> Merge(List<(char Low, char High)> ranges, bool touching)
        {
            var merged = new List<(char Low, char High)>(ranges.Count);
            foreach (var range in ranges.OrderBy(r => r.Low))
            {
                if (merged.Count > 0 && range.Low <= merged[merged.Count - 1].High + (touching ? 1 : 0))
                {
                    var last = merged[merged.Count - 1];
                    merged[merged.Count - 1] = (last.Low, range.High > last.High ? range.High : last.High);
                }
                else
                {
                    merged.Add(range);
                }
            }

            return merged;
        }

        private static bool ClassChar(string pattern, ref int i, int end, out char value)
        {
            value = pattern[i];
            if (value == '[')
            {
                return false;
            }

            if (value == '\\')
            {
                if (i + 1 >= end || !IsPunctuation(pattern[i + 1]))
                {
                    return false;
                }

                value = pattern[i + 1];
                i += 2;
                return true;
            }

            i++;
            return true;
        }

        /// <summary>An optional greedy quantifier: <c>?</c>, <c>*</c>, <c>+</c>, <c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>. Max -1 is unbounded.</summary>
        private static bool Quantifier(string pattern, ref int i, int end, out int min, out int max)
        {
            min = 1;
            max = 1;
            if (i < end)
            {
                switch (pattern[i])
                {
                    case '?': min = 0; i++; break;
                    case '*': min = 0; max = -1; i++; break;
                    case '+': max = -1; i++; break;
                    case '{':
                        if (!Braces(pattern, ref i, end, out min, out max))
                        {
                            return false;
                        }

                        break;
                }
            }

            // A lazy or a second quantifier changes how matching proceeds: leave it to the regular expression.
            return i >= end || pattern[i] is not ('?' or '*' or '+' or '{');
        }

        private static bool Braces(string pattern, ref int i, int end, out int min, out int max)
        {
            min = 0;
            max = -1;
            var close = pattern.IndexOf('}', i);
            if (close < 0 || close >= end)
            {
                return false;
            }

            var body = pattern.Substring(i + 1, close - i - 1).Split(',');
            i = close + 1;
            if (body.Length > 2 || !Count(body[0], out min))
            {
                return false;
            }

            if (body.Length == 1)
            {
                max = min;
                return min > 0;
            }

            if (body[1].Length == 0)
            {
                return true;
            }

            return Count(body[1], out max) && max >= min && max > 0;
        }

        private static bool Count(string text, out int value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 4 || !text.All(c => c >= '0' && c <= '9'))
            {
                return false;
            }

            value = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>
        /// Whether greedy matching decides the pattern: every element that can repeat a varying number of times
        /// shares no character with anything that can come right after it.
        /// </summary>
        private static bool IsDeterministic(List<Atom> atoms)
        {
            for (var i = 0; i < atoms.Count; i++)
            {
                if (atoms[i].Min == atoms[i].Max)
                {
                    continue;
                }

                for (var next = i + 1; next < atoms.Count; next++)
                {
                    if (CharSet.MayOverlap(atoms[i].Set, atoms[next].Set))
                    {
                        return false;
                    }

                    if (atoms[next].Min > 0)
                    {
                        break;
                    }
                }
            }

            return true;
        }

        /// <summary>One element of a pattern: a set of characters repeated between <see cref="Min"/> and <see cref="Max"/> times (-1: unbounded).</summary>
        internal sealed class Atom
        {
            public Atom(CharSet set, int min, int max, string source)
            {
                Set = set;
                Min = min;
                Max = max;
                Source = source;
            }

            public CharSet Set { get; }

            public int Min { get; }

            public int Max { get; }

            /// <summary>The element's text in the pattern, for a comment beside its code.</summary>
            public string Source { get; }

            public bool IsSingleLiteral => Min == 1 && Max == 1 && Set.IsSingleCharacter;
        }

        /// <summary>Characters as ranges (<c>\d</c> is the range <c>0-9</c>), optionally negated.</summary>
        internal sealed class CharSet
        {
            public CharSet(IReadOnlyList<(char Low, char High)> ranges, bool negated)
            {
                Ranges = ranges;
                Negated = negated;
            }

            public static CharSet Digits { get; } = new(new[] { ('0', '9') }, negated: false);

            public static CharSet AnyButLineFeed { get; } = new(new[] { ('\n', '\n') }, negated: true);

            public IReadOnlyList<(char Low, char High)> Ranges { get; }

            public bool Negated { get; }

            public bool IsSingleCharacter => !Negated && Ranges.Count == 1 && Ranges[0].Low == Ranges[0].High;

            public static CharSet Single(char c) => new(new[] { (c, c) }, negated: false);

            /// <summary>False only when no character can be in both sets; two negated sets count as overlapping.</summary>
            public static bool MayOverlap(CharSet a, CharSet b)
            {
                if (a.Negated && b.Negated)
                {
                    return true;
                }

                if (a.Negated || b.Negated)
                {
                    // Disjoint only when everything the positive set holds is excluded by the negated one.
                    var negated = a.Negated ? a : b;
                    var positive = a.Negated ? b : a;
                    return positive.Ranges.Any(r => !negated.Ranges.Any(n => n.Low <= r.Low && r.High <= n.High));
                }

                return a.Ranges.Any(r => b.Ranges.Any(s => r.Low <= s.High && s.Low <= r.High));
            }

            /// <summary>A C# condition that holds when the character <paramref name="c"/> is in the set.</summary>
            public string Test(string c) => Condition(c, !Negated);

            /// <summary>A C# condition that holds when the character <paramref name="c"/> is not in the set.</summary>
            public string TestNot(string c) => Condition(c, Negated);

            private string Condition(string c, bool member)
                => IsSingleCharacter
                    ? $"{c} {(member ? "==" : "!=")} {Literals.Char(Ranges[0].Low)}"
                    : $"{c} is {(member ? string.Empty : "not ")}{RangePattern(!member)}";

            /// <summary>The C# pattern of the ranges: <c>&gt;= 'a' and &lt;= 'z'</c>, <c>(&gt;= 'a' and &lt;= 'z') or '_'</c>.</summary>
            private string RangePattern(bool parenthesised)
            {
                var alternatives = Ranges.Select(r => r.Low == r.High
                    ? Literals.Char(r.Low)
                    : Ranges.Count == 1 && !parenthesised ? $">= {Literals.Char(r.Low)} and <= {Literals.Char(r.High)}" : $"(>= {Literals.Char(r.Low)} and <= {Literals.Char(r.High)})");
                var pattern = string.Join(" or ", alternatives);
                return parenthesised && Ranges.Count > 1 ? "(" + pattern + ")" : pattern;
            }
        }
    }
}

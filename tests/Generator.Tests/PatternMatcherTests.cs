using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Patterns the generator writes as loops must mean exactly what the regular expression means: each emitted
    /// matcher is compiled and run against <see cref="Regex.IsMatch(string)"/> over many strings built from the
    /// pattern's own characters and their neighbours, and patterns a loop cannot decide stay regular expressions.
    /// </summary>
    public sealed class PatternMatcherTests
    {
        /// <summary>Patterns the generator turns into loops.</summary>
        public static readonly string[] LoopPatterns =
        {
            "^[0-9]+$",
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$",
            "^\\d{4}-\\d{2}-\\d{2}$",
            "^P[0-9]+$",
            "^[0-9]{5}$",
            "^[^@ ]+@[^@ ]+$",
            "^[a-z0-9-]+$",
            "^[a-z0-9._-]+$",
            "^[A-Z]{2,3}[0-9]{1,4}$",
            "^ORDER#[0-9]*$",
            "^a?b?c?$",
            "^x{2,}y$",
            "^[^#]*#\\d+$",
            "^.+$",
            "^a.c$",
            "^\\$\\d+\\.\\d{2}$",
            "^[\\d_]+$",
            "^[^\\d]+\\d$",
            "^[-a]+$",
            "^\\\\[a-c]$",
            "^[a-fa-z0-9]+$",          // overlapping ranges are joined
            "^[za-c]{1,3}$",
            "^[\\-a]+$",
        };

        /// <summary>Patterns a loop would need to back up for, or that use more than loops express: left to <see cref="Regex"/>.</summary>
        [Theory]
        [InlineData("^[a-z]+[a-c]$")]         // the class repeated overlaps the one after it
        [InlineData("^[0-9]*[0-9]$")]
        [InlineData("^\\d+5$")]               // \d holds '5'
        [InlineData("^[a-z]?[a-z]$")]
        [InlineData("^.+@$")]                 // '.' holds '@'
        [InlineData("^(ios|android)$")]       // alternation and groups
        [InlineData("^[^@\\s]+@[^@\\s]+$")]   // \s
        [InlineData("^\\w+$")]
        [InlineData("[0-9]+$")]               // not anchored at the start
        [InlineData("^[0-9]+")]               // not anchored at the end
        [InlineData("^a+?$")]                 // lazy
        [InlineData("^a{,3}$")]               // literal text in .NET, not a quantifier
        [InlineData("^[a-z-[aeiou]]+$")]      // class subtraction
        [InlineData("^\\d+\\$")]              // an escaped '$' is no anchor
        [InlineData("^$")]
        [InlineData("^[\\--/]$")]             // .NET reads [\--/] as '-' and '/', not a range
        [InlineData("^[b\\--/]{2,}$")]
        [InlineData("^[a-\\-]$")]
        [InlineData("^[\u0000-\uffff]$")]     // every character: C# refuses a test that always holds
        [InlineData("^[^\u0000-\uffff]?$")]
        public void Patterns_a_loop_cannot_decide_stay_regular_expressions(string pattern)
        {
            Assert.Null(PatternMatcherEmitter.Parse(pattern));
            var writer = new SourceWriter();
            PatternMatcherEmitter.WriteFields(writer, new[] { ("P", pattern) });
            var written = writer.ToString();
            Assert.Contains($"new global::Bookings.Generated.Runtime.TextPattern({Literals.String(pattern)});", written);
            Assert.DoesNotContain("PMatches", written);
        }

        [Fact]
        public void Every_loop_pattern_is_a_loop()
        {
            foreach (var pattern in LoopPatterns)
            {
                Assert.True(PatternMatcherEmitter.Parse(pattern) is not null, pattern);
            }
        }

        [Fact]
        public void Loops_match_exactly_what_the_regular_expressions_match()
        {
            var source = new StringBuilder("namespace Consumer\n{\n    /// <summary>Matchers.</summary>\n    public static class Matchers\n    {\n");
            // The fields and matching methods as generated types have them; every pattern here has its own loop.
            var writer = new SourceWriter();
            PatternMatcherEmitter.WriteFields(writer, LoopPatterns.Select((pattern, i) => ("P" + i, pattern)));
            for (var i = 0; i < LoopPatterns.Length; i++)
            {
                Assert.True(writer.ToString().Contains($"private static bool P{i}Matches(string text)", StringComparison.Ordinal), LoopPatterns[i]);
            }

            source.Append(writer).Append("        /// <summary>Calls a matcher.</summary>\n        public static bool Match(int index, string text) => index switch\n        {\n");
            for (var i = 0; i < LoopPatterns.Length; i++)
            {
                source.Append($"            {i} => P{i}.IsMatch(text),\n");
            }

            source.Append("            _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),\n        };\n    }\n}\n");

            var compilation = GeneratorHarness.CreateCompilation(source.ToString());
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
            Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

            var context = new AssemblyLoadContext("pattern-matchers", isCollectible: true);
            try
            {
                image.Position = 0;
                var match = context.LoadFromStream(image).GetType("Consumer.Matchers", throwOnError: true)!
                    .GetMethod("Match", BindingFlags.Public | BindingFlags.Static)!;
                var random = new Random(20261202);
                for (var i = 0; i < LoopPatterns.Length; i++)
                {
                    var regex = new Regex(LoopPatterns[i], RegexOptions.CultureInvariant);
                    var matched = 0;
                    foreach (var text in Inputs(LoopPatterns[i], random))
                    {
                        var expected = regex.IsMatch(text);
                        matched += expected ? 1 : 0;
                        var actual = (bool)match.Invoke(null, new object[] { i, text })!;
                        Assert.True(expected == actual, $"{LoopPatterns[i]} on \"{Escape(text)}\": regex {expected}, loop {actual}");
                    }

                    // The inputs reach both answers, or the comparison would prove little.
                    Assert.True(matched > 0, $"no input matched {LoopPatterns[i]}");
                }
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>
        /// Strings that match and strings that nearly do: samples built from the pattern's characters, each also
        /// with one character changed, dropped, doubled or a line feed added, plus random strings over an alphabet
        /// that includes the pattern's characters, digits of another script and line feeds.
        /// </summary>
        private static IEnumerable<string> Inputs(string pattern, Random random)
        {
            var alphabet = pattern.Where(c => c is not ('^' or '$' or '[' or ']' or '{' or '}' or '\\' or '+' or '*' or '?'))
                .Concat("09az_-.@# \n\u0663\u0966xZ")
                .Distinct()
                .ToArray();
            yield return string.Empty;
            yield return "\n";
            for (var n = 0; n < 4000; n++)
            {
                var length = random.Next(0, 24);
                var chars = new char[length];
                for (var k = 0; k < length; k++)
                {
                    chars[k] = alphabet[random.Next(alphabet.Length)];
                }

                var text = new string(chars);
                yield return text;
            }

            foreach (var sample in Samples(pattern, random).Take(500))
            {
                yield return sample;
                yield return sample + "\n";
                yield return sample + "\n\n";
                yield return "\n" + sample;
                if (sample.Length > 0)
                {
                    var at = random.Next(sample.Length);
                    yield return sample.Remove(at, 1);
                    yield return sample.Insert(at, sample[at].ToString());
                    yield return sample.Remove(at, 1).Insert(at, alphabet[random.Next(alphabet.Length)].ToString());
                }
            }
        }

        /// <summary>Strings the pattern matches, built element by element from the parsed pattern.</summary>
        private static IEnumerable<string> Samples(string pattern, Random random)
        {
            var atoms = PatternMatcherEmitter.Parse(pattern)!;
            while (true)
            {
                var builder = new StringBuilder();
                foreach (var atom in atoms)
                {
                    var count = atom.Max < 0 ? atom.Min + random.Next(4) : random.Next(atom.Min, atom.Max + 1);
                    for (var k = 0; k < count; k++)
                    {
                        builder.Append(Member(atom.Set, random));
                    }
                }

                yield return builder.ToString();
            }
        }

        private static char Member(PatternMatcherEmitter.CharSet set, Random random)
        {
            if (set.Negated)
            {
                // Anything outside the listed characters (and outside \d when listed).
                while (true)
                {
                    var c = (char)random.Next(32, 127);
                    if (!set.Ranges.Any(r => r.Low <= c && c <= r.High) && !(set.Digit && char.IsDigit(c)))
                    {
                        return c;
                    }
                }
            }

            if (set.Digit && (set.Ranges.Count == 0 || random.Next(2) == 0))
            {
                return random.Next(4) == 0 ? '\u0663' : (char)('0' + random.Next(10));
            }

            var range = set.Ranges[random.Next(set.Ranges.Count)];
            return (char)random.Next(range.Low, range.High + 1);
        }

        private static string Escape(string text) => text.Replace("\n", "\\n");
    }
}

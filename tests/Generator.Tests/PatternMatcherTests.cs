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
    /// A schema pattern means one thing on both of its paths: each loop the generator writes is compiled and run
    /// against the runtime's <see cref="Bookings.Generated.Runtime.TextPattern"/> over a <see cref="Regex"/> (the path
    /// of every other pattern) over many strings built from the pattern's own characters and their neighbours, and
    /// both read <c>$</c> as the end of the text and <c>\d</c> as an ASCII digit. Patterns a loop cannot decide stay
    /// regular expressions.
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
                    var regex = new Bookings.Generated.Runtime.TextPattern(LoopPatterns[i]);
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

        [Theory]
        [InlineData(@"^[0-9]+$", @"^[0-9]+\z")]
        [InlineData(@"^\d{4}-\D$", @"^[0-9]{4}-[^0-9]\z")]
        [InlineData(@"^[\d_]+$", @"^[0-9_]+\z")]
        [InlineData(@"^[^\D]$", @"^[^\u0000-/:-\uFFFF]\z")]
        [InlineData(@"^\$\\d$", @"^\$\\d\z")]                  // an escaped '$', an escaped backslash before 'd'
        [InlineData(@"^[$]]$", @"^[$]]\z")]                         // '$' in a class is a character
        [InlineData(@"^[]$]$", @"^[]$]\z")]                         // so is a ']' that opens a class
        [InlineData(@"^[a-z-[\d$]]+$", @"^[a-z-[0-9$]]+\z")]         // class subtraction
        [InlineData(@"^(?#ends with $ and \d)a$", @"^(?#ends with $ and \d)a\z")]
        [InlineData(@"^\p{Nd}+$", @"^\p{Nd}+\z")]                  // Unicode digits when asked for
        public void A_schema_pattern_becomes_the_regular_expression_that_means_it(string pattern, string regex)
            => Assert.Equal(regex, SchemaPatterns.ToRegex(pattern));

        [Theory]
        [InlineData("^[0-9]+$", "123\n")]            // a loop
        [InlineData("^\\d+$", "12\u0663")]
        [InlineData("^\\d{4}-\\d{2}-\\d{2}$", "2026-11-2\u0662")]
        [InlineData("^[\\d_]+$", "\u0966_")]
        [InlineData("^(ios|android)$", "ios\n")]     // a regular expression
        [InlineData("^(\\d+|x)$", "\u0663")]
        [InlineData("^[a-z-[\\d]]+$", "abc\n")]
        [InlineData("^[^\\D]+$", "\u0663")]
        public void Both_paths_refuse_a_final_line_feed_and_digits_of_other_scripts(string pattern, string text)
        {
            Assert.False(new Bookings.Generated.Runtime.TextPattern(pattern).IsMatch(text));
            Assert.True(new Regex(pattern, RegexOptions.CultureInvariant).IsMatch(text), "the case shows nothing: .NET's own reading refuses it too");
            if (PatternMatcherEmitter.Parse(pattern) is null)
            {
                return;
            }

            var writer = new SourceWriter();
            PatternMatcherEmitter.WriteFields(writer, new[] { ("P", pattern) });
            var source = $"namespace Consumer\n{{\n    /// <summary>A matcher.</summary>\n    public static class Matcher\n    {{\n{writer}        /// <summary>Calls it.</summary>\n        public static bool Match(string text) => P.IsMatch(text);\n    }}\n}}\n";
            using var image = new MemoryStream();
            var emitted = GeneratorHarness.CreateCompilation(source).Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics));
            var context = new AssemblyLoadContext("pattern-matcher", isCollectible: true);
            try
            {
                image.Position = 0;
                var match = context.LoadFromStream(image).GetType("Consumer.Matcher", throwOnError: true)!.GetMethod("Match")!;
                Assert.False((bool)match.Invoke(null, new object[] { text })!);
                Assert.True((bool)match.Invoke(null, new object[] { text.TrimEnd('\n').Replace('\u0663', '3').Replace('\u0662', '2').Replace('\u0966', '0') })!);
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
                // Anything outside the listed characters.
                while (true)
                {
                    var c = (char)random.Next(32, 127);
                    if (!set.Ranges.Any(r => r.Low <= c && c <= r.High))
                    {
                        return c;
                    }
                }
            }

            var range = set.Ranges[random.Next(set.Ranges.Count)];
            return (char)random.Next(range.Low, range.High + 1);
        }

        private static string Escape(string text) => text.Replace("\n", "\\n");
    }
}

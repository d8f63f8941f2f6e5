using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Broken descriptors, made deterministically from the real one: the generator reports documented
    /// diagnostics for every one and never throws or falls back to its internal-error diagnostic.
    /// </summary>
    public sealed class FuzzTests(ITestOutputHelper output)
    {
        private const int Seed = 20_251_121;
        private const string Path = "/repo/schema/bookings.tables.json";

        /// <summary>
        /// Characters that matter to JSON, plus some that do not, and U+2028, which C# takes for a line end: a
        /// description holding it once broke the generated XML doc comment (now a regression case in EdgeCaseTests).
        /// </summary>
        private const string Alphabet = "{}[],:\"\\ \n\t0123456789-+.eEtrufalsn#_xyz\u00e9\u0001\u2028";

        /// <summary>
        /// Each kind of damage, applied to the bookings descriptor, the catalog one (every attribute type), the stores
        /// one (a shared table, entities, a computed index key), the files one (binary keys, an index on bytes) and the
        /// purchases one (date parts in key templates, whose formats and separators are checked) and the readings one
        /// (a date sort key on its own, dates in index key templates).
        /// </summary>
        public static TheoryData<string, string> Kinds
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (var descriptor in new[] { "bookings", "catalog", "stores", "files", "purchases", "readings" })
                {
                    foreach (var kind in new[] { "truncate", "delete", "insert", "replace", "swap-tokens", "swap-strings" })
                    {
                        data.Add(kind, descriptor);
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void Broken_descriptors_get_documented_diagnostics_and_never_crash(string kind, string descriptor)
        {
            var original = descriptor switch
            {
                "catalog" => Schemas.Catalog,
                "stores" => Schemas.Stores,
                "files" => Schemas.Files,
                "purchases" => Schemas.Purchases,
                "readings" => Schemas.Readings,
                _ => Schemas.Bookings,
            };
            var variants = Variants(kind, original).ToList();
            var failures = new List<string>();
            var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var accepted = 0;
            var stopwatch = Stopwatch.StartNew();

            foreach (var (description, text) in variants)
            {
                GeneratorRun run;
                try
                {
                    run = GeneratorHarness.Run(Path, text);
                    Assertions.NoCrash(run, description);
                }
                catch (Exception ex) when (ex is XunitException or InvalidOperationException or ArgumentException)
                {
                    failures.Add(ex.Message);
                    continue;
                }

                foreach (var diagnostic in run.GeneratorDiagnostics)
                {
                    ids[diagnostic.Id] = ids.GetValueOrDefault(diagnostic.Id) + 1;
                    if (!Assertions.DocumentedIds.Contains(diagnostic.Id))
                    {
                        failures.Add($"{description}: undocumented diagnostic {diagnostic}");
                    }

                    if (diagnostic.Location != Location.None && diagnostic.Location.GetLineSpan().Path != Path)
                    {
                        failures.Add($"{description}: diagnostic outside the descriptor: {diagnostic}");
                    }
                }

                var hasErrors = run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
                if (hasErrors && !run.Sources.IsEmpty)
                {
                    failures.Add($"{description}: generated {run.Sources.Length} file(s) despite errors");
                }

                if (!hasErrors)
                {
                    accepted++;

                    // Whatever the generator accepts must at least be valid C# syntax.
                    foreach (var source in run.Sources)
                    {
                        var syntaxErrors = source.SyntaxTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                        if (syntaxErrors.Count > 0)
                        {
                            failures.Add($"{description}: accepted, but {source.HintName} has syntax errors: {syntaxErrors[0]}");
                        }
                    }
                }
            }

            output.WriteLine($"{kind}: {variants.Count} variants, {accepted} accepted, {stopwatch.ElapsedMilliseconds} ms");
            output.WriteLine("diagnostics: " + string.Join(", ", ids.Select(p => $"{p.Key}×{p.Value}")));
            Assert.True(variants.Count >= 50, $"Only {variants.Count} variants of kind {kind}.");
            Assert.True(failures.Count == 0, $"{failures.Count} of {variants.Count} variants failed:\n" + string.Join("\n", failures.Take(20)));
        }

        /// <summary>Deterministic variants of <paramref name="text"/>, each with a description that reproduces it.</summary>
        private static IEnumerable<(string Description, string Text)> Variants(string kind, string text)
        {
            // A stable seed per kind (string.GetHashCode is randomised per process).
            var random = new Random(Seed + kind.Sum(c => c));
            var tokens = Tokenize(text);
            var strings = tokens.Where(t => text[t.Start] == '"').ToList();
            switch (kind)
            {
                case "truncate":
                    // Every 17th offset: cuts inside names, values, escapes and between tokens.
                    for (var offset = 0; offset < text.Length; offset += 17)
                    {
                        yield return ($"truncate at {offset}", text.Substring(0, offset));
                    }

                    break;

                case "delete":
                    for (var i = 0; i < 120; i++)
                    {
                        var at = random.Next(text.Length);
                        yield return ($"delete at {at}", text.Remove(at, 1));
                    }

                    break;

                case "insert":
                    for (var i = 0; i < 120; i++)
                    {
                        var at = random.Next(text.Length + 1);
                        var c = Alphabet[random.Next(Alphabet.Length)];
                        yield return ($"insert U+{(int)c:X4} at {at}", text.Insert(at, c.ToString()));
                    }

                    break;

                case "replace":
                    for (var i = 0; i < 120; i++)
                    {
                        var at = random.Next(text.Length);
                        var c = Alphabet[random.Next(Alphabet.Length)];
                        yield return ($"replace at {at} with U+{(int)c:X4}", text.Remove(at, 1).Insert(at, c.ToString()));
                    }

                    break;

                case "swap-tokens":
                    for (var i = 0; i < 100; i++)
                    {
                        var a = random.Next(tokens.Count);
                        var b = i % 2 == 0 ? Math.Min(a + 1, tokens.Count - 1) : random.Next(tokens.Count);
                        yield return ($"swap tokens {a} and {b}", Swap(text, tokens[a], tokens[b]));
                    }

                    break;

                case "swap-strings":
                    // Valid JSON, wrong meaning: a type where a name should be, a name where a template should be...
                    for (var i = 0; i < 100; i++)
                    {
                        var a = random.Next(strings.Count);
                        var b = random.Next(strings.Count);
                        yield return ($"swap strings {a} and {b}", Swap(text, strings[a], strings[b]));
                    }

                    break;

                default:
                    throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        private readonly record struct Token(int Start, int Length);

        /// <summary>JSON tokens: strings (with their quotes), punctuation, and runs of other non-space characters.</summary>
        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '"')
                {
                    var start = i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    i = Math.Min(i + 1, text.Length);
                    tokens.Add(new Token(start, i - start));
                }
                else if ("{}[],:".IndexOf(c) >= 0)
                {
                    tokens.Add(new Token(i++, 1));
                }
                else
                {
                    var start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && "{}[],:\"".IndexOf(text[i]) < 0)
                    {
                        i++;
                    }

                    tokens.Add(new Token(start, i - start));
                }
            }

            return tokens;
        }

        private static string Swap(string text, Token a, Token b)
        {
            if (a.Start == b.Start)
            {
                return text;
            }

            var (first, second) = a.Start < b.Start ? (a, b) : (b, a);
            return new StringBuilder(text.Length)
                .Append(text, 0, first.Start)
                .Append(text, second.Start, second.Length)
                .Append(text, first.Start + first.Length, second.Start - first.Start - first.Length)
                .Append(text, first.Start, first.Length)
                .Append(text, second.Start + second.Length, text.Length - second.Start - second.Length)
                .ToString();
        }
    }
}

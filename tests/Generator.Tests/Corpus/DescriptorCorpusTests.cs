using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Bookings.Generated.Generator.Tests.Corpus
{
    /// <summary>
    /// No accepted descriptor may generate code that does not compile, and the generator never throws: a seeded
    /// corpus of valid descriptors (<see cref="DescriptorGrammar"/>) is generated and compiled, many descriptors per
    /// compilation, each in its own namespace, and every compiler error or warning is traced back to its descriptor by
    /// the generated file's name. A refusal is a failure too, unless the grammar wrote a name the generator must
    /// refuse (and the refusal has that ID). Set <c>CORPUS_DESCRIPTORS</c> for a longer search and <c>CORPUS_SEED</c>
    /// for another corpus; a failure prints the descriptor and how to regenerate it.
    /// </summary>
    public sealed class DescriptorCorpusTests(ITestOutputHelper output)
    {
        public const string CountVariable = "CORPUS_DESCRIPTORS";
        public const string SeedVariable = "CORPUS_SEED";

        private const int DefaultCount = 2_000;
        private const int DefaultSeed = 17_003;

        /// <summary>Descriptors per generator run and compilation: large enough to share the binding work, small enough to stay in memory.</summary>
        private const int BatchSize = 100;

        /// <summary>The least share of the corpus the generator must accept, so the grammar keeps testing generated code.</summary>
        private const double MinimumAcceptedShare = 0.9;

        /// <summary>Generator warnings a valid descriptor may get: the grammar writes constant partition keys on purpose.</summary>
        private static readonly HashSet<string> ExpectedWarnings = new(StringComparer.Ordinal) { "DDB020" };

        [Fact]
        public void Every_accepted_descriptor_of_the_corpus_compiles()
        {
            var count = Setting(CountVariable, DefaultCount);
            var seed = Setting(SeedVariable, DefaultSeed);
            var stopwatch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var outcomes = new List<Outcome>();
            for (var start = 0; start < count; start += BatchSize)
            {
                var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(i => DescriptorGrammar.Generate(seed, i)).ToList();
                outcomes.AddRange(Check(batch));
            }

            var accepted = outcomes.Count(o => o.Accepted);
            var refusals = Tally(outcomes.Where(o => !o.Accepted && o.Failure is null).SelectMany(o => o.Errors));
            var warnings = Tally(outcomes.SelectMany(o => o.Warnings));
            var failures = outcomes.Where(o => o.Failure is not null).ToList();
            output.WriteLine(
                $"{count} descriptors (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of processor time): "
                + $"{accepted} accepted ({100.0 * accepted / count:F1}%), {count - accepted - failures.Count(f => !f.Accepted)} refused as the grammar intended, {failures.Count} failed.");
            output.WriteLine("Refusals: " + refusals);
            output.WriteLine("Generator warnings: " + warnings);
            if (failures.Count > 0)
            {
                var report = new StringBuilder();
                report.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {count} descriptors (seed {seed}) failed. Causes (first error of each, by descriptors):\n");
                foreach (var cause in failures.GroupBy(f => f.Cause).OrderByDescending(g => g.Count()))
                {
                    report.Append(CultureInfo.InvariantCulture, $"  {cause.Count()} × {cause.Key} (e.g. #{cause.First().Descriptor.Index})\n");
                }

                foreach (var failure in failures.Take(5))
                {
                    report.Append(CultureInfo.InvariantCulture, $"\n#{failure.Descriptor.Index} ({SeedVariable}={seed}, DescriptorGrammar.Generate({seed}, {failure.Descriptor.Index})): {failure.Failure}\n{failure.Descriptor.Text}\n");
                }

                var path = Environment.GetEnvironmentVariable("CORPUS_REPORT");
                if (!string.IsNullOrEmpty(path))
                {
                    System.IO.File.WriteAllText(path, report + "\n\nAll failures:\n" + string.Join("\n\n", failures.Select(f => $"#{f.Descriptor.Index}: {f.Failure}\n{f.Descriptor.Text}")));
                }

                Assert.Fail(report.ToString());
            }

            Assert.True(
                accepted >= MinimumAcceptedShare * count,
                $"Only {accepted} of {count} descriptors were accepted; the grammar should write mostly valid descriptors. Refusals: {refusals}");
        }

        /// <summary>Runs the generator over a batch and compiles its output once; on a crash, each descriptor alone.</summary>
        private static IEnumerable<Outcome> Check(IReadOnlyList<CorpusDescriptor> batch)
        {
            var run = GeneratorHarness.Run(batch.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)).ToArray());
            if (Crash(run) is not null && batch.Count > 1)
            {
                // A generator that throws costs every descriptor its output: find the ones that make it throw.
                return batch.SelectMany(d => Check(new[] { d }));
            }

            var byNamespace = batch.ToDictionary(d => d.Index);
            var compiled = run.CompilationDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .GroupBy(d => DescriptorOf(d, byNamespace))
                .ToDictionary(g => g.Key, g => g.ToList());
            if (compiled.TryGetValue(-1, out var stray))
            {
                throw new Xunit.Sdk.XunitException("Compiler diagnostics outside the generated files:\n" + Assertions.Describe(stray));
            }

            var generated = run.Sources.Select(s => IndexOf(s.HintName)).ToHashSet();
            return batch.Select(d => Judge(d, run, Crash(run), compiled, generated));
        }

        private static Outcome Judge(CorpusDescriptor descriptor, GeneratorRun run, string? crash, Dictionary<int, List<Diagnostic>> compiled, HashSet<int> generated)
        {
            var reported = run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == descriptor.Path).ToList();
            var errors = reported.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var warnings = reported.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
            var outcome = new Outcome(descriptor, errors.Count == 0, errors.Select(d => d.Id).ToList(), warnings.Select(d => d.Id).ToList());
            if (crash is not null)
            {
                return outcome with { Failure = crash, Cause = "generator crash: " + Shorten(crash) };
            }

            if (errors.FirstOrDefault(d => d.Id == "DDB999" || !descriptor.AllowedRefusals.ContainsKey(d.Id)) is { } refusal)
            {
                return outcome with
                {
                    Failure = "refused a valid descriptor:\n" + Assertions.Describe(reported),
                    Cause = $"refused with {refusal.Id}: {Shorten(refusal.GetMessage(CultureInfo.InvariantCulture))}",
                };
            }

            if (warnings.FirstOrDefault(d => !ExpectedWarnings.Contains(d.Id)) is { } warning)
            {
                return outcome with { Failure = "unexpected generator warning:\n" + Assertions.Describe(reported), Cause = $"warned {warning.Id}: {Shorten(warning.GetMessage(CultureInfo.InvariantCulture))}" };
            }

            if (errors.Count > 0)
            {
                return outcome;
            }

            if (compiled.TryGetValue(descriptor.Index, out var problems))
            {
                var first = problems[0];
                return outcome with
                {
                    Failure = $"accepted, but the generated code has {problems.Count} error(s)/warning(s):\n" + Assertions.Describe(problems.Take(15)),
                    Cause = $"{first.Id}: {Shorten(first.GetMessage(CultureInfo.InvariantCulture))}",
                };
            }

            if (!generated.Contains(descriptor.Index))
            {
                return outcome with { Failure = "accepted, but nothing was generated", Cause = "nothing generated" };
            }

            return outcome;
        }

        private static string? Crash(GeneratorRun run)
            => run.Result.Exception is { } exception
                ? "the generator threw " + exception
                : run.DriverDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785") is { } crash ? "the generator crashed: " + crash : null;

        /// <summary>The descriptor a compiler diagnostic belongs to, by the generated file's hint name (<c>Corpus12.Order.g.cs</c>); -1 for none.</summary>
        private static int DescriptorOf(Diagnostic diagnostic, Dictionary<int, CorpusDescriptor> batch)
        {
            var path = diagnostic.Location.SourceTree?.FilePath;
            var index = path is null ? -1 : IndexOf(System.IO.Path.GetFileName(path));
            return batch.ContainsKey(index) ? index : -1;
        }

        private static int IndexOf(string hintName)
        {
            const string prefix = "Corpus";
            if (!hintName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return -1;
            }

            var end = hintName.IndexOf('.', prefix.Length);
            return end > prefix.Length && int.TryParse(hintName.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        }

        private static string Shorten(string message)
        {
            var line = message.Split('\n')[0];
            return line.Length <= 160 ? line : line.Substring(0, 160) + "…";
        }

        private static string Tally(IEnumerable<string> ids)
        {
            var counts = ids.GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}").ToList();
            return counts.Count == 0 ? "none" : string.Join(", ", counts);
        }

        private static int Setting(string variable, int fallback)
            => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

        /// <summary>What became of one descriptor.</summary>
        private sealed record Outcome(CorpusDescriptor Descriptor, bool Accepted, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
        {
            /// <summary>Why the descriptor fails the test, or null.</summary>
            public string? Failure { get; init; }

            /// <summary>A one-line summary of the failure, to group failures by cause.</summary>
            public string Cause { get; init; } = string.Empty;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>Checks shared by the generator tests.</summary>
    internal static class Assertions
    {
        /// <summary>Every ID the generator documents (docs/schema-reference.md, DiagnosticDescriptors).</summary>
        public static readonly IReadOnlyCollection<string> DocumentedIds =
            System.Text.RegularExpressions.Regex.Matches(
                    System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "docs", "schema-reference.md")),
                    @"^### (DDB\d{3})",
                    System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value)
                .ToHashSet();

        /// <summary>
        /// The generator did not throw: no exception on its result, and none of the driver's diagnostics
        /// for a generator that failed to initialize (CS8784) or to run (CS8785); no internal error (DDB999).
        /// </summary>
        public static void NoCrash(GeneratorRun run, string? context = null)
        {
            var prefix = context is null ? string.Empty : context + ": ";
            if (run.Result.Exception is { } exception)
            {
                throw new XunitException($"{prefix}the generator threw {exception}");
            }

            var crash = run.DriverDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" or "DDB999");
            if (crash is not null)
            {
                throw new XunitException($"{prefix}the generator crashed: {crash}");
            }
        }

        /// <summary>
        /// The generator ran, reported nothing (but the <paramref name="expectedWarnings"/>, such as DDB020 for a constant
        /// partition key), and its output compiles with no warning or error.
        /// </summary>
        public static void GeneratesCleanCode(GeneratorRun run, params string[] expectedWarnings)
        {
            NoCrash(run);
            var reported = run.GeneratorDiagnostics.Where(d => !(d.Severity == DiagnosticSeverity.Warning && expectedWarnings.Contains(d.Id))).ToList();
            Assert.True(reported.Count == 0, "The generator reported: " + Describe(run.GeneratorDiagnostics));
            Assert.NotEmpty(run.Sources);
            var problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, $"The output compilation has {problems.Count} warning(s)/error(s):\n" + Describe(problems));
        }

        /// <summary>The one diagnostic with <paramref name="id"/>; fails listing all diagnostics otherwise.</summary>
        public static Diagnostic Single(GeneratorRun run, string id)
        {
            var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
            Assert.True(matches.Count == 1, $"Expected exactly one {id}; the generator reported:\n" + Describe(run.GeneratorDiagnostics));
            return matches[0];
        }

        /// <summary>ID, severity, file and the 1-based line and column where an editor puts the cursor.</summary>
        public static void Reported(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string path, int line, int column)
        {
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(severity, diagnostic.Severity);
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(
                span.Path == path && span.StartLinePosition.Line + 1 == line && span.StartLinePosition.Character + 1 == column,
                $"Expected {id} at {path}({line},{column}) but it is at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");
        }

        /// <summary>The message contains each fragment (the problem and the fix).</summary>
        public static void MessageContains(Diagnostic diagnostic, params string[] fragments)
        {
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var fragment in fragments)
            {
                Assert.True(message.Contains(fragment, System.StringComparison.Ordinal), $"The message of {diagnostic.Id} lacks \"{fragment}\":\n{message}");
            }
        }

        public static string Describe(IEnumerable<Diagnostic> diagnostics)
        {
            var lines = diagnostics.Select(d => "  " + d).ToList();
            return lines.Count == 0 ? "  (nothing)" : string.Join("\n", lines);
        }

        /// <summary>
        /// Runs the generator on <paramref name="descriptor"/> and checks the one diagnostic is the error
        /// <paramref name="id"/> at the first <paramref name="at"/> on <paramref name="line"/>, that its message says
        /// <paramref name="message"/>, and that nothing was generated.
        /// </summary>
        public static Diagnostic OnlyErrorAt(string path, string descriptor, string id, int line, string at, params string[] message)
        {
            var run = GeneratorHarness.Run(path, descriptor);
            NoCrash(run);
            var diagnostic = Single(run, id);
            Assert.True(run.GeneratorDiagnostics.Length == 1, $"Expected only {id}:\n" + Describe(run.GeneratorDiagnostics));
            Assert.Empty(run.Sources);
            var column = descriptor.Split('\n')[line - 1].IndexOf(at, System.StringComparison.Ordinal) + 1;
            Assert.True(column > 0, $"'{at}' is not on line {line}.");
            Reported(diagnostic, id, DiagnosticSeverity.Error, path, line, column);
            MessageContains(diagnostic, message);
            return diagnostic;
        }
    }
}

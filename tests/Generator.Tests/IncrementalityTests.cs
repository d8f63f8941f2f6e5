using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Bookings.Generated.Generator.Parsing;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// The pipeline caches: C# edits do not re-run it, editing one descriptor re-parses only that one, and
    /// no step holds anything (symbols, syntax, compilations, locations) that would defeat the cache.
    /// </summary>
    public sealed class IncrementalityTests
    {
        /// <summary>Every step name <see cref="TrackingNames"/> declares, read by reflection so a new one is not missed.</summary>
        public static IReadOnlyList<string> StepNames { get; } = typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        [Fact]
        public void Every_tracking_name_is_recorded_by_a_run()
        {
            var run = GeneratorHarness.Run(Bookings(), Warned());

            Assert.Equal(new[] { "ClashReports", "Clashes", "Classifies", "Descriptors", "Diagnostics", "Models", "Parsed" }, StepNames.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var name in StepNames)
            {
                Assert.True(run.Result.TrackedSteps.ContainsKey(name), $"No tracked step '{name}'. Tracked: {string.Join(", ", run.Result.TrackedSteps.Keys)}");
            }
        }

        [Fact]
        public void Adding_a_csharp_file_reuses_every_step_and_output()
        {
            var compilation = GeneratorHarness.EmptyCompilation;
            var first = GeneratorHarness.Run(Driver(Bookings(), Warned()), compilation);

            var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "namespace Consumer { internal static class Added { } }", GeneratorHarness.ParseOptions, path: "/src/Added.cs"));
            var second = GeneratorHarness.Run(first.Driver, added);

            AssertEverythingCached(second);
            Assert.Equal(first.Sources.Select(s => s.Text), second.Sources.Select(s => s.Text));
        }

        [Fact]
        public void Editing_a_csharp_file_reuses_every_step_and_output()
        {
            var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Edited { } }");
            var first = GeneratorHarness.Run(Driver(Bookings(), Warned()), compilation);

            var tree = compilation.SyntaxTrees.Single();
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));
            var second = GeneratorHarness.Run(first.Driver, edited);

            AssertEverythingCached(second);
        }

        [Fact]
        public void Running_again_with_nothing_changed_reuses_everything()
        {
            var first = GeneratorHarness.Run(Driver(Bookings(), Warned()), GeneratorHarness.EmptyCompilation);
            var second = GeneratorHarness.Run(first.Driver, GeneratorHarness.EmptyCompilation);

            AssertEverythingCached(second);
        }

        [Fact]
        public void Editing_one_descriptor_reparses_only_that_descriptor()
        {
            var bookings = Bookings();
            var accounts = new InMemoryAdditionalText(Schemas.AccountsPath, Schemas.Accounts);
            var first = GeneratorHarness.Run(Driver(bookings, accounts), GeneratorHarness.EmptyCompilation);
            Assert.Empty(first.GeneratorDiagnostics);

            var editedAccounts = new InMemoryAdditionalText(
                Schemas.AccountsPath,
                Schemas.Accounts.Replace("A customer account", "A shop customer's account", StringComparison.Ordinal));
            var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(accounts, editedAccounts), GeneratorHarness.EmptyCompilation);

            var parsed = ParsedByFile(second);
            Assert.All(parsed["bookings.tables.json"], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"bookings: {reason}"));
            Assert.All(parsed["accounts.tables.json"], reason => Assert.True(reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New, $"accounts: {reason}"));

            // Only the edited descriptor's files change; the other file's outputs come from the cache.
            var changed = first.Sources.Zip(second.Sources).Where(pair => pair.First.Text != pair.Second.Text).Select(pair => pair.Second.HintName).ToList();
            Assert.Equal(new[] { "Shop.Accounts.Account.g.cs" }, changed);
            var modelOutputs = second.Result.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(1, modelOutputs.Count(reason => reason == IncrementalStepRunReason.Modified));
            Assert.Equal(1, modelOutputs.Count(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        }

        [Fact]
        public void Reformatting_a_descriptor_leaves_its_model_unchanged()
        {
            var bookings = Bookings();
            var first = GeneratorHarness.Run(Driver(bookings), GeneratorHarness.EmptyCompilation);

            var reformatted = new InMemoryAdditionalText(Schemas.BookingsPath, "\n\n" + Schemas.Bookings.Replace("\": ", "\":  ", StringComparison.Ordinal) + "\n");
            var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(bookings, reformatted), GeneratorHarness.EmptyCompilation);

            // The text changed, so it is parsed again; the result is equal, so nothing after it runs.
            Assert.All(Reasons(second, TrackingNames.Parsed), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
            Assert.All(Reasons(second, TrackingNames.Models), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
            Assert.All(second.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void A_clash_is_reported_at_the_current_position_after_reformatting_while_the_model_stays_cached()
        {
            var first = new InMemoryAdditionalText("/repo/a/bookings.tables.json", Schemas.Bookings);
            var second = new InMemoryAdditionalText("/repo/b/bookings.tables.json", Schemas.Bookings);
            var before = GeneratorHarness.Run(Driver(first, second), GeneratorHarness.EmptyCompilation);
            var lineBefore = LineOfClash(before, second.Path);

            // Positions live outside the models (the ClashReports step reads the text again), so they never go stale.
            var moved = new InMemoryAdditionalText(second.Path, "\n\n" + Schemas.Bookings);
            var after = GeneratorHarness.Run(before.Driver.ReplaceAdditionalText(second, moved), GeneratorHarness.EmptyCompilation);

            Assert.Equal(lineBefore + 2, LineOfClash(after, second.Path));
            Assert.Equal(LineOfClash(before, first.Path), LineOfClash(after, first.Path));
            Assert.All(Reasons(after, TrackingNames.Models), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        }

        /// <summary>The 1-based line of the one DDB007 reported in <paramref name="path"/>.</summary>
        private static int LineOfClash(GeneratorRun run, string path)
            => run.GeneratorDiagnostics.Single(d => d.Id == "DDB007" && d.Location.GetLineSpan().Path == path).Location.GetLineSpan().StartLinePosition.Line + 1;

        [Fact]
        public void Tracked_step_outputs_hold_no_compiler_objects()
        {
            // A broken second file too, so diagnostics (with their positions) flow through the pipeline.
            var broken = new InMemoryAdditionalText("/repo/schema/broken.tables.json", "{ \"namespace\": \"X\", \"tables\": [ { \"name\": 1 } ] }");
            var run = GeneratorHarness.Run(Driver(Bookings(), broken), GeneratorHarness.EmptyCompilation);
            Assert.NotEmpty(run.GeneratorDiagnostics);

            var problems = new List<string>();
            var inspected = 0;
            foreach (var (name, steps) in run.Result.TrackedSteps)
            {
                if (name == WellKnownGeneratorInputs.Compilation)
                {
                    // The compiler's own input (the Classifies step reads a boolean off it); what the generator keeps is checked.
                    continue;
                }

                foreach (var output in steps.SelectMany(s => s.Outputs))
                {
                    inspected++;
                    Inspect(output.Value, $"{name}", problems, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
                }
            }

            Assert.True(inspected >= 4, $"Only {inspected} outputs inspected.");

            // The walk itself finds what it looks for, also when nested in a record or a list.
            var selfCheck = new List<string>();
            Inspect(new[] { new { Inner = new { Where = Location.None } } }, "self", selfCheck, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            Assert.Equal(new[] { "self[0].Inner.Where is a Location (Microsoft.CodeAnalysis.NoLocation)" }, selfCheck);
            Assert.True(problems.Count == 0, "Pipeline values that root compiler objects:\n" + string.Join("\n", problems.Distinct()));
        }

        /// <summary>The descriptors whose models hold every kind of model value: types, enums, objects, indexes, shared tables.</summary>
        public static TheoryData<string, string> FeatureDescriptors => new()
        {
            { Schemas.CatalogPath, Schemas.Catalog },
            { Schemas.ShopPath, Schemas.Shop },
            { Schemas.StoresPath, Schemas.Stores },
            { Schemas.FilesPath, Schemas.Files },
            { Schemas.PurchasesPath, Schemas.Purchases },
            { Schemas.ReadingsPath, Schemas.Readings },
            { Schemas.CustomersPath, Schemas.Customers },
            { Schemas.ShoppersPath, Schemas.Shoppers },
        };

        [Theory]
        [MemberData(nameof(FeatureDescriptors))]
        public void Models_of_every_feature_compare_by_value_and_stay_cached(string path, string descriptor)
        {
            var a = SchemaParser.Parse(path, Microsoft.CodeAnalysis.Text.SourceText.From(descriptor), default);
            var b = SchemaParser.Parse(path, Microsoft.CodeAnalysis.Text.SourceText.From(descriptor), default);
            Assert.NotNull(a.Model);
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());

            // Reformatted text parses to an equal model, so nothing after parsing runs again.
            var original = new InMemoryAdditionalText(path, descriptor);
            var first = GeneratorHarness.Run(Driver(original), GeneratorHarness.EmptyCompilation);
            var reformatted = new InMemoryAdditionalText(path, "\n" + descriptor.Replace("\": ", "\":  ", StringComparison.Ordinal));
            var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(original, reformatted), GeneratorHarness.EmptyCompilation);
            Assert.All(Reasons(second, TrackingNames.Parsed), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
            Assert.All(second.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void Parse_results_compare_by_value()
        {
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(Schemas.Bookings);
            var a = SchemaParser.Parse(Schemas.BookingsPath, text, default);
            var b = SchemaParser.Parse(Schemas.BookingsPath, Microsoft.CodeAnalysis.Text.SourceText.From(Schemas.Bookings), default);
            Assert.NotSame(a, b);
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());

            var brokenText = Microsoft.CodeAnalysis.Text.SourceText.From("{ \"namespace\": 1 }");
            var c = SchemaParser.Parse("/x.tables.json", brokenText, default);
            var d = SchemaParser.Parse("/x.tables.json", brokenText, default);
            Assert.Equal(c, d);
            Assert.NotEqual(a, c);
        }

        private static readonly Type[] Forbidden =
        {
            typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
        };

        private static void Inspect(object? value, string path, List<string> problems, HashSet<object> seen, int depth)
        {
            if (value is null || depth > 12)
            {
                return;
            }

            var type = value.GetType();
            if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
            {
                problems.Add($"{path} is a {forbidden.Name} ({type.FullName})");
                return;
            }

            if (type.IsPrimitive || type.IsEnum || value is string or decimal || type.Namespace == "Microsoft.CodeAnalysis.Text" || !seen.Add(value))
            {
                return;
            }

            if (value is AdditionalText)
            {
                // The pipeline's input itself; it is the compiler's object, not something the generator keeps.
                return;
            }

            if (value is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    Inspect(item, $"{path}[{index++}]", problems, seen, depth + 1);
                }

                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                Inspect(property.GetValue(value), $"{path}.{property.Name}", problems, seen, depth + 1);
            }
        }

        private static InMemoryAdditionalText Bookings() => new(Schemas.BookingsPath, Schemas.Bookings);

        /// <summary>
        /// A descriptor with a warning (an unused key part): it generates code and feeds the Diagnostics step,
        /// which records nothing for a descriptor without diagnostics.
        /// </summary>
        private static InMemoryAdditionalText Warned() => new(
            Schemas.TelemetryPath,
            Schemas.Telemetry.Replace("\"partitionKey\"", "\"keyParts\": { \"spare\": { \"type\": \"string\" } },\n      \"partitionKey\"", StringComparison.Ordinal));

        private static GeneratorDriver Driver(params AdditionalText[] texts) => GeneratorHarness.CreateDriver(texts);

        private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step)
            => run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

        /// <summary>The reasons of the Parsed step's outputs, by the descriptor's file name.</summary>
        private static Dictionary<string, List<IncrementalStepRunReason>> ParsedByFile(GeneratorRun run)
        {
            var result = new Dictionary<string, List<IncrementalStepRunReason>>(StringComparer.Ordinal);
            foreach (var output in run.Result.TrackedSteps[TrackingNames.Parsed].SelectMany(s => s.Outputs))
            {
                var model = ((ParseResult)output.Value).Model;
                Assert.NotNull(model);
                var file = model.FileName;
                if (!result.TryGetValue(file, out var reasons))
                {
                    result[file] = reasons = new List<IncrementalStepRunReason>();
                }

                reasons.Add(output.Reason);
            }

            Assert.Equal(2, result.Count);
            return result;
        }

        private static void AssertEverythingCached(GeneratorRun run)
        {
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "DDB017");
            foreach (var name in StepNames)
            {
                Assert.True(run.Result.TrackedSteps.TryGetValue(name, out var steps), $"No tracked step '{name}'.");
                foreach (var output in steps.SelectMany(s => s.Outputs))
                {
                    Assert.True(
                        output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' output {output.Value} is {output.Reason}.");
                }
            }

            var outputs = run.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }
}

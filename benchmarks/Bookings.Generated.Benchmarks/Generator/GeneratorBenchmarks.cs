using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Bookings.Generated.Benchmarks.Infrastructure;
using Bookings.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bookings.Generated.Benchmarks.Generator
{
    /// <summary>
    /// The source generator driven as the compiler drives it (<see cref="CSharpGeneratorDriver"/>, as
    /// tests/Generator.Tests does): a first run over N tables, a re-run after an unrelated C# edit (everything
    /// should come from the cache), and a re-run after editing one descriptor file of ten tables.
    /// </summary>
    public class GeneratorBenchmarks
    {
        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

        private List<InMemoryAdditionalText> _files = null!;
        private CSharpCompilation _compilation = null!;
        private CSharpCompilation _editedCompilation = null!;
        private GeneratorDriver _warm = null!;
        private InMemoryAdditionalText _editedFile = null!;

        /// <summary>Tables in the descriptor set: 10 to 200 (10, 100 and 200 in quick mode).</summary>
        [ParamsSource(nameof(TableCounts))]
        public int Tables { get; set; }

        /// <summary>The table counts measured.</summary>
        public static IEnumerable<int> TableCounts => BenchmarkSettings.Quick ? [10, 100, 200] : [10, 50, 100, 200];

        /// <summary>Builds the descriptors and the compilations and runs the generator once.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _files = Descriptors.Create(Tables);
            _editedFile = Descriptors.Edited(_files[^1]);
            _compilation = Compilation("namespace Consumer { public static class Marker { } }");
            _editedCompilation = _compilation.ReplaceSyntaxTree(
                _compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText("namespace Consumer { public static class Marker { public const int Edited = 1; } }", ParseOptions, path: "/src/Consumer.cs"));
            _warm = CreateDriver(_files, track: false).RunGenerators(_compilation);

            var result = _warm.GetRunResult();
            if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length < Tables * 5)
            {
                throw new InvalidOperationException(
                    $"The synthetic descriptors did not generate cleanly: {result.GeneratedTrees.Length} files, diagnostics: "
                    + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
            }
        }

        /// <summary>A new driver over the whole set: what a clean build or an IDE opening the project pays.</summary>
        [Benchmark]
        public GeneratorDriver FirstRun() => CreateDriver(_files, track: false).RunGenerators(_compilation);

        /// <summary>The warm driver after a C# edit that does not touch any descriptor.</summary>
        [Benchmark]
        public GeneratorDriver RerunAfterUnrelatedEdit() => _warm.RunGenerators(_editedCompilation);

        /// <summary>The warm driver after one descriptor file (ten tables) changed.</summary>
        [Benchmark]
        public GeneratorDriver RerunAfterDescriptorEdit() => _warm.ReplaceAdditionalText(_files[^1], _editedFile).RunGenerators(_compilation);

        /// <summary>
        /// How a re-run after an unrelated C# edit, and after editing one descriptor, reuses outputs: counted once
        /// with step tracking on (which the measured runs leave off, like the compiler).
        /// </summary>
        /// <returns>The reasons of every output of each re-run, counted.</returns>
        public static (IReadOnlyDictionary<string, int> AfterUnrelatedEdit, IReadOnlyDictionary<string, int> AfterDescriptorEdit) CacheCheck(int tables)
        {
            var files = Descriptors.Create(tables);
            var compilation = Compilation("namespace Consumer { public static class Marker { } }");
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Added { } }", ParseOptions, path: "/src/Added.cs"));
            var warm = CreateDriver(files, track: true).RunGenerators(compilation);
            var afterUnrelated = Reasons(warm.RunGenerators(edited));
            var afterDescriptor = Reasons(warm.ReplaceAdditionalText(files[^1], Descriptors.Edited(files[^1])).RunGenerators(compilation));
            return (afterUnrelated, afterDescriptor);
        }

        private static Dictionary<string, int> Reasons(GeneratorDriver driver)
            => driver.GetRunResult().Results.Single().TrackedOutputSteps
                .SelectMany(step => step.Value)
                .SelectMany(run => run.Outputs)
                .GroupBy(output => output.Reason.ToString())
                .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        private static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, bool track)
            => CSharpGeneratorDriver.Create(
                [new TablesGenerator().AsSourceGenerator()],
                files,
                ParseOptions,
                optionsProvider: null,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

        private static CSharpCompilation Compilation(string source)
        {
            // The shared framework and the assemblies generated code compiles against, as a consuming project has them.
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var references = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.OrdinalIgnoreCase))
                .Concat(
                [
                    typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location,
                    typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly.Location,
                    typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
                    typeof(Runtime.DynamoRepositoryOptions).Assembly.Location,
                ])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
            return CSharpCompilation.Create(
                "Consumer",
                [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "/src/Consumer.cs")],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>One generated file: the hint name the generator gave it and its text.</summary>
    internal sealed record GeneratedSource(string HintName, string Text, SyntaxTree SyntaxTree);

    /// <summary>The outcome of one generator run.</summary>
    internal sealed class GeneratorRun
    {
        private readonly Lazy<ImmutableArray<Diagnostic>> _compilationDiagnostics;

        public GeneratorRun(GeneratorDriver driver, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics)
        {
            Driver = driver;
            OutputCompilation = outputCompilation;
            DriverDiagnostics = driverDiagnostics;
            RunResult = driver.GetRunResult();
            Result = RunResult.Results.Single();
            Sources = Result.GeneratedSources
                .Select(s => new GeneratedSource(s.HintName, s.SourceText.ToString(), s.SyntaxTree))
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .ToImmutableArray();
            _compilationDiagnostics = new(() => OutputCompilation.GetDiagnostics());
        }

        /// <summary>The driver after the run; run it again to test incrementality.</summary>
        public GeneratorDriver Driver { get; }

        public GeneratorDriverRunResult RunResult { get; }

        /// <summary>The result of the one generator under test, with its tracked steps.</summary>
        public GeneratorRunResult Result { get; }

        /// <summary>Generated files, ordered by hint name.</summary>
        public ImmutableArray<GeneratedSource> Sources { get; }

        /// <summary>What the generator reported about the descriptors.</summary>
        public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

        /// <summary>What the driver reported: generator diagnostics plus CS8784/CS8785 when a generator throws.</summary>
        public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

        /// <summary>The input compilation with the generated trees added.</summary>
        public Compilation OutputCompilation { get; }

        /// <summary>All diagnostics of the output compilation (computed on first use: binding is the slow part).</summary>
        public ImmutableArray<Diagnostic> CompilationDiagnostics => _compilationDiagnostics.Value;

        public string Source(string hintName)
            => Sources.FirstOrDefault(s => s.HintName == hintName)?.Text
               ?? throw new InvalidOperationException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Select(s => s.HintName))}");
    }

    /// <summary>
    /// Runs <see cref="TablesGenerator"/> the way the compiler does, over an in-memory compilation that
    /// references what a consuming project references (the framework, the AWS SDK, logging, the runtime).
    /// </summary>
    internal static class GeneratorHarness
    {
        /// <summary>Parse options of a consuming project: latest language, XML docs checked (GenerateDocumentationFile).</summary>
        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

        private static readonly Lazy<CSharpCompilation> LazyEmptyCompilation = new(() => CreateCompilation(
            "namespace Consumer\n{\n    /// <summary>Hand-written code of the consuming project.</summary>\n    public static class Marker\n    {\n    }\n}\n"));

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        /// <summary>A compilation with one small hand-written file, shared by tests that only need some compilation.</summary>
        public static CSharpCompilation EmptyCompilation => LazyEmptyCompilation.Value;

        /// <summary>
        /// References of a consuming project that also references Bookings.Generated.Compliance (and so
        /// Microsoft.Extensions.Compliance.Abstractions): the generator writes data classification attributes for it.
        /// </summary>
        public static ImmutableArray<MetadataReference> ComplianceReferences { get; } = References.AddRange(new[]
        {
            MetadataReference.CreateFromFile(typeof(Bookings.Generated.Runtime.Compliance.PhoneDataAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Compliance.Classification.DataClassification).Assembly.Location),
        });

        /// <summary><see cref="EmptyCompilation"/> with <see cref="ComplianceReferences"/>.</summary>
        public static CSharpCompilation ComplianceCompilation => (CSharpCompilation)EmptyCompilation.AddReferences(ComplianceReferences.Except(References));

        public static CSharpCompilation CreateCompilation(params string[] sources)
            => CSharpCompilation.Create(
                "Consumer",
                sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/Source{i}.cs")),
                References,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    // As strict as the SDK's build: every warning wave, and the SDK's default NoWarn (CS1701/CS1702).
                    warningLevel: 9999,
                    specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                    {
                        ["CS1701"] = ReportDiagnostic.Suppress,
                        ["CS1702"] = ReportDiagnostic.Suppress,
                    }));

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts)
            => CSharpGeneratorDriver.Create(
                new[] { new TablesGenerator().AsSourceGenerator() },
                additionalTexts,
                ParseOptions,
                optionsProvider: null,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Runs the generator once over the given descriptors and the shared compilation.</summary>
        public static GeneratorRun Run(params AdditionalText[] additionalTexts)
            => Run(CreateDriver(additionalTexts), EmptyCompilation);

        /// <summary>Runs one descriptor given as text.</summary>
        public static GeneratorRun Run(string path, string descriptor)
            => Run(new InMemoryAdditionalText(path, descriptor));

        /// <summary>Runs an existing driver again (its cached state is what incrementality tests look at).</summary>
        public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var diagnostics);
            return new GeneratorRun(driver, outputCompilation, diagnostics);
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            // The shared framework only: the test host's own dependencies (xunit, Roslyn) are not something
            // a consuming project sees, so they stay out.
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.OrdinalIgnoreCase));

            var explicitReferences = new[]
            {
                typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location,                       // AWSSDK.Core
                typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly.Location,                        // AWSSDK.DynamoDBv2
                typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,                     // Logging.Abstractions
                typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location, // DependencyInjection.Abstractions
                typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location,          // Configuration.Abstractions
                typeof(Bookings.Generated.Runtime.DynamoRepositoryOptions).Assembly.Location,      // the runtime
            };

            return trusted
                .Concat(explicitReferences)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(path => !path.EndsWith(".ni.dll", StringComparison.OrdinalIgnoreCase))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}

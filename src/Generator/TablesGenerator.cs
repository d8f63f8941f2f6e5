using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Model;
using Bookings.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator
{
    /// <summary>
    /// Generates typed keys, marshallers and repositories from every additional file named
    /// <c>*.tables.json</c>. This class only wires the pipeline: parsing, models and emitting live
    /// in their own folders.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TablesGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var descriptors = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(SchemaParser.FileSuffix, StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.Descriptors);

            // One descriptor at a time: editing one file re-parses and re-emits only that file.
            var parsed = descriptors
                .Select(static (file, cancellationToken) => SchemaParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
                .WithTrackingName(TrackingNames.Parsed);

            var models = parsed
                .Select(static (result, _) => result.Model)
                .WithTrackingName(TrackingNames.Models);

            var diagnostics = parsed
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            // The types and hint names of every descriptor, gathered to find types two descriptors would both generate.
            // Only the (usually empty) set of clashes flows back, so other files' outputs stay cached.
            var clashes = models
                .Select(static (model, _) => model is null
                    ? new GeneratedNames(EquatableArray<string>.Empty, EquatableArray<string>.Empty)
                    : new GeneratedNames(SchemaEmitter.TypeNames(model), SchemaEmitter.HintNames(model)))
                .Collect()
                .Select(static (all, _) => Clashes(all))
                .WithTrackingName(TrackingNames.Clashes);

            // DDB007 at the text that names a clashing type. A descriptor is read again for its positions only when
            // some type clashes (rarely): positions in the models would make every reformatting re-emit everything.
            var clashReports = descriptors
                .Combine(clashes)
                .Select(static (input, cancellationToken) => input.Right.Duplicates.Count == 0
                    ? EquatableArray<DiagnosticInfo>.Empty
                    : SchemaParser.ReportClashes(input.Left.Path, input.Left.GetText(cancellationToken), input.Right.Duplicates, cancellationToken))
                .WithTrackingName(TrackingNames.ClashReports);

            // Whether sensitive properties get data classification attributes: only when the compilation references the
            // taxonomy's package. A boolean, so a C# edit re-runs this lookup alone and leaves every output cached.
            var classifies = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(Classification.ProbeType) is not null)
                .WithTrackingName(TrackingNames.Classifies);

            context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
            // One output per descriptor, even without a clash, so the ClashReports step is part of every run's tracked steps.
            context.RegisterSourceOutput(clashReports, static (spc, reports) =>
            {
                foreach (var report in reports)
                {
                    spc.ReportDiagnostic(report.ToDiagnostic());
                }
            });
            context.RegisterSourceOutput(models.Combine(clashes).Combine(classifies), static (spc, input) => Emit(spc, input.Left.Left, input.Left.Right, input.Right));
        }

        /// <summary>
        /// Types two descriptors would both generate (DDB007), a file's own type or one it holds beside it (an enum's
        /// <c>…Values</c>, a repository's interface), and hint names that differ from another only in case
        /// (<c>Shop.ORDER</c> beside <c>Shop.Order</c>, or <c>ThingGSI1SortKey</c> beside <c>ThingGsi1SortKey</c>): C#
        /// tells those types apart, but hint names are compared ignoring case, and a repeated one makes the generator
        /// throw and every descriptor lose its output (CS8785).
        /// </summary>
        private static HintNameClashes Clashes(System.Collections.Immutable.ImmutableArray<GeneratedNames> all)
        {
            var types = all.SelectMany(names => names.Types.Distinct(StringComparer.Ordinal));
            var duplicates = types.GroupBy(name => name, StringComparer.Ordinal).Where(same => same.Count() > 1).Select(same => same.Key);
            var hintNames = all.SelectMany(names => names.HintNames).Distinct(StringComparer.Ordinal);
            var caseVariants = hintNames.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(same => same.Count() > 1).SelectMany(same => same);
            return new HintNameClashes(duplicates.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray(), caseVariants.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray());
        }

        /// <summary>The full names of the types one descriptor generates, and its hint names.</summary>
        private sealed record GeneratedNames(EquatableArray<string> Types, EquatableArray<string> HintNames);

        private static void Emit(SourceProductionContext context, SchemaModel? model, HintNameClashes clashes, bool classify)
        {
            if (model is null)
            {
                return;
            }

            List<GeneratedFile> files;
            try
            {
                files = SchemaEmitter.Emit(model, classify).ToList();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A generator that throws costs every descriptor of the project its output (CS8785): only this one loses it.
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, new LocationInfo(model.FilePath, default, default), ex.GetType().Name, ex.Message).ToDiagnostic());
                return;
            }

            foreach (var file in files)
            {
                // A type two descriptors declare would not compile (or, in two files of one name, fail the whole generator):
                // neither emits the file that declares it, and each reports the clash instead (SchemaParser.ReportClashes).
                if (!file.Types.Any(clashes.Duplicates.Contains))
                {
                    context.AddSource(clashes.UniqueHintName(file.HintName), SourceText.From(file.Source, System.Text.Encoding.UTF8));
                }
            }
        }
    }
}

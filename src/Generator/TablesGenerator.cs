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

            // Hint names of every descriptor, gathered to find types two descriptors would both generate.
            // Only the (usually empty) set of clashes flows back, so other files' outputs stay cached.
            var clashes = models
                .Select(static (model, _) => model is null ? EquatableArray<string>.Empty : SchemaEmitter.HintNames(model))
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
        /// Hint names two descriptors would both use (the same type twice: DDB007), and hint names that differ from
        /// another only in case (<c>Shop.ORDER</c> beside <c>Shop.Order</c>, or <c>ThingGSI1SortKey</c> beside
        /// <c>ThingGsi1SortKey</c>): C# tells those types apart, but hint names are compared ignoring case, and a
        /// repeated one makes the generator throw and every descriptor lose its output (CS8785).
        /// </summary>
        private static HintNameClashes Clashes(System.Collections.Immutable.ImmutableArray<EquatableArray<string>> all)
        {
            var names = all.SelectMany(file => file).ToList();
            var duplicates = names.GroupBy(name => name, StringComparer.Ordinal).Where(same => same.Count() > 1).Select(same => same.Key);
            var caseVariants = names.Distinct(StringComparer.Ordinal).GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(same => same.Count() > 1).SelectMany(same => same);
            return new HintNameClashes(duplicates.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray(), caseVariants.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray());
        }

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
                // Emitting it from both files would fail the whole generator; each file reports the clash instead (SchemaParser.ReportClashes).
                if (!clashes.Duplicates.Contains(file.HintName))
                {
                    context.AddSource(clashes.UniqueHintName(file.HintName), SourceText.From(file.Source, System.Text.Encoding.UTF8));
                }
            }
        }
    }
}

using System;
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

            context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
            context.RegisterSourceOutput(models, static (spc, model) => Emit(spc, model));
        }

        private static void Emit(SourceProductionContext context, SchemaModel? model)
        {
            if (model is null)
            {
                return;
            }

            foreach (var file in SchemaEmitter.Emit(model))
            {
                try
                {
                    context.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
                }
                catch (ArgumentException)
                {
                    // Another descriptor already generated this type; adding it again would fail the build.
                    var typeName = file.HintName.Substring(0, file.HintName.Length - ".g.cs".Length);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateGeneratedType, Location.None, typeName));
                }
            }
        }
    }
}

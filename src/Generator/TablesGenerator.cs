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

            context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
            context.RegisterSourceOutput(models.Combine(clashes), static (spc, input) => Emit(spc, input.Left, input.Right));
        }

        private static EquatableArray<string> Clashes(System.Collections.Immutable.ImmutableArray<EquatableArray<string>> all)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var clashes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var names in all)
            {
                foreach (var name in names)
                {
                    if (!seen.Add(name))
                    {
                        clashes.Add(name);
                    }
                }
            }

            return clashes.ToEquatableArray();
        }

        private static void Emit(SourceProductionContext context, SchemaModel? model, EquatableArray<string> clashes)
        {
            if (model is null)
            {
                return;
            }

            var skipped = new List<string>();
            foreach (var file in SchemaEmitter.Emit(model))
            {
                if (clashes.Contains(file.HintName))
                {
                    // Emitting it from both files would fail the whole generator; each file reports the clash instead.
                    skipped.Add(file.HintName.Substring(0, file.HintName.Length - SchemaEmitter.HintSuffix.Length));
                    continue;
                }

                context.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
            }

            if (skipped.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateGeneratedType, Location.None, string.Join(", ", skipped), model.FileName));
            }
        }
    }
}

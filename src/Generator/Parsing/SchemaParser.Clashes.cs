using System.Linq;
using System.Threading;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Emit;
using Bookings.Generated.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>DDB007: types that two descriptors of one project would both generate.</summary>
    internal sealed partial class SchemaParser
    {
        /// <summary>
        /// One DDB007 for a descriptor that would generate a type another descriptor generates too, listing every such
        /// type and pointing at the text that names the first of them (for a table, its <c>name</c> value).
        /// </summary>
        public static EquatableArray<DiagnosticInfo> ReportClashes(string path, SourceText? text, EquatableArray<string> clashes, CancellationToken cancellationToken)
        {
            var model = Parse(path, text, cancellationToken, out var typeNameLocations).Model;
            if (model is null)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var prefix = model.Namespace + ".";
            var clashing = SchemaEmitter.HintNames(model)
                .Where(hintName => clashes.Contains(hintName))
                .Select(hintName => hintName.Substring(0, hintName.Length - SchemaEmitter.HintSuffix.Length))
                .ToList();
            if (clashing.Count == 0)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            typeNameLocations.TryGetValue(clashing[0].Substring(prefix.Length), out var location);
            return new[] { DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateGeneratedType, location, string.Join(", ", clashing), model.FileName) }.ToEquatableArray();
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Diagnostics
{
    /// <summary>
    /// A position in a descriptor file kept as plain values; a <see cref="Location"/> would tie
    /// the pipeline's cache to a syntax tree, so one is made only when a diagnostic is reported.
    /// </summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        /// <summary>One-based line and column, the way an editor shows them.</summary>
        public string Describe() => $"line {LineSpan.Start.Line + 1}, column {LineSpan.Start.Character + 1}";
    }
}

using System;
using System.Collections.Generic;
using Bookings.Generated.Generator.Parsing.Json;
using Bookings.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>The file being read and the diagnostics found in it so far.</summary>
    internal sealed class DescriptorContext
    {
        private readonly SourceText _text;
        private readonly List<DiagnosticInfo> _diagnostics = new();

        public DescriptorContext(string filePath, SourceText text)
        {
            FilePath = filePath;
            _text = text;
        }

        public string FilePath { get; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        /// <summary>How many errors (not warnings) have been reported.</summary>
        public int Errors { get; private set; }

        public LocationInfo Locate(TextSpan span)
        {
            // Clamp so a span at the very end of a truncated file still has a valid position.
            var start = System.Math.Min(span.Start, _text.Length);
            var end = System.Math.Min(System.Math.Max(span.End, start), _text.Length);
            var clamped = TextSpan.FromBounds(start, end);
            return new LocationInfo(FilePath, clamped, _text.Lines.GetLinePositionSpan(clamped));
        }

        /// <summary>"at line L, column C": where the first of two duplicates is, for DDB006's "the first one is …".</summary>
        public string At(TextSpan span) => "at " + Locate(span).Describe();

        /// <summary>
        /// DDB006 at the second of two declarations: what is declared twice, where the first one is (or what holds the
        /// name), and the fix; by default, to give each a unique name or remove one.
        /// </summary>
        public void ReportDuplicate(TextSpan span, string what, string name, string first, string? fix = null)
            => Report(DiagnosticDescriptors.DuplicateName, span, what, name, first, fix ?? $"Give each {what} a unique name or remove one.");

        /// <summary>
        /// The properties of <paramref name="json"/> that <paramref name="accept"/> takes (it reports those it refuses),
        /// each name once: a name that comes again after it was taken is DDB006 at the repetition.
        /// </summary>
        public IEnumerable<JsonProperty> Distinct(JsonObject json, string what, string? fix, Func<JsonProperty, bool> accept)
        {
            var taken = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            foreach (var property in json.Properties)
            {
                if (taken.TryGetValue(property.Name, out var first))
                {
                    ReportDuplicate(property.NameSpan, what, property.Name, At(first), fix);
                }
                else if (accept(property))
                {
                    taken.Add(property.Name, property.NameSpan);
                    yield return property;
                }
            }
        }

        /// <summary>Whether <paramref name="value"/> is one of <paramref name="allowed"/>; DDB014 naming the closest one when not.</summary>
        public bool IsOneOf(JsonString value, string property, string[] allowed)
        {
            if (Array.IndexOf(allowed, value.Value) >= 0)
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidValue, value.Span, value.Value, property, Names.DidYouMean(value.Value, allowed), string.Join(", ", allowed));
            return false;
        }

        public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] arguments)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                Errors++;
            }

            _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(span), arguments));
        }
    }
}

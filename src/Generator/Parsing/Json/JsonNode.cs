using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing.Json
{
    /// <summary>
    /// A JSON value with the span of text it came from. The generator parses descriptors itself
    /// because diagnostics must point at the exact line and column of a bad value, and because it
    /// may load nothing from NuGet inside the compiler.
    /// </summary>
    internal abstract record JsonNode(TextSpan Span)
    {
        /// <summary>How a message names this kind of value ("an object", "a string", ...).</summary>
        public abstract string KindName { get; }
    }

    internal sealed record JsonObject(TextSpan Span, IReadOnlyList<JsonProperty> Properties) : JsonNode(Span)
    {
        public override string KindName => "an object";

        /// <summary>The first property of that name, or null.</summary>
        public JsonProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
    }

    internal sealed record JsonProperty(string Name, TextSpan NameSpan, JsonNode Value);

    internal sealed record JsonArray(TextSpan Span, IReadOnlyList<JsonNode> Items) : JsonNode(Span)
    {
        public override string KindName => "an array";
    }

    internal sealed record JsonString(TextSpan Span, string Value) : JsonNode(Span)
    {
        public override string KindName => "a string";
    }

    /// <param name="Text">The number exactly as written, so no precision is lost before the type is known.</param>
    internal sealed record JsonNumber(TextSpan Span, string Text) : JsonNode(Span)
    {
        public override string KindName => "a number";
    }

    internal sealed record JsonBoolean(TextSpan Span, bool Value) : JsonNode(Span)
    {
        public override string KindName => "a boolean";
    }

    internal sealed record JsonNull(TextSpan Span) : JsonNode(Span)
    {
        public override string KindName => "null";
    }
}

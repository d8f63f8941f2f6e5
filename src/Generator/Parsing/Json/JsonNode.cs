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
    internal abstract class JsonNode
    {
        protected JsonNode(TextSpan span) => Span = span;

        public TextSpan Span { get; }

        /// <summary>How a message names this kind of value ("an object", "a string", ...).</summary>
        public abstract string KindName { get; }
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
            : base(span) => Properties = properties;

        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>The first property of that name, or null.</summary>
        public JsonProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);

        public override string KindName => "an object";
    }

    internal sealed record JsonProperty(string Name, TextSpan NameSpan, JsonNode Value);

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
            : base(span) => Items = items;

        public IReadOnlyList<JsonNode> Items { get; }

        public override string KindName => "an array";
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(TextSpan span, string value)
            : base(span) => Value = value;

        public string Value { get; }

        public override string KindName => "a string";
    }

    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(TextSpan span, string text)
            : base(span) => Text = text;

        /// <summary>The number exactly as written, so no precision is lost before the type is known.</summary>
        public string Text { get; }

        public override string KindName => "a number";
    }

    internal sealed class JsonBoolean : JsonNode
    {
        public JsonBoolean(TextSpan span, bool value)
            : base(span) => Value = value;

        public bool Value { get; }

        public override string KindName => "a boolean";
    }

    internal sealed class JsonNull : JsonNode
    {
        public JsonNull(TextSpan span)
            : base(span)
        {
        }

        public override string KindName => "null";
    }
}

using System.Collections.Generic;
using Bookings.Generated.Generator.Diagnostics;
using Bookings.Generated.Generator.Parsing.Json;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>
    /// Reads the properties of one descriptor object: reports duplicates and unknown names once,
    /// then hands out values by kind, reporting a value of the wrong kind where it stands.
    /// </summary>
    internal sealed class ObjectReader
    {
        private readonly DescriptorContext _context;
        private readonly string _description;
        private readonly Dictionary<string, JsonProperty> _properties = new();

        public ObjectReader(DescriptorContext context, JsonObject json, string description, params string[] allowed)
        {
            _context = context;
            _description = description;
            Json = json;
            foreach (var property in context.Distinct(json, "property", "Keep one of them: an object holds each property once.", IsAllowed))
            {
                _properties.Add(property.Name, property);
            }

            bool IsAllowed(JsonProperty property)
            {
                if (System.Array.IndexOf(allowed, property.Name) >= 0)
                {
                    return true;
                }

                context.Report(DiagnosticDescriptors.UnknownProperty, property.NameSpan, property.Name, description, Names.DidYouMean(property.Name, allowed), string.Join(", ", allowed));
                return false;
            }
        }

        public JsonObject Json { get; }

        public JsonProperty? Property(string name) => _properties.TryGetValue(name, out var p) ? p : null;

        public JsonString? String(string name, bool required = false, string example = "\"...\"")
            => Get<JsonString>(name, required, "a string", example);

        /// <summary>A string that must be one of <paramref name="allowed"/>: null when absent, and after DDB014 when it is none of them.</summary>
        public JsonString? OneOf(string name, string[] allowed, bool required = false, string example = "\"...\"")
            => String(name, required, example) is { } value && _context.IsOneOf(value, name, allowed) ? value : null;

        public JsonBoolean? Boolean(string name)
            => Get<JsonBoolean>(name, required: false, "true or false", "true");

        public JsonNumber? Number(string name, bool required = false, string example = "0")
            => Get<JsonNumber>(name, required, "a number", example);

        public JsonObject? Object(string name, bool required = false, string example = "{ ... }")
            => Get<JsonObject>(name, required, "an object", example);

        public JsonArray? Array(string name, bool required = false, string example = "[ ... ]")
            => Get<JsonArray>(name, required, "an array", example);

        private T? Get<T>(string name, bool required, string expected, string example)
            where T : JsonNode
        {
            if (!_properties.TryGetValue(name, out var property))
            {
                if (required)
                {
                    _context.Report(DiagnosticDescriptors.MissingProperty, OpeningBrace(), Capitalized(_description), name, example);
                }

                return null;
            }

            if (property.Value is T typed)
            {
                return typed;
            }

            _context.Report(DiagnosticDescriptors.WrongValueKind, property.Value.Span, name, expected, property.Value.KindName);
            return null;
        }

        private Microsoft.CodeAnalysis.Text.TextSpan OpeningBrace() => new(Json.Span.Start, 1);

        public static string Capitalized(string text)
            => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}

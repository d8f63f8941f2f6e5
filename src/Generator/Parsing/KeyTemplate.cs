using System.Collections.Generic;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Splits a key template such as <c>{biz_id}_{book_id}</c> into literals and parts.</summary>
    internal static class KeyTemplate
    {
        /// <summary>Returns the segments, or null with <paramref name="error"/> saying what is wrong.</summary>
        public static List<TemplateSegment>? TryParse(string template, out string? error)
        {
            var segments = new List<TemplateSegment>();
            var position = 0;
            error = null;
            if (template.Length == 0)
            {
                error = "it is empty; write at least one '{part}' or a constant such as '#META'";
                return null;
            }

            while (position < template.Length)
            {
                var open = template.IndexOf('{', position);
                var close = template.IndexOf('}', position);
                if (close >= 0 && (open < 0 || close < open))
                {
                    error = $"'}}' at position {close + 1} has no matching '{{'";
                    return null;
                }

                if (open < 0)
                {
                    segments.Add(new TemplateSegment(false, template.Substring(position)));
                    break;
                }

                if (open > position)
                {
                    segments.Add(new TemplateSegment(false, template.Substring(position, open - position)));
                }

                var end = template.IndexOf('}', open);
                if (end < 0)
                {
                    error = $"'{{' at position {open + 1} is never closed; write '{{name}}'";
                    return null;
                }

                var name = template.Substring(open + 1, end - open - 1);
                if (name.Length == 0 || name.IndexOf('{') >= 0)
                {
                    error = $"the placeholder at position {open + 1} has no name; write '{{name}}'";
                    return null;
                }

                if (segments.Count > 0 && segments[segments.Count - 1].IsPart)
                {
                    // Without text between them, a stored key could not be split back into its parts.
                    error = $"'{{{segments[segments.Count - 1].Text}}}' and '{{{name}}}' stand side by side; put a separator such as '#' or '_' between them";
                    return null;
                }

                segments.Add(new TemplateSegment(true, name));
                position = end + 1;
            }

            return segments;
        }
    }
}

using System;
using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// A composed key's template (<c>{biz_id}_{book_id}</c>), which splits a stored key back into the text of its parts:
    /// each part but the last ends at the first occurrence of the literal after it, which the part may not contain.
    /// Generated key types create one per composed key, in a static field.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class KeyTemplate
    {
        // The text before, between and after the parts: the generator accepts only templates whose braces pair up.
        private readonly string[] _literals;

        /// <summary>A template as the schema wrote it, parts in braces.</summary>
        /// <param name="template">The template, which the generator checked.</param>
        public KeyTemplate(string template)
        {
            ArgumentNullException.ThrowIfNull(template);
            Template = template;
            var pieces = template.Split('{', '}');
            _literals = new string[(pieces.Length + 1) / 2];
            for (var i = 0; i < _literals.Length; i++)
            {
                _literals[i] = pieces[2 * i];
            }
        }

        /// <summary>The template as the schema wrote it.</summary>
        public string Template { get; }

        /// <summary>The text of each part of <paramref name="stored"/>, in order; null when it does not fit the template.</summary>
        public string[]? Split(string? stored)
        {
            if (stored is null || !stored.StartsWith(_literals[0], StringComparison.Ordinal))
            {
                return null;
            }

            var parts = new string[_literals.Length - 1];
            var start = _literals[0].Length;
            for (var i = 0; i < parts.Length; i++)
            {
                var literal = _literals[i + 1];
                if (i == parts.Length - 1 && literal.Length == 0)
                {
                    parts[i] = stored.Substring(start);
                    return parts;
                }

                var end = stored.IndexOf(literal, start, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                parts[i] = stored.Substring(start, end - start);
                start = end + literal.Length;
            }

            // The template ends with a literal: the last part's end is the literal the key ends with.
            return start == stored.Length ? parts : null;
        }

        /// <summary>The template.</summary>
        public override string ToString() => Template;
    }
}

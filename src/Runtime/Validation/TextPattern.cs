using System;
using System.ComponentModel;
using System.Text.RegularExpressions;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// A schema's <c>pattern</c>: its regular-expression text, which messages name, and the check text must pass.
    /// A pattern means what its author means: <c>$</c> ends the text (never before a final line feed) and <c>\d</c> is
    /// an ASCII digit; otherwise it is a .NET regular expression, matched culture-invariantly. Generated types create
    /// one per pattern, in a static field, so its <see cref="Regex"/> is built once.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TextPattern
    {
        // Interpreted, not RegexOptions.Compiled: a check costs tens of nanoseconds of a request of hundreds of
        // microseconds (docs/benchmarks.md), and compiling costs start-up time and does nothing under native AOT.
        private readonly Regex _regex;

        /// <summary>
        /// A pattern matched by a <see cref="Regex"/> (culture-invariant, as the generator checked it), with <c>$</c> as
        /// the end of the text and <c>\d</c> as <c>[0-9]</c>.
        /// </summary>
        /// <param name="pattern">The regular expression as the schema wrote it.</param>
        public TextPattern(string pattern)
        {
            ArgumentNullException.ThrowIfNull(pattern);
            Pattern = pattern;
            _regex = new Regex(SchemaPatterns.ToRegex(pattern), RegexOptions.CultureInvariant);
        }

        /// <summary>The regular expression as the schema wrote it.</summary>
        public string Pattern { get; }

        /// <summary>Whether <paramref name="text"/> matches the pattern.</summary>
        public bool IsMatch(string text) => _regex.IsMatch(text);

        /// <summary>The regular expression.</summary>
        public override string ToString() => Pattern;
    }
}

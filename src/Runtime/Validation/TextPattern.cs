using System;
using System.Text.RegularExpressions;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A schema's <c>pattern</c>: its regular-expression text, which messages name, and the check text must pass.
    /// A pattern means what its author means: <c>$</c> ends the text (never before a final line feed) and <c>\d</c> is
    /// an ASCII digit; otherwise it is a .NET regular expression. Generated code hands over a plain matching method
    /// for the patterns it can write as a loop (anchored sequences of literals, <c>\d</c>, <c>.</c> and character
    /// classes with quantifiers, which covers most key and format patterns), so those checks run without a
    /// regular-expression engine; any other pattern is matched by a <see cref="Regex"/> with the same meaning.
    /// </summary>
    public sealed class TextPattern
    {
        private readonly Func<string, bool> _isMatch;

        /// <summary>
        /// A pattern matched by a <see cref="Regex"/> (culture-invariant, as the generator checked it), with <c>$</c> as
        /// the end of the text and <c>\d</c> as <c>[0-9]</c>.
        /// </summary>
        /// <param name="pattern">The regular expression as the schema wrote it.</param>
        public TextPattern(string pattern)
        {
            ArgumentNullException.ThrowIfNull(pattern);
            Pattern = pattern;
            _isMatch = new Regex(SchemaPatterns.ToRegex(pattern), RegexOptions.CultureInvariant).IsMatch;
        }

        /// <summary>A pattern matched by generated code that has the pattern's meaning.</summary>
        /// <param name="pattern">The regular expression, for messages.</param>
        /// <param name="isMatch">Whether text matches it.</param>
        public TextPattern(string pattern, Func<string, bool> isMatch)
        {
            ArgumentNullException.ThrowIfNull(pattern);
            ArgumentNullException.ThrowIfNull(isMatch);
            Pattern = pattern;
            _isMatch = isMatch;
        }

        /// <summary>The regular expression as the schema wrote it.</summary>
        public string Pattern { get; }

        /// <summary>Whether <paramref name="text"/> matches the pattern.</summary>
        public bool IsMatch(string text) => _isMatch(text);

        /// <summary>The regular expression.</summary>
        public override string ToString() => Pattern;
    }
}

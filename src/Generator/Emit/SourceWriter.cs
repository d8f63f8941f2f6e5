using System.Text;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>A string builder that indents; emitters write one line at a time.</summary>
    internal sealed class SourceWriter
    {
        private const string Indentation = "    ";
        private readonly StringBuilder _builder = new();
        private int _depth;
        private bool _afterOpen;

        /// <summary>Writes a line; an empty one right after an opening brace is left out, so members can each write a blank line before them.</summary>
        public SourceWriter Line(string text = "")
        {
            if (text.Length == 0 && _afterOpen)
            {
                return this;
            }

            _afterOpen = text == "{";
            if (text.Length > 0)
            {
                for (var i = 0; i < _depth; i++)
                {
                    _builder.Append(Indentation);
                }

                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <c>{</c> and indents what follows.</summary>
        public SourceWriter Open(string? header = null)
        {
            if (header is not null)
            {
                Line(header);
            }

            Line("{");
            _depth++;
            return this;
        }

        /// <summary>Unindents and writes <c>}</c> (with a suffix such as <c>;</c>).</summary>
        public SourceWriter Close(string suffix = "")
        {
            _depth--;
            return Line("}" + suffix);
        }

        public SourceWriter Indent()
        {
            _depth++;
            return this;
        }

        public SourceWriter Outdent()
        {
            _depth--;
            return this;
        }

        /// <summary>A one-line XML doc summary.</summary>
        public SourceWriter Summary(string text) => Line($"/// <summary>{text}</summary>");

        public override string ToString() => _builder.ToString();
    }
}

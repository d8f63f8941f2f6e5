using System.Text;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// A string builder that indents. Emitters write a member as one multi-line template (<see cref="Block"/>, a raw
    /// string literal that looks like the code it writes) and loops between templates with <see cref="Open"/>,
    /// <see cref="Line"/> and <see cref="Close"/>.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string Indentation = "    ";
        private readonly StringBuilder _builder = new();
        private int _depth;
        private bool _afterOpen;

        /// <summary>Writes a line; an empty one right after an opening brace is left out, so members can each write a blank line before them.</summary>
        public SourceWriter Line(string text = "")
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                text = string.Empty;
            }

            if (text.Length == 0 && _afterOpen)
            {
                return this;
            }

            _afterOpen = text.TrimStart() == "{";
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

        /// <summary>Writes each line of <paramref name="text"/> at the current indentation, keeping the indentation within it.</summary>
        public SourceWriter Block(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                Line(line.TrimEnd('\r'));
            }

            return this;
        }

        /// <summary>Writes <c>{</c> and indents what follows.</summary>
        public SourceWriter Open(string? header = null)
        {
            if (header is not null)
            {
                Block(header);
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

        public override string ToString() => _builder.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Parsing.Json
{
    /// <summary>Thrown for text that is not JSON; carries the offset where reading stopped.</summary>
    internal sealed class JsonSyntaxException : System.Exception
    {
        public JsonSyntaxException(string message, int position)
            : base(message) => Position = position;

        public int Position { get; }
    }

    /// <summary>
    /// A strict recursive-descent JSON reader (RFC 8259) that records spans. Duplicate property
    /// names are kept, so the schema reader can report them where they stand.
    /// </summary>
    internal sealed class JsonReader
    {
        // Deeper nesting than any descriptor needs; the bound keeps hostile input from overflowing the stack.
        private const int MaxDepth = 64;

        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private int _position;
        private int _depth;

        private JsonReader(string text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
        }

        public static JsonNode Read(string text, CancellationToken cancellationToken)
        {
            var reader = new JsonReader(text, cancellationToken);
            reader.SkipWhitespace();
            var root = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw new JsonSyntaxException("unexpected text after the end of the document", reader._position);
            }

            return root;
        }

        private JsonNode ReadValue()
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("unexpected end of file; a value was expected", _position);
            }

            switch (_text[_position])
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    var start = _position;
                    var value = ReadString();
                    return new JsonString(TextSpan.FromBounds(start, _position), value);
                case 't':
                    return ReadLiteral("true", s => new JsonBoolean(s, true));
                case 'f':
                    return ReadLiteral("false", s => new JsonBoolean(s, false));
                case 'n':
                    return ReadLiteral("null", s => new JsonNull(s));
                default:
                    var c = _text[_position];
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw ValueExpected();
            }
        }

        private JsonObject ReadObject()
        {
            var properties = new List<JsonProperty>();
            var span = ReadItems('}', "a property value", () =>
            {
                if (Peek() != '"')
                {
                    throw new JsonSyntaxException("a property name in double quotes was expected", _position);
                }

                var nameStart = _position;
                var name = ReadString();
                var nameSpan = TextSpan.FromBounds(nameStart, _position);
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new JsonSyntaxException("':' was expected after the property name", _position);
                }

                _position++;
                SkipWhitespace();
                properties.Add(new JsonProperty(name, nameSpan, ReadValue()));
            });
            return new JsonObject(span, properties);
        }

        private JsonArray ReadArray()
        {
            var items = new List<JsonNode>();
            var span = ReadItems(']', "an array item", () => items.Add(ReadValue()));
            return new JsonArray(span, items);
        }

        /// <summary>
        /// Reads the comma-separated items of an object or array, from its opening bracket to <paramref name="close"/>;
        /// <paramref name="readItem"/> starts at an item's first character. Returns the span of the whole value.
        /// </summary>
        private TextSpan ReadItems(char close, string item, Action readItem)
        {
            var start = _position;
            if (++_depth > MaxDepth)
            {
                throw new JsonSyntaxException($"nesting deeper than {MaxDepth} levels", _position);
            }

            _position++; // { or [
            SkipWhitespace();
            if (Peek() == close)
            {
                _position++;
                _depth--;
                return TextSpan.FromBounds(start, _position);
            }

            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipWhitespace();
                readItem();
                SkipWhitespace();
                var next = Peek();
                if (next == ',')
                {
                    _position++;
                    continue;
                }

                if (next == close)
                {
                    _position++;
                    _depth--;
                    return TextSpan.FromBounds(start, _position);
                }

                throw new JsonSyntaxException(
                    next == '\0' ? $"unexpected end of file; '{close}' was expected" : $"',' or '{close}' was expected after {item}",
                    _position);
            }
        }

        private string ReadString()
        {
            _position++; // opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated string; a closing '\"' was expected", _position);
                }

                var c = _text[_position];
                if (c == '"')
                {
                    _position++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonSyntaxException("control characters must be escaped inside a string", _position);
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    _position++;
                    continue;
                }

                _position++;
                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated escape sequence", _position);
                }

                var escape = _text[_position];
                _position++;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonSyntaxException("'\\u' must be followed by four hexadecimal digits", _position);
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new JsonSyntaxException($"unknown escape sequence '\\{Printable(escape)}'", _position - 2);
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else
            {
                ReadDigits("a digit was expected");
            }

            if (Peek() == '.')
            {
                _position++;
                ReadDigits("a digit was expected after the decimal point");
            }

            if (Peek() is 'e' or 'E')
            {
                _position++;
                if (Peek() is '+' or '-')
                {
                    _position++;
                }

                ReadDigits("a digit was expected in the exponent");
            }

            return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
        }

        private JsonNode ReadLiteral(string literal, System.Func<TextSpan, JsonNode> create)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw ValueExpected();
            }

            var span = new TextSpan(_position, literal.Length);
            _position += literal.Length;
            return create(span);
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        /// <summary>One digit or more, or <paramref name="missing"/> where there is none.</summary>
        private void ReadDigits(string missing)
        {
            if (Peek() is not (>= '0' and <= '9'))
            {
                throw new JsonSyntaxException(missing, _position);
            }

            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }
        }

        private void SkipWhitespace()
        {
            while (Peek() is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        private JsonSyntaxException ValueExpected()
            => new($"unexpected character '{Printable(_text[_position])}'; a value was expected", _position);

        private static string Printable(char c) => c < ' ' ? $"\\u{(int)c:x4}" : c.ToString();
    }
}

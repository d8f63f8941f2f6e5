using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Bookings.Cli.Commands
{
    /// <summary>One row of an import file: a valid booking, or the reason it cannot be imported.</summary>
    internal sealed record ImportRow(int Line, Booking? Booking, string? Problem);

    /// <summary>
    /// Reads an import file: JSON lines (one booking object per line; blank lines ignored), or a JSON array of
    /// booking objects. Every row carries the line it starts on. An invalid row never stops the reading, except
    /// a JSON syntax error inside an array, after which nothing more of that file can be read.
    /// </summary>
    internal static class ImportRows
    {
        /// <summary>Whether the file is a JSON array (its first non-blank character is '[').</summary>
        public static bool IsJsonArray(string path)
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (!char.IsWhiteSpace((char)c))
                {
                    return c == '[';
                }
            }

            return false;
        }

        /// <summary>Counts the rows of a JSON lines file (its non-blank lines), for the progress bar.</summary>
        public static int CountLines(string path)
        {
            var count = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The rows of a JSON lines file, read lazily (streaming).</summary>
        public static IEnumerable<ImportRow> ReadLines(string path)
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return Parse(number, line);
            }
        }

        /// <summary>The rows of a JSON array file (read whole: use JSON lines for very large files).</summary>
        public static List<ImportRow> ReadArray(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            var data = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
            var rows = new List<ImportRow>();
            var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            try
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    rows.Add(new ImportRow(1, null, "the file does not start with '[' (a JSON array) and is not JSON lines"));
                    return rows;
                }

                int line = 1, counted = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var offset = (int)reader.TokenStartIndex;
                    line += Newlines(data.Span.Slice(counted, offset - counted));
                    counted = offset;
                    using var element = JsonDocument.ParseValue(ref reader);
                    rows.Add(Parse(line, element.RootElement));
                }
            }
            catch (JsonException ex)
            {
                rows.Add(new ImportRow(
                    (int)(ex.LineNumber ?? 0) + 1,
                    null,
                    $"the file is not valid JSON here (byte {(ex.BytePositionInLine ?? 0) + 1} of the line); nothing after this point could be read"));
            }

            return rows;
        }

        private static ImportRow Parse(int line, string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return Parse(line, document.RootElement);
            }
            catch (JsonException ex)
            {
                // The parser's message quotes the text; only the position is reported.
                return new ImportRow(line, null, $"not valid JSON (at byte {(ex.BytePositionInLine ?? 0) + 1})");
            }
        }

        private static ImportRow Parse(int line, JsonElement element)
            => BookingRecords.TryParse(element, out var booking, out var problem)
                ? new ImportRow(line, booking, null)
                : new ImportRow(line, null, problem);

        private static int Newlines(ReadOnlySpan<byte> data) => data.Count((byte)'\n');
    }
}

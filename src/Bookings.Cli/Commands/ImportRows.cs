using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Bookings.Generated.Runtime;

namespace Bookings.Cli.Commands
{
    /// <summary>One row of an import file: a valid booking, or the reason it cannot be imported.</summary>
    internal sealed record ImportRow(int Line, Booking? Booking, string? Problem);

    /// <summary>An import file, checked and opened: its rows (read lazily for JSON lines) and how many there are.</summary>
    /// <param name="IsArray">Whether the file is a JSON array (else JSON lines).</param>
    /// <param name="Total">The number of rows, for the progress bar: elements of the array, non-blank lines.</param>
    /// <param name="Rows">The rows, each with the line it starts on.</param>
    internal sealed record ImportSource(bool IsArray, int Total, IEnumerable<ImportRow> Rows);

    /// <summary>
    /// Reads an import file: JSON lines (one booking object per line; blank lines ignored), or a JSON array of
    /// booking objects. Every row carries the line it starts on. Bytes are read as they are: text that is not UTF-8
    /// (or a <c>\u</c> escape of half a surrogate pair) is a problem of its row, never replaced by U+FFFD. An invalid
    /// row never stops the reading, except a JSON syntax error inside an array, after which nothing more of that file
    /// can be read. A file that is not text, or holds no rows, is refused as a whole.
    /// </summary>
    internal static class ImportRows
    {
        /// <summary>How much of the start of a file is checked for being text (as git and grep do).</summary>
        private const int SniffBytes = 8 * 1024;

        private const string SaveAsUtf8 = "save the file as UTF-8";

        /// <summary>
        /// Checks that the file is UTF-8 text with at least one row, and opens it. For a JSON lines file the rows
        /// are counted here and read again, lazily, when <see cref="ImportSource.Rows"/> is enumerated.
        /// </summary>
        /// <exception cref="CliException">The file is not text (exit code 2), or holds no rows (exit code 7).</exception>
        public static ImportSource Open(string path)
        {
            var start = Sniff(path);
            ImportSource source;
            if (start == '[')
            {
                var rows = ReadArray(path);
                source = new ImportSource(true, rows.Count, rows);
            }
            else
            {
                var total = 0;
                foreach (var (_, line) in Lines(path))
                {
                    total += IsBlank(line) ? 0 : 1;
                }

                source = new ImportSource(false, total, ReadLines(path));
            }

            if (source.Total == 0)
            {
                var what = start == '[' ? "it is an empty JSON array" : "it is empty or holds only blank lines";
                throw new CliException(
                    ExitCodes.NothingToImport,
                    $"Nothing to import: {path} holds no bookings ({what}); nothing was written.",
                    "Check that this is the file you meant (an export of an empty table is empty too).");
            }

            return source;
        }

        /// <summary>The rows of a JSON lines file, read lazily (streaming).</summary>
        public static IEnumerable<ImportRow> ReadLines(string path)
        {
            foreach (var (number, line) in Lines(path))
            {
                if (!IsBlank(line))
                {
                    yield return Parse(number, line);
                }
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

                    // The reader checks the JSON, not the text inside its strings: that is checked here, so a row that
                    // is not Unicode is reported instead of failing when its strings are read.
                    var text = data.Span[offset..(int)reader.BytesConsumed];
                    var invalid = InvalidTextAt(text, out var problem);
                    if (invalid >= 0)
                    {
                        var before = text[..invalid];
                        var badLine = line + Newlines(before);
                        var column = invalid - (before.LastIndexOf((byte)'\n') + 1) + 1;
                        rows.Add(new ImportRow(line, null, $"{problem} at byte {column} of line {badLine}"));
                        continue;
                    }

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

        /// <summary>
        /// The first character of the file after a UTF-8 byte order mark and white space ('[' for an array), or null
        /// for a file with nothing else; refuses a file that is not UTF-8 text.
        /// </summary>
        /// <exception cref="CliException">A UTF-16 or UTF-32 byte order mark, or a NUL byte near the start (exit code 2).</exception>
        private static char? Sniff(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var chunk = new byte[SniffBytes];
            var bytes = chunk.AsSpan(0, stream.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false));
            if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }) || bytes.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
            {
                throw CliException.Usage(
                    $"{path} is UTF-16 or UTF-32 text (it starts with that byte order mark); import reads UTF-8 only. Nothing was written.",
                    "Save the file as UTF-8 (for example: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8) and import that.");
            }

            var nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                // No JSON text holds a NUL byte, and almost every binary file (archive, image, executable) has one near its start.
                throw CliException.Usage(
                    $"{path} is not a text file (byte {nul + 1} is a NUL byte, which no JSON text holds); import reads JSON lines or a JSON array in UTF-8. Nothing was written.",
                    "Check the file name; unpack a compressed file first. 'bookings export --output FILE' writes the format import reads.");
            }

            if (bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }

            while (!bytes.IsEmpty)
            {
                var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
                if (first >= 0)
                {
                    return (char)bytes[first];
                }

                bytes = chunk.AsSpan(0, stream.Read(chunk));
            }

            return null;
        }

        /// <summary>
        /// The lines of a file, split at '\n' (a '\r' before it dropped, and a UTF-8 byte order mark at the start),
        /// numbered from 1. Each line is a slice of a buffer reused for the next line: read it before moving on.
        /// </summary>
        private static IEnumerable<(int Number, ArraySegment<byte> Text)> Lines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[64 * 1024];
            int start = 0, end = 0, scanned = 0, number = 0;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', scanned, end - scanned);
                if (newline >= 0)
                {
                    yield return (++number, Line(buffer, start, newline, number));
                    start = scanned = newline + 1;
                    continue;
                }

                // No line break in what was read: keep the unfinished line at the front of the buffer and read more.
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
                scanned = end;
                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    break;
                }

                end += read;
            }

            if (end > start)
            {
                yield return (++number, Line(buffer, start, end, number));
            }
        }

        private static ArraySegment<byte> Line(byte[] buffer, int start, int end, int number)
        {
            if (end > start && buffer[end - 1] == '\r')
            {
                end--;
            }

            if (number == 1 && buffer.AsSpan(start, end - start).StartsWith(Encoding.UTF8.Preamble))
            {
                start += Encoding.UTF8.Preamble.Length;
            }

            return new ArraySegment<byte>(buffer, start, end - start);
        }

        private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t"u8) < 0;

        private static ImportRow Parse(int line, ArraySegment<byte> text)
        {
            var invalid = InvalidTextAt(text, out var problem);
            if (invalid >= 0)
            {
                return new ImportRow(line, null, $"{problem} at byte {invalid + 1} of the line");
            }

            try
            {
                using var document = JsonDocument.Parse(text.AsMemory());
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

        /// <summary>
        /// Where the text stops being Unicode: the first byte that is not UTF-8, or the first <c>\u</c> escape of half
        /// a surrogate pair (which no string can hold); -1 when it is all Unicode. Both make reading a string fail.
        /// </summary>
        /// <param name="text">JSON text.</param>
        /// <param name="problem">What is wrong there, for the row's message.</param>
        private static int InvalidTextAt(ReadOnlySpan<byte> text, out string problem)
        {
            problem = string.Empty;
            if (!Utf8.IsValid(text))
            {
                var offset = 0;
                while (System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
                {
                    offset += consumed;
                }

                problem = $"not UTF-8 text ({SaveAsUtf8}): an invalid byte";
                return offset;
            }

            for (var at = text.IndexOf((byte)'\\'); at >= 0 && at + 1 < text.Length; )
            {
                var next = at + 2;
                if (text[at + 1] == 'u' && Hex4(text, at + 2) is { } unit)
                {
                    next = at + 6;
                    if (char.IsLowSurrogate(unit)
                        || (char.IsHighSurrogate(unit) && !(text.Length >= at + 12 && text[at + 6] == '\\' && text[at + 7] == 'u' && Hex4(text, at + 8) is { } low && char.IsLowSurrogate(low))))
                    {
                        problem = "a \\u escape of half a surrogate pair, which is not Unicode text,";
                        return at;
                    }

                    next = char.IsHighSurrogate(unit) ? at + 12 : next;
                }

                var rest = text[next..].IndexOf((byte)'\\');
                at = rest < 0 ? -1 : next + rest;
            }

            return -1;
        }

        /// <summary>The UTF-16 code unit of four hex digits at <paramref name="at"/>, or null.</summary>
        private static char? Hex4(ReadOnlySpan<byte> text, int at)
            => at + 4 <= text.Length && Utf8Parser.TryParse(text.Slice(at, 4), out ushort value, out var consumed, 'X') && consumed == 4 ? (char)value : null;

        private static int Newlines(ReadOnlySpan<byte> data) => data.Count((byte)'\n');
    }
}

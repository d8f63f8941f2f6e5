using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Bookings.Cli
{
    /// <summary>Where a CLI run writes: results to <see cref="Out"/> (stdout), messages and logs to <see cref="Error"/> (stderr).</summary>
    internal sealed class CliIo(TextWriter output, TextWriter error, bool errorIsTerminal = false)
    {
        public TextWriter Out { get; } = output;

        public TextWriter Error { get; } = error;

        /// <summary>Whether stderr is an interactive terminal (live progress bars); false for pipes, files and tests.</summary>
        public bool ErrorIsTerminal { get; } = errorIsTerminal;

        /// <summary>Writes one JSON value to stdout on one line.</summary>
        public void WriteJson(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = CliContext.CreateJsonWriter(buffer))
            {
                write(writer);
            }

            Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        /// <summary>Writes an error and how to fix it to stderr.</summary>
        public void WriteError(string message, string? fix)
        {
            Error.WriteLine("error: " + message);
            if (!string.IsNullOrEmpty(fix))
            {
                Error.WriteLine("fix:   " + fix);
            }
        }
    }

    /// <summary>The shapes every command's JSON output is made of.</summary>
    internal static class CliJson
    {
        /// <summary>Writes an object; <paramref name="writeProperties"/> writes its properties.</summary>
        public static void WriteObject(this Utf8JsonWriter json, Action<Utf8JsonWriter> writeProperties)
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        /// <summary>Writes the property <paramref name="name"/>: an array of one object a row, whose properties <paramref name="writeRow"/> writes.</summary>
        public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> rows, Action<Utf8JsonWriter, T> writeRow)
        {
            json.WriteStartArray(name);
            foreach (var row in rows)
            {
                json.WriteObject(properties => writeRow(properties, row));
            }

            json.WriteEndArray();
        }
    }
}

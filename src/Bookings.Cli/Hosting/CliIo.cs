using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Bookings.Cli
{
    /// <summary>Where a CLI run writes: results to <see cref="Out"/> (stdout), messages and logs to <see cref="Error"/> (stderr).</summary>
    internal sealed class CliIo
    {
        public CliIo(TextWriter output, TextWriter error, bool errorIsTerminal = false)
        {
            Out = output;
            Error = error;
            ErrorIsTerminal = errorIsTerminal;
        }

        public TextWriter Out { get; }

        public TextWriter Error { get; }

        /// <summary>Whether stderr is an interactive terminal (live progress bars); false for pipes, files and tests.</summary>
        public bool ErrorIsTerminal { get; }

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
}

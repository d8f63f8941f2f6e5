using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Bookings.Cli
{
    /// <summary>A plain aligned text table for human-readable output (no colours, so it pipes cleanly).</summary>
    internal sealed class TextTable
    {
        private readonly string[] _headers;
        private readonly List<string[]> _rows = new();

        public TextTable(params string[] headers) => _headers = headers;

        public int Count => _rows.Count;

        public TextTable Add(params string[] cells)
        {
            if (cells.Length != _headers.Length)
            {
                throw new ArgumentException("A row needs one cell per column.", nameof(cells));
            }

            _rows.Add(cells);
            return this;
        }

        public void WriteTo(TextWriter writer)
        {
            var widths = new int[_headers.Length];
            for (var c = 0; c < _headers.Length; c++)
            {
                widths[c] = _headers[c].Length;
                foreach (var row in _rows)
                {
                    widths[c] = Math.Max(widths[c], row[c].Length);
                }
            }

            WriteRow(writer, _headers, widths);
            var rule = new string[_headers.Length];
            for (var c = 0; c < rule.Length; c++)
            {
                rule[c] = new string('-', widths[c]);
            }

            WriteRow(writer, rule, widths);
            foreach (var row in _rows)
            {
                WriteRow(writer, row, widths);
            }
        }

        private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
        {
            var line = new StringBuilder();
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    line.Append("  ");
                }

                line.Append(c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c]));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>A thread-safe, bounded buffer that keeps the last lines a child process printed.</summary>
internal sealed class OutputTail
{
    private readonly int _maxLines;
    private readonly int _maxLineLength;
    private readonly Queue<string> _lines = new();
    private readonly object _gate = new();
    private long _dropped;

    internal OutputTail(int maxLines = 80, int maxLineLength = 400)
    {
        _maxLines = maxLines;
        _maxLineLength = maxLineLength;
    }

    internal void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Length > _maxLineLength)
        {
            line = string.Concat(line.AsSpan(0, _maxLineLength), "…");
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _maxLines)
            {
                _lines.Dequeue();
                _dropped++;
            }
        }
    }

    internal bool Contains(string text)
    {
        lock (_gate)
        {
            foreach (string line in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var builder = new StringBuilder();
            if (_dropped > 0)
            {
                builder.Append("[… ").Append(_dropped).Append(" earlier lines dropped]").AppendLine();
            }

            foreach (string line in _lines)
            {
                builder.AppendLine(line);
            }

            return builder.ToString();
        }
    }
}

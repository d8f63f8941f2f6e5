using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime.Tests.Support
{
    /// <summary>One captured log call: level, event, the formatted line and the structured values.</summary>
    internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? Value(string name) => State.FirstOrDefault(p => p.Key == name).Value;

        /// <summary>
        /// What a sink could print as text: the line and every structured text value (numbers such as
        /// durations are left out, their random digits could match anything).
        /// </summary>
        public string AllText => Message + " | " + string.Join(" | ", State.Where(p => p.Value is string).Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>An in-memory logger that keeps every enabled call; thread-safe.</summary>
    internal sealed class ListLogger : ILogger
    {
        private readonly List<LogEntry> _entries = new();
        private readonly object _gate = new();

        /// <summary>Called after each entry is stored (for tests that react to a log line).</summary>
        public Action<LogEntry>? OnLog { get; set; }

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_gate)
                {
                    return _entries.ToArray();
                }
            }
        }

        public IReadOnlyList<LogEntry> WithEventId(int id) => Entries.Where(e => e.EventId.Id == id).ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IReadOnlyList<KeyValuePair<string, object?>> list
                ? list.ToArray()
                : Array.Empty<KeyValuePair<string, object?>>();
            var entry = new LogEntry(logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values);
            lock (_gate)
            {
                _entries.Add(entry);
            }

            OnLog?.Invoke(entry);
        }
    }
}

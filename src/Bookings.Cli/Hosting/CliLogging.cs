using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bookings.Cli
{
    /// <summary>Builds the logger factory: logs go to stderr so stdout carries only results.</summary>
    internal static class CliLogging
    {
        /// <summary>The console logger the demo uses.</summary>
        public static ILoggerFactory Create(LogLevel level, LogFormat format)
            => LoggerFactory.Create(builder =>
            {
                builder.SetMinimumLevel(level);
                builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
                if (format == LogFormat.Json)
                {
                    builder.AddJsonConsole(options => options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
                }
                else
                {
                    builder.AddSimpleConsole(options =>
                    {
                        options.SingleLine = true;
                        options.TimestampFormat = "HH:mm:ss.fff ";
                    });
                }
            });

        /// <summary>
        /// A logger factory writing synchronously to <paramref name="error"/> (stderr, or a test's writer):
        /// one line per event, as text or as a JSON object. The SDK's log arguments are already masked.
        /// </summary>
        public static ILoggerFactory Create(LogLevel level, LogFormat format, TextWriter error)
            => LoggerFactory.Create(builder =>
            {
                builder.SetMinimumLevel(level);
                builder.AddProvider(new WriterLoggerProvider(error, format));
            });

        private sealed class WriterLoggerProvider(TextWriter writer, LogFormat format) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, format, categoryName);

            public void Dispose()
            {
            }
        }

        private sealed class WriterLogger(TextWriter writer, LogFormat format, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
                => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var message = formatter(state, exception);
                var line = format == LogFormat.Json
                    ? JsonLine(logLevel, eventId, state, message, exception)
                    : TextLine(logLevel, eventId, message, exception);
                lock (writer)
                {
                    writer.WriteLine(line);
                    writer.Flush();
                }
            }

            private string TextLine(LogLevel level, EventId eventId, string message, Exception? exception)
            {
                var text = new StringBuilder();
                text.Append(DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(Short(level)).Append(": ").Append(category).Append('[').Append(eventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
                    .Append(message);
                if (exception is not null)
                {
                    // SDK exception messages are masked; only the type and message are printed, never a dump of the request.
                    text.Append(" (").Append(exception.GetType().Name).Append(": ").Append(exception.Message).Append(')');
                }

                return text.ToString();
            }

            private string JsonLine<TState>(LogLevel level, EventId eventId, TState state, string message, Exception? exception)
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                    json.WriteNumber("EventId", eventId.Id);
                    json.WriteString("LogLevel", level.ToString());
                    json.WriteString("Category", category);
                    json.WriteString("Message", message);
                    if (exception is not null)
                    {
                        json.WriteString("Exception", exception.GetType().Name + ": " + exception.Message);
                    }

                    if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                    {
                        json.WriteStartObject("State");
                        foreach (var pair in values)
                        {
                            if (pair.Key != "{OriginalFormat}")
                            {
                                json.WriteString(pair.Key, Convert.ToString(pair.Value, CultureInfo.InvariantCulture));
                            }
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            }

            private static string Short(LogLevel level) => level switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                LogLevel.Critical => "crit",
                _ => "none",
            };
        }
    }
}

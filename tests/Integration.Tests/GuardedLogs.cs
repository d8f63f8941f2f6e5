using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// The logger every repository in this suite writes to, at Debug level, so the whole suite's traffic is
    /// logged. Each line, and the message of any exception logged with it, is checked as it is written: an
    /// unmasked mobile number, a test cookie value, or any value the suite stored in an attribute or key part
    /// declared sensitive (<see cref="SensitiveValues"/>) fails the operation that wrote it, and so its test.
    /// </summary>
    internal static class GuardedLogs
    {
        /// <summary>Secret values the tests store; none may ever be printed.</summary>
        public static readonly string[] Secrets = { "cookie-value-that-must-not-print", "NID_AUT", "demo-secret-cookie" };

        private static readonly Regex UnmaskedPhone = new(@"(?<![0-9])01[016789][-. ]?[0-9]{3,4}[-. ]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant);
        private static readonly ILoggerFactory Factory = LoggerFactory.Create(b => b.AddProvider(new Provider()).SetMinimumLevel(LogLevel.Debug));

        /// <summary>Every line written so far, its request id replaced (<see cref="WithoutRequestId"/>), for tests that look at the whole suite's logs.</summary>
        public static ConcurrentQueue<string> Lines { get; } = new();

        public static ILogger<T> For<T>() => Factory.CreateLogger<T>();

        /// <summary>
        /// The line without its AWS request id: an opaque id of AWS's (52 letters and digits), never personal data, whose
        /// digits can form a run that looks like a phone number (<c>…A01012345678B…</c>).
        /// </summary>
        public static string WithoutRequestId(string line, object? requestId)
            => requestId is string { Length: > 1 } id ? line.Replace(id, "<REQUEST-ID>", StringComparison.Ordinal) : line;

        /// <summary>Throws when <paramref name="text"/> holds an unmasked number or a secret.</summary>
        public static void Check(string text)
        {
            if (UnmaskedPhone.IsMatch(text))
            {
                throw new InvalidOperationException("An unmasked phone number reached a log line: " + UnmaskedPhone.Replace(text, "<PHONE>"));
            }

            foreach (var secret in Secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A secret value reached a log line.");
                }
            }

            foreach (var value in SensitiveValues.In(text))
            {
                throw new InvalidOperationException("A value declared sensitive reached a log line unmasked: " + text.Replace(value, "<SENSITIVE>", StringComparison.Ordinal));
            }
        }

        private sealed class Provider : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Guard();

            public void Dispose()
            {
            }
        }

        private sealed class Guard : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var requestId = state is IReadOnlyList<KeyValuePair<string, object?>> values ? values.FirstOrDefault(v => v.Key == "request_id").Value : null;
                var line = WithoutRequestId(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message), requestId);
                Lines.Enqueue(line);
                Check(line);
            }
        }
    }
}

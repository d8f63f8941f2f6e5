using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bookings.Cli
{
    /// <summary>Builds the logger factory: logs go to stderr so stdout carries only results.</summary>
    internal static class CliLogging
    {
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
    }
}

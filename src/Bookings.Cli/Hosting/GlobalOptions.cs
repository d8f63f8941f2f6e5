using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli
{
    /// <summary>Options every command takes.</summary>
    internal static class GlobalOptions
    {
        public static readonly Option<string?> Endpoint = new("--endpoint")
        {
            Description = "DynamoDB endpoint URL. Default: $DYNAMODB_ENDPOINT, else an embedded DynamoDB Local started for this run.",
            Recursive = true,
        };

        public static readonly Option<LogLevel> LogLevel = new("--log-level")
        {
            Description = "Least severe log level written to stderr.",
            DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
            Recursive = true,
        };

        public static readonly Option<LogFormat> LogFormat = new("--log-format")
        {
            Description = "How logs are written to stderr: text, or json (one JSON object per line).",
            DefaultValueFactory = _ => Cli.LogFormat.Text,
            Recursive = true,
        };
    }

    /// <summary>The log output formats.</summary>
    internal enum LogFormat
    {
        Text,
        Json,
    }
}

using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli
{
    /// <summary>Options every command takes.</summary>
    internal static class GlobalOptions
    {
        public static readonly Option<string?> Endpoint = new("--endpoint")
        {
            Description = "DynamoDB endpoint URL, or 'aws' for AWS itself (with --region). Default: $DYNAMODB_ENDPOINT, else an embedded DynamoDB Local started for this run (its data is gone when the command ends).",
            Recursive = true,
        };

        public static readonly Option<string?> Region = new("--region")
        {
            Description = "AWS region requests are signed for. Default: $AWS_REGION, else us-east-1. Needed with --endpoint aws.",
            Recursive = true,
        };

        public static readonly Option<string?> TablePrefix = new("--table-prefix")
        {
            Description = "Put in front of every table name ('test-' uses test-sms and test-session).",
            Recursive = true,
        };

        public static readonly Option<LogLevel?> LogLevel = new("--log-level")
        {
            Description = "Least severe log level written to stderr (Trace, Debug, Information, Warning, Error, Critical, None). Default: Information for demo, Warning for the other commands.",
            Recursive = true,
        };

        public static readonly Option<LogFormat> LogFormat = new("--log-format")
        {
            Description = "How logs are written to stderr: text, or json (one JSON object per line).",
            DefaultValueFactory = _ => Cli.LogFormat.Text,
            Recursive = true,
        };

        public static readonly Option<bool> Json = new("--json")
        {
            Description = "Write results to stdout as JSON (one object per result) instead of tables, for scripts.",
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

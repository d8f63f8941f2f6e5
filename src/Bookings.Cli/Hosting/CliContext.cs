using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Bookings.Generated.DynamoDbLocal;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli
{
    /// <summary>
    /// Everything one command invocation needs: where results and messages go, the DynamoDB client and
    /// table options built from the global options, and the loggers. Disposing it stops an embedded DynamoDB Local.
    /// </summary>
    internal sealed class CliContext : IAsyncDisposable
    {
        private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private DynamoDbTarget? _target;
        private IAmazonDynamoDB? _client;

        private CliContext(CliIo io, bool json, ILoggerFactory loggers, DynamoRepositoryOptions options)
        {
            Io = io;
            Json = json;
            Loggers = loggers;
            Options = options;
        }

        public CliIo Io { get; }

        public TextWriter Out => Io.Out;

        public TextWriter Error => Io.Error;

        /// <summary>Whether results are written as JSON (<c>--json</c>).</summary>
        public bool Json { get; }

        public ILoggerFactory Loggers { get; }

        /// <summary>Table names (with <c>--table-prefix</c>) and SDK settings.</summary>
        public DynamoRepositoryOptions Options { get; }

        public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("Not connected.");

        /// <summary>Whether this run uses an in-memory DynamoDB Local of its own (no endpoint given).</summary>
        public bool IsEmbedded => _target?.IsEmbedded == true;

        /// <summary>Where requests go, for messages: a URL, or "AWS (region)".</summary>
        public string TargetDescription { get; private set; } = "?";

        /// <summary>
        /// Builds the context from the global options: resolves the endpoint (starting an embedded DynamoDB Local
        /// when none is configured), creates the client, and, for an embedded one, creates the tables.
        /// </summary>
        /// <exception cref="CliException">The endpoint or region is invalid, or no DynamoDB could be started.</exception>
        public static async Task<CliContext> CreateAsync(ParseResult parse, CliIo io, bool ensureTablesWhenEmbedded, CancellationToken cancellationToken)
        {
            var level = parse.GetValue(GlobalOptions.LogLevel) ?? LogLevel.Warning;
            var loggers = CliLogging.Create(level, parse.GetValue(GlobalOptions.LogFormat), io.Error);
            var options = new DynamoRepositoryOptions { TableNamePrefix = Prefix(parse.GetValue(GlobalOptions.TablePrefix)) };
            var context = new CliContext(io, parse.GetValue(GlobalOptions.Json), loggers, options);
            try
            {
                await context.ConnectAsync(parse.GetValue(GlobalOptions.Endpoint), parse.GetValue(GlobalOptions.Region), cancellationToken).ConfigureAwait(false);
                if (context.IsEmbedded)
                {
                    await io.Error.WriteLineAsync(
                        "note: no --endpoint given and DYNAMODB_ENDPOINT is not set, so this run uses its own in-memory DynamoDB Local: "
                        + "it starts empty and its data is gone when the command ends. To keep data between commands, run "
                        + "'bookings local' in another terminal and pass the --endpoint it prints.").ConfigureAwait(false);
                    if (ensureTablesWhenEmbedded)
                    {
                        await new DynamoTableManager(context.Client, options, loggers.CreateLogger<DynamoTableManager>())
                            .EnsureTablesAsync(BookingsSchema.Tables, cancellationToken).ConfigureAwait(false);
                    }
                }

                return context;
            }
            catch
            {
                await context.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The physical name of a table under the current options.</summary>
        public string TableName(TableDefinition table) => Options.ResolveTableName(table);

        /// <summary>Writes one JSON value to stdout, followed by a newline.</summary>
        public void WriteJson(Action<Utf8JsonWriter> write) => Io.WriteJson(write);

        /// <summary>Writes one JSON object to stdout, followed by a newline; <paramref name="writeProperties"/> writes its properties.</summary>
        public void WriteJsonObject(Action<Utf8JsonWriter> writeProperties) => Io.WriteJson(json => json.WriteObject(writeProperties));

        /// <summary>
        /// Reports that what was asked for is not stored: <c>null</c> on stdout for scripts, the error and its fix on
        /// stderr. An embedded DynamoDB Local starts empty, so then the fix is to point at the one that holds the data.
        /// </summary>
        /// <param name="message">What was not found, and where.</param>
        /// <param name="holds">What the right DynamoDB holds, for the embedded fix ("your bookings").</param>
        /// <param name="fix">The fix when an endpoint was given.</param>
        /// <returns><see cref="ExitCodes.NotFound"/>.</returns>
        public int NotFound(string message, string holds, string fix)
        {
            if (Json)
            {
                Out.WriteLine("null");
            }

            Io.WriteError(
                message,
                IsEmbedded ? $"This run used an empty in-memory DynamoDB Local; pass --endpoint (or set DYNAMODB_ENDPOINT) for the DynamoDB that holds {holds}." : fix);
            return ExitCodes.NotFound;
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_target is not null)
            {
                await _target.DisposeAsync().ConfigureAwait(false);
            }

            Loggers.Dispose();
        }

        /// <summary>Creates a JSON writer with the CLI's settings (readable non-ASCII text).</summary>
        public static Utf8JsonWriter CreateJsonWriter(Stream stream) => new(stream, JsonOptions);

        private async Task ConnectAsync(string? endpoint, string? region, CancellationToken cancellationToken)
        {
            region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
            if (string.Equals(endpoint?.Trim(), "aws", StringComparison.OrdinalIgnoreCase))
            {
                region ??= Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
                if (string.IsNullOrWhiteSpace(region))
                {
                    throw CliException.Usage("--endpoint aws needs a region.", "Pass --region (for example --region ap-northeast-2) or set AWS_REGION.");
                }

                // AWS itself: the regional endpoint and the default credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, instance roles).
                _client = new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region));
                TargetDescription = $"AWS DynamoDB in {region}";
                return;
            }

            try
            {
                _target = await DynamoDbEndpoint.ResolveAsync(endpoint, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.Usage, ex.Message, "Pass an absolute URL such as --endpoint http://localhost:8000, or --endpoint aws with --region.", ex);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ExitCodes.Unavailable, ex.Message, "Install what the message names, or pass --endpoint for a DynamoDB that is already running.", ex);
            }
            catch (DynamoDbLocalStartupException ex)
            {
                throw new CliException(ExitCodes.Unavailable, "The embedded DynamoDB Local did not start: " + ex.Message, "Check that Java 17+ works ('java -version'), or pass --endpoint for a DynamoDB that is already running.", ex);
            }

            TargetDescription = _target.Endpoint.ToString();
            if (region is null || _target.IsEmbedded)
            {
                _client = _target.CreateClient();
                return;
            }

            // An explicit region for an external endpoint: the launcher reads only AWS_REGION, so sign for this one here.
            var config = _target.CreateConfig();
            config.AuthenticationRegion = region;
            _client = _target.UsesDefaultCredentials
                ? new AmazonDynamoDBClient(config)
                : new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
        }

        private static string? Prefix(string? prefix) => string.IsNullOrEmpty(prefix) ? null : prefix;
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// Decides which DynamoDB the CLI and the integration tests use: an endpoint given explicitly or
/// through <c>DYNAMODB_ENDPOINT</c>, else an embedded DynamoDB Local started on the spot.
/// </summary>
public static class DynamoDbEndpoint
{
    /// <summary>The environment variable naming an already running endpoint: <c>DYNAMODB_ENDPOINT</c>.</summary>
    public const string EndpointVariable = "DYNAMODB_ENDPOINT";

    /// <summary>The signing region used when <c>AWS_REGION</c> is not set: <c>us-east-1</c>.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>
    /// Resolves the target.
    /// <list type="number">
    /// <item><description>If <paramref name="endpoint"/> is given, or else <c>DYNAMODB_ENDPOINT</c> is set, that
    /// endpoint is used and no server is started. Requests are signed for <c>AWS_REGION</c> (default
    /// <c>us-east-1</c>), with the default AWS credential chain when <c>AWS_ACCESS_KEY_ID</c> or
    /// <c>AWS_PROFILE</c> is set, else with dummy local credentials.</description></item>
    /// <item><description>Otherwise an embedded DynamoDB Local is started with <paramref name="localOptions"/>
    /// (see <see cref="DynamoDbLocalServer.StartAsync"/>); disposing the target stops it.</description></item>
    /// </list>
    /// </summary>
    /// <param name="endpoint">An explicit endpoint URL (for example from a command-line option), or <c>null</c>.</param>
    /// <param name="localOptions">Options for the embedded server, if one is started.</param>
    /// <param name="cancellationToken">Cancels starting the embedded server.</param>
    /// <returns>The target; dispose it when done.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URL.</exception>
    /// <exception cref="InvalidOperationException">
    /// <c>DYNAMODB_ENDPOINT</c> is not an absolute http(s) URL, or the embedded server cannot be started
    /// because Java or DynamoDB Local is missing (the message says what to install).
    /// </exception>
    /// <exception cref="DynamoDbLocalStartupException">The embedded server did not start; the message includes its output.</exception>
    public static async Task<DynamoDbTarget> ResolveAsync(
        string? endpoint = null,
        DynamoDbLocalStartOptions? localOptions = null,
        CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            Uri uri = ParseEndpoint(endpoint)
                ?? throw new ArgumentException($"'{endpoint}' is not an absolute http:// or https:// URL.", nameof(endpoint));
            return External(uri);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            Uri uri = ParseEndpoint(fromEnvironment)
                ?? throw new InvalidOperationException(
                    $"{EndpointVariable} is set to '{fromEnvironment}', which is not an absolute http:// or https:// URL "
                    + "(for example http://localhost:8000). Fix it, or unset it to start an embedded DynamoDB Local.");
            return External(uri);
        }

        DynamoDbLocalServer server = await DynamoDbLocalServer.StartAsync(localOptions, cancellationToken).ConfigureAwait(false);
        return new DynamoDbTarget(server);
    }

    private static DynamoDbTarget External(Uri endpoint)
    {
        string? regionVariable = Environment.GetEnvironmentVariable("AWS_REGION");
        string region = string.IsNullOrWhiteSpace(regionVariable) ? DefaultRegion : regionVariable.Trim();
        bool hasAwsCredentials =
            !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AWS_PROFILE"));
        AWSCredentials? credentials = hasAwsCredentials ? null : ClientSettings.LocalCredentials();
        return new DynamoDbTarget(endpoint, region, credentials);
    }

    private static Uri? ParseEndpoint(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;
}

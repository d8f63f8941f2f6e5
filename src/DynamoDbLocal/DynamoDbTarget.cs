using System;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// The DynamoDB endpoint a program or a test run talks to: either an embedded DynamoDB Local this
/// process started (<see cref="IsEmbedded"/>), or an endpoint configured from outside
/// (<c>DYNAMODB_ENDPOINT</c>). Get one from <see cref="DynamoDbEndpoint.ResolveAsync"/>; disposing it
/// stops the embedded server, if any.
/// </summary>
public sealed class DynamoDbTarget : IAsyncDisposable
{
    private readonly AWSCredentials? _credentials;

    internal DynamoDbTarget(DynamoDbLocalServer server)
    {
        Server = server;
        Endpoint = server.Endpoint;
        Region = DynamoDbLocalServer.Region;
        _credentials = ClientSettings.LocalCredentials();
    }

    internal DynamoDbTarget(Uri endpoint, string region, AWSCredentials? credentials)
    {
        Endpoint = endpoint;
        Region = region;
        _credentials = credentials;
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether this is a DynamoDB Local started by this process (and stopped on dispose).</summary>
    public bool IsEmbedded => Server is not null;

    /// <summary>The embedded server, or <c>null</c> when the endpoint came from outside.</summary>
    public DynamoDbLocalServer? Server { get; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    /// <summary>
    /// Whether clients use credentials from the default AWS chain (environment, profile, …) rather
    /// than DynamoDB Local's dummy credentials.
    /// </summary>
    public bool UsesDefaultCredentials => _credentials is null;

    /// <summary>
    /// Creates a fresh SDK configuration for this endpoint (<c>ServiceURL</c> and signing region set),
    /// to adjust before creating a client of one's own.
    /// </summary>
    /// <returns>A new configuration object.</returns>
    public AmazonDynamoDBConfig CreateConfig() => ClientSettings.CreateConfig(Endpoint, Region);

    /// <summary>
    /// Creates a low-level client for this endpoint. The caller owns (and disposes) the client.
    /// </summary>
    /// <returns>A new client.</returns>
    public IAmazonDynamoDB CreateClient() => CreateClient(null);

    /// <summary>
    /// Creates a low-level client for this endpoint, with its configuration adjusted by <paramref name="configure"/>
    /// first (for example an HTTP client factory of a test's own). The caller owns (and disposes) the client.
    /// </summary>
    /// <param name="configure">Changes the configuration before the client is made; null for none.</param>
    /// <returns>A new client.</returns>
    public IAmazonDynamoDB CreateClient(Action<AmazonDynamoDBConfig>? configure)
    {
        var config = CreateConfig();
        configure?.Invoke(config);
        return _credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(_credentials, config);
    }

    /// <summary>Stops the embedded server, if any; does nothing for an external endpoint.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => Server?.DisposeAsync() ?? default;

    /// <summary>Describes the target for logs and messages.</summary>
    /// <returns>For example <c>embedded DynamoDB Local at http://127.0.0.1:41234/</c>.</returns>
    public override string ToString() =>
        IsEmbedded ? "embedded DynamoDB Local at " + Endpoint : "DynamoDB endpoint " + Endpoint + " (from " + DynamoDbEndpoint.EndpointVariable + " or configuration)";
}

// Shared xunit fixture for every test project that needs a DynamoDB.
//
// Use it from another test project (which must reference src/DynamoDbLocal and AWSSDK.DynamoDBv2) with
//   <Compile Include="..\DynamoDbLocal.Tests\DynamoDbFixture.cs" Link="DynamoDbFixture.cs" />
// and mark test classes [Collection(DynamoDbCollection.Name)] with a constructor taking DynamoDbFixture.
// This file must stay self-contained: it depends only on xunit, AWSSDK.DynamoDBv2 and
// Bookings.Generated.DynamoDbLocal.

using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.DynamoDbLocal;
using Xunit;

namespace Bookings.Generated.Testing;

/// <summary>
/// Starts one DynamoDB for a test collection: the endpoint in <c>DYNAMODB_ENDPOINT</c> if set, else an
/// embedded DynamoDB Local (needs Java 17+). If neither is available, initialisation fails with the
/// launcher's message, so every test of the collection fails with it: nothing is skipped silently.
/// </summary>
public sealed class DynamoDbFixture : IAsyncLifetime
{
    private static int s_counter;
    private readonly ConcurrentDictionary<string, byte> _tableNames = new(StringComparer.Ordinal);
    private DynamoDbTarget? _target;
    private IAmazonDynamoDB? _client;

    /// <summary>
    /// Adjusts the configuration of the shared <see cref="Client"/> before it is made, for a test assembly that
    /// watches its traffic (set it from a module initializer); null for none.
    /// </summary>
    public static Action<AmazonDynamoDBConfig>? ConfigureClient { get; set; }

    /// <summary>The target (endpoint, whether it is embedded, client factory).</summary>
    public DynamoDbTarget Target => _target ?? throw new InvalidOperationException("The DynamoDB fixture is not initialised.");

    /// <summary>A client shared by the tests of the collection (thread-safe; do not dispose it).</summary>
    public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("The DynamoDB fixture is not initialised.");

    /// <summary>The endpoint the tests talk to.</summary>
    public Uri Endpoint => Target.Endpoint;

    /// <summary>Whether the fixture started its own DynamoDB Local (as opposed to using <c>DYNAMODB_ENDPOINT</c>).</summary>
    public bool IsEmbedded => Target.IsEmbedded;

    /// <summary>
    /// Returns a table name no other test of this run uses: <paramref name="baseName"/> (reduced to
    /// the characters DynamoDB allows) followed by a counter and a random suffix. Tables named through
    /// this method are deleted when the fixture is disposed if the endpoint is external.
    /// </summary>
    /// <param name="baseName">A readable prefix, for example the test's name.</param>
    /// <returns>A valid, unique DynamoDB table name.</returns>
    public string UniqueTableName(string baseName)
    {
        var prefix = new StringBuilder(baseName.Length);
        foreach (char c in baseName)
        {
            if (prefix.Length == 180)
            {
                break;
            }

            prefix.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        }

        if (prefix.Length == 0)
        {
            prefix.Append("table");
        }

        int number = Interlocked.Increment(ref s_counter);
        string name = $"{prefix}-{number}-{Guid.NewGuid().ToString("N")[..8]}";
        _tableNames.TryAdd(name, 0);
        return name;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _target = await DynamoDbEndpoint.ResolveAsync().ConfigureAwait(false);
        _client = _target.CreateClient(ConfigureClient);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            if (_client is not null && _target is { IsEmbedded: false })
            {
                // An external endpoint outlives the run: remove what the tests created there.
                foreach (string table in _tableNames.Keys)
                {
                    try
                    {
                        await _client.DeleteTableAsync(new DeleteTableRequest { TableName = table }).ConfigureAwait(false);
                    }
                    catch (AmazonDynamoDBException)
                    {
                        // Already gone (ResourceNotFoundException) or not deletable: best effort only.
                    }
                }
            }
        }
        finally
        {
            _client?.Dispose();
            if (_target is not null)
            {
                await _target.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// The xunit collection whose tests share one <see cref="DynamoDbFixture"/>:
/// mark test classes <c>[Collection(DynamoDbCollection.Name)]</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbCollection : ICollectionFixture<DynamoDbFixture>
{
    /// <summary>The collection name, <c>"DynamoDB"</c>.</summary>
    public const string Name = "DynamoDB";
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using Xunit.Abstractions;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>Dropped connections and delays, and what the AWS SDK v4 raises for them.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ConnectionFaultTests
{
    private readonly DynamoDbFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConnectionFaultTests(DynamoDbFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task A_closed_connection_surfaces_as_HttpIOException_ResponseEnded()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "drop");
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { DropConnectionRate = 1 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        // The SDK unwraps HttpClient's HttpRequestException and throws its inner IOException.
        var exception = await Assert.ThrowsAsync<HttpIOException>(() => client.PutItemAsync(TestTables.Put(table, "a")));
        _output.WriteLine(exception.ToString());
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.IsAssignableFrom<IOException>(exception);

        Assert.Equal(1, proxy.Stats.TotalRequests);
        Assert.Equal(1, proxy.Stats.Dropped);
        Assert.Equal(0, proxy.Stats.Forwarded);
        Assert.Empty(await TestTables.ScanKeysAsync(_fixture.Client, table));
    }

    [Fact]
    public async Task A_reset_connection_surfaces_as_IOException_over_SocketException_ConnectionReset()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { DropConnectionRate = 1, ResetOnDrop = true });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        var exception = await Assert.ThrowsAsync<IOException>(() => client.ListTablesAsync(new ListTablesRequest()));
        _output.WriteLine(exception.ToString());
        var socketException = Assert.IsType<SocketException>(exception.InnerException);
        Assert.Equal(SocketError.ConnectionReset, socketException.SocketErrorCode);
        Assert.Equal(1, proxy.Stats.Dropped);
    }

    [Fact]
    public async Task With_its_default_MaxStaleConnectionRetries_the_SDK_silently_resends_after_a_dropped_connection()
    {
        // MaxErrorRetry is 0, yet the SDK resends: its stale-connection retries (default 10) do not count
        // against MaxErrorRetry. The proxy's clients set MaxStaleConnectionRetries to 0 for that reason.
        int sdkDefault = new AmazonDynamoDBConfig().MaxStaleConnectionRetries;
        Assert.True(sdkDefault > 0, "The SDK default of MaxStaleConnectionRetries is " + sdkDefault);

        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "stale-retry");
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { DropConnectionRate = 1, MaxFaults = 1 });
        using AmazonDynamoDBClient client = proxy.CreateClient(maxErrorRetry: 0, maxStaleConnectionRetries: sdkDefault);

        await client.PutItemAsync(TestTables.Put(table, "a"));

        Assert.Equal(2, proxy.Stats.TotalRequests);
        Assert.Equal(1, proxy.Stats.Dropped);
        Assert.Equal(1, proxy.Stats.Forwarded);
        Assert.Equal(["a"], await TestTables.ScanKeysAsync(_fixture.Client, table));
    }

    [Fact]
    public async Task A_connection_dropped_after_forwarding_loses_the_answer_of_a_write_that_was_applied()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "drop-after");
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { DropAfterForwardRate = 1 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        var exception = await Assert.ThrowsAsync<HttpIOException>(() => client.PutItemAsync(TestTables.Put(table, "a")));
        _output.WriteLine(exception.ToString());
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);

        // Unlike a plain drop, the request reached DynamoDB and was applied.
        Assert.Equal(1, proxy.Stats.DroppedAfterForward);
        Assert.Equal(1, proxy.Stats.Forwarded);
        Assert.Equal(["a"], await TestTables.ScanKeysAsync(_fixture.Client, table));

        // Upstream answered, but the client got no answer and so no request id.
        Assert.Null(Assert.Single(proxy.Stats.Requests).RequestId);
    }

    [Fact]
    public async Task A_500_after_forwarding_reports_a_failure_for_a_write_that_was_applied()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "error-after");
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { InternalServerErrorAfterForwardRate = 1 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        var exception = await Assert.ThrowsAsync<InternalServerErrorException>(() => client.PutItemAsync(TestTables.Put(table, "a")));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(exception.RequestId, Assert.Single(proxy.Stats.Requests).RequestId);
        Assert.Equal(1, proxy.Stats.InternalServerErrorAfterForward);
        Assert.Equal(1, proxy.Stats.Forwarded);
        Assert.Equal(["a"], await TestTables.ScanKeysAsync(_fixture.Client, table));

        // The connection stays usable: the next request gets its own (faulted) answer, and is applied too.
        await Assert.ThrowsAsync<InternalServerErrorException>(() => client.PutItemAsync(TestTables.Put(table, "b")));
        Assert.Equal(["a", "b"], await TestTables.ScanKeysAsync(_fixture.Client, table));
    }

    [Fact]
    public async Task A_delay_beyond_the_client_timeout_raises_TimeoutException_and_the_write_is_applied_later()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "delay");
        TimeSpan delay = TimeSpan.FromSeconds(1.5);
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { DelayRate = 1, DelayBy = delay });
        using AmazonDynamoDBClient client = proxy.CreateClient(timeout: TimeSpan.FromMilliseconds(500));

        var clock = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TimeoutException>(() => client.PutItemAsync(TestTables.Put(table, "a")));
        TimeSpan elapsed = clock.Elapsed;
        _output.WriteLine($"{elapsed.TotalMilliseconds:0} ms: {exception}");

        // System.TimeoutException (from HttpClient.Timeout) over a TaskCanceledException.
        Assert.IsType<TaskCanceledException>(exception.InnerException);
        Assert.True(elapsed < delay, "The client gave up after " + elapsed);
        Assert.Equal(1, proxy.Stats.Delayed);

        // The proxy forwards the held request anyway, like a server that got it: the write lands after the timeout.
        Assert.Empty(await TestTables.ScanKeysAsync(_fixture.Client, table));
        Assert.True(await TestTables.EventuallyAsync(
            async () => (await TestTables.ScanKeysAsync(_fixture.Client, table)).Count == 1,
            TimeSpan.FromSeconds(5)));
        Assert.Equal(1, proxy.Stats.Forwarded);
    }

    [Fact]
    public async Task The_SDK_own_retry_after_a_timeout_applies_a_non_idempotent_write_twice()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "double-add");
        var add = new UpdateItemRequest
        {
            TableName = table,
            Key = TestTables.Key("counter"),
            UpdateExpression = "ADD n :one",
            ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
        };
        await _fixture.Client.UpdateItemAsync(add); // warm up, then start from zero
        await _fixture.Client.DeleteItemAsync(table, TestTables.Key("counter"));

        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { DelayRate = 1, MaxFaults = 1, DelayBy = TimeSpan.FromSeconds(1.2) });
        using AmazonDynamoDBClient client = proxy.CreateClient(maxErrorRetry: 2, timeout: TimeSpan.FromMilliseconds(500));

        // One logical increment: the first attempt times out at the client, the SDK retries it, and the
        // held first attempt is applied afterwards as well.
        await client.UpdateItemAsync(add);

        async Task<int> CounterAsync()
        {
            GetItemResponse got = await _fixture.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = TestTables.Key("counter"), ConsistentRead = true });
            return got.Item is { Count: > 0 } item ? int.Parse(item["n"].N, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        Assert.True(await TestTables.EventuallyAsync(async () => proxy.Stats.Forwarded >= 2 && await CounterAsync() == proxy.Stats.Forwarded, TimeSpan.FromSeconds(5)));
        Assert.True(await CounterAsync() >= 2);
        Assert.Equal(1, proxy.Stats.Delayed);
    }
}

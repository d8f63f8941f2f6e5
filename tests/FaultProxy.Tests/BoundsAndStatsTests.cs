using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Xunit;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>The request and time bounds, the counters, determinism and plan validation.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class BoundsAndStatsTests
{
    private readonly DynamoDbFixture _fixture;

    public BoundsAndStatsTests(DynamoDbFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task After_MaxRequests_every_request_is_answered_503_and_neither_recorded_nor_logged()
    {
        var log = new ConcurrentQueue<string>();
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { MaxRequests = 2, Log = log.Enqueue });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        await client.ListTablesAsync(new ListTablesRequest());
        await client.ListTablesAsync(new ListTablesRequest());
        for (int i = 0; i < 3; i++)
        {
            var exception = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
            Assert.Equal("ServiceUnavailable", exception.ErrorCode);
        }

        FaultProxyStats stats = proxy.Stats;
        Assert.Equal(2, stats.TotalRequests);
        Assert.Equal(2, stats.Forwarded);
        Assert.Equal(3, stats.OverLimit);
        Assert.Equal(0, stats.ServiceUnavailable);
        Assert.Equal(2, stats.Requests.Count);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public async Task After_MaxLifetime_the_proxy_stops_by_itself_and_refuses_connections()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            // Long enough for a cold SDK client's first request on a loaded machine (300 ms was not, in CI):
            // the proxy must stop after that request has been answered, not during it.
            new FaultPlan { MaxLifetime = TimeSpan.FromSeconds(3) });
        using AmazonDynamoDBClient client = proxy.CreateClient();
        await client.ListTablesAsync(new ListTablesRequest());

        Task stopped = proxy.Stopped;
        Assert.Same(stopped, await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.True(proxy.IsStopped);

        // The pooled connection was closed and the port no longer listens: connection refused.
        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal(HttpRequestError.ConnectionError, exception.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(exception.InnerException).SocketErrorCode);
        Assert.Equal(1, proxy.Stats.TotalRequests);
    }

    [Fact]
    public async Task Dispose_cancels_a_held_request_at_once()
    {
        var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { DelayRate = 1, DelayBy = TimeSpan.FromMinutes(1) });
        using AmazonDynamoDBClient client = proxy.CreateClient(timeout: TimeSpan.FromSeconds(30));
        Task<ListTablesResponse> call = client.ListTablesAsync(new ListTablesRequest());
        Assert.True(await TestTables.EventuallyAsync(() => Task.FromResult(proxy.Stats.Delayed == 1), TimeSpan.FromSeconds(5)));

        var clock = Stopwatch.StartNew();
        await proxy.DisposeAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Dispose took " + clock.Elapsed);
        Assert.True(proxy.IsStopped);

        // The held connection was closed without an answer.
        Exception exception = await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.IsAssignableFrom<System.IO.IOException>(exception);
        Assert.Equal(0, proxy.Stats.Forwarded);
        await proxy.DisposeAsync(); // twice is fine
    }

    [Fact]
    public async Task Stats_match_what_the_client_saw_and_a_seed_repeats_the_same_faults()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "stats");
        var plan = new FaultPlan
        {
            Seed = 7,
            ProvisionedThroughputExceededRate = 0.2,
            InternalServerErrorRate = 0.2,
            ServiceUnavailableRate = 0.1,
            DropConnectionRate = 0.1,
        };

        (Dictionary<string, int> seen, FaultProxyStats stats) = await RunAsync(plan, table, "x");
        (Dictionary<string, int> seenAgain, FaultProxyStats statsAgain) = await RunAsync(plan, table, "y");

        Assert.Equal(40, stats.TotalRequests);
        Assert.Equal(stats.Count(FaultKind.None), seen.GetValueOrDefault("ok"));
        Assert.Equal(stats.ProvisionedThroughputExceeded, seen.GetValueOrDefault(nameof(ProvisionedThroughputExceededException)));
        Assert.Equal(stats.InternalServerError, seen.GetValueOrDefault(nameof(InternalServerErrorException)));
        Assert.Equal(stats.ServiceUnavailable, seen.GetValueOrDefault(nameof(AmazonDynamoDBException)));
        Assert.Equal(stats.Dropped, seen.GetValueOrDefault(nameof(HttpIOException)));
        Assert.Equal(40, stats.Forwarded + stats.Faults);
        Assert.Equal(stats.Forwarded, stats.Count(FaultKind.None));

        // Every kind occurred, in roughly the planned proportions.
        Assert.All(new[] { stats.ProvisionedThroughputExceeded, stats.InternalServerError, stats.ServiceUnavailable, stats.Dropped, stats.Forwarded }, n => Assert.True(n > 0));

        // Only the items whose request was forwarded were stored.
        Assert.Equal(stats.Forwarded + statsAgain.Forwarded, (await TestTables.ScanKeysAsync(_fixture.Client, table)).Count);

        // Same seed, same sequence.
        Assert.Equal(stats.Requests.Select(r => r.Fault), statsAgain.Requests.Select(r => r.Fault));
        Assert.Equal(seen, seenAgain);
    }

    [Fact]
    public async Task OnlyOperations_limits_the_faults_to_the_named_operations()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "only");
        await _fixture.Client.PutItemAsync(TestTables.Put(table, "a"));
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { ProvisionedThroughputExceededRate = 1, OnlyOperations = new HashSet<string> { "putitem" } });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        GetItemResponse got = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = TestTables.Key("a") });
        Assert.Equal("v-a", got.Item["value"].S);
        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => client.PutItemAsync(TestTables.Put(table, "b")));

        Assert.Equal(
            [new ProxiedRequest(1, "GetItem", FaultKind.None), new ProxiedRequest(2, "PutItem", FaultKind.ProvisionedThroughputExceeded)],
            proxy.Stats.Requests.Select(r => r with { RequestId = null }));
    }

    [Fact]
    public async Task MaxFaults_fails_the_first_calls_only()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { ThrottlingRate = 1, MaxFaults = 2 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        await client.ListTablesAsync(new ListTablesRequest());
        await client.ListTablesAsync(new ListTablesRequest());

        Assert.Equal(2, proxy.Stats.Throttling);
        Assert.Equal(2, proxy.Stats.Forwarded);
    }

    [Fact]
    public async Task Invalid_plans_and_upstreams_are_rejected()
    {
        Uri upstream = _fixture.Endpoint;
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { ThrottlingRate = 0.6, InternalServerErrorRate = 0.5 }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { DelayRate = -0.1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { DropConnectionRate = double.NaN }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { UnprocessedFraction = 1.5 }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { MaxRequests = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { MaxLifetime = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { MaxLifetime = TimeSpan.FromHours(2) }));
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(new Uri("ftp://127.0.0.1/"), FaultPlan.PassThrough));

        // The partial-batch rate counts towards the sum, since BatchWriteItem can draw every fault.
        await Assert.ThrowsAsync<ArgumentException>(() => FaultInjectingProxy.StartAsync(upstream, new FaultPlan { ThrottlingRate = 0.7, PartialBatchRate = 0.7 }));
    }

    /// <summary>Sends 40 PutItems one by one; returns how each ended (exception type name, or "ok").</summary>
    private async Task<(Dictionary<string, int> Seen, FaultProxyStats Stats)> RunAsync(FaultPlan plan, string table, string prefix)
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
        using AmazonDynamoDBClient client = proxy.CreateClient();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < 40; i++)
        {
            string outcome;
            try
            {
                await client.PutItemAsync(TestTables.Put(table, prefix + i));
                outcome = "ok";
            }
            catch (Exception exception) when (exception is AmazonServiceException or HttpIOException)
            {
                outcome = exception.GetType().Name;
            }

            seen[outcome] = seen.GetValueOrDefault(outcome) + 1;
        }

        return (seen, proxy.Stats);
    }
}

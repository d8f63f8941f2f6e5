using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using Xunit.Abstractions;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>With no faults planned, the proxy is transparent.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class PassThroughTests
{
    private readonly DynamoDbFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PassThroughTests(DynamoDbFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task A_client_through_the_proxy_creates_a_table_puts_and_gets_an_item()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, FaultPlan.PassThrough with { Log = _output.WriteLine });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        string table = await TestTables.CreateAsync(client, _fixture, "passthrough");
        await client.PutItemAsync(TestTables.Put(table, "a"));
        GetItemResponse got = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = TestTables.Key("a"), ConsistentRead = true });

        Assert.Equal("v-a", got.Item["value"].S);

        // The item really is upstream.
        GetItemResponse direct = await _fixture.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = TestTables.Key("a"), ConsistentRead = true });
        Assert.Equal("v-a", direct.Item["value"].S);

        FaultProxyStats stats = proxy.Stats;
        _output.WriteLine(stats.ToString());
        Assert.Equal(3, stats.TotalRequests);
        Assert.Equal(3, stats.Forwarded);
        Assert.Equal(3, stats.Count(FaultKind.None));
        Assert.Equal(0, stats.Faults);
        Assert.Equal(["CreateTable", "PutItem", "GetItem"], stats.Requests.Select(r => r.Operation));
        Assert.Equal([1, 2, 3], stats.Requests.Select(r => r.Sequence));

        // Each answer's request id is upstream's, recorded as the client got it.
        Assert.Equal(got.ResponseMetadata.RequestId, stats.Requests[2].RequestId);
        Assert.All(stats.Requests, r => Assert.False(string.IsNullOrEmpty(r.RequestId)));
    }

    [Fact]
    public async Task The_proxy_listens_on_127_0_0_1_only()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, FaultPlan.PassThrough);
        Assert.Equal("127.0.0.1", proxy.Endpoint.Host);

        IPAddress[] otherAddresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToArray();
        foreach (IPAddress address in otherAddresses)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(new IPEndPoint(address, proxy.Endpoint.Port)));
        }

        _output.WriteLine("Checked non-loopback addresses: " + string.Join(", ", otherAddresses.Select(a => a.ToString())));
    }

    [Fact]
    public async Task Chunked_bodies_and_Expect_100_continue_are_handled()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, FaultPlan.PassThrough);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, proxy.Endpoint)
        {
            Content = new StringContent("{\"Limit\":1}", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FaultInjectingProxy.JsonContentType);
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");

        // DynamoDB Local wants a SigV4 Authorization header, but does not check the signature.
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-target, Signature=0000");
        request.Headers.ExpectContinue = true;
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, response.StatusCode + ": " + body);
        Assert.Contains("TableNames", body, StringComparison.Ordinal);
        // DynamoDB Local's checksum header is passed through (the SDK verifies it).
        Assert.True(response.Headers.Contains("x-amz-crc32"), response.ToString());
        Assert.Equal(["ListTables"], proxy.Stats.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Requests_on_one_kept_alive_connection_and_in_parallel_are_all_served()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, FaultPlan.PassThrough);
        using AmazonDynamoDBClient client = proxy.CreateClient();
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "parallel");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PutItemAsync(TestTables.Put(table, TestTables.Pk(i)))));
        for (int i = 0; i < 5; i++)
        {
            await client.GetItemAsync(new GetItemRequest { TableName = table, Key = TestTables.Key(TestTables.Pk(i)) });
        }

        Assert.Equal(20, (await TestTables.ScanKeysAsync(_fixture.Client, table)).Count);
        Assert.Equal(25, proxy.Stats.TotalRequests);
        Assert.Equal(25, proxy.Stats.Forwarded);
    }

    [Fact]
    public async Task An_unreachable_upstream_is_answered_with_502()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var proxy = await FaultInjectingProxy.StartAsync(new Uri("http://127.0.0.1:" + port + "/"), FaultPlan.PassThrough);
        using AmazonDynamoDBClient client = proxy.CreateClient();

        var exception = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("BadGateway", exception.ErrorCode);
        Assert.Equal(1, proxy.Stats.UpstreamFailures);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>Partially processed <c>BatchWriteItem</c> calls: the last items come back in <c>UnprocessedItems</c>.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class PartialBatchTests
{
    private readonly DynamoDbFixture _fixture;

    public PartialBatchTests(DynamoDbFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Of_25_puts_with_fraction_0_4_the_last_10_come_back_unprocessed_and_exactly_the_first_15_are_stored()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "batch");
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { PartialBatchRate = 1, UnprocessedFraction = 0.4 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        List<WriteRequest> writes = Enumerable.Range(0, 25)
            .Select(i => new WriteRequest(new PutRequest(TestTables.Item(TestTables.Pk(i), "v" + i))))
            .ToList();
        BatchWriteItemResponse response = await client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [table] = writes },
        });

        List<WriteRequest> unprocessed = response.UnprocessedItems[table];
        Assert.Equal(10, unprocessed.Count);
        Assert.Equal(
            Enumerable.Range(15, 10).Select(TestTables.Pk),
            unprocessed.Select(w => w.PutRequest.Item["pk"].S));
        Assert.Equal("v20", unprocessed[5].PutRequest.Item["value"].S);

        Assert.Equal(Enumerable.Range(0, 15).Select(TestTables.Pk), await TestTables.ScanKeysAsync(_fixture.Client, table));

        FaultProxyStats stats = proxy.Stats;
        Assert.Equal(1, stats.PartialBatches);
        Assert.Equal(10, stats.UnprocessedItems);
        Assert.Equal(1, stats.Forwarded);
    }

    [Fact]
    public async Task Resending_the_unprocessed_items_until_none_are_left_stores_everything()
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "batch-retry");
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { PartialBatchRate = 1, UnprocessedFraction = 0.4 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        Dictionary<string, List<WriteRequest>> pending = new()
        {
            [table] = Enumerable.Range(0, 25).Select(i => new WriteRequest(new PutRequest(TestTables.Item(TestTables.Pk(i), "v")))).ToList(),
        };
        var sizes = new List<int>();
        while (pending.Count > 0)
        {
            sizes.Add(pending.Values.Sum(l => l.Count));
            BatchWriteItemResponse response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
            pending = response.UnprocessedItems ?? [];
        }

        // 25 → 10 unprocessed → 4 → 2 → 1, and round(1 × 0.4) = 0: the last call is forwarded whole.
        Assert.Equal([25, 10, 4, 2, 1], sizes);
        Assert.Equal(25, (await TestTables.ScanKeysAsync(_fixture.Client, table)).Count);
        Assert.Equal(4, proxy.Stats.PartialBatches);
        Assert.Equal(1, proxy.Stats.Count(FaultKind.None));
        Assert.Equal(10 + 4 + 2 + 1, proxy.Stats.UnprocessedItems);
    }

    [Fact]
    public async Task Batches_over_two_tables_with_deletes_keep_table_order_and_request_kinds()
    {
        string first = await TestTables.CreateAsync(_fixture.Client, _fixture, "batch-a");
        string second = await TestTables.CreateAsync(_fixture.Client, _fixture, "batch-b");
        await _fixture.Client.PutItemAsync(TestTables.Put(second, "old"));
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { PartialBatchRate = 1, UnprocessedFraction = 0.5 });
        using AmazonDynamoDBClient client = proxy.CreateClient();

        BatchWriteItemResponse response = await client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>>
            {
                [first] = [new WriteRequest(new PutRequest(TestTables.Item("a1", "v"))), new WriteRequest(new PutRequest(TestTables.Item("a2", "v")))],
                [second] = [new WriteRequest(new PutRequest(TestTables.Item("b1", "v"))), new WriteRequest(new DeleteRequest(TestTables.Key("old")))],
            },
        });

        // Four writes, two forwarded (the first table's), two unprocessed (the second table's, the delete included).
        Assert.False(response.UnprocessedItems.ContainsKey(first));
        List<WriteRequest> unprocessed = response.UnprocessedItems[second];
        Assert.Equal("b1", unprocessed[0].PutRequest.Item["pk"].S);
        Assert.Equal("old", unprocessed[1].DeleteRequest.Key["pk"].S);
        Assert.Equal(["a1", "a2"], await TestTables.ScanKeysAsync(_fixture.Client, first));
        Assert.Equal(["old"], await TestTables.ScanKeysAsync(_fixture.Client, second));
    }
}

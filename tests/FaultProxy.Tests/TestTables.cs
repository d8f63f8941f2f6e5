using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>Small helpers shared by the proxy tests: tables with a string key <c>pk</c>, items, scans.</summary>
internal static class TestTables
{
    /// <summary>Creates a pay-per-request table with hash key <c>pk</c> (S) through <paramref name="client"/>.</summary>
    public static async Task<string> CreateAsync(IAmazonDynamoDB client, DynamoDbFixture fixture, string baseName)
    {
        string name = fixture.UniqueTableName(baseName);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return name;
    }

    public static Dictionary<string, AttributeValue> Key(string pk) => new() { ["pk"] = new AttributeValue { S = pk } };

    public static Dictionary<string, AttributeValue> Item(string pk, string value) =>
        new() { ["pk"] = new AttributeValue { S = pk }, ["value"] = new AttributeValue { S = value } };

    public static PutItemRequest Put(string table, string pk) => new() { TableName = table, Item = Item(pk, "v-" + pk) };

    public static string Pk(int i) => "item-" + i.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The <c>pk</c> values stored in <paramref name="table"/>, sorted.</summary>
    public static async Task<List<string>> ScanKeysAsync(IAmazonDynamoDB client, string table)
    {
        var keys = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            ScanResponse page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            keys.AddRange((page.Items ?? []).Select(i => i["pk"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}

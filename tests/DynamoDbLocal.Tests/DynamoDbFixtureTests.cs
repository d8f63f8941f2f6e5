using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.DynamoDbLocal.Tests;

/// <summary>Uses the shared fixture the way other test projects do.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class DynamoDbFixtureTests
{
    private readonly DynamoDbFixture _dynamo;

    public DynamoDbFixtureTests(DynamoDbFixture dynamo)
    {
        _dynamo = dynamo;
    }

    [Fact]
    public void Unique_table_names_are_valid_and_distinct()
    {
        string first = _dynamo.UniqueTableName("Bookings");
        string second = _dynamo.UniqueTableName("Bookings");
        string odd = _dynamo.UniqueTableName("weird name/with:chars");

        Assert.NotEqual(first, second);
        Assert.StartsWith("Bookings-", first, System.StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_.-]{3,255}$", odd);
        Assert.Matches("^[A-Za-z0-9_.-]{3,255}$", _dynamo.UniqueTableName(string.Empty));
    }

    [Fact]
    public async Task The_shared_client_works()
    {
        string table = _dynamo.UniqueTableName(nameof(The_shared_client_works));
        await _dynamo.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await _dynamo.Client.PutItemAsync(table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new AttributeValue { S = "room#7" },
            ["beds"] = new AttributeValue { N = "2" },
        });

        GetItemResponse got = await _dynamo.Client.GetItemAsync(
            table,
            new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = "room#7" } },
            consistentRead: true);

        Assert.Equal("2", got.Item["beds"].N);
    }
}

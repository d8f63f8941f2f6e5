using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Customers;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// A partition key whose template is one stored attribute (<c>"pk" = "{email}"</c>, <c>customers.tables.json</c>),
    /// against DynamoDB Local: the entity has one <c>Email</c>, the item stores it in both <c>pk</c> and <c>email</c>,
    /// it reads back, and the table's local index (once dropped without a word for such a key) exists and answers.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class SinglePlaceholderKeyTests
    {
        private const string Email = "ada@example.com";

        private readonly DynamoDbFixture _fixture;

        public SinglePlaceholderKeyTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(CustomerOrderRepository Orders, string Table)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, CustomersSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            return (new CustomerOrderRepository(_fixture.Client, options, GuardedLogs.For<CustomerOrderRepository>()), options.TableNames[CustomerOrderTable.Definition.EntityName]);
        }

        private static CustomerOrder Order(long id, DateOnly placed, decimal total, string email = Email)
            => new() { Key = CustomerOrderKey.Create(email, id), PlacedOn = placed, Total = total };

        [Fact]
        public async Task The_email_is_stored_in_the_key_attribute_and_on_its_own_and_reads_back()
        {
            var (orders, table) = await CreateAsync("one-placeholder-put");
            var order = Order(1, new DateOnly(2026, 3, 1), 12.5m);

            await orders.PutAsync(order);

            var raw = (await _fixture.Client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = Email }, ["sk"] = new() { S = "ORDER#1" } })).Item;
            Assert.Equal(Email, raw["pk"].S);
            Assert.Equal(Email, raw["email"].S);
            var read = await orders.GetAsync(CustomerOrderKey.Create(Email, 1));
            Assert.Equal(order, read);
            Assert.Equal(Email, read!.Email);
        }

        [Fact]
        public async Task An_item_whose_email_attribute_is_missing_still_reads_its_email_from_the_key()
        {
            // The key attribute and the stored attribute hold one value, so the entity reads it from the key.
            var (orders, table) = await CreateAsync("one-placeholder-key");
            await _fixture.Client.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = Email },
                ["sk"] = new() { S = "ORDER#7" },
                ["placed_on"] = new() { S = "2026-03-07" },
                ["total"] = new() { N = "3" },
            });

            var read = await orders.GetAsync(CustomerOrderKey.Create(Email, 7));

            Assert.Equal(Email, read!.Email);
            Assert.Equal(7, read.Key.OrderId);
        }

        [Fact]
        public async Task The_local_index_of_an_email_keyed_table_is_created_and_queried()
        {
            var (orders, table) = await CreateAsync("one-placeholder-lsi");
            await orders.PutManyAsync(new[]
            {
                Order(1, new DateOnly(2026, 3, 3), 10m),
                Order(2, new DateOnly(2026, 3, 1), 20m),
                Order(3, new DateOnly(2026, 3, 2), 30m),
                Order(4, new DateOnly(2026, 3, 4), 40m, "grace@example.com"),
            });

            var description = (await _fixture.Client.DescribeTableAsync(table)).Table;
            var local = Assert.Single(description.LocalSecondaryIndexes);
            Assert.Equal("by_placed_on", local.IndexName);

            var byDay = await orders.QueryByPlacedOnAsync(Email).ToListAsync();
            Assert.Equal(new long[] { 2, 3, 1 }, byDay.Select(o => o.Key.OrderId));
            var fromSecond = await orders.QueryByPlacedOnAsync(Email, new QueryOptions { SortKey = CustomerOrderByPlacedOnSortKey.GreaterThanOrEqual(new DateOnly(2026, 3, 2)) }).ToListAsync();
            Assert.Equal(new long[] { 3, 1 }, fromSecond.Select(o => o.Key.OrderId));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Shoppers;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Issue 21, items 5 to 7, against DynamoDB Local: a key part declared once on a shared table (the shopper's email of
    /// profiles, cart items and orders), fixed-width number parts whose text sorts in number order, and queries that read
    /// newest first by default where the descriptor declares it, unless <see cref="QueryOptions.Descending"/> says otherwise.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class KeyPartsAndOrderTests
    {
        private const string Email = "kim@shoppers.test";
        private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        private readonly DynamoDbFixture _fixture;

        public KeyPartsAndOrderTests(DynamoDbFixture fixture) => _fixture = fixture;

        private sealed record Repositories(ShoppersRepository Table, ShopperRepository Shoppers, CartItemRepository Cart, ShopperOrderRepository Orders, string TableName);

        private async Task<Repositories> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, ShoppersSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            return new Repositories(
                new ShoppersRepository(_fixture.Client, options, GuardedLogs.For<ShoppersRepository>()),
                new ShopperRepository(_fixture.Client, options, GuardedLogs.For<ShopperRepository>()),
                new CartItemRepository(_fixture.Client, options, GuardedLogs.For<CartItemRepository>()),
                new ShopperOrderRepository(_fixture.Client, options, GuardedLogs.For<ShopperOrderRepository>()),
                options.TableNames[ShoppersTable.Definition.EntityName]);
        }

        private static CartItem Line(long number, string sku = "SKU-A") => new() { Key = CartItemKey.Create(Email, number), Sku = sku, Quantity = 1 };

        private static ShopperOrder Order(int number, string status = "paid")
            => new() { Key = ShopperOrderKey.Create(Email, number), Status = status, PlacedAt = Noon.AddMinutes(number) };

        [Fact]
        public async Task A_key_part_declared_on_the_table_keys_every_entity_in_one_partition()
        {
            var repositories = await CreateAsync("shared-key-parts");
            await repositories.Shoppers.PutAsync(new Shopper { Key = ShopperKey.Create(Email), DisplayName = "Kim" });
            await repositories.Cart.PutManyAsync(new[] { Line(1), Line(2) });
            await repositories.Orders.PutAsync(Order(1));
            await repositories.Shoppers.PutAsync(new Shopper { Key = ShopperKey.Create("lee@shoppers.test"), DisplayName = "Lee" });

            // Every entity writes the email the table declares into the same partition key ("#PROFILE" sorts first).
            var items = await AsyncItems.ToListAsync(repositories.Table.QueryPartitionAsync(Email));
            Assert.Equal(
                new[] { "profile Kim", "line 1", "line 2", "order 1" },
                items.Select(item => item.Match(shopper => "profile " + shopper.DisplayName, line => "line " + line.Key.LineNo, order => "order " + order.Key.OrderNo)));
            var raw = await _fixture.Client.QueryAsync(new QueryRequest
            {
                TableName = repositories.TableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = "USER#" + Email } },
            });
            Assert.Equal(4, raw.Count);

            // The table's declaration holds for an entity that takes it (its pattern, its mask), and an entity that
            // declares its own part of that name overrides it (the order's has no pattern).
            Assert.Throws<DynamoValidationException>(() => CartItemKey.Create("not an email", 1));
            Assert.Throws<DynamoValidationException>(() => ShopperKey.Create("not an email"));
            Assert.Equal("order@", ShopperOrderKey.Create("order@", 1).Email);
            Assert.DoesNotContain(Email, CartItemKey.Create(Email, 1).ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fixed_width_number_parts_sort_in_number_order()
        {
            var repositories = await CreateAsync("fixed-width-parts");
            await repositories.Cart.PutManyAsync(new[] { Line(101), Line(9), Line(20), Line(0), Line(9_999_999_999) });

            // Stored zero-padded, so the text sorts as the numbers do: 9 < 20 < 101.
            var stored = await _fixture.Client.GetItemAsync(repositories.TableName, CartItemKey.Create(Email, 9).ToAttributeMap());
            Assert.Equal("CART#0000000009", stored.Item["sk"].S);
            static long[] Numbers(IEnumerable<CartItem> lines) => lines.Select(l => l.Key.LineNo).ToArray();
            Assert.Equal(new long[] { 0, 9, 20, 101, 9_999_999_999 }, Numbers(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email))));
            Assert.Equal(new long[] { 9, 20, 101 }, Numbers(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email, new QueryOptions { SortKey = CartItemSortKey.Between(9, 101) }))));
            Assert.Equal(new long[] { 20 }, Numbers(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email, new QueryOptions { SortKey = CartItemSortKey.Between(10, 100) }))));
            Assert.Equal(new long[] { 101, 9_999_999_999 }, Numbers(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email, new QueryOptions { SortKey = CartItemSortKey.GreaterThan(20) }))));

            // A computed index key holds the part as the table's key does, so the index sorts in number order too.
            Assert.Equal("LINE#0000000009", stored.Item["sku_sk"].S);
            Assert.Equal(new long[] { 9, 20, 101 }, Numbers(await AsyncItems.ToListAsync(repositories.Cart.QueryBySkuAsync("SKU-A", new QueryOptions { SortKey = CartItemBySkuSortKey.Between(9, 101) }))));
            Assert.Throws<DynamoValidationException>(() => CartItemBySkuSortKey.GreaterThan(-1));

            // Read back from the stored text exactly: only the padded digits are a key.
            Assert.True(CartItemKey.TryParse("USER#" + Email, "CART#0000000101", out var parsed));
            Assert.Equal(101, parsed!.LineNo);
            Assert.False(CartItemKey.TryParse("USER#" + Email, "CART#101", out _));
            Assert.False(CartItemKey.TryParse("USER#" + Email, "CART#-000000001", out _));

            // A negative number, or one of more digits than the width, is refused before any request is sent.
            foreach (var refused in new Action[]
            {
                () => CartItemKey.Create(Email, -1),
                () => CartItemKey.Create(Email, 10_000_000_000),
                () => CartItemSortKey.Between(-5, 5),
                () => ShopperOrderKey.Create(Email, 1_000_000),
            })
            {
                var error = Assert.Throws<DynamoValidationException>(refused);
                Assert.Contains("digits so that keys sort in number order", error.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Declared_descending_order_is_the_default_and_QueryOptions_overrides_it()
        {
            var repositories = await CreateAsync("default-order");
            await repositories.Orders.PutManyAsync(new[] { Order(2), Order(10), Order(1), Order(3, "shipped") });
            await repositories.Cart.PutManyAsync(new[] { Line(2), Line(1) });
            static int[] Numbers(IEnumerable<ShopperOrder> orders) => orders.Select(o => o.Key.OrderNo).ToArray();

            // The entity declares "order": "descending": its partition queries read newest first unless told otherwise.
            Assert.Equal(new[] { 10, 3, 2, 1 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryAsync(Email))));
            Assert.Equal(new[] { 10, 3, 2, 1 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryAsync(Email, new QueryOptions { Descending = true }))));
            Assert.Equal(new[] { 1, 2, 3, 10 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryAsync(Email, new QueryOptions { Descending = false }))));
            Assert.Equal(new[] { 3, 2 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryAsync(Email, new QueryOptions { SortKey = ShopperOrderSortKey.Between(2, 3) }))));
            var page = await repositories.Orders.QueryPageAsync(Email, 2);
            Assert.Equal(new[] { 10, 3 }, Numbers(page.Items));
            Assert.Equal(new[] { 2, 1 }, Numbers((await repositories.Orders.QueryPageAsync(Email, 2, page.ContinuationToken)).Items));

            // So does its index, which declares it too.
            Assert.Equal(new[] { 10, 2, 1 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryByStatusAsync("paid"))));
            Assert.Equal(new[] { 1, 2, 10 }, Numbers(await AsyncItems.ToListAsync(repositories.Orders.QueryByStatusAsync("paid", new QueryOptions { Descending = false }))));
            Assert.Equal(new[] { 10 }, Numbers((await repositories.Orders.QueryByStatusPageAsync("paid", 1)).Items));

            // An entity that declares no order reads in ascending order, and can still ask for the other.
            static long[] Lines(IEnumerable<CartItem> lines) => lines.Select(l => l.Key.LineNo).ToArray();
            Assert.Equal(new long[] { 1, 2 }, Lines(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email))));
            Assert.Equal(new long[] { 2, 1 }, Lines(await AsyncItems.ToListAsync(repositories.Cart.QueryAsync(Email, new QueryOptions { Descending = true }))));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Stores;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Single-table design against DynamoDB Local: Store, Staff and Shift items in one table, written through
    /// their own repositories, read back per partition each as its own type, and kept apart everywhere else.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class SingleTableTests
    {
        private readonly DynamoDbFixture _fixture;

        public SingleTableTests(DynamoDbFixture fixture) => _fixture = fixture;

        private sealed record Repositories(StoresRepository Table, StoreRepository Stores, StaffRepository Staff, ShiftRepository Shifts, string TableName);

        private async Task<Repositories> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, StoresSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            var table = options.TableNames[StoresTable.Definition.EntityName];
            var repositories = new Repositories(
                new StoresRepository(_fixture.Client, options, GuardedLogs.For<StoresRepository>()),
                new StoreRepository(_fixture.Client, options, GuardedLogs.For<StoreRepository>()),
                new StaffRepository(_fixture.Client, options, GuardedLogs.For<StaffRepository>()),
                new ShiftRepository(_fixture.Client, options, GuardedLogs.For<ShiftRepository>()),
                table);

            await repositories.Stores.PutAsync(new Store { Key = StoreKey.Create("1"), StoreName = "Gangnam", OpenedOn = new DateOnly(2020, 1, 2) });
            await repositories.Staff.PutAsync(new Staff { Key = StaffKey.Create("1", 10), Name = "Kim", Email = "kim@shop.test", Phone = "01012345678" });
            await repositories.Staff.PutAsync(new Staff { Key = StaffKey.Create("1", 11), Name = "Lee" });
            await repositories.Shifts.PutManyAsync(new[]
            {
                new Shift { Key = ShiftKey.Create("1", "2026-11-20", 10), Hours = 8 },
                new Shift { Key = ShiftKey.Create("1", "2026-11-21", 11), Hours = 6.5m },
                new Shift { Key = ShiftKey.Create("1", "2026-11-22", 10), Hours = 4 },
            });
            await repositories.Stores.PutAsync(new Store { Key = StoreKey.Create("2"), StoreName = "Hongdae" });
            return repositories;
        }

        [Fact]
        public async Task One_table_is_created_and_each_item_carries_its_type()
        {
            var repositories = await CreateAsync("single-create");

            Assert.Single(StoresSchema.Tables);
            Assert.Equal(repositories.TableName, repositories.Staff.TableName);
            var raw = (await _fixture.Client.GetItemAsync(repositories.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "STORE#1" }, ["sk"] = new() { S = "STAFF#10" } })).Item;
            Assert.Equal("Staff", raw["entity_type"].S);
            Assert.Equal("EMAIL#kim@shop.test", raw["gsi1_pk"].S);
        }

        [Fact]
        public async Task A_partition_reads_back_as_a_closed_set_of_types()
        {
            var repositories = await CreateAsync("single-partition");

            var items = await repositories.Table.QueryPartitionAsync("1").ToListAsync();

            Assert.Equal(6, items.Count);
            var kinds = items.Select(item => item.Match(store => "store", staff => "staff", shift => "shift")).ToList();
            Assert.Equal(new[] { "store", "shift", "shift", "shift", "staff", "staff" }, kinds);   // sort-key order: #META, SHIFT#…, STAFF#…
            Assert.Equal("Gangnam", Assert.IsType<Store>(items[0]).StoreName);
            Assert.Equal(6.5m, items.OfType<Shift>().Single(s => s.Key.StaffId == 11).Hours);

            var shifts = await repositories.Table.QueryPartitionAsync("1", new QueryOptions { SortKey = ShiftSortKey.BeginsWith() }).ToListAsync();
            Assert.Equal(3, shifts.Count);
            Assert.All(shifts, item => Assert.IsType<Shift>(item));

            var page = await repositories.Table.QueryPartitionPageAsync("1", pageSize: 4);
            Assert.Equal(4, page.Items.Count);
            var rest = await repositories.Table.QueryPartitionPageAsync("1", pageSize: 4, page.ContinuationToken);
            Assert.Equal(2, rest.Items.Count);
        }

        [Fact]
        public async Task Entity_repositories_see_only_their_own_type()
        {
            var repositories = await CreateAsync("single-entity");

            var staff = await repositories.Staff.QueryAsync("1").ToListAsync();
            Assert.Equal(new long[] { 10, 11 }, staff.Select(s => s.Key.StaffId));

            var scanned = await repositories.Stores.ScanAsync().ToListAsync();
            Assert.Equal(new[] { "1", "2" }, scanned.Select(s => s.Key.StoreId).OrderBy(s => s));

            Assert.Equal(10, Assert.Single(await repositories.Staff.QueryStaffByEmailAsync("kim@shop.test").ToListAsync()).Key.StaffId);
        }

        [Fact]
        public async Task An_item_of_another_or_unknown_type_is_a_mapping_error_not_a_wrong_object()
        {
            var repositories = await CreateAsync("single-types");
            var shift = (await _fixture.Client.GetItemAsync(repositories.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "STORE#1" }, ["sk"] = new() { S = "SHIFT#2026-11-20#10" } })).Item;

            var wrong = Assert.Throws<DynamoMappingException>(() => StaffMarshaller.FromItem(shift));
            Assert.Equal("entity_type", wrong.Attribute);

            await _fixture.Client.PutItemAsync(repositories.TableName, new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "STORE#1" },
                ["sk"] = new() { S = "ZONE#1" },
                ["entity_type"] = new() { S = "Zone" },
            });
            var unknown = await Assert.ThrowsAsync<DynamoMappingException>(async () => await repositories.Table.QueryPartitionAsync("1").ToListAsync());
            Assert.Contains("Store, Staff, Shift", unknown.Expected, StringComparison.Ordinal);
            Assert.Equal("\"Zone\"", unknown.Found);
        }

        [Fact]
        public async Task An_entity_query_asks_only_for_its_own_sort_keys_so_pages_are_full_and_end_with_the_last()
        {
            var repositories = await CreateAsync("single-pages");
            await repositories.Staff.PutAsync(new Staff { Key = StaffKey.Create("1", 12), Name = "Park" });

            // The partition holds the store, three staff and three shifts; shifts sort between the store and the staff.
            var sizes = new List<int>();
            string? token = null;
            do
            {
                var page = await repositories.Staff.QueryPageAsync("1", pageSize: 2, continuationToken: token);
                sizes.Add(page.Items.Count);
                token = page.ContinuationToken;
            }
            while (token is not null);

            Assert.Equal(new[] { 2, 1 }, sizes);
            var shifts = await repositories.Shifts.QueryPageAsync("1", pageSize: 3);
            Assert.Equal(3, shifts.Items.Count);
            var newest = await AsyncItems.ToListAsync(repositories.Shifts.QueryAsync("1", new QueryOptions { Descending = true }));
            Assert.Equal(new[] { "2026-11-22", "2026-11-21", "2026-11-20" }, newest.Select(s => s.Key.Date));
        }
    }
}

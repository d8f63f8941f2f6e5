using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Global and local secondary indexes against DynamoDB Local: created by the table manager, computed keys
    /// filled on every write and kept right by updates, sparse entries, keys-only projections, and page tokens
    /// bound to their index.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class IndexQueryTests
    {
        private readonly DynamoDbFixture _fixture;

        public IndexQueryTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(EmployeeRepository Staff, string Table)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, new[] { EmployeeTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            var table = options.TableNames[EmployeeTable.Definition.EntityName];
            var staff = new EmployeeRepository(_fixture.Client, options, GuardedLogs.For<EmployeeRepository>());
            await staff.PutManyAsync(new[]
            {
                Employee(1, "Kim", "kim@shop.test", "01011112222", "manager", new DateOnly(2020, 3, 1)),
                Employee(2, "Lee", null, "010-3333-4444", "clerk", new DateOnly(2022, 7, 15)),
                Employee(3, "Park", "park@shop.test", "01011112222", "clerk", new DateOnly(2024, 1, 10)),
            });
            return (staff, table);
        }

        private static Employee Employee(long id, string name, string? email, string? phone, string role, DateOnly hired, string store = "7")
            => new() { Key = EmployeeKey.Create(store, id), Name = name, Email = email, Phone = phone, Role = role, HiredOn = hired };

        [Fact]
        public async Task The_table_manager_creates_the_indexes_with_their_projections()
        {
            var (_, table) = await CreateAsync("idx-create");
            var description = (await _fixture.Client.DescribeTableAsync(table)).Table;

            Assert.Equal(new[] { "by_email", "by_phone" }, description.GlobalSecondaryIndexes.Select(i => i.IndexName).OrderBy(n => n));
            Assert.Equal("KEYS_ONLY", description.GlobalSecondaryIndexes.Single(i => i.IndexName == "by_phone").Projection.ProjectionType.Value);
            var local = Assert.Single(description.LocalSecondaryIndexes);
            Assert.Equal("by_hire_date", local.IndexName);
            Assert.Equal(new[] { "name" }, local.Projection.NonKeyAttributes);
        }

        [Fact]
        public async Task A_computed_index_key_is_written_with_the_item_and_left_out_when_its_part_is_missing()
        {
            var (staff, table) = await CreateAsync("idx-sparse");

            var raw = (await _fixture.Client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "STORE#7" }, ["sk"] = new() { S = "STAFF#2" } })).Item;
            Assert.False(raw.ContainsKey("gsi1_pk"));                                    // no email: not in by_email
            Assert.Equal("PHONE#010-3333-4444", raw["gsi2_pk"].S);                      // built from the normalised phone

            var found = await staff.QueryByEmailAsync("park@shop.test").ToListAsync();
            Assert.Equal(3, Assert.Single(found).Key.StaffId);
            Assert.Empty(await staff.QueryByEmailAsync("lee@shop.test").ToListAsync());
        }

        [Fact]
        public async Task Updates_set_and_remove_the_index_key_with_the_attribute_it_is_computed_from()
        {
            var (staff, _) = await CreateAsync("idx-update");
            var lee = EmployeeKey.Create("7", 2);

            await staff.UpdateAsync(lee, new EmployeeUpdate().SetEmail("lee@shop.test"));
            Assert.Equal(2, Assert.Single(await staff.QueryByEmailAsync("lee@shop.test").ToListAsync()).Key.StaffId);

            await staff.UpdateAsync(lee, new EmployeeUpdate().SetEmail("lee@other.test"));
            Assert.Empty(await staff.QueryByEmailAsync("lee@shop.test").ToListAsync());
            Assert.Single(await staff.QueryByEmailAsync("lee@other.test").ToListAsync());

            await staff.UpdateAsync(lee, new EmployeeUpdate().RemoveEmail());
            Assert.Empty(await staff.QueryByEmailAsync("lee@other.test").ToListAsync());
        }

        [Fact]
        public async Task An_update_of_one_attribute_alone_sets_and_removes_the_index_key_computed_from_it()
        {
            var (staff, table) = await CreateAsync("idx-set-async");
            var lee = EmployeeKey.Create("7", 2);

            // What the one-call Set…Async did is UpdateAsync with the update's Set… alone: the index key moves with it.
            Assert.True(await staff.UpdateAsync(lee, new EmployeeUpdate().SetEmail("lee@shop.test")));
            Assert.Equal(2, Assert.Single(await staff.QueryByEmailAsync("lee@shop.test").ToListAsync()).Key.StaffId);
            Assert.True(await staff.UpdateAsync(lee, new EmployeeUpdate().SetPhone("01055556666")));
            Assert.Equal(2, Assert.Single(await staff.QueryByPhoneAsync("010-5555-6666").ToListAsync()).StaffId);

            Assert.True(await staff.UpdateAsync(lee, new EmployeeUpdate().RemoveEmail()));
            Assert.Empty(await staff.QueryByEmailAsync("lee@shop.test").ToListAsync());
            var raw = (await _fixture.Client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "STORE#7" }, ["sk"] = new() { S = "STAFF#2" } })).Item;
            Assert.False(raw.ContainsKey("email") || raw.ContainsKey("gsi1_pk"));

            // An item that does not exist is not created, with or without its index key.
            Assert.False(await staff.UpdateAsync(EmployeeKey.Create("7", 9), new EmployeeUpdate().SetEmail("ghost@shop.test")));
            Assert.Null(await staff.GetAsync(EmployeeKey.Create("7", 9)));
        }

        [Fact]
        public async Task Text_that_goes_into_a_key_refuses_control_characters_and_patterns_mean_what_they_say()
        {
            var (staff, _) = await CreateAsync("idx-key-text");

            // store_id has "pattern": "^[0-9]+$": no line feed after the digits, no digits of another script.
            foreach (var store in new[] { "7\n", "\u0667", "7\t" })
            {
                Assert.Throws<DynamoValidationException>(() => EmployeeKey.Create(store, 4));
            }

            // role is the by_phone index's sort key and email builds gsi1_pk: their text goes into a key too.
            var choi = Employee(4, "Choi", null, null, "clerk\n", new DateOnly(2025, 1, 2));
            var refused = await Assert.ThrowsAsync<DynamoValidationException>(() => staff.PutAsync(choi));
            Assert.Equal("Invalid Employee: 'role' must not contain control characters (such as a line feed or a tab), since it goes into a key.", refused.Message);
            await Assert.ThrowsAsync<DynamoValidationException>(() => staff.UpdateAsync(EmployeeKey.Create("7", 1), new EmployeeUpdate().SetEmail("kim\t@shop.test")));
            Assert.Throws<DynamoValidationException>(() => staff.QueryByEmailAsync("kim@shop.test\n"));
            Assert.Null(await staff.GetAsync(choi.Key));
            Assert.Equal("kim@shop.test", (await staff.GetAsync(EmployeeKey.Create("7", 1)))!.Email);

            // Text outside keys keeps what it holds.
            await staff.PutAsync(choi with { Role = "clerk", Name = "Choi\nJr." });
            Assert.Equal("Choi\nJr.", (await staff.GetAsync(choi.Key))!.Name);
        }

        [Fact]
        public async Task A_keys_only_index_returns_keys_and_takes_a_sort_key_condition()
        {
            var (staff, _) = await CreateAsync("idx-keys");

            // The query normalises the phone the way the write did.
            var keys = await staff.QueryByPhoneAsync("010-1111-2222").ToListAsync();
            Assert.Equal(new long[] { 3, 1 }, keys.Select(k => k.StaffId));             // sorted by role: clerk, manager

            var clerks = await staff.QueryByPhoneAsync("01011112222", new QueryOptions { SortKey = EmployeeByPhoneSortKey.Equal("clerk") }).ToListAsync();
            Assert.Equal(3, Assert.Single(clerks).StaffId);

            await Assert.ThrowsAsync<DynamoValidationException>(async () => await staff.QueryByPhoneAsync("02-555-0101").ToListAsync());
        }

        [Fact]
        public async Task A_local_index_queries_the_table_partition_in_another_order()
        {
            var (staff, _) = await CreateAsync("idx-local");
            await staff.PutAsync(Employee(4, "Choi", null, null, "clerk", new DateOnly(2019, 5, 5), store: "8"));

            var byHire = await staff.QueryByHireDateAsync("7").ToListAsync();
            Assert.Equal(new long[] { 1, 2, 3 }, byHire.Select(k => k.StaffId));

            var recent = await staff.QueryByHireDateAsync("7", new QueryOptions { SortKey = EmployeeByHireDateSortKey.GreaterThan(new DateOnly(2021, 1, 1)), Descending = true }).ToListAsync();
            Assert.Equal(new long[] { 3, 2 }, recent.Select(k => k.StaffId));
        }

        [Fact]
        public async Task Page_tokens_are_bound_to_their_index()
        {
            var (staff, _) = await CreateAsync("idx-pages");

            var first = await staff.QueryByHireDatePageAsync("7", pageSize: 2);
            Assert.Equal(2, first.Items.Count);
            Assert.NotNull(first.ContinuationToken);
            var second = await staff.QueryByHireDatePageAsync("7", pageSize: 2, first.ContinuationToken);
            Assert.Equal(3, Assert.Single(second.Items).StaffId);

            // The same partition through the table itself, or another index, refuses the token.
            await Assert.ThrowsAsync<DynamoValidationException>(() => staff.QueryPageAsync("7", pageSize: 2, first.ContinuationToken));
            await Assert.ThrowsAsync<DynamoValidationException>(() => staff.QueryByPhonePageAsync("01011112222", pageSize: 2, first.ContinuationToken));
        }

        [Fact]
        public async Task Query_options_that_do_not_apply_are_refused_at_the_call()
        {
            var (staff, _) = await CreateAsync("idx-options");

            // by_email has no sort key to put a condition on, and a page holds at least one item: refused when the query is
            // made, before it is enumerated and before anything is sent.
            var noSortKey = Assert.Throws<ArgumentException>(() => staff.QueryByEmailAsync("kim@shop.test", new QueryOptions { SortKey = EmployeeByPhoneSortKey.Equal("clerk") }));
            Assert.Equal("options", noSortKey.ParamName);
            Assert.Contains("by_email", noSortKey.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => staff.QueryByEmailPageAsync("kim@shop.test", 10, options: new QueryOptions { SortKey = EmployeeByPhoneSortKey.Equal("clerk") }));
            Assert.Throws<ArgumentOutOfRangeException>(() => staff.QueryAsync("7", new QueryOptions { PageSize = 0 }));

            // The same options where they apply.
            Assert.Single(await staff.QueryByPhoneAsync("01011112222", new QueryOptions { SortKey = EmployeeByPhoneSortKey.Equal("clerk"), PageSize = 1 }).ToListAsync());
        }
    }
}

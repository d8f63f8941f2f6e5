using System;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Members;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// A shared table whose entities name their partition part differently (<c>{email}</c>, <c>{user_email}</c>), only
    /// one of them declared sensitive: the partition value is masked everywhere it is printed, by every entity and by the
    /// table's partition query, which takes it as a plain string. <see cref="GuardedLogs"/> fails any log line that
    /// holds the email.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class SharedPartitionMaskingTests
    {
        private const string Email = "ada.lovelace@example.com";
        private readonly DynamoDbFixture _fixture;

        public SharedPartitionMaskingTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_partition_value_sensitive_in_one_entity_is_masked_by_all_and_by_the_table_query()
        {
            var options = await FreshTables.CreateAsync(_fixture, "members-masking", MembersSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            var members = new MemberRepository(_fixture.Client, options, GuardedLogs.For<MemberRepository>());
            var carts = new CartItemRepository(_fixture.Client, options, GuardedLogs.For<CartItemRepository>());
            var table = new MembersRepository(_fixture.Client, options, GuardedLogs.For<MembersRepository>());

            await members.PutAsync(new Member { Key = MemberKey.Create(Email), DisplayName = "Ada Lovelace", Phone = "01098765432" });
            await carts.PutManyAsync(new[] { "P-1", "P-2", "P-3" }.Select(p => new CartItem { Key = CartItemKey.Create(Email, p), Quantity = 1 }));

            // Every read and write above and below logs its key, and the table query its partition: all masked.
            var partition = await AsyncItems.ToListAsync(table.QueryPartitionAsync(Email));
            Assert.Equal(4, partition.Count);
            Assert.Equal(3, (await carts.QueryPageAsync(Email, pageSize: 3)).Items.Count);
            Assert.NotNull(await carts.GetAsync(CartItemKey.Create(Email, "P-2")));
            var missing = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => carts.UpdateAsync(CartItemKey.Create(Email, "P-2"), new CartItemUpdate().SetQuantity(5), new WriteOptions { Condition = CartItemFields.Quantity.Equal(9) }));

            Assert.DoesNotContain(Email, CartItemKey.Create(Email, "P-1").ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Email, missing.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Email, partition.OfType<CartItem>().First().ToString(), StringComparison.Ordinal);
            Assert.Contains(GuardedLogs.Lines, line => line.Contains("Members partition", StringComparison.Ordinal));
            Assert.DoesNotContain(GuardedLogs.Lines, line => line.Contains(Email, StringComparison.Ordinal));
            Assert.True(SensitiveValues.In("partition of " + Email).Any(), "The guard did not learn the email from the requests.");
        }
    }
}

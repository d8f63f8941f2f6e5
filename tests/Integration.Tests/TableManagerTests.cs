using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    [Collection(DynamoDbCollection.Name)]
    public sealed class TableManagerTests
    {
        private readonly DynamoDbFixture _fixture;

        public TableManagerTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Ensure_is_idempotent_and_list_and_delete_see_the_prefixed_tables()
        {
            var prefix = _fixture.UniqueTableName("tm") + "-";
            var options = new DynamoRepositoryOptions { TableNamePrefix = prefix };
            var manager = new DynamoTableManager(_fixture.Client, options, GuardedLogs.For<DynamoTableManager>());

            Assert.Equal(new[] { prefix + "sms", prefix + "session" }, await manager.EnsureTablesAsync(BookingsSchema.Tables));
            Assert.Empty(await manager.EnsureTablesAsync(BookingsSchema.Tables));
            Assert.True(await manager.ExistsAsync(prefix + "sms"));

            var listed = await manager.ListAsync();
            Assert.Contains(prefix + "sms", listed);
            Assert.Contains(prefix + "session", listed);

            Assert.Equal(2, (await manager.DeleteTablesAsync(BookingsSchema.Tables)).Count);
            Assert.Empty(await manager.DeleteTablesAsync(BookingsSchema.Tables));
            Assert.DoesNotContain((await manager.ListAsync()), name => name.StartsWith(prefix, System.StringComparison.Ordinal));
        }
    }
}

using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Fresh, uniquely named booking tables for one test, created through the runtime's table manager.</summary>
    internal static class BookingTables
    {
        public static async Task<DynamoRepositoryOptions> CreateAsync(DynamoDbFixture fixture, string testName)
        {
            var options = new DynamoRepositoryOptions();
            options.TableNames[BookingTable.Definition.EntityName] = fixture.UniqueTableName(testName + "-sms");
            options.TableNames[SessionTable.Definition.EntityName] = fixture.UniqueTableName(testName + "-session");
            await new DynamoTableManager(fixture.Client, options, GuardedLogs.For<DynamoTableManager>()).EnsureTablesAsync(BookingsSchema.Tables);
            return options;
        }
    }
}

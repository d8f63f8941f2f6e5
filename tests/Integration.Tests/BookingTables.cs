using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Fresh, uniquely named booking tables for one test, created through the runtime's table manager.</summary>
    internal static class BookingTables
    {
        public static Task<DynamoRepositoryOptions> CreateAsync(DynamoDbFixture fixture, string testName)
            => FreshTables.CreateAsync(fixture, testName, BookingsSchema.Tables, GuardedLogs.For<DynamoTableManager>());
    }
}

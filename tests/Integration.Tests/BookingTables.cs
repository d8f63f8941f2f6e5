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

        /// <summary>Booking <paramref name="i"/> of store 1051707, each with a phone of its own.</summary>
        public static Booking Sample(int i) => new()
        {
            Key = BookingKey.Create("1051707", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"010-{1000 + (i % 9000):D4}-{i % 10000:D4}"),
            Name = "Customer " + i,
            BookingTime = "2025-10-20 14:30:00",
        };
    }
}

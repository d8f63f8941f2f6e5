using System.Threading.Tasks;
using Bookings;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Projected reads, updates that return only what they changed, and the one-call flag update.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class ProjectionAndFlagTests
    {
        private readonly DynamoDbFixture _fixture;

        public ProjectionAndFlagTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(BookingRepository Bookings, BookingKey Key)> CreateAsync(string name)
        {
            var options = await BookingTables.CreateAsync(_fixture, name);
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var key = BookingKey.Create("1051707", "2891", "01012345678");
            await bookings.PutAsync(new Booking { Key = key, Name = "Kim", BookingTime = "2026-11-22 10:00:00" });
            return (bookings, key);
        }

        [Fact]
        public async Task A_projected_get_reads_only_the_named_attributes()
        {
            var (bookings, key) = await CreateAsync("projection");

            var read = await bookings.GetAttributesAsync(key, new[] { BookingTable.Attributes.ConfirmSms, BookingTable.Attributes.BookingTime }, consistentRead: true);
            Assert.NotNull(read);
            Assert.Equal(2, read.Count);
            Assert.False(read[BookingTable.Attributes.ConfirmSms].BOOL);
            Assert.Equal("2026-11-22 10:00:00", read[BookingTable.Attributes.BookingTime].S);

            // An item that exists but lacks the attributes is an empty map, not "missing".
            Assert.Empty(Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyDictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>(
                await bookings.GetAttributesAsync(key, new[] { "customer_id" }, consistentRead: true)));
            Assert.Null(await bookings.GetAttributesAsync(BookingKey.Create("1", "2", "01099998888"), new[] { BookingTable.Attributes.Name }));
            await Assert.ThrowsAsync<System.ArgumentException>(() => bookings.GetAttributesAsync(key, System.Array.Empty<string>()));
        }

        [Fact]
        public async Task A_projected_scan_reads_only_the_named_attributes_in_parallel_segments()
        {
            var (bookings, key) = await CreateAsync("scan-projection");
            await bookings.PutAsync(new Booking { Key = BookingKey.Create("1051707", "2892", "01012345679"), Name = "Lee", BookingTime = "2026-11-22 11:00:00", OptionSms = true });

            var rows = new System.Collections.Generic.List<System.Collections.Generic.IReadOnlyDictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>();
            await foreach (var row in bookings.ScanAttributesAsync(new[] { BookingTable.Attributes.BookingNum, BookingTable.Attributes.OptionSms }, BookingFields.OptionSms.Equal(false), segments: 2))
            {
                rows.Add(row);
            }

            var only = Assert.Single(rows);
            Assert.Equal(2, only.Count);
            Assert.Equal(key.BookingNum, only[BookingTable.Attributes.BookingNum].S);
        }

        [Fact]
        public async Task An_update_can_return_only_what_it_changed()
        {
            var (bookings, key) = await CreateAsync("updated-new");

            var changed = await bookings.UpdateChangedAsync(key, new BookingUpdate().SetRemindSms(true));
            Assert.NotNull(changed);
            Assert.True(Assert.Single(changed).Value.BOOL);

            Assert.Null(await bookings.UpdateChangedAsync(BookingKey.Create("1", "2", "01099998888"), new BookingUpdate().SetRemindSms(true)));
        }

        [Fact]
        public async Task A_flag_update_sets_one_flag_and_never_creates_a_half_item()
        {
            var (bookings, key) = await CreateAsync("flags");

            Assert.True(await bookings.UpdateFlagAsync(key, BookingFlag.ConfirmSms, true));
            var stored = await bookings.GetAsync(key, consistentRead: true);
            Assert.True(stored!.ConfirmSms);
            Assert.False(stored.RemindSms);

            var missing = BookingKey.Create("1", "2", "01099998888");
            Assert.False(await bookings.UpdateFlagAsync(missing, BookingFlag.OptionSms, true));
            Assert.Null(await bookings.GetAsync(missing, consistentRead: true));
        }
    }
}

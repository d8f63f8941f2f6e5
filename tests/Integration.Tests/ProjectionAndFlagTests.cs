using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Reads of a few attributes as stored (<c>ScanStoredAsync</c> with <see cref="ScanOptions.Attributes"/>, which took
    /// the place of <c>GetAttributesAsync</c> and <c>ScanAttributesAsync</c>), and updates that read nothing back
    /// (<c>UpdateAsync</c> returning whether the item existed, which took the place of <c>UpdateChangedAsync</c>,
    /// <c>UpdateFlagAsync</c> and the one-call <c>Set…Async</c>).
    /// </summary>
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
        public async Task A_stored_scan_reads_only_the_named_attributes_in_parallel_segments()
        {
            var (bookings, key) = await CreateAsync("scan-projection");
            await bookings.PutAsync(new Booking { Key = BookingKey.Create("1051707", "2892", "01012345679"), Name = "Lee", BookingTime = "2026-11-22 11:00:00", OptionSms = true });

            var rows = new List<IReadOnlyDictionary<string, AttributeValue>>();
            var scan = new ScanOptions { Attributes = new[] { BookingTable.Attributes.BookingNum, BookingTable.Attributes.OptionSms }, Filter = BookingFields.OptionSms.Equal(false), Segments = 2 };
            await foreach (var row in bookings.ScanStoredAsync(scan))
            {
                rows.Add(row);
            }

            var only = Assert.Single(rows);
            Assert.Equal(2, only.Count);
            Assert.Equal(key.BookingNum, only[BookingTable.Attributes.BookingNum].S);
            Assert.False(only[BookingTable.Attributes.OptionSms].BOOL);

            // Without attributes, every attribute as stored.
            var whole = new List<IReadOnlyDictionary<string, AttributeValue>>();
            await foreach (var row in bookings.ScanStoredAsync(new ScanOptions { Filter = BookingFields.OptionSms.Equal(false) }))
            {
                whole.Add(row);
            }

            Assert.Equal("2026-11-22 10:00:00", Assert.Single(whole)[BookingTable.Attributes.BookingTime].S);
        }

        [Fact]
        public async Task Scan_options_that_do_not_apply_are_refused_at_the_call()
        {
            var (bookings, _) = await CreateAsync("scan-options");

            // Checked when the scan is made, not when it is first enumerated, and nothing is sent.
            Assert.Throws<System.ArgumentException>(() => bookings.ScanStoredAsync(new ScanOptions { Attributes = System.Array.Empty<string>() }));
            Assert.Throws<System.ArgumentException>(() => bookings.ScanAsync(new ScanOptions { Attributes = new[] { BookingTable.Attributes.Name } }));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => bookings.ScanAsync(new ScanOptions { Segments = 0 }));
        }

        [Fact]
        public async Task An_update_reads_nothing_back_and_says_whether_the_item_existed()
        {
            var (bookings, key) = await CreateAsync("update-bool");

            Assert.True(await bookings.UpdateAsync(key, new BookingUpdate().SetRemindSms(true)));
            var stored = await bookings.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.True(stored!.RemindSms);
            Assert.False(stored.ConfirmSms);

            var missing = BookingKey.Create("1", "2", "01099998888");
            Assert.False(await bookings.UpdateAsync(missing, new BookingUpdate().SetRemindSms(true)));
            Assert.Null(await bookings.GetAsync(missing, new ReadOptions { ConsistentRead = true }));
        }

        [Fact]
        public async Task A_flag_update_sets_one_flag_and_never_creates_a_half_item()
        {
            var (bookings, key) = await CreateAsync("flags");

            // The legacy update_flag: the update's Set… for the flag, alone (the generated SetFlag picks it).
            Assert.True(await bookings.UpdateAsync(key, new BookingUpdate().SetFlag(BookingFlag.ConfirmSms, true)));
            var stored = await bookings.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.True(stored!.ConfirmSms);
            Assert.False(stored.RemindSms);

            var missing = BookingKey.Create("1", "2", "01099998888");
            Assert.False(await bookings.UpdateAsync(missing, new BookingUpdate().SetFlag(BookingFlag.OptionSms, true)));
            Assert.Null(await bookings.GetAsync(missing, new ReadOptions { ConsistentRead = true }));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Bookings.Tests
{
    /// <summary>The legacy <c>reservation_not_confirm</c> scan: grouping per store, ordering, unparseable times.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class UnnotifiedScanTests
    {
        private readonly DynamoDbFixture _fixture;

        public UnnotifiedScanTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static Booking At(string bookingNum, string phone, string time, bool optionSent = false) => new()
        {
            Key = BookingKey.FromBookingNumber(bookingNum, phone),
            Name = "Test Person",
            BookingTime = time,
            OptionSms = optionSent,
        };

        [Fact]
        public async Task Groups_by_store_with_earliest_start_and_latest_end_in_ascending_store_order()
        {
            var options = await TestTables.CreateAsync(_fixture, "scan-group");
            var service = new BookingService(_fixture.Client, options);
            await service.Repository.PutManyAsync(new[]
            {
                At("3300125_1", "01011112222", "2025-10-22 18:00:00"),
                At("1051707_1", "01011113333", "2025-10-21 12:00:00"),
                At("1051707_2", "01011114444", "2025-10-20 09:30:00"),
                At("1051707_3", "01011115555", "2025-10-23 20:15:00"),
                At("1051707_4", "01011116666", "2025-10-19 08:00:00", optionSent: true),
                At("2040001_1", "01011117777", "2025-10-24 10:00:00", optionSent: true),
                At("1100042_9", "01011118888", "2025-10-20 11:00:00"),
            });

            var result = await service.ScanUnnotifiedOptionsAsync();

            Assert.Equal(new[] { "1051707", "1100042", "3300125" }, result.Windows.Select(w => w.BizId));
            var first = result.Windows[0];
            Assert.Equal(("2025-10-20 09:30:00", "2025-10-23 20:15:00", 3), (first.StartTime, first.EndTime, first.BookingCount));
            Assert.Equal(("2025-10-20 11:00:00", "2025-10-20 11:00:00"), (result.Windows[1].StartTime, result.Windows[1].EndTime));
            Assert.Empty(result.Skipped);
            Assert.Equal(
                new[] { "1051707:2025-10-20 09:30:00-2025-10-23 20:15:00", "1100042:2025-10-20 11:00:00-2025-10-20 11:00:00", "3300125:2025-10-22 18:00:00-2025-10-22 18:00:00" },
                result.ToLegacyShape().Select(p => $"{p.Key}:{p.Value.StartTime}-{p.Value.EndTime}"));
        }

        [Fact]
        public async Task An_unparseable_time_is_skipped_and_reported_masked_without_failing_the_scan()
        {
            var options = await TestTables.CreateAsync(_fixture, "scan-bad-time");
            var logs = new FakeLogCollector();
            using var loggers = TestLogs.Factory(logs);
            var service = new BookingService(_fixture.Client, options, loggers);
            await service.CreateBookingAsync(At("1051707_1", "01012345678", "2025-10-20 10:00:00"));
            await service.CreateBookingAsync(At("1051707_2", "01098765432", "2025-10-21 25:00:00"));
            foreach (var (id, time) in new[] { ("3", "2025/10/21 11:00"), ("4", "") })
            {
                // Legacy data the new create would refuse: written directly, as the old Lambda did.
                await _fixture.Client.PutItemAsync(new PutItemRequest
                {
                    TableName = service.TableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["booking_num"] = new() { S = "2040001_" + id },
                        ["phone"] = new() { S = "010-5555-000" + id },
                        ["name"] = new() { S = "Legacy" },
                        ["booking_time"] = new() { S = time },
                        ["option_sms"] = new() { BOOL = false },
                    },
                });
            }

            var result = await service.ScanUnnotifiedOptionsAsync();

            var window = Assert.Single(result.Windows);
            Assert.Equal(("1051707", "2025-10-20 10:00:00", "2025-10-20 10:00:00"), (window.BizId, window.StartTime, window.EndTime));
            Assert.Equal(
                new[] { "1051707_2 010-****-5432", "2040001_3 010-****-0003", "2040001_4 010-****-0004" },
                result.Skipped.Select(s => $"{s.BookingNum} {s.MaskedPhone}").Order());
            var warnings = logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Id.Id == 2001).ToList();
            Assert.Equal(3, warnings.Count);
            Assert.Contains(warnings, r => r.Message.Contains("010-****-5432", System.StringComparison.Ordinal));
            Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("9876-5432", r.Message, System.StringComparison.Ordinal));
            Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("01098765432", r.Message, System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_empty_table_gives_no_windows()
        {
            var options = await TestTables.CreateAsync(_fixture, "scan-empty");
            var result = await new BookingService(_fixture.Client, options).ScanUnnotifiedOptionsAsync();
            Assert.Empty(result.Windows);
            Assert.Empty(result.Skipped);
        }

        [Fact]
        public void Stores_are_ordered_as_strings_like_the_legacy_sorted_dictionary_and_a_missing_flag_counts_as_unsent()
        {
            static IReadOnlyDictionary<string, AttributeValue> Item(string bookingNum, string time, bool? optionSms)
            {
                var item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = bookingNum },
                    ["phone"] = new() { S = "010-1234-5678" },
                    ["booking_time"] = new() { S = time },
                };
                if (optionSms is bool sent)
                {
                    item["option_sms"] = new() { BOOL = sent };
                }

                return item;
            }

            var result = UnnotifiedOptions.FromItems(new[]
            {
                Item("99_1", "2025-10-20 10:00:00", false),
                Item("100_1", "2025-10-20 11:00:00", null),
                Item("100_2", "2025-10-20 9:05:00", false),
                Item("7", "2025-10-20 12:00:00", false),
                Item("8_1", "2025-10-20 12:00:00", true),
            });

            Assert.Equal(new[] { "100", "7", "99" }, result.Windows.Select(w => w.BizId));
            Assert.Equal("2025-10-20 09:05:00", result.Windows[0].StartTime);
            Assert.Empty(result.Skipped);
        }
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests
{
    /// <summary>The legacy booking operations through <see cref="BookingService"/>, against DynamoDB Local.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class BookingServiceTests
    {
        private readonly DynamoDbFixture _fixture;

        public BookingServiceTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static Booking Sample(string phone = "01012345678") => new()
        {
            Key = BookingKey.FromBookingNumber("1051707_12345", phone),
            Name = "Kim Soo",
            BookingTime = "2025-10-20 14:30:00",
        };

        [Fact]
        public async Task Create_stores_the_legacy_shape_with_defaults_and_a_normalised_phone()
        {
            var options = await TestTables.CreateAsync(_fixture, "create-shape");
            var service = new BookingService(_fixture.Client, options);

            await service.CreateBookingAsync(Sample().WithExtra("customer_id", "C-1").WithExtra("visit_count", 3));

            var raw = await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_12345", "010-1234-5678");
            Assert.NotNull(raw);
            var expected = new Dictionary<string, AttributeValue>
            {
                ["booking_num"] = new() { S = "1051707_12345" },
                ["phone"] = new() { S = "010-1234-5678" },
                ["name"] = new() { S = "Kim Soo" },
                ["booking_time"] = new() { S = "2025-10-20 14:30:00" },
                ["confirm_sms"] = new() { BOOL = false },
                ["remind_sms"] = new() { BOOL = false },
                ["option_sms"] = new() { BOOL = false },
                ["option_time"] = new() { S = string.Empty },
                ["customer_id"] = new() { S = "C-1" },
                ["visit_count"] = new() { N = "3" },
            };
            Assert.Null(DynamoJson.Difference("item", expected, raw));
        }

        [Fact]
        public async Task Get_returns_the_booking_with_its_extra_fields_and_null_when_absent()
        {
            var options = await TestTables.CreateAsync(_fixture, "get");
            var service = new BookingService(_fixture.Client, options);
            await service.CreateBookingAsync(Sample().WithExtra("customer_id", "C-7").WithExtra("visit_count", 12));

            var found = await service.GetBookingAsync("1051707_12345", "010-1234-5678");
            var sameWithOtherSpelling = await service.GetBookingAsync("1051707_12345", "01012345678");
            var missing = await service.GetBookingAsync("1051707_99999", "010-1234-5678");

            Assert.NotNull(found);
            Assert.Equal("Kim Soo", found.Name);
            Assert.Equal("C-7", found.CustomerId);
            Assert.Equal(12, found.VisitCount);
            Assert.Equal(12m, found.ExtraNumber("visit_count"));
            Assert.NotNull(sameWithOtherSpelling);
            Assert.Null(missing);
        }

        [Fact]
        public async Task Get_flag_and_delete_find_a_legacy_item_stored_with_an_unnormalised_phone()
        {
            var options = await TestTables.CreateAsync(_fixture, "legacy-spelling");
            var service = new BookingService(_fixture.Client, options);
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = service.TableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_555" },
                    ["phone"] = new() { S = "01055556666" },
                    ["name"] = new() { S = "Lee Min" },
                    ["booking_time"] = new() { S = "2025-10-21 10:00:00" },
                    ["confirm_sms"] = new() { BOOL = false },
                    ["remind_sms"] = new() { BOOL = false },
                    ["option_sms"] = new() { BOOL = false },
                    ["option_time"] = new() { S = string.Empty },
                },
            });

            Assert.NotNull(await service.GetBookingAsync("1051707_555", "01055556666"));
            Assert.True(await service.UpdateFlagAsync("1051707_555", "01055556666", BookingFlag.RemindSms));
            Assert.True((await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_555", "01055556666"))!["remind_sms"].BOOL);
            Assert.Null(await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_555", "010-5555-6666"));
            Assert.True(await service.DeleteBookingAsync("1051707_555", "01055556666"));
            Assert.Null(await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_555", "01055556666"));
        }

        [Fact]
        public async Task Create_overwrites_like_the_legacy_put_and_create_if_absent_keeps_the_first()
        {
            var options = await TestTables.CreateAsync(_fixture, "overwrite");
            var service = new BookingService(_fixture.Client, options);
            await service.CreateBookingAsync(Sample().WithExtra("customer_id", "C-1"));

            await service.CreateBookingAsync(Sample("010-1234-5678") with { Name = "Kim Soo-a", RemindSms = true });
            var replaced = await service.GetBookingAsync("1051707_12345", "010-1234-5678");
            Assert.Equal("Kim Soo-a", replaced!.Name);
            Assert.True(replaced.RemindSms);
            Assert.Null(replaced.CustomerId);

            Assert.False(await service.CreateBookingIfAbsentAsync(Sample() with { Name = "Someone Else" }));
            Assert.Equal("Kim Soo-a", (await service.GetBookingAsync("1051707_12345", "010-1234-5678"))!.Name);
            Assert.True(await service.CreateBookingIfAbsentAsync(Sample() with { Key = BookingKey.FromBookingNumber("1051707_12346", "01012345678") }));
        }

        [Theory]
        [InlineData(BookingFlag.ConfirmSms, "confirm_sms")]
        [InlineData(BookingFlag.RemindSms, "remind_sms")]
        [InlineData(BookingFlag.OptionSms, "option_sms")]
        public async Task Update_flag_sets_only_that_flag_and_keeps_extra_fields(BookingFlag flag, string attribute)
        {
            var options = await TestTables.CreateAsync(_fixture, "flag-" + attribute);
            var service = new BookingService(_fixture.Client, options);
            await service.CreateBookingAsync(Sample().WithExtra("customer_id", "C-9").WithExtra("visit_count", 2));

            Assert.True(await service.UpdateFlagAsync("1051707_12345", "010-1234-5678", flag));

            var raw = (await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_12345", "010-1234-5678"))!;
            foreach (var name in BookingFlags.AttributeNames)
            {
                Assert.Equal(name == attribute, raw[name].BOOL);
            }

            Assert.Equal("C-9", raw["customer_id"].S);
            Assert.Equal("2", raw["visit_count"].N);
            Assert.True(IsSet(await service.GetBookingAsync("1051707_12345", "01012345678"), flag));

            Assert.True(await service.UpdateFlagAsync("1051707_12345", "01012345678", flag, value: false));
            Assert.False(IsSet(await service.GetBookingAsync("1051707_12345", "01012345678"), flag));
        }

        [Fact]
        public async Task Update_flag_on_a_missing_booking_returns_false_and_creates_nothing()
        {
            var options = await TestTables.CreateAsync(_fixture, "flag-missing");
            var service = new BookingService(_fixture.Client, options);

            Assert.False(await service.UpdateFlagAsync("1051707_404", "01012345678", BookingFlag.ConfirmSms));
            Assert.False(await service.UpdateFlagAsync("1051707_404", "010-1234-5678", BookingFlag.OptionSms, value: false));

            Assert.Null(await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_404", "010-1234-5678"));
            Assert.Null(await TestTables.RawGetAsync(_fixture, service.TableName, "1051707_404", "01012345678"));
            var scan = await _fixture.Client.ScanAsync(new ScanRequest { TableName = service.TableName });
            Assert.Equal(0, scan.Count);
        }

        [Fact]
        public async Task Extra_fields_survive_a_read_modify_write_and_can_be_changed_one_by_one()
        {
            var options = await TestTables.CreateAsync(_fixture, "extras-survive");
            var service = new BookingService(_fixture.Client, options);
            await service.CreateBookingAsync(Sample()
                .WithExtra("customer_id", "C-42")
                .WithExtra("visit_count", 5)
                .WithExtra("payment", new AttributeValue { M = new Dictionary<string, AttributeValue> { ["paid"] = new() { BOOL = true } } }));

            var read = (await service.GetBookingAsync("1051707_12345", "010-1234-5678"))!;
            await service.Repository.PutAsync(read with { BookingTime = "2025-10-20 15:00:00", ConfirmSms = true });
            var updated = (await service.GetBookingAsync("1051707_12345", "010-1234-5678"))!;
            Assert.Equal("2025-10-20 15:00:00", updated.BookingTime);
            Assert.Equal("C-42", updated.CustomerId);
            Assert.Equal(5, updated.VisitCount);
            Assert.True(updated.Extra("payment")!.M["paid"].BOOL);

            await service.Repository.PutAsync(updated.WithExtra("visit_count", 6).WithoutExtra("payment"));
            var final = (await service.GetBookingAsync("1051707_12345", "010-1234-5678"))!;
            Assert.Equal(6, final.VisitCount);
            Assert.Null(final.Extra("payment"));
            Assert.Equal("C-42", final.CustomerId);
        }

        [Fact]
        public async Task Delete_returns_true_once_then_false()
        {
            var options = await TestTables.CreateAsync(_fixture, "delete");
            var service = new BookingService(_fixture.Client, options);
            await service.CreateBookingAsync(Sample());

            Assert.True(await service.DeleteBookingAsync("1051707_12345", "010-1234-5678"));
            Assert.False(await service.DeleteBookingAsync("1051707_12345", "010-1234-5678"));
            Assert.Null(await service.GetBookingAsync("1051707_12345", "010-1234-5678"));
        }

        [Theory]
        [InlineData("1051707", "010-1234-5678", "booking_num")]
        [InlineData("1051707_", "010-1234-5678", "booking_num")]
        [InlineData("10517a7_1", "010-1234-5678", "booking_num")]
        [InlineData("1051707_12345", "02-123-4567", "phone")]
        public async Task Invalid_input_is_rejected_before_anything_is_sent_without_echoing_it(string bookingNum, string phone, string attribute)
        {
            var service = new BookingService(_fixture.Client, new DynamoRepositoryOptions { TableNamePrefix = "never-created-" });

            var error = await Assert.ThrowsAsync<DynamoValidationException>(() => service.GetBookingAsync(bookingNum, phone));

            Assert.Equal(attribute, error.Attribute);
            Assert.Equal(0, error.Attempts);
            Assert.DoesNotContain(phone, error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Extra_fields_cannot_shadow_declared_attributes()
        {
            Assert.Throws<System.ArgumentException>(() => Sample().WithExtra("confirm_sms", "yes"));
            Assert.Throws<System.ArgumentException>(() => Sample().WithExtra("phone", "x"));
        }

        [Fact]
        public void Booking_flags_parse_from_stored_short_and_csharp_names()
        {
            // The CLI's flag argument: the stored name, the short name or the C# name, in any case.
            Assert.True(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag("confirm_sms", out var a) && a == BookingFlag.ConfirmSms);
            Assert.True(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag("Remind", out var b) && b == BookingFlag.RemindSms);
            Assert.True(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag("OptionSms", out var c) && c == BookingFlag.OptionSms);
            Assert.True(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag(" OPTION_SMS ", out var d) && d == BookingFlag.OptionSms);
            Assert.False(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag("sms", out _));
            Assert.False(global::Bookings.Cli.Commands.BookingCommands.TryParseFlag(null, out _));

            // The generated names: a flag's stored name, and the flag a stored name stands for (exactly).
            Assert.Equal("option_sms", BookingFlag.OptionSms.AttributeName());
            Assert.Equal(new[] { "confirm_sms", "remind_sms", "option_sms" }, BookingFlags.AttributeNames);
            Assert.True(BookingFlags.TryParse("remind_sms", out var remind) && remind == BookingFlag.RemindSms);
            Assert.False(BookingFlags.TryParse("Remind", out _));

            // The update that sets a flag is the update type's own Set… for it (what UpdateFlagAsync sends).
            Assert.False(new BookingUpdate().SetFlag(BookingFlag.RemindSms, true).IsEmpty);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new BookingUpdate().SetFlag((BookingFlag)99, true));
        }

        /// <summary>The flag's value on a booking read back, through the generated marshaller and the flag's stored name.</summary>
        private static bool IsSet(Booking? booking, BookingFlag flag)
            => BookingMarshaller.ToItem(booking!)[flag.AttributeName()].BOOL == true;
    }
}

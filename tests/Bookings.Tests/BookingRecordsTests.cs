using Bookings.Generated.Runtime;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Bookings.Tests
{
    /// <summary>Reading legacy records (import, create) and writing them back (export), without DynamoDB.</summary>
    public sealed class BookingRecordsTests
    {
        private static bool TryParse(string json, out Booking? booking, out string? problem)
        {
            using var document = JsonDocument.Parse(json);
            return BookingRecords.TryParse(document.RootElement, out booking, out problem);
        }

        [Fact]
        public void A_legacy_record_becomes_a_booking_with_defaults_and_extra_attributes()
        {
            Assert.True(TryParse(
                "{\"booking_num\":\"1051707_1\",\"phone\":\"01012345678\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:00:00\",\"remind_sms\":true,"
                + "\"visit_count\":3,\"rating\":4.5,\"memo\":null,\"tags\":[\"a\"],\"payment\":{\"paid\":true}}",
                out var booking,
                out var problem));
            Assert.Null(problem);
            Assert.Equal("010-1234-5678", booking!.Phone);
            Assert.False(booking.ConfirmSms);
            Assert.True(booking.RemindSms);
            Assert.Equal(string.Empty, booking.OptionTime);
            Assert.Equal("3", booking.Extra("visit_count")!.N);
            Assert.Equal("4.5", booking.Extra("rating")!.N);
            Assert.True(booking.Extra("memo")!.NULL);
            Assert.Equal("a", booking.Extra("tags")!.L.Single().S);
            Assert.True(booking.Extra("payment")!.M["paid"].BOOL);
        }

        [Theory]
        [InlineData("[]", "JSON object")]
        [InlineData("{\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "'booking_num' is missing")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025/10/20 10:00\"}", "'booking_time' must be")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"0109999999\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "'phone' is not a Korean mobile number")]
        [InlineData("{\"booking_num\":\"12\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "'booking_num' must be")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"confirm_sms\":\"yes\"}", "'confirm_sms' must be true or false")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":7,\"booking_time\":\"2025-10-20 10:00:00\"}", "'name' must be a string")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"big\":1e400}", "'big' holds a number DynamoDB cannot store")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"phone\":\"01012345679\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "appears more than once")]
        public void Invalid_records_name_the_field_and_never_the_value(string json, string expected)
        {
            Assert.False(TryParse(json, out _, out var problem));
            Assert.Contains(expected, problem, System.StringComparison.Ordinal);
            Assert.DoesNotContain("0109999999", problem, System.StringComparison.Ordinal);
            Assert.DoesNotContain("2025/10/20", problem, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Written_records_mask_personal_data_unless_asked_for_the_complete_record()
        {
            Assert.True(TryParse(
                "{\"booking_num\":\"1051707_1\",\"phone\":\"010-1234-5678\",\"name\":\"Kim Soo\",\"booking_time\":\"2025-10-20 10:00:00\",\"note\":\"call 010 9876 5432 first\",\"visit_count\":3}",
                out var booking,
                out _));

            var masked = Write(booking!, mask: true);
            var complete = Write(booking!, mask: false);

            Assert.Equal(
                "{\"booking_num\":\"1051707_1\",\"phone\":\"010-****-5678\",\"name\":\"K***\",\"booking_time\":\"2025-10-20 10:00:00\",\"confirm_sms\":false,\"remind_sms\":false,\"option_sms\":false,\"option_time\":\"\",\"note\":\"call 010-****-5432 first\",\"visit_count\":3}",
                masked);
            Assert.Contains("\"phone\":\"010-1234-5678\"", complete, System.StringComparison.Ordinal);
            Assert.Contains("\"name\":\"Kim Soo\"", complete, System.StringComparison.Ordinal);

            using var document = JsonDocument.Parse(complete);
            Assert.True(BookingRecords.TryParse(document.RootElement, out var roundTrip, out _));
            Assert.Equal(booking!.Key, roundTrip!.Key);
            Assert.Equal("call 010 9876 5432 first", roundTrip.ExtraText("note"));
        }

        [Theory]
        [InlineData("12345678901234567890123456789012345678", null)]
        [InlineData("4.50", null)]
        [InlineData("123456789012345678901234567890123456789", "field 'big' holds a number DynamoDB cannot store")]
        [InlineData("1e126", "field 'big' holds a number DynamoDB cannot store")]
        [InlineData("{\"deep\":[1e-131]}", "field 'big' holds a number DynamoDB cannot store")]
        public void Extra_numbers_keep_their_text_and_are_checked_against_what_DynamoDB_can_store(string json, string? problem)
        {
            var parsed = TryParse(
                "{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"big\":" + json + "}",
                out var booking,
                out var actual);
            Assert.Equal(problem is null, parsed);
            if (problem is null)
            {
                Assert.Equal(json, booking!.Extra("big")!.N);
            }
            else
            {
                Assert.StartsWith(problem, actual, System.StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":null,\"booking_time\":\"2025-10-20 10:00:00\"}", "field 'name' must be a string, not null")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"booking_time\":\"2025-10-20 10:00:00\"}", "required field 'name' is missing")]
        [InlineData("{\"booking_num\":1,\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "field 'booking_num' must be a string, not a number")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"remind_sms\":[true]}", "field 'remind_sms' must be true or false, not an array")]
        [InlineData("{\"booking_num\":\"1_x\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\"}", "field 'booking_num' must be '{biz_id}_{book_id}' with both parts numeric, for example 1051707_12345")]
        [InlineData("{\"booking_num\":\"1_2\",\"phone\":\"01012345678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"\":1}", "a field has an empty name, which DynamoDB does not allow")]
        public void Problems_say_what_the_legacy_reader_said(string json, string expected)
        {
            Assert.False(TryParse(json, out _, out var problem));
            Assert.Equal(expected, problem);
        }

        [Fact]
        public void Flags_and_option_time_given_as_null_take_their_defaults()
        {
            Assert.True(TryParse(
                "{\"booking_num\":\"1_2\",\"phone\":\"010-1234-5678\",\"name\":\"K\",\"booking_time\":\"2025-10-20 10:00:00\",\"confirm_sms\":null,\"option_time\":null}",
                out var booking,
                out _));
            Assert.False(booking!.ConfirmSms);
            Assert.Equal(string.Empty, booking.OptionTime);
            Assert.Empty(booking.ExtraAttributes);
        }

        [Theory]
        [InlineData("2025-10-20 09:05:00", true)]
        [InlineData("2025-10-20 9:05:00", true)]
        [InlineData("2025-2-3 9:5:0", true)]
        [InlineData("2025-10-20 24:00:00", false)]
        [InlineData("2025-09-31 10:00:00", false)]
        [InlineData("2025-10-20T10:00:00", false)]
        [InlineData("", false)]
        public void Booking_times_are_read_like_the_legacy_strptime(string text, bool valid)
            => Assert.Equal(valid, UnnotifiedOptions.TryParseBookingTime(text, out _));

        [Fact]
        public void Sets_and_binary_values_export_as_arrays_and_base64()
        {
            var item = new System.Collections.Generic.Dictionary<string, AttributeValue>
            {
                ["booking_num"] = new() { S = "1_2" },
                ["tags"] = new() { SS = new() { "a", "b" } },
                ["scores"] = new() { NS = new() { "1", "2.5" } },
                ["blob"] = new() { B = new MemoryStream(new byte[] { 1, 2 }) },
            };
            var text = Write(item, mask: true);
            Assert.Equal("{\"booking_num\":\"1_2\",\"blob\":\"AQI=\",\"scores\":[1,2.5],\"tags\":[\"a\",\"b\"]}", text);
        }

        [Fact]
        public void Phones_inside_free_text_are_masked_but_ids_and_amounts_are_not()
        {
            Assert.Equal("010-****-5678 / 011-****-4567 / 010-****-0000.", PhoneNumber.MaskAll("01012345678 / 011-123-4567 / 010.9999.0000."));
            Assert.Equal("order 2010123456789 amount 45000", PhoneNumber.MaskAll("order 2010123456789 amount 45000"));
            Assert.Equal("010-****-5678", PhoneNumber.MaskAll("+82 10-1234-5678"));
        }

        private static string Write(Booking booking, bool mask)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                BookingRecords.Write(writer, booking, mask);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static string Write(System.Collections.Generic.IReadOnlyDictionary<string, AttributeValue> item, bool mask)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                BookingRecords.Write(writer, item, mask);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}

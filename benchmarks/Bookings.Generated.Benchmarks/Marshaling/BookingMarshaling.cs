using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using Bookings.Generated.Benchmarks.Infrastructure;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>The <c>sms</c> table's item (<see cref="Booking"/>): generated vs hand-written vs <c>DynamoDBContext</c>.</summary>
    public class BookingMarshalingBenchmarks : MarshalingBenchmarks<BookingCase, Booking, BookingDocument>
    {
        private BookingDocument _document = null!;

        /// <summary>Hand-written with no checks, between the plain class and the item: what DynamoDBContext does, done by hand.</summary>
        [Benchmark, BenchmarkCategory(ToItemCategory)]
        public Dictionary<string, AttributeValue> HandWrittenPlain_ToItem() => BookingPlain.ToItem(_document);

        /// <summary>Hand-written with no checks, from the item to the plain class.</summary>
        [Benchmark, BenchmarkCategory(FromItemCategory)]
        public BookingDocument HandWrittenPlain_FromItem() => BookingPlain.FromItem(Item);

        /// <inheritdoc/>
        protected override void CheckGenerated()
        {
            base.CheckGenerated();
            _document = BookingDocument.From(Entity);
            AttributeMaps.AssertSame(Item, BookingPlain.ToItem(_document), "plain hand-written to-item");
            AttributeMaps.AssertSame(Item, BookingPlain.ToItem(BookingPlain.FromItem(Item)), "plain hand-written from-item");
            WarmUp(() => HandWrittenPlain_ToItem());
            WarmUp(() => HandWrittenPlain_FromItem());
        }
    }

    /// <summary>
    /// The least code that maps the booking: no validation, no key parsing, no type checks, extra attributes
    /// dropped, into and out of the same plain class DynamoDBContext uses. Not what the SDK promises (the generated
    /// and the careful hand-written code check all of that); here to show what the checks cost, and to compare
    /// DynamoDBContext with hand-written code that does exactly its work.
    /// </summary>
    public static class BookingPlain
    {
        /// <summary>The item.</summary>
        public static Dictionary<string, AttributeValue> ToItem(BookingDocument booking) => new(8)
        {
            ["booking_num"] = new AttributeValue { S = booking.BookingNum },
            ["phone"] = new AttributeValue { S = booking.Phone },
            ["name"] = new AttributeValue { S = booking.Name },
            ["booking_time"] = new AttributeValue { S = booking.BookingTime },
            ["confirm_sms"] = new AttributeValue { BOOL = booking.ConfirmSms },
            ["remind_sms"] = new AttributeValue { BOOL = booking.RemindSms },
            ["option_sms"] = new AttributeValue { BOOL = booking.OptionSms },
            ["option_time"] = new AttributeValue { S = booking.OptionTime },
        };

        /// <summary>The plain object.</summary>
        public static BookingDocument FromItem(Dictionary<string, AttributeValue> item) => new()
        {
            BookingNum = item["booking_num"].S,
            Phone = item["phone"].S,
            Name = item["name"].S,
            BookingTime = item["booking_time"].S,
            ConfirmSms = item.TryGetValue("confirm_sms", out var confirm) && confirm.BOOL == true,
            RemindSms = item.TryGetValue("remind_sms", out var remind) && remind.BOOL == true,
            OptionSms = item.TryGetValue("option_sms", out var option) && option.BOOL == true,
            OptionTime = item.TryGetValue("option_time", out var optionTime) ? optionTime.S : "",
        };
    }

    /// <summary>The booking item shape.</summary>
    public readonly struct BookingCase : IGeneratedMarshalingCase<Booking, BookingDocument>
    {
        /// <summary>A booking as the booking service writes it: confirmation sent, no extra attributes.</summary>
        public static Booking Sample() => new()
        {
            Key = BookingKey.Create("20231", "884512", "010-2345-6789"),
            Name = "홍길동",
            BookingTime = "2025-03-14 18:30:00",
            ConfirmSms = true,
            RemindSms = false,
            OptionSms = false,
            OptionTime = "",
        };

        /// <inheritdoc/>
        public static Booking CreateEntity() => Sample();

        /// <inheritdoc/>
        public static BookingDocument ToDocumentModel(Booking entity) => BookingDocument.From(entity);

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> HandWrittenToItem(Booking entity) => BookingHandWritten.ToItem(entity);

        /// <inheritdoc/>
        public static Booking HandWrittenFromItem(Dictionary<string, AttributeValue> item) => BookingHandWritten.FromItem(item);

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> GeneratedToItem(Booking entity) => BookingMarshaller.ToItem(entity);

        /// <inheritdoc/>
        public static Booking GeneratedFromItem(Dictionary<string, AttributeValue> item) => BookingMarshaller.FromItem(item);
    }

    /// <summary>
    /// Careful hand-written conversions of the generated <see cref="Booking"/> record: the same checks and the
    /// same stored item as the generated marshaller (required values present, the booking-time pattern, typed
    /// attributes, the key parsed and validated through <see cref="BookingKey.TryParse"/>, extra attributes
    /// kept), written the way a performance-minded developer would: concrete dictionaries, no enumerator
    /// allocations, extra attributes looked for only when the item holds more than the declared ones.
    /// </summary>
    public static partial class BookingHandWritten
    {
        private const int Declared = 8;

        private static readonly HashSet<string> DeclaredNames = new(StringComparer.Ordinal)
        {
            "booking_num", "phone", "name", "booking_time", "confirm_sms", "remind_sms", "option_sms", "option_time",
        };

        // What a careful developer on .NET 7 or later writes: the regular-expression source generator, not an interpreted Regex.
        [GeneratedRegex("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$", RegexOptions.CultureInvariant)]
        private static partial Regex BookingTimePattern();

        /// <summary>The item to store.</summary>
        public static Dictionary<string, AttributeValue> ToItem(Booking booking)
        {
            ArgumentNullException.ThrowIfNull(booking);
            var key = booking.Key ?? throw new DynamoValidationException("Booking", "Key", "is required");
            var name = booking.Name ?? throw new DynamoValidationException("Booking", "name", "is required");
            var bookingTime = booking.BookingTime ?? throw new DynamoValidationException("Booking", "booking_time", "is required");
            if (!BookingTimePattern().IsMatch(bookingTime))
            {
                throw new DynamoValidationException("Booking", "booking_time", "does not match its pattern");
            }

            var optionTime = booking.OptionTime ?? throw new DynamoValidationException("Booking", "option_time", "is required");
            var extras = booking.ExtraAttributes;
            var item = new Dictionary<string, AttributeValue>(Declared + (extras?.Count ?? 0))
            {
                ["booking_num"] = new AttributeValue { S = key.BookingNum },
                ["phone"] = new AttributeValue { S = key.Phone },
                ["name"] = new AttributeValue { S = name },
                ["booking_time"] = new AttributeValue { S = bookingTime },
                ["confirm_sms"] = new AttributeValue { BOOL = booking.ConfirmSms },
                ["remind_sms"] = new AttributeValue { BOOL = booking.RemindSms },
                ["option_sms"] = new AttributeValue { BOOL = booking.OptionSms },
                ["option_time"] = new AttributeValue { S = optionTime },
            };

            if (extras is { Count: > 0 })
            {
                foreach (var pair in extras)
                {
                    if (pair.Value is not null && !DeclaredNames.Contains(pair.Key))
                    {
                        item[pair.Key] = pair.Value;
                    }
                }
            }

            return item;
        }

        /// <summary>Reads a stored item.</summary>
        public static Booking FromItem(Dictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var found = 0;
            var bookingNum = Read.String(item, "booking_num", ref found) ?? throw Read.Missing("Booking", "booking_num", null);
            var phone = Read.String(item, "phone", ref found) ?? throw Read.Missing("Booking", "phone", null);
            if (!BookingKey.TryParse(bookingNum, phone, out var key))
            {
                throw new DynamoMappingException("Booking", "booking_num, phone", "a key of the form {biz_id}_{book_id}", "a value that does not fit it", null);
            }

            var name = Read.String(item, "name", ref found, key) ?? throw Read.Missing("Booking", "name", key);
            var bookingTime = Read.String(item, "booking_time", ref found, key) ?? throw Read.Missing("Booking", "booking_time", key);
            var confirmSms = Read.Bool(item, "confirm_sms", ref found, key) ?? false;
            var remindSms = Read.Bool(item, "remind_sms", ref found, key) ?? false;
            var optionSms = Read.Bool(item, "option_sms", ref found, key) ?? false;
            var optionTime = Read.String(item, "option_time", ref found, key) ?? "";
            return new Booking
            {
                Key = key,
                Name = name,
                BookingTime = bookingTime,
                ConfirmSms = confirmSms,
                RemindSms = remindSms,
                OptionSms = optionSms,
                OptionTime = optionTime,
                ExtraAttributes = item.Count > found ? Read.Extras(item, DeclaredNames) : ExtraAttributes.Empty,
            };
        }
    }

    /// <summary>The booking as a <c>DynamoDBContext</c> class.</summary>
    [DynamoDBTable("sms")]
    public sealed class BookingDocument
    {
        /// <summary><c>booking_num</c>, the partition key.</summary>
        [DynamoDBHashKey("booking_num")]
        public string BookingNum { get; set; } = "";

        /// <summary><c>phone</c>, the sort key.</summary>
        [DynamoDBRangeKey("phone")]
        public string Phone { get; set; } = "";

        /// <summary><c>name</c>.</summary>
        [DynamoDBProperty("name")]
        public string Name { get; set; } = "";

        /// <summary><c>booking_time</c>.</summary>
        [DynamoDBProperty("booking_time")]
        public string BookingTime { get; set; } = "";

        /// <summary><c>confirm_sms</c>.</summary>
        [DynamoDBProperty("confirm_sms")]
        public bool ConfirmSms { get; set; }

        /// <summary><c>remind_sms</c>.</summary>
        [DynamoDBProperty("remind_sms")]
        public bool RemindSms { get; set; }

        /// <summary><c>option_sms</c>.</summary>
        [DynamoDBProperty("option_sms")]
        public bool OptionSms { get; set; }

        /// <summary><c>option_time</c>.</summary>
        [DynamoDBProperty("option_time")]
        public string OptionTime { get; set; } = "";

        /// <summary>The same data as a <see cref="Booking"/>.</summary>
        public static BookingDocument From(Booking booking) => new()
        {
            BookingNum = booking.BookingNum,
            Phone = booking.Phone,
            Name = booking.Name,
            BookingTime = booking.BookingTime,
            ConfirmSms = booking.ConfirmSms,
            RemindSms = booking.RemindSms,
            OptionSms = booking.OptionSms,
            OptionTime = booking.OptionTime,
        };
    }
}

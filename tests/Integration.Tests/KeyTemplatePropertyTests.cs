using System;
using System.Globalization;
using System.Linq;
using Bookings.Generated.Integration.Tests.Purchases;
using Bookings.Generated.Integration.Tests.Shop;
using Bookings.Generated.Runtime;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Key templates over thousands of generated values (a fixed seed, so a failure repeats): every key built from
    /// valid parts parses back to itself, prefix builders are prefixes of the keys they select, and stored text
    /// that parses always builds the same text again. No database is involved.
    /// </summary>
    public sealed class KeyTemplatePropertyTests
    {
        private const int Cases = 2_000;
        private readonly Random _random = new(20261122);

        private string Digits(int min, int max)
        {
            var length = _random.Next(min, max + 1);
            var first = (char)('1' + _random.Next(9));
            return first + new string(Enumerable.Range(1, length - 1).Select(_ => (char)('0' + _random.Next(10))).ToArray());
        }

        private long AnyLong() => _random.Next(4) switch
        {
            0 => long.MinValue + _random.Next(3),
            1 => long.MaxValue - _random.Next(3),
            2 => _random.Next(-1000, 1000),
            _ => _random.NextInt64(long.MinValue, long.MaxValue),
        };

        /// <summary>An instant anywhere from year 1 to 9998, to the tick, in a random offset (within ±14 hours).</summary>
        private DateTimeOffset AnyInstant()
        {
            var ticks = _random.Next(3) switch
            {
                0 => _random.NextInt64(new DateTime(2000, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks),
                1 => _random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, new DateTime(9999, 1, 1).Ticks),
                _ => new DateTime(2026, 11, 22).Ticks + (_random.Next(-3, 4) * TimeSpan.TicksPerDay) + _random.Next(-2, 3),
            };
            var offset = TimeSpan.FromMinutes(_random.Next(-14 * 4, 14 * 4 + 1) * 15);
            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
        }

        [Fact]
        public void Date_time_parts_round_trip_exactly_and_their_text_sorts_in_time_order()
        {
            var keys = Enumerable.Range(0, Cases).Select(_ => PurchaseKey.Create(Digits(1, 6), AnyInstant(), AnyLong())).ToList();
            foreach (var key in keys)
            {
                var stored = key.ToAttributeMap();
                Assert.True(PurchaseKey.TryParse(stored["pk"].S, stored["sk"].S, out var parsed), stored["sk"].S);
                Assert.Equal(key, parsed);
                Assert.Equal(TimeSpan.Zero, parsed.CreatedAt.Offset);
                Assert.Equal(stored["sk"].S, parsed.Sk);
                Assert.StartsWith(PurchaseKey.SortKeyPrefix(key.CreatedAt), stored["sk"].S, StringComparison.Ordinal);
                Assert.StartsWith(PurchaseKey.SortKeyPrefix(DateOnly.FromDateTime(key.CreatedAt.UtcDateTime)), stored["sk"].S, StringComparison.Ordinal);
                Assert.False(stored["sk"].S.StartsWith(PurchaseKey.SortKeyPrefix(DateOnly.FromDateTime(key.CreatedAt.UtcDateTime).AddDays(1)), StringComparison.Ordinal));
            }

            // Neighbours in time as well as random pairs: the stored text compares as the instants do.
            var byTime = keys.OrderBy(k => k.CreatedAt).ToList();
            for (var i = 0; i < byTime.Count; i++)
            {
                var a = byTime[i];
                var b = i + 1 < byTime.Count ? byTime[i + 1] : byTime[_random.Next(byTime.Count)];
                Assert.Equal(Math.Sign(a.CreatedAt.CompareTo(b.CreatedAt)), Math.Sign(string.CompareOrdinal(PurchaseKey.SortKeyPrefix(a.CreatedAt), PurchaseKey.SortKeyPrefix(b.CreatedAt))));
                var c = keys[_random.Next(keys.Count)];
                if (a.CreatedAt != c.CreatedAt)
                {
                    Assert.Equal(Math.Sign(a.CreatedAt.CompareTo(c.CreatedAt)), Math.Sign(string.CompareOrdinal(a.Sk, c.Sk)));
                }
            }
        }

        [Fact]
        public void Patterned_date_and_date_time_parts_round_trip_to_their_precision_and_sort_in_time_order()
        {
            var korea = TimeSpan.FromHours(9);
            var keys = Enumerable.Range(0, Cases)
                .Select(_ => DeliveryKey.Create(DateOnly.FromDateTime(AnyInstant().UtcDateTime), AnyInstant().UtcDateTime, "P" + Digits(1, 5)))
                .ToList();
            foreach (var key in keys)
            {
                var stored = key.ToAttributeMap();
                Assert.True(DeliveryKey.TryParse(stored["pk"].S, stored["sk"].S, out var parsed), stored["sk"].S);
                Assert.Equal(key, parsed);
                Assert.Equal(DateTimeKind.Utc, parsed.Due.Kind);
                Assert.Equal(0, parsed.Due.Ticks % TimeSpan.TicksPerSecond);
                Assert.Equal("DAY#" + key.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), stored["pk"].S);
                Assert.Equal($"DUE#{new DateTimeOffset(key.Due).ToOffset(korea):yyyy-MM-dd HH:mm:ss}#{key.Parcel}", stored["sk"].S);
                Assert.StartsWith(DeliveryKey.SortKeyPrefix(DateOnly.FromDateTime(new DateTimeOffset(key.Due).ToOffset(korea).DateTime)), stored["sk"].S, StringComparison.Ordinal);
            }

            var byTime = keys.OrderBy(k => k.Due).ToList();
            for (var i = 0; i + 1 < byTime.Count; i++)
            {
                var (a, b) = (byTime[i], byTime[i + 1]);
                Assert.Equal(Math.Sign(a.Due.CompareTo(b.Due)), Math.Sign(string.CompareOrdinal(DeliveryKey.SortKeyPrefix(a.Due), DeliveryKey.SortKeyPrefix(b.Due))));
            }

            var byDay = keys.OrderBy(k => k.Day).ToList();
            for (var i = 0; i + 1 < byDay.Count; i++)
            {
                Assert.Equal(Math.Sign(byDay[i].Day.CompareTo(byDay[i + 1].Day)), Math.Sign(string.CompareOrdinal(byDay[i].Pk, byDay[i + 1].Pk)));
            }
        }

        [Fact]
        public void Date_parts_keep_what_the_key_text_holds_and_refuse_what_attributes_refuse()
        {
            var placed = new DateTimeOffset(2026, 11, 22, 19, 30, 15, TimeSpan.FromHours(9)).AddTicks(1234567);
            var key = PurchaseKey.Create("1", placed, 5);
            Assert.Equal("ORDER#2026-11-22T10:30:15.1234567+00:00#5", key.Sk);
            Assert.Equal(placed, key.CreatedAt);
            Assert.Equal(TimeSpan.Zero, key.CreatedAt.Offset);
            Assert.Equal("PurchaseKey { CustomerId = 1, CreatedAt = 2026-11-22T10:30:15.1234567+00:00, OrderId = 5 }", key.ToString());

            // A pattern to the second: the key holds the value its text reads back as.
            var due = DeliveryKey.Create(new DateOnly(2026, 11, 22), new DateTime(2026, 11, 22, 1, 2, 3, 456, DateTimeKind.Utc), "A1");
            Assert.Equal(new DateTime(2026, 11, 22, 1, 2, 3, DateTimeKind.Utc), due.Due);
            Assert.Equal("DUE#2026-11-22 10:02:03#A1", due.Sk);

            Assert.Equal("due", Assert.Throws<DynamoValidationException>(() => DeliveryKey.Create(new DateOnly(2026, 11, 22), new DateTime(2026, 11, 22, 1, 2, 3, DateTimeKind.Local), "A1")).Attribute);
            Assert.Contains("must be a UTC DateTime", Assert.Throws<DynamoValidationException>(() => DeliveryKey.Create(new DateOnly(2026, 11, 22), new DateTime(2026, 11, 22), "A1")).Message, StringComparison.Ordinal);
            Assert.Throws<DynamoValidationException>(() => DeliverySortKey.BeginsWith(new DateTime(2026, 11, 22, 1, 2, 3, DateTimeKind.Unspecified)));
            Assert.Equal("due", Assert.Throws<DynamoValidationException>(() => DeliveryKey.Create(new DateOnly(2026, 11, 22), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), "A1")).Attribute);

            // Only the exact text the format writes parses: no other spelling of the same instant.
            Assert.True(PurchaseKey.TryParse("CUSTOMER#1", "ORDER#2026-11-22T10:30:15.1234567+00:00#5", out var parsed));
            Assert.Equal(key, parsed);
            foreach (var other in new[] { "2026-11-22T10:30:15.1234567Z", "2026-11-22T19:30:15.1234567+09:00", "2026-11-22T10:30:15.123456+00:00", "2026-11-22 10:30:15.1234567+00:00", "2026-11-22", "" })
            {
                Assert.False(PurchaseKey.TryParse("CUSTOMER#1", $"ORDER#{other}#5", out _), other);
            }

            Assert.False(DeliveryKey.TryParse("DAY#2026-11-22", "DUE#2026-11-22 10:02:03#A1", out _));
            Assert.False(DeliveryKey.TryParse("DAY#20261122", "DUE#0001-01-01 08:59:59#A1", out _));   // before year 1 in UTC
            Assert.True(DeliveryKey.TryParse("DAY#20261122", "DUE#0001-01-01 09:00:00#A1", out var first));
            Assert.Equal(DateTime.MinValue, first.Due);
            Assert.Equal(DeliveryKey.Create(first.Day, first.Due, first.Parcel), first);   // the parts compose the stored text

            // Days at both ends of the calendar are days like any other.
            Assert.Equal("DUE#0001-01-01", DeliveryKey.SortKeyPrefix(DateOnly.MinValue));
            Assert.Equal("DUE#9999-12-31", DeliveryKey.SortKeyPrefix(DateOnly.MaxValue));
            Assert.Equal("ORDER#0001-01-01", PurchaseKey.SortKeyPrefix(DateOnly.MinValue));
            Assert.Equal("ORDER#9999-12-31", PurchaseKey.SortKeyPrefix(DateOnly.MaxValue));
            Assert.False(DeliveryKey.TryParse("DAY#20261122", "DUE#2026-11-22 10:02:3#A1", out _));
            Assert.True(DeliveryKey.TryParse("DAY#20261122", "DUE#2026-11-22 10:02:03#A1", out var delivery));
            Assert.Equal(due, delivery);
        }

        [Fact]
        public void Booking_keys_round_trip_through_their_stored_form()
        {
            for (var i = 0; i < Cases; i++)
            {
                var key = BookingKey.Create(Digits(1, 9), Digits(1, 12), "010" + Digits(8, 8).Substring(0, 8));
                var stored = key.ToAttributeMap();

                Assert.True(BookingKey.TryParse(stored["booking_num"].S, stored["phone"].S, out var parsed), stored["booking_num"].S);
                Assert.Equal(key, parsed);
                Assert.Equal($"{key.BizId}_{key.BookId}", stored["booking_num"].S);
                Assert.Same(stored["booking_num"].S, parsed.BookingNum);   // read back, the stored text is kept, not composed again
                Assert.Same(stored["phone"].S, parsed.Phone);
            }
        }

        [Fact]
        public void Composite_sort_keys_round_trip_and_prefixes_select_them()
        {
            for (var i = 0; i < Cases; i++)
            {
                var date = new DateOnly(2000, 1, 1).AddDays(_random.Next(20_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var key = ShiftKey.Create(Digits(1, 6), date, AnyLong());
                var stored = key.ToAttributeMap();

                Assert.True(ShiftKey.TryParse(stored["pk"].S, stored["sk"].S, out var parsed), stored["sk"].S);
                Assert.Equal(key, parsed);
                Assert.StartsWith(ShiftKey.SortKeyPrefix(date), stored["sk"].S, StringComparison.Ordinal);
                Assert.StartsWith(ShiftKey.SortKeyPrefix(), stored["sk"].S, StringComparison.Ordinal);
                Assert.Equal(stored["pk"].S, ShiftKey.PartitionKeyValue(key.StoreId).S);
            }
        }

        [Fact]
        public void Stored_text_that_parses_builds_the_same_text_and_nothing_else_throws()
        {
            // Near-misses as well as valid text: leading zeros, signs, empty parts, extra separators.
            string[] stores = { "1", "007", "42", "", "4a", "12#3" };
            string[] dates = { "2026-01-01", "2026-1-1", "2026-01-01#", "", "x" };
            string[] numbers = { "5", "-5", "007", "-0", "+5", "", "9223372036854775807", "9223372036854775808", "1e3", " 5" };
            var parsedCount = 0;
            var refused = 0;
            for (var i = 0; i < Cases * 5; i++)
            {
                var pk = "STORE#" + stores[_random.Next(stores.Length)];
                var sk = "SHIFT#" + dates[_random.Next(dates.Length)] + "#" + numbers[_random.Next(numbers.Length)];

                if (ShiftKey.TryParse(pk, sk, out var parsed))
                {
                    // Only canonical text parses (no "007", no "-0"), so writing the key back changes nothing: the
                    // parsed key keeps the stored text, and a key built from its parts composes the same text.
                    parsedCount++;
                    var stored = parsed.ToAttributeMap();
                    Assert.Equal(pk, stored["pk"].S);
                    Assert.Equal(sk, stored["sk"].S);
                    var rebuilt = ShiftKey.Create(parsed.StoreId, parsed.Date, parsed.StaffId);
                    Assert.Equal(pk, rebuilt.Pk);
                    Assert.Equal(sk, rebuilt.Sk);
                    Assert.Equal(rebuilt, parsed);
                }
                else
                {
                    refused++;
                }
            }

            Assert.True(parsedCount > 100 && refused > 100, $"{parsedCount} parsed, {refused} refused");
            Assert.False(ShiftKey.TryParse("STORE#1", "SHIFT#2026-01-01#007", out _));
            Assert.False(ShiftKey.TryParse("STORE#1", "SHIFT#2026-01-01#-0", out _));
            Assert.False(ShiftKey.TryParse(null, "SHIFT#2026-01-01#7", out _));
        }

        [Fact]
        public void Parts_that_would_not_parse_back_are_refused_when_the_key_is_built()
        {
            Assert.Throws<DynamoValidationException>(() => ShiftKey.Create("1", "2026-01-01#x", 5));   // breaks the date pattern and holds the separator
            Assert.Throws<DynamoValidationException>(() => ShiftKey.Create("", "2026-01-01", 5));
            Assert.Throws<DynamoValidationException>(() => BookingKey.Create("12_3", "4", "01012345678"));
            Assert.Equal("date", Assert.Throws<DynamoValidationException>(() => ShiftKey.Create("1", "2026/01/01", 5)).Attribute);
        }
    }
}

using System;
using System.Globalization;
using System.Linq;
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
                    // Only canonical text parses (no "007", no "-0"), so writing the key back changes nothing.
                    parsedCount++;
                    var stored = parsed.ToAttributeMap();
                    Assert.Equal(pk, stored["pk"].S);
                    Assert.Equal(sk, stored["sk"].S);
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

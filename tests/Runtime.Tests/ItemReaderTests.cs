using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Runtime.Tests.Support;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class ItemReaderTests
    {
        private static ItemReader Reader(Dictionary<string, AttributeValue> item, object? key = null) => new(item, "Booking", key);

        private static Dictionary<string, AttributeValue> Item(string name, AttributeValue value) => new() { [name] = value };

        [Fact]
        public void Reads_each_type()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>
            {
                ["s"] = new() { S = "hello" },
                ["empty"] = new() { S = string.Empty },
                ["b"] = new() { BOOL = true },
                ["f"] = new() { BOOL = false },
                ["i"] = new() { N = "-42" },
                ["l"] = new() { N = "9007199254740993" },
                ["d"] = new() { N = "12345678901234567890.123456789" },
                ["x"] = new() { N = "1.5E+3" },
            });

            Assert.Equal("hello", reader.String("s"));
            Assert.Equal(string.Empty, reader.String("empty"));
            Assert.True(reader.Boolean("b"));
            Assert.False(reader.Boolean("f"));
            Assert.Equal(-42, reader.Int32("i"));
            Assert.Equal(-42L, reader.Int64("i"));
            Assert.Equal(9007199254740993L, reader.Int64("l"));
            Assert.Equal(12345678901234567890.123456789m, reader.Decimal("d"));
            Assert.Equal(1500d, reader.Double("x"));
            Assert.Equal(1500m, reader.Decimal("x"));
            Assert.Equal(-42d, reader.Double("i"));
        }

        [Fact]
        public void Extreme_values_that_fit_are_read()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>
            {
                ["imax"] = new() { N = "2147483647" },
                ["imin"] = new() { N = "-2147483648" },
                ["lmax"] = new() { N = "9223372036854775807" },
                ["lmin"] = new() { N = "-9223372036854775808" },
            });

            Assert.Equal(int.MaxValue, reader.Int32("imax"));
            Assert.Equal(int.MinValue, reader.Int32("imin"));
            Assert.Equal(long.MaxValue, reader.Int64("lmax"));
            Assert.Equal(long.MinValue, reader.Int64("lmin"));
        }

        [Fact]
        public void A_missing_attribute_reads_as_null()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>());

            Assert.Null(reader.String("a"));
            Assert.Null(reader.Boolean("a"));
            Assert.Null(reader.Int32("a"));
            Assert.Null(reader.Int64("a"));
            Assert.Null(reader.Decimal("a"));
            Assert.Null(reader.Double("a"));
        }

        [Fact]
        public void A_NULL_attribute_reads_as_null()
        {
            var reader = Reader(Item("a", new AttributeValue { NULL = true }));

            Assert.Null(reader.String("a"));
            Assert.Null(reader.Boolean("a"));
            Assert.Null(reader.Int32("a"));
            Assert.Null(reader.Int64("a"));
            Assert.Null(reader.Decimal("a"));
            Assert.Null(reader.Double("a"));
        }

        public static TheoryData<string, AttributeValue, string, string> WrongTypes => new()
        {
            { "String", new AttributeValue { N = "5" }, "a string (S)", "a number (N)" },
            { "String", new AttributeValue { BOOL = true }, "a string (S)", "a boolean (BOOL)" },
            { "Boolean", new AttributeValue { S = "true" }, "a boolean (BOOL)", "a string (S)" },
            { "Int32", new AttributeValue { S = "5" }, "a number (N)", "a string (S)" },
            { "Int64", new AttributeValue { BOOL = false }, "a number (N)", "a boolean (BOOL)" },
            { "Decimal", new AttributeValue { SS = new List<string> { "a" } }, "a number (N)", "a string set (SS)" },
            { "Double", new AttributeValue { NS = new List<string> { "1" } }, "a number (N)", "a number set (NS)" },
            { "String", new AttributeValue { B = new MemoryStream(new byte[] { 1 }) }, "a string (S)", "binary (B)" },
            { "String", new AttributeValue { M = new Dictionary<string, AttributeValue>() }, "a string (S)", "a map (M)" },
            { "String", new AttributeValue { L = new List<AttributeValue>() }, "a string (S)", "a list (L)" },
            { "String", new AttributeValue(), "a string (S)", "an empty value" },
        };

        [Theory]
        [MemberData(nameof(WrongTypes))]
        public void A_wrong_type_is_a_mapping_exception_with_attribute_expected_and_found(string read, AttributeValue value, string expected, string found)
        {
            var reader = Reader(Item("guestPhone", value), new PhoneKey("010-1234-5678"));

            var ex = Assert.Throws<DynamoMappingException>(() => Read(reader, read, "guestPhone"));

            Assert.Equal("Booking", ex.Entity);
            Assert.Equal("guestPhone", ex.Attribute);
            Assert.Equal(expected, ex.Expected);
            Assert.Equal(found, ex.Found);
            Assert.Contains("'guestPhone'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("010-****-5678", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("1234", ex.Message, StringComparison.Ordinal);
            Assert.Equal("SmsKey { Phone = 010-****-5678 }", ex.Key);
        }

        [Theory]
        [InlineData("Int32", "2147483648")]
        [InlineData("Int32", "-2147483649")]
        [InlineData("Int32", "99999999999999999999")]
        [InlineData("Int32", "1.5")]
        [InlineData("Int32", "1E+3")]
        [InlineData("Int64", "9223372036854775808")]
        [InlineData("Int64", "-9223372036854775809")]
        [InlineData("Int64", "2.5")]
        [InlineData("Decimal", "1E+30")]
        [InlineData("Decimal", "-9.9999999999999999999999999999999999999E+125")]
        public void A_number_that_does_not_fit_is_a_mapping_exception(string read, string number)
        {
            var reader = Reader(Item("count", new AttributeValue { N = number }));

            var ex = Assert.Throws<DynamoMappingException>(() => Read(reader, read, "count"));

            Assert.Equal("count", ex.Attribute);
            Assert.Equal("a number outside that range", ex.Found);
            Assert.Contains("fits in", ex.Expected, StringComparison.Ordinal);
            Assert.Null(ex.Key);
            Assert.DoesNotContain(number, ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("1E-130")]
        [InlineData("-2.5E-40")]
        [InlineData("1E-29")]
        public void A_non_zero_number_too_small_for_decimal_is_a_mapping_exception_not_zero(string number)
        {
            var reader = Reader(Item("rate", new AttributeValue { N = number }));

            var ex = Assert.Throws<DynamoMappingException>(() => reader.Decimal("rate"));
            Assert.Equal("a number outside that range", ex.Found);
        }

        [Fact]
        public void Numbers_are_read_culture_invariantly()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>
            {
                ["price"] = new() { N = "1.5" },
                ["big"] = new() { N = "1234.25" },
                ["count"] = new() { N = "1000" },
            });
            var original = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");

                // In de-DE '.' is the group separator: a culture-sensitive parse would give 15.
                Assert.Equal(1.5m, reader.Decimal("price"));
                Assert.Equal(1.5d, reader.Double("price"));
                Assert.Equal(1234.25m, reader.Decimal("big"));
                Assert.Equal(1000, reader.Int32("count"));
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
            }
        }

        [Fact]
        public void Extras_returns_only_unknown_names()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "BOOKING#1" },
                ["guestName"] = new() { S = "Kim Soo" },
                ["legacyFlag"] = new() { BOOL = true },
                ["note"] = new() { S = "x" },
            });

            var extras = reader.Extras(new HashSet<string>(StringComparer.Ordinal) { "pk", "guestName" });

            Assert.Equal(2, extras.Count);
            Assert.True(extras["legacyFlag"].BOOL);
            Assert.Equal("x", extras["note"].S);
            Assert.False(extras.ContainsKey("pk"));
            Assert.Equal("[legacyFlag, note]", ExtraAttributes.Describe(extras));
        }

        [Fact]
        public void Extras_after_reads_finds_the_attributes_that_were_not_read_through_any_dictionary()
        {
            var stored = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "BOOKING#1" },
                ["guestName"] = new() { S = "Kim Soo" },
                ["note"] = new() { NULL = true },
                ["legacyFlag"] = new() { BOOL = true },
            };
            var known = new HashSet<string>(StringComparer.Ordinal) { "pk", "guestName", "note", "missing" };

            // The SDK's Dictionary and any other IReadOnlyDictionary read alike.
            foreach (var item in new IReadOnlyDictionary<string, AttributeValue>[] { stored, new System.Collections.ObjectModel.ReadOnlyDictionary<string, AttributeValue>(stored) })
            {
                var reader = new ItemReader(item, "Booking");
                Assert.Equal("BOOKING#1", reader.String("pk"));
                Assert.Equal("Kim Soo", reader.String("guestName"));
                Assert.Null(reader.String("note"));       // NULL: found, read as absent
                Assert.Null(reader.String("missing"));    // absent: not found
                reader.SetKey("key");                      // keeps what was read

                var extras = reader.Extras(known);
                Assert.Equal(new[] { "legacyFlag" }, extras.Keys);
            }
        }

        [Fact]
        public void Extras_after_reading_every_attribute_is_the_shared_empty_instance_without_a_walk()
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "BOOKING#1" },
                ["note"] = new() { NULL = true },
            };
            var reader = new ItemReader(item, "Booking");
            _ = reader.String("pk");
            _ = reader.String("note");

            // The set names neither attribute: had the reader walked the item, both would be extras.
            Assert.Same(ExtraAttributes.Empty, reader.Extras(new HashSet<string>()));
        }

        [Fact]
        public void Extras_walks_an_item_whose_dictionary_ignores_case()
        {
            // "Store_Name" is found by a read of "store_name" here, but it is not the declared attribute.
            var item = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase) { ["Store_Name"] = new() { S = "x" } };
            var reader = new ItemReader(item, "Store");
            Assert.Equal("x", reader.String("store_name"));

            Assert.Equal(new[] { "Store_Name" }, reader.Extras(new HashSet<string>(StringComparer.Ordinal) { "store_name" }).Keys);
        }

        [Fact]
        public void Another_kind_of_dictionary_is_read_with_names_compared_exactly_and_a_null_item_is_refused()
        {
            // Read through a copy that compares names as DynamoDB does, whatever the source's comparer.
            var inner = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase) { ["Store_Name"] = new() { S = "x" } };
            var reader = new ItemReader(new System.Collections.ObjectModel.ReadOnlyDictionary<string, AttributeValue>(inner), "Store");
            Assert.Null(reader.String("store_name"));
            Assert.Equal("x", reader.String("Store_Name"));

            Assert.Throws<ArgumentNullException>(() => new ItemReader(null!, "Store"));
        }

        [Fact]
        public void Extras_returns_the_shared_empty_instance_when_there_are_none()
        {
            var reader = Reader(Item("pk", new AttributeValue { S = "BOOKING#1" }));

            Assert.Same(ExtraAttributes.Empty, reader.Extras(new HashSet<string> { "pk", "other" }));
            Assert.Same(ExtraAttributes.Empty, Reader(new Dictionary<string, AttributeValue>()).Extras(new HashSet<string>()));
            Assert.Empty(ExtraAttributes.Empty);
            Assert.Equal("[]", ExtraAttributes.Describe(ExtraAttributes.Empty));
            Assert.Equal("[]", ExtraAttributes.Describe(null));
        }

        [Fact]
        public void CopyTo_skips_declared_names_and_null_values()
        {
            var extras = new Dictionary<string, AttributeValue>
            {
                ["guestName"] = new() { S = "stale" },
                ["legacyFlag"] = new() { BOOL = true },
                ["gone"] = null!,
            };
            var item = new Dictionary<string, AttributeValue> { ["guestName"] = new() { S = "Kim Soo" } };

            ExtraAttributes.CopyTo(extras, item, new HashSet<string> { "guestName" });
            ExtraAttributes.CopyTo(null, item, new HashSet<string>());

            Assert.Equal("Kim Soo", item["guestName"].S);
            Assert.True(item["legacyFlag"].BOOL);
            Assert.False(item.ContainsKey("gone"));
        }

        [Fact]
        public void Missing_and_InvalidKey_describe_the_problem_with_the_masked_key()
        {
            var reader = Reader(new Dictionary<string, AttributeValue>());
            reader.SetKey(new PhoneKey("01012345678"));

            var missing = reader.Missing("guestName", "a string (S)");
            Assert.Equal("missing", missing.Found);
            Assert.Equal("guestName", missing.Attribute);
            Assert.Equal("SmsKey { Phone = 010-****-5678 }", missing.Key);
            Assert.DoesNotContain("12345678", missing.Message, StringComparison.Ordinal);

            var invalid = reader.InvalidKey("pk", "SMS#{phone}");
            Assert.Equal("pk", invalid.Attribute);
            Assert.Contains("SMS#{phone}", invalid.Expected, StringComparison.Ordinal);
            Assert.Null(invalid.Key);
        }

        private static object? Read(ItemReader reader, string kind, string name) => kind switch
        {
            "String" => reader.String(name),
            "Boolean" => reader.Boolean(name),
            "Int32" => reader.Int32(name),
            "Int64" => reader.Int64(name),
            "Decimal" => reader.Decimal(name),
            "Double" => reader.Double(name),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}

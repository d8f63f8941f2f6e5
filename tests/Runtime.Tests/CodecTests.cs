using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>The codecs generated marshallers compose: dates in each format, enums, collections and error paths.</summary>
    public sealed class CodecTests
    {
        private enum Color
        {
            Red,
            DarkBlue,
        }

        private static readonly EnumCodec<Color> Colors = new(new[] { KeyValuePair.Create(Color.Red, "red"), KeyValuePair.Create(Color.DarkBlue, "dark-blue") });

        [Theory]
        [InlineData("2026-11-22T10:00:00+09:00", "2026-11-22T01:00:00.0000000+00:00")]
        [InlineData("2026-11-22T01:00:00Z", "2026-11-22T01:00:00.0000000+00:00")]
        [InlineData("2026-11-22T01:00:00", "2026-11-22T01:00:00.0000000+00:00")]          // no offset: the declared UTC
        public void Iso8601_reads_other_writers_text_and_writes_the_declared_offset(string stored, string rewritten)
        {
            var codec = AttributeCodecs.DateTimeOffset(DateFormat.Iso8601(TimeSpan.Zero));
            Assert.Equal(rewritten, codec.Write(codec.Read(new AttributeValue { S = stored })).S);
        }

        [Theory]
        [InlineData("2026-11-22T10:30:00")]
        [InlineData("2026-11-22T10:30:00.0000000")]   // the round-trip form without its offset, which the fast path reads
        public void Iso8601_text_without_an_offset_is_in_the_declared_offset_never_the_machines(string stored)
        {
            var codec = AttributeCodecs.DateTimeOffset(DateFormat.Iso8601(TimeSpan.FromHours(9)));

            Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.FromHours(9)), codec.Read(new AttributeValue { S = stored }));
        }

        [Theory]
        [InlineData("2026-11-22T10:30:00.0000000+09:00", 9 * 60)]     // the round-trip form this SDK writes: the fast path
        [InlineData("2026-11-22T10:30:00.0000000-05:30", -5 * 60 - 30)]
        [InlineData("2026-11-22T10:30:00.0000000Z", 0)]
        [InlineData("2026-11-22T10:30:00+09:00", 9 * 60)]                // other writers' spellings: the general parser
        [InlineData("2026-11-22T10:30:00.0000000", 0)]                   // no offset: UTC, never the machine's zone
        [InlineData("2026-11-22T10:30:00", 0)]
        public void Iso8601_keeping_offsets_reads_each_texts_own_offset(string stored, int offsetMinutes)
        {
            var codec = AttributeCodecs.DateTimeOffset(DateFormat.Iso8601(null));
            var value = codec.Read(new AttributeValue { S = stored });

            Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.FromMinutes(offsetMinutes)), value);
            Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
        }

        [Fact]
        public void A_pattern_without_an_offset_is_read_in_the_declared_one()
        {
            var codec = AttributeCodecs.DateTimeOffset(DateFormat.Pattern("yyyy-MM-dd HH:mm:ss", TimeSpan.FromHours(9)));
            var value = codec.Read(new AttributeValue { S = "2026-11-22 10:11:12" });

            Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 11, 12, TimeSpan.FromHours(9)), value);
            Assert.Equal("2026-11-22 10:11:12", codec.Write(value.ToUniversalTime()).S);
        }

        [Fact]
        public void A_pattern_with_an_offset_keeps_it()
        {
            var codec = AttributeCodecs.DateTimeOffset(DateFormat.Pattern("yyyy-MM-dd'T'HH:mmzzz", null));
            Assert.Equal(TimeSpan.FromHours(-5), codec.Read(new AttributeValue { S = "2026-11-22T10:11-05:00" }).Offset);
        }

        [Fact]
        public void Epoch_seconds_truncate_fractions_and_refuse_numbers_outside_the_calendar()
        {
            var codec = AttributeCodecs.DateTime(DateFormat.EpochSeconds(null));
            Assert.Equal("86400", codec.Write(new DateTime(1970, 1, 2, 0, 0, 0, 999, DateTimeKind.Utc)).N);
            Assert.Equal(DateTimeKind.Utc, codec.Read(new AttributeValue { N = "86400" }).Kind);
            Assert.Throws<DynamoMappingException>(() => codec.Read(new AttributeValue { N = "999999999999999" }));
            Assert.Throws<DynamoValidationException>(() => codec.Write(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));
        }

        [Fact]
        public void Dates_use_yyyy_MM_dd_or_their_pattern()
        {
            Assert.Equal("2026-02-03", AttributeCodecs.DateOnly(DateFormat.Iso8601(null)).Write(new DateOnly(2026, 2, 3)).S);
            Assert.Equal("20260203", AttributeCodecs.DateOnly(DateFormat.Pattern("yyyyMMdd", null)).Write(new DateOnly(2026, 2, 3)).S);
        }

        [Fact]
        public void Enums_are_stored_as_their_declared_text_only()
        {
            Assert.Equal("dark-blue", Colors.Write(Color.DarkBlue).S);
            Assert.Equal(Color.Red, Colors.Read(new AttributeValue { S = "red" }));
            Assert.Throws<DynamoValidationException>(() => Colors.Write((Color)7));
            var unknown = Assert.Throws<DynamoMappingException>(() => Colors.Read(new AttributeValue { S = "Red" }));
            Assert.Contains("red, dark-blue", unknown.Expected, StringComparison.Ordinal);
        }

        [Fact]
        public void Errors_deep_inside_a_value_name_their_whole_path()
        {
            var codec = AttributeCodecs.Map(AttributeCodecs.List(Colors));
            var value = new Dictionary<string, IReadOnlyList<Color>> { ["a"] = new[] { Color.Red }, ["b"] = new[] { Color.Red, (Color)9 } };

            var invalid = Assert.Throws<DynamoValidationException>(() => AttributeCodecs.Write(codec, value, "Item", "palette"));
            Assert.Equal("palette[\"b\"][1]", invalid.Attribute);
            Assert.Equal("Item", invalid.Entity);

            var stored = new Dictionary<string, AttributeValue>
            {
                ["palette"] = new() { M = new Dictionary<string, AttributeValue> { ["x"] = new() { L = new List<AttributeValue> { new() { S = "red" }, new() { NULL = true } } } } },
            };
            var unreadable = Assert.Throws<DynamoMappingException>(() => new ItemReader(stored, "Item").Read("palette", codec));
            Assert.Equal("palette[\"x\"][1]", unreadable.Attribute);
            Assert.Equal("NULL", unreadable.Found);
        }

        [Fact]
        public void Number_sets_read_back_exactly_and_empty_lists_round_trip()
        {
            var set = AttributeCodecs.Set(AttributeCodecs.Decimal);
            Assert.Equal(new[] { "0.1", "2" }, set.Write(new HashSet<decimal> { 0.1m, 2m }).NS);
            Assert.Throws<DynamoMappingException>(() => set.Read(new AttributeValue { NS = new List<string> { "0.12345678901234567890123456789012" } }));

            var list = AttributeCodecs.List(AttributeCodecs.String);
            Assert.Empty(list.Read(list.Write(Array.Empty<string>())));
        }
    }
}

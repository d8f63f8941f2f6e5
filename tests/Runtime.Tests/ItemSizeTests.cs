using System;
using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// <see cref="ItemSize"/> against the rules of AWS's "DynamoDB item sizes and formats", one example per rule
    /// (integration tests hold the same sizes against DynamoDB Local byte for byte, at the 400 KB limit).
    /// </summary>
    public sealed class ItemSizeTests
    {
        private static long Size(string name, AttributeValue value) => ItemSize.Of(new Dictionary<string, AttributeValue> { [name] = value });

        [Theory]
        [InlineData("a", "abc", 4)]        // name bytes + UTF-8 bytes
        [InlineData("name", "", 4)]        // an empty string: the name alone
        [InlineData("é", "é", 4)]          // "Strings are Unicode with UTF-8 binary encoding": é is 2 bytes, in the name too
        [InlineData("k", "한글", 7)]        // 3 bytes a character
        [InlineData("k", "😀", 5)]          // a surrogate pair is one 4-byte character
        public void A_string_is_its_name_and_its_UTF_8_bytes(string name, string value, long expected)
            => Assert.Equal(expected, Size(name, new AttributeValue { S = value }));

        [Theory]
        // "1 byte per two significant digits, plus 1 byte"; leading and trailing zeros trimmed.
        [InlineData("1", 2)]
        [InlineData("12", 2)]
        [InlineData("123", 3)]
        [InlineData("1234", 3)]
        [InlineData("00123", 3)]
        [InlineData("1000000", 2)]
        [InlineData("1e10", 2)]
        [InlineData("0.5", 2)]
        [InlineData("0.001", 2)]
        [InlineData("10.1", 3)]
        [InlineData("1.2345", 4)]
        [InlineData("12.345", 4)]
        [InlineData("12345678901234567890123456789012345678", 20)]   // 38 digits, DynamoDB's most
        [InlineData("0", 1)]
        [InlineData("-0.0", 1)]
        // The exact count DynamoDB enforces: digits pair from the decimal point (1.5 is 01 50), and a negative number
        // takes one more byte.
        [InlineData("1.5", 3)]
        [InlineData("123.4", 4)]
        [InlineData("-1", 3)]
        [InlineData("-123", 4)]
        [InlineData("-1.5", 4)]
        [InlineData("-1E+10", 3)]
        public void A_number_counts_its_significant_digits_in_pairs_plus_one_byte(string number, int expected)
        {
            Assert.Equal(expected, ItemSize.NumberSize(number));
            Assert.Equal(1 + expected, Size("n", new AttributeValue { N = number }));
        }

        [Fact]
        public void A_binary_value_counts_its_raw_bytes_not_its_base64_text()
            => Assert.Equal(3 + 100, Size("bin", new AttributeValue { B = new MemoryStream(new byte[100]) }));

        [Fact]
        public void A_boolean_or_null_is_its_name_and_one_byte()
        {
            Assert.Equal(5, Size("flag", new AttributeValue { BOOL = false }));
            Assert.Equal(5, Size("none", new AttributeValue { NULL = true }));
        }

        [Fact]
        public void A_list_or_map_is_3_bytes_plus_1_byte_and_the_size_of_each_element()
        {
            // "An attribute of type List or Map requires 3 bytes of overhead, regardless of its contents", "the size of
            // an empty List or Map is (name) + (3 bytes)", and "each List or Map element also requires 1 byte".
            Assert.Equal(1 + 3, Size("l", new AttributeValue { L = new List<AttributeValue>() }));
            Assert.Equal(1 + 3, Size("m", new AttributeValue { M = new Dictionary<string, AttributeValue>() }));
            Assert.Equal(1 + 3 + (1 + 3) + (1 + 2), Size("l", new AttributeValue { L = new List<AttributeValue> { new() { S = "abc" }, new() { N = "12" } } }));

            // A map's element counts its name like an attribute: 1 + (name + value).
            Assert.Equal(1 + 3 + (1 + 4 + 1) + (1 + 2 + 1), Size("m", new AttributeValue
            {
                M = new Dictionary<string, AttributeValue> { ["city"] = new() { S = "x" }, ["ok"] = new() { BOOL = true } },
            }));

            // Nested: the inner list is an element of the outer one.
            Assert.Equal(1 + 3 + (1 + 3 + (1 + 1)), Size("l", new AttributeValue { L = new List<AttributeValue> { new() { L = new List<AttributeValue> { new() { S = "a" } } } } }));
        }

        [Fact]
        public void A_set_is_the_sum_of_its_elements()
        {
            Assert.Equal(2 + 2 + 3, Size("ss", new AttributeValue { SS = new List<string> { "ab", "cde" } }));
            Assert.Equal(2 + 2 + 3, Size("ns", new AttributeValue { NS = new List<string> { "1", "123" } }));
            Assert.Equal(2 + 1 + 4, Size("bs", new AttributeValue { BS = new List<MemoryStream> { new(new byte[1]), new(new byte[4]) } }));
        }

        [Fact]
        public void An_item_is_the_sum_of_its_attributes()
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "USER#1" },             // 2 + 6
                ["count"] = new() { N = "42" },              // 5 + 2
                ["active"] = new() { BOOL = true },          // 6 + 1
            };
            Assert.Equal(8 + 7 + 7, ItemSize.Of(item));
            Assert.Equal(8 + 7 + 7, ItemSize.Of((IReadOnlyDictionary<string, AttributeValue>)new SortedDictionary<string, AttributeValue>(item)));
        }

        [Fact]
        public void The_limit_is_400_KB_inclusive_and_an_item_over_it_is_refused_naming_its_key_size_and_largest_attribute()
        {
            Assert.Equal(409_600, ItemSize.MaxBytes);
            Dictionary<string, AttributeValue> Item(int text) => new()
            {
                ["pk"] = new() { S = "k" },
                ["memo"] = new() { S = new string('x', text) },
            };

            // pk (3) + memo's name (4): the largest item DynamoDB stores, and one byte more.
            ItemSize.EnsureWithinLimit("Note", "NoteKey { Id = 7 }", Item(ItemSize.MaxBytes - 7));
            var refused = Assert.Throws<DynamoValidationException>(() => ItemSize.EnsureWithinLimit("Note", "NoteKey { Phone = 010-1234-5678 }", Item(ItemSize.MaxBytes - 6)));

            Assert.Equal(DynamoErrorKind.ItemTooLarge, refused.Kind);
            Assert.Equal("memo", refused.Attribute);
            Assert.Equal("Note", refused.Entity);
            Assert.Equal(0, refused.Attempts);
            Assert.Equal("NoteKey { Phone = 010-****-5678 }", refused.Key);
            Assert.Equal(
                "Invalid Note NoteKey { Phone = 010-****-5678 }: the item is 409,601 bytes, over DynamoDB's item size limit of 409,600 bytes (400 KB); its largest attribute is 'memo' (409,598 bytes).",
                refused.Message);
            Assert.StartsWith("the item is 409,601 bytes", refused.Problem, StringComparison.Ordinal);
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>Plain JSON to and from attribute values: the one conversion imports, exports and printers share.</summary>
    public sealed class AttributeValueJsonTests
    {
        private static (Dictionary<string, AttributeValue>? Item, string? Problem) Read(string json)
        {
            using var document = JsonDocument.Parse(json);
            AttributeValueJson.TryReadItem(document.RootElement, out var item, out var problem);
            return (item, problem);
        }

        private static string Write(AttributeValue value, System.Func<string, string>? text = null)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                AttributeValueJson.Write(writer, value, text);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        [Fact]
        public void Each_JSON_kind_becomes_its_attribute_type_and_numbers_keep_their_text()
        {
            var (item, problem) = Read("""{"s":"x","n":4.50,"big":12345678901234567890123456789012345678,"e":1E+2,"t":true,"f":false,"z":null,"m":{"a":[1,"b"]},"l":[],"o":{}}""");

            Assert.Null(problem);
            Assert.Equal("x", item!["s"].S);
            Assert.Equal("4.50", item["n"].N);
            Assert.Equal("12345678901234567890123456789012345678", item["big"].N);
            Assert.Equal("1E+2", item["e"].N);
            Assert.True(item["t"].BOOL);
            Assert.False(item["f"].BOOL);
            Assert.True(item["z"].NULL);
            Assert.Equal("1", item["m"].M["a"].L[0].N);
            Assert.Equal("b", item["m"].M["a"].L[1].S);
            Assert.True(item["l"].IsLSet);
            Assert.True(item["o"].IsMSet);
        }

        [Theory]
        [InlineData("3", true)]
        [InlineData("-0.001", true)]
        [InlineData("0", true)]
        [InlineData("0.000", true)]
        [InlineData("12345678901234567890123456789012345678", true)]
        [InlineData("123456789012345678901234567890123456780000", true)]
        [InlineData("123456789012345678901234567890123456789", false)]
        [InlineData("9.9999999999999999999999999999999999999E+125", true)]
        [InlineData("1e126", false)]
        [InlineData("1e-130", true)]
        [InlineData("1e-131", false)]
        [InlineData("-1e126", false)]
        [InlineData("1e400", false)]
        [InlineData("1e99999999999999999999", false)]
        public void Numbers_are_checked_against_what_DynamoDB_can_store(string number, bool storable)
        {
            var (item, problem) = Read("{\"a\":{\"b\":[" + number + "]}}");

            Assert.Equal(storable, AttributeValueJson.IsStorableNumber(number));
            Assert.Equal(storable, item is not null);
            if (!storable)
            {
                Assert.Equal("field 'a' holds a number DynamoDB cannot store (at most 38 significant digits, magnitude between 1E-130 and 1E+126)", problem);
            }
        }

        [Theory]
        [InlineData("[1]", "an item must be a JSON object")]
        [InlineData("""{"a":1,"a":2}""", "field 'a' appears more than once")]
        [InlineData("""{"a":{"b":1,"b":2}}""", "field 'a' holds a map with a name given twice")]
        [InlineData("""{"":1}""", "a field has an empty name, which DynamoDB does not allow")]
        public void What_DynamoDB_cannot_store_or_JSON_leaves_ambiguous_is_refused_naming_the_field(string json, string expected)
            => Assert.Equal(expected, Read(json).Problem);

        [Fact]
        public void Written_values_are_plain_JSON_with_sets_as_arrays_maps_in_name_order_and_strings_passed_through_the_mask()
        {
            var value = new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>
                {
                    ["z"] = new() { SS = new() { "01012345678" } },
                    ["a"] = new() { NS = new() { "1", "2.50" } },
                    ["b"] = new() { B = new MemoryStream(new byte[] { 1, 2 }) },
                    ["c"] = new() { BS = new() { new MemoryStream(new byte[] { 3 }) } },
                    ["d"] = new() { L = new() { new() { NULL = true }, new() { BOOL = true }, new() { S = "010-1234-5678" } } },
                    ["e"] = new() { N = "Infinity" },
                },
            };

            Assert.Equal(
                """{"a":[1,2.50],"b":"AQI=","c":["Aw=="],"d":[null,true,"***"],"e":"Infinity","z":["***"]}""",
                Write(value, _ => "***"));
        }

        [Fact]
        public void An_item_read_and_written_again_is_the_same_JSON()
        {
            const string json = """{"a":1.50,"b":[true,null,"x"],"c":{"d":-2E-3}}""";
            Assert.Equal(json, Write(new AttributeValue { M = Read(json).Item! }));
        }
    }
}

using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Tests.Support;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>Whether a stored value is the one a write sent, as DynamoDB compares them.</summary>
    public sealed class StoredValuesTests
    {
        [Theory]
        [InlineData("1.5", "1.50")]
        [InlineData("1.5", "+1.5")]
        [InlineData("15E-1", "1.5")]
        [InlineData("0", "-0.000")]
        [InlineData("100", "1E2")]
        [InlineData("0.001", "1e-3")]
        [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678.0")]
        public void Numbers_that_are_the_same_value_are_the_same(string left, string right)
            => Assert.True(StoredValues.Same(new AttributeValue { N = left }, new AttributeValue { N = right }));

        [Theory]
        [InlineData("1.5", "1.05")]
        [InlineData("-1", "1")]
        [InlineData("100", "10")]
        [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345679")]
        public void Numbers_that_differ_differ(string left, string right)
            => Assert.False(StoredValues.Same(new AttributeValue { N = left }, new AttributeValue { N = right }));

        [Fact]
        public void Sets_compare_in_any_order_and_lists_in_order()
        {
            Assert.True(StoredValues.Same(new AttributeValue { SS = new() { "a", "b" } }, new AttributeValue { SS = new() { "b", "a" } }));
            Assert.True(StoredValues.Same(new AttributeValue { NS = new() { "1.0", "2" } }, new AttributeValue { NS = new() { "2", "1" } }));
            Assert.False(StoredValues.Same(new AttributeValue { SS = new() { "a" } }, new AttributeValue { SS = new() { "a", "b" } }));
            Assert.False(StoredValues.Same(
                new AttributeValue { L = new() { new() { S = "a" }, new() { S = "b" } } },
                new AttributeValue { L = new() { new() { S = "b" }, new() { S = "a" } } }));
        }

        [Fact]
        public void Items_compare_by_name_and_deeply()
        {
            Dictionary<string, AttributeValue> Item(string city) => new()
            {
                ["pk"] = new() { S = "A" },
                ["flag"] = new() { BOOL = true },
                ["blob"] = new() { B = new MemoryStream(new byte[] { 1, 2 }) },
                ["address"] = new() { M = new() { ["city"] = new() { S = city }, ["none"] = new() { NULL = true } } },
            };

            Assert.True(StoredValues.SameItem(Item("Seoul"), Item("Seoul")));
            Assert.False(StoredValues.SameItem(Item("Seoul"), Item("Busan")));
            var extra = Item("Seoul");
            extra["more"] = new() { S = "x" };
            Assert.False(StoredValues.SameItem(Item("Seoul"), extra));
            Assert.False(StoredValues.SameItem(Item("Seoul"), null));
            Assert.False(StoredValues.Same(new AttributeValue { S = "1" }, new AttributeValue { N = "1" }));
        }

        [Fact]
        public void An_update_is_shown_by_an_item_that_holds_each_of_its_changes()
        {
            var update = new TestUpdate();
            update.Set<TestUpdate>("name", new AttributeValue { S = "Kim" });
            update.Remove<TestUpdate>("note");
            update.SetIfNotExists<TestUpdate>("created", new AttributeValue { S = "2025-10-20" });
            update.AddToSet<TestUpdate>("tags", new AttributeValue { SS = new() { "vip" } });
            update.DeleteFromSet<TestUpdate>("codes", new AttributeValue { NS = new() { "7" } });

            var stored = new Dictionary<string, AttributeValue>
            {
                ["name"] = new() { S = "Kim" },
                ["created"] = new() { S = "2025-01-01" },
                ["tags"] = new() { SS = new() { "new", "vip" } },
                ["codes"] = new() { NS = new() { "8" } },
            };
            Assert.True(update.IsShownBy(stored));

            stored["note"] = new() { S = "still here" };
            Assert.False(update.IsShownBy(stored));
            stored.Remove("note");
            stored["name"] = new() { S = "Lee" };
            Assert.False(update.IsShownBy(stored));
        }
    }
}

using System.Collections.Generic;
using Amazon;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// With the SDK's v3-compatible switch <c>AWSConfigs.InitializeCollections</c> on, every collection of an
    /// <c>AttributeValue</c> is an empty list rather than null; what a value holds is read from its <c>Is…Set</c> flags.
    /// The switch is process-wide, so these tests run alone.
    /// </summary>
    [Collection(nameof(InitializedCollectionsTests))]
    [CollectionDefinition(nameof(InitializedCollectionsTests), DisableParallelization = true)]
    public sealed class InitializedCollectionsTests
    {
        [Fact]
        public void Sizes_and_comparisons_read_lists_and_maps_when_every_collection_is_initialised()
        {
            var before = AWSConfigs.InitializeCollections;
            AWSConfigs.InitializeCollections = true;
            try
            {
                var list = new AttributeValue { L = new List<AttributeValue> { new() { S = new string('x', 1000) } } };
                Assert.Equal(3 + 1 + 1000, ItemSize.Of(list));

                var one = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["x"] = new() { S = "1" } } };
                var two = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["x"] = new() { S = "2" } } };
                Assert.False(StoredValues.Same(one, two));
                Assert.True(StoredValues.Same(one, new AttributeValue { M = new Dictionary<string, AttributeValue> { ["x"] = new() { S = "1" } } }));
                Assert.Equal("a map (M)", StoredTypes.Describe(one));

                // Written as what it holds, not as the empty map every value now carries.
                using var buffer = new System.IO.MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                {
                    writer.WriteStartArray();
                    AttributeValueJson.Write(writer, new AttributeValue { L = new List<AttributeValue> { new() { S = "x" } } });
                    AttributeValueJson.Write(writer, one);
                    AttributeValueJson.Write(writer, new AttributeValue { NS = new List<string> { "1" } });
                    AttributeValueJson.Write(writer, new AttributeValue { NULL = true });
                    writer.WriteEndArray();
                }

                Assert.Equal("[[\"x\"],{\"x\":\"1\"},[1],null]", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            finally
            {
                AWSConfigs.InitializeCollections = before;
            }
        }
    }
}

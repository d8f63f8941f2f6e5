using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class MaskAllTests
    {
        [Theory]
        [InlineData("call 01012345678 now", "call 010-****-5678 now")]
        [InlineData("key 010-1234-5678, other 011-123-4567", "key 010-****-5678, other 011-****-4567")]
        [InlineData("(010.1234.5678)", "(010-****-5678)")]
        [InlineData("+82 10-1234-5678", "010-****-5678")]
        [InlineData("already 010-****-5678", "already 010-****-5678")]
        [InlineData("order 1051707_12345 and 2025-10-20 14:30:00", "order 1051707_12345 and 2025-10-20 14:30:00")]
        [InlineData("id 9010123456789", "id 9010123456789")]
        public void Masks_every_mobile_number_in_free_text(string text, string expected)
            => Assert.Equal(expected, PhoneNumber.MaskAll(text));

        [Fact]
        public void Exception_messages_and_keys_are_masked_whoever_wrote_them()
        {
            var error = new DynamoRepositoryException("failed for 01012345678", key: "RawKey { Phone = 010-1234-5678 }");
            Assert.DoesNotContain("1234", error.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("1234", error.Key, System.StringComparison.Ordinal);
        }
    }
}

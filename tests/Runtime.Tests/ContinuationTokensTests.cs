using System;
using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class ContinuationTokensTests
    {
        private static readonly byte[] Key = new byte[32];
        private readonly ContinuationTokens _tokens = new(Key);

        private static Dictionary<string, AttributeValue> LastKey() => new()
        {
            ["pk"] = new AttributeValue { S = "STORE#1" },
            ["sk"] = new AttributeValue { N = "42" },
            ["bin"] = new AttributeValue { B = new MemoryStream(new byte[] { 1, 2, 3 }) },
        };

        [Fact]
        public void A_token_round_trips_to_the_same_key()
        {
            var token = _tokens.Encode("orders", "by-email", LastKey());
            Assert.NotNull(token);
            Assert.DoesNotContain("STORE", token, StringComparison.Ordinal);

            var key = _tokens.Decode("orders", "by-email", token);
            Assert.NotNull(key);
            Assert.Equal("STORE#1", key["pk"].S);
            Assert.Equal("42", key["sk"].N);
            Assert.Equal(new byte[] { 1, 2, 3 }, key["bin"].B.ToArray());
        }

        [Fact]
        public void No_last_key_means_no_token_and_no_token_means_the_first_page()
        {
            Assert.Null(_tokens.Encode("orders", null, null));
            Assert.Null(_tokens.Encode("orders", null, new Dictionary<string, AttributeValue>()));
            Assert.Null(_tokens.Decode("orders", null, null));
            Assert.Null(_tokens.Decode("orders", null, string.Empty));
        }

        [Fact]
        public void A_token_from_another_table_or_index_is_rejected()
        {
            var token = _tokens.Encode("orders", null, LastKey());
            var table = Assert.Throws<DynamoValidationException>(() => _tokens.Decode("customers", null, token));
            Assert.Contains("another table", table.Message, StringComparison.Ordinal);
            var index = Assert.Throws<DynamoValidationException>(() => _tokens.Decode("orders", "by-email", token));
            Assert.Contains("another index", index.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_tampered_or_foreign_token_is_rejected()
        {
            var token = _tokens.Encode("orders", null, LastKey())!;
            var tampered = (token[0] == 'A' ? 'B' : 'A') + token.Substring(1);
            Assert.Throws<DynamoValidationException>(() => _tokens.Decode("orders", null, tampered));
            Assert.Throws<DynamoValidationException>(() => _tokens.Decode("orders", null, "not-a-token"));
            Assert.Throws<DynamoValidationException>(() => _tokens.Decode("orders", null, "a.b.c"));

            var other = new ContinuationTokens(new byte[32] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
            Assert.Throws<DynamoValidationException>(() => other.Decode("orders", null, token));
        }

        [Fact]
        public void A_short_signing_key_is_refused()
            => Assert.Throws<ArgumentException>(() => new ContinuationTokens(new byte[16]));
    }
}

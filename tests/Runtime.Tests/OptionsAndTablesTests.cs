using System;
using System.Linq;
using Amazon.DynamoDBv2;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class OptionsAndTablesTests
    {
        private static readonly TableDefinition Sms = new(
            "Sms", "sms", new KeyAttributeDefinition("pk", ScalarAttributeType.S), null, BillingMode.PAY_PER_REQUEST);

        private static readonly TableDefinition Booking = new(
            "Booking",
            "bookings",
            new KeyAttributeDefinition("pk", ScalarAttributeType.S),
            new KeyAttributeDefinition("sk", ScalarAttributeType.N),
            BillingMode.PAY_PER_REQUEST);

        [Fact]
        public void ResolveTableName_defaults_to_the_schema_name()
        {
            Assert.Equal("sms", new DynamoRepositoryOptions().ResolveTableName(Sms));
        }

        [Fact]
        public void ResolveTableName_puts_the_prefix_in_front()
        {
            var options = new DynamoRepositoryOptions { TableNamePrefix = "test-" };

            Assert.Equal("test-sms", options.ResolveTableName(Sms));
            Assert.Equal("test-bookings", options.ResolveTableName(Booking));
        }

        [Fact]
        public void ResolveTableName_uses_an_override_as_given_without_the_prefix()
        {
            var options = new DynamoRepositoryOptions { TableNamePrefix = "test-" };
            options.TableNames["Booking"] = "bookings-prod";

            Assert.Equal("bookings-prod", options.ResolveTableName(Booking));
            Assert.Equal("test-sms", options.ResolveTableName(Sms));
        }

        [Fact]
        public void ResolveTableName_matches_overrides_by_exact_entity_name()
        {
            var options = new DynamoRepositoryOptions();
            options.TableNames["booking"] = "lowercase-is-another-entity";
            options.TableNames["bookings"] = "table-name-is-not-the-entity";

            Assert.Equal("bookings", options.ResolveTableName(Booking));
        }

        [Fact]
        public void ResolveTableName_rejects_null()
        {
            Assert.Throws<ArgumentNullException>(() => new DynamoRepositoryOptions().ResolveTableName(null!));
        }

        [Fact]
        public void Options_defaults()
        {
            var options = new DynamoRepositoryOptions();

            Assert.Null(options.TableNamePrefix);
            Assert.Empty(options.TableNames);
            Assert.False(options.ConsistentRead);
            Assert.NotNull(options.Retry);
            Assert.Equal(5, options.Retry.MaxAttempts);
        }

        [Fact]
        public void CreateTableRequest_without_sort_key()
        {
            var request = Sms.ToCreateTableRequest("test-sms");

            Assert.Equal("test-sms", request.TableName);
            Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
            var key = Assert.Single(request.KeySchema);
            Assert.Equal("pk", key.AttributeName);
            Assert.Equal(KeyType.HASH, key.KeyType);
            var attribute = Assert.Single(request.AttributeDefinitions);
            Assert.Equal("pk", attribute.AttributeName);
            Assert.Equal(ScalarAttributeType.S, attribute.AttributeType);
            Assert.Null(request.ProvisionedThroughput);
        }

        [Fact]
        public void CreateTableRequest_with_sort_key()
        {
            var request = Booking.ToCreateTableRequest("bookings-prod");

            Assert.Equal("bookings-prod", request.TableName);
            Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
            Assert.Equal(
                new[] { ("pk", KeyType.HASH), ("sk", KeyType.RANGE) },
                request.KeySchema.Select(k => (k.AttributeName, k.KeyType)).ToArray());
            Assert.Equal(
                new[] { ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N) },
                request.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType)).ToArray());
        }

        [Fact]
        public void CreateTableRequest_with_provisioned_billing_keeps_the_mode()
        {
            var provisioned = Sms with { BillingMode = BillingMode.PROVISIONED };

            Assert.Equal(BillingMode.PROVISIONED, provisioned.ToCreateTableRequest("sms").BillingMode);
        }

        [Fact]
        public void Each_request_is_a_fresh_object()
        {
            var first = Booking.ToCreateTableRequest("a");
            var second = Booking.ToCreateTableRequest("b");

            Assert.NotSame(first.KeySchema, second.KeySchema);
            first.KeySchema.Clear();
            Assert.Equal(2, second.KeySchema.Count);
        }
    }
}

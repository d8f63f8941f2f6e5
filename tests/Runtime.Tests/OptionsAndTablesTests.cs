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
        public void CreateClient_builds_a_client_for_the_endpoint_whose_own_retries_are_off()
        {
            var options = new DynamoRepositoryOptions { ServiceUrl = "http://127.0.0.1:8000", Region = "eu-west-1", AccessKeyId = "local", SecretAccessKey = "local" };

            using var client = options.CreateClient();

            var config = Assert.IsType<AmazonDynamoDBClient>(client).Config;
            Assert.Equal("http://127.0.0.1:8000/", config.ServiceURL);
            Assert.Equal("eu-west-1", config.AuthenticationRegion);
            Assert.Equal(0, config.MaxErrorRetry);
            Assert.Equal(0, ((AmazonDynamoDBConfig)config).MaxStaleConnectionRetries);
        }

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

        /// <summary>A provisioned table: a global index with its own capacity, one without, and a local index.</summary>
        private static readonly TableDefinition Bins = new(
            "Bin",
            "bins",
            new KeyAttributeDefinition("pk", ScalarAttributeType.S),
            new KeyAttributeDefinition("sk", ScalarAttributeType.S),
            BillingMode.PROVISIONED,
            Indexes: new IndexDefinition[]
            {
                new("by_sku", true, new KeyAttributeDefinition("sku", ScalarAttributeType.S), null, ProjectionType.ALL) { Capacity = new(2, 1) },
                new("by_zone", true, new KeyAttributeDefinition("zone", ScalarAttributeType.S), null, ProjectionType.ALL),
                new("by_day", false, new KeyAttributeDefinition("pk", ScalarAttributeType.S), new KeyAttributeDefinition("day", ScalarAttributeType.S), ProjectionType.ALL),
            })
        {
            Capacity = new(3, 2),
        };

        [Fact]
        public void CreateTableRequest_of_a_provisioned_table_carries_each_capacity()
        {
            var request = Bins.ToCreateTableRequest("bins");

            Assert.Equal((3L, 2L), (request.ProvisionedThroughput.ReadCapacityUnits, request.ProvisionedThroughput.WriteCapacityUnits));
            Assert.Equal(
                new[] { ("by_sku", 2L, 1L), ("by_zone", 3L, 2L) },
                request.GlobalSecondaryIndexes.Select(i => (i.IndexName, i.ProvisionedThroughput.ReadCapacityUnits!.Value, i.ProvisionedThroughput.WriteCapacityUnits!.Value)).ToArray());
            Assert.Single(request.LocalSecondaryIndexes);
        }

        [Fact]
        public void ResolveCapacity_is_the_override_else_the_declared_else_the_table_s_else_five()
        {
            var options = new DynamoRepositoryOptions();
            Assert.Equal(new ProvisionedCapacity(3, 2), options.ResolveCapacity(Bins));
            Assert.Equal(new ProvisionedCapacity(2, 1), options.ResolveCapacity(Bins, Bins.Index("by_sku")));
            Assert.Equal(new ProvisionedCapacity(3, 2), options.ResolveCapacity(Bins, Bins.Index("by_zone")));
            Assert.Null(options.ResolveCapacity(Bins, Bins.Index("by_day")));
            Assert.Equal(new ProvisionedCapacity(5, 5), options.ResolveCapacity(Bins with { Capacity = null }));
            Assert.Null(options.ResolveCapacity(Sms));

            options.Capacities["Bin"] = new(9, 8);
            options.Capacities["Bin.by_zone"] = new(1, 1);
            Assert.Equal(new ProvisionedCapacity(9, 8), options.ResolveCapacity(Bins));
            Assert.Equal(new ProvisionedCapacity(2, 1), options.ResolveCapacity(Bins, Bins.Index("by_sku")));
            Assert.Equal(new ProvisionedCapacity(1, 1), options.ResolveCapacity(Bins, Bins.Index("by_zone")));
            options.Capacities.Remove("Bin.by_zone");
            Assert.Equal(new ProvisionedCapacity(9, 8), options.ResolveCapacity(Bins, Bins.Index("by_zone")));

            options.Capacities["Sms"] = new(9, 9);
            Assert.Null(options.ResolveCapacity(Sms));
        }

        [Fact]
        public void Capacities_below_one_fail_validation_naming_them()
        {
            var options = new DynamoRepositoryOptions();
            options.Capacities["Bin"] = new(0, 5);
            options.Capacities["Bin.by_sku"] = new(1, 1);

            var result = new Internal.DynamoRepositoryOptionsValidator().Validate(null, options);

            Assert.True(result.Failed);
            Assert.Equal(new[] { "Capacities:Bin is 0 read and 5 write units; each must be 1 or more (default 5)." }, result.Failures);
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

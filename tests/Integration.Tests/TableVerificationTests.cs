using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Warehouse;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Provisioned tables created with their capacities (issue 21, item 10), and live tables checked against their
    /// definitions (item 8): by <see cref="DynamoTableManager.VerifyAsync"/>, and at start-up.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class TableVerificationTests
    {
        private readonly DynamoDbFixture _fixture;

        public TableVerificationTests(DynamoDbFixture fixture) => _fixture = fixture;

        private DynamoTableManager Manager(DynamoRepositoryOptions options) => new(_fixture.Client, options, GuardedLogs.For<DynamoTableManager>());

        private async Task<TableDescription> DescribeAsync(string name) => (await _fixture.Client.DescribeTableAsync(name)).Table;

        private static (long Read, long Write) Units(ProvisionedThroughputDescription throughput)
            => (throughput.ReadCapacityUnits ?? 0, throughput.WriteCapacityUnits ?? 0);

        [Fact]
        public async Task Ensure_creates_provisioned_tables_with_the_capacities_the_descriptor_declares()
        {
            var options = await FreshTables.CreateAsync(_fixture, "cap", WarehouseSchema.Tables);

            var bins = await DescribeAsync(options.ResolveTableName(BinTable.Definition));
            Assert.Equal(BillingMode.PROVISIONED, bins.BillingModeSummary?.BillingMode ?? BillingMode.PROVISIONED);
            Assert.Equal((3, 2), Units(bins.ProvisionedThroughput));
            var indexes = bins.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName, i => Units(i.ProvisionedThroughput));
            Assert.Equal((2, 1), indexes["by_sku"]); // its own
            Assert.Equal((3, 2), indexes["by_zone"]); // the table's
            Assert.Equal("by_counted_on", Assert.Single(bins.LocalSecondaryIndexes).IndexName);

            var depots = await DescribeAsync(options.ResolveTableName(DepotsTable.Definition));
            Assert.Equal((4, 4), Units(depots.ProvisionedThroughput));
            Assert.Equal((4, 4), Units(Assert.Single(depots.GlobalSecondaryIndexes).ProvisionedThroughput));

            Assert.Empty(await Manager(options).VerifyAsync(WarehouseSchema.Tables));
        }

        [Fact]
        public async Task Options_override_the_capacities_of_a_table_and_of_one_index()
        {
            var options = new DynamoRepositoryOptions();
            options.TableNames["Bin"] = _fixture.UniqueTableName("cap-override-bins");
            options.Capacities["Bin"] = new ProvisionedCapacity(7, 6);
            options.Capacities["Bin.by_sku"] = new ProvisionedCapacity(1, 1);
            await Manager(options).EnsureTablesAsync(new[] { BinTable.Definition });

            var bins = await DescribeAsync(options.TableNames["Bin"]);
            Assert.Equal((7, 6), Units(bins.ProvisionedThroughput));
            var indexes = bins.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName, i => Units(i.ProvisionedThroughput));
            Assert.Equal((1, 1), indexes["by_sku"]);
            Assert.Equal((7, 6), indexes["by_zone"]); // an index without its own follows the table's override

            // The descriptor's capacities are not what the table has now: each one is a difference.
            var name = options.TableNames["Bin"];
            var plain = new DynamoRepositoryOptions();
            plain.TableNames["Bin"] = name;
            Assert.Equal(
                new[]
                {
                    new TableDifference(name, "capacity", "read 3, write 2", "read 7, write 6"),
                    new TableDifference(name, "index 'by_sku' capacity", "read 2, write 1", "read 1, write 1"),
                    new TableDifference(name, "index 'by_zone' capacity", "read 3, write 2", "read 7, write 6"),
                },
                await Manager(plain).VerifyAsync(new[] { BinTable.Definition }));
        }

        [Fact]
        public async Task Tables_that_match_their_definitions_have_no_differences()
        {
            var options = await FreshTables.CreateAsync(_fixture, "verify-match", BookingsSchema.Tables.Concat(WarehouseSchema.Tables));

            Assert.Empty(await Manager(options).VerifyAsync(BookingsSchema.Tables.Concat(WarehouseSchema.Tables)));
        }

        [Fact]
        public async Task A_table_made_by_hand_differs_in_exactly_what_was_made_wrong()
        {
            var name = _fixture.UniqueTableName("verify-wrong-bins");
            await CreateWrongBinsAsync(name);
            var options = new DynamoRepositoryOptions();
            options.TableNames["Bin"] = name;

            var differences = await Manager(options).VerifyAsync(new[] { BinTable.Definition });

            Assert.Equal(
                new[]
                {
                    new TableDifference(name, "sort key", "slot (S)", "slot (N)"),
                    new TableDifference(name, "billing mode", "PROVISIONED", "PAY_PER_REQUEST"),
                    new TableDifference(name, "index 'by_sku' sort key", "counted_on (S)", "none"),
                    new TableDifference(name, "index 'by_sku' projection", "ALL", "KEYS_ONLY"),
                    new TableDifference(name, "index 'by_zone'", "global", "missing"),
                    new TableDifference(name, "index 'by_color'", "none", "global"),
                    new TableDifference(name, "time to live", "expires_at", "none"),
                },
                differences);
            Assert.Equal($"{name}: index 'by_zone' is missing, expected global", differences[4].ToString());
        }

        [Fact]
        public async Task A_missing_table_is_a_difference_not_an_exception()
        {
            var options = new DynamoRepositoryOptions { TableNamePrefix = _fixture.UniqueTableName("verify-missing") + "-" };

            Assert.Equal(
                new[] { new TableDifference(options.ResolveTableName(BinTable.Definition), "table", "exists", "missing") },
                await Manager(options).VerifyAsync(new[] { BinTable.Definition }));
        }

        [Fact]
        public async Task At_start_up_the_option_fails_the_host_with_every_difference()
        {
            var prefix = _fixture.UniqueTableName("verify-start") + "-";
            await using var provider = Services(prefix, verify: true);
            await provider.GetRequiredService<DynamoTableManager>().EnsureTablesAsync(BookingsSchema.Tables);

            // A host starts its hosted services in order; the table check is one of them.
            var error = await Assert.ThrowsAsync<DynamoTableMismatchException>(() => StartAsync(provider));

            var expected = WarehouseSchema.Tables.Select(t => new TableDifference(prefix + t.TableName, "table", "exists", "missing")).ToList();
            Assert.Equal(expected, error.Differences);
            Assert.Contains($"\n  {prefix}bins: table is missing, expected exists", error.Message, StringComparison.Ordinal);

            await provider.GetRequiredService<DynamoTableManager>().EnsureTablesAsync(WarehouseSchema.Tables);
            await StartAsync(provider);
        }

        [Fact]
        public async Task Without_the_option_start_up_checks_nothing()
        {
            await using var provider = Services(_fixture.UniqueTableName("verify-off") + "-", verify: false);

            await StartAsync(provider);
        }

        [Fact]
        public void Capacities_and_the_start_up_check_bind_from_configuration()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DynamoDb:VerifyTablesAtStartup"] = "true",
                ["DynamoDb:Capacities:Bin:Read"] = "50",
                ["DynamoDb:Capacities:Bin.by_sku:Write"] = "3",
            }).Build();
            using var provider = new ServiceCollection().AddDynamoRepositories(configuration.GetSection("DynamoDb")).BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value;
            Assert.True(options.VerifyTablesAtStartup);
            Assert.Equal(new ProvisionedCapacity(50, 5), options.Capacities["Bin"]); // a value left out is 5
            Assert.Equal(new ProvisionedCapacity(5, 3), options.ResolveCapacity(BinTable.Definition, BinTable.BySkuIndex));
        }

        [Fact]
        public void A_capacity_below_one_fails_at_start_up()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DynamoDb:Capacities:Bin:Write"] = "0",
            }).Build();
            using var provider = new ServiceCollection().AddDynamoRepositories(configuration.GetSection("DynamoDb")).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value);
            Assert.Equal("Capacities:Bin is 5 read and 0 write units; each must be 1 or more (default 5).", Assert.Single(error.Failures));
        }

        private ServiceProvider Services(string prefix, bool verify)
            => new ServiceCollection()
                .AddDynamoRepositories(options =>
                {
                    options.ServiceUrl = _fixture.Endpoint.AbsoluteUri;
                    options.Region = "us-east-1";
                    options.AccessKeyId = "local";
                    options.SecretAccessKey = "local";
                    options.TableNamePrefix = prefix;
                    options.VerifyTablesAtStartup = verify;
                })
                .AddBookingsRepositories()
                .AddWarehouseRepositories()
                .AddBookingsRepositories() // registered twice, checked once
                .BuildServiceProvider();

        private static async Task StartAsync(IServiceProvider provider)
        {
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(CancellationToken.None);
            }
        }

        /// <summary>
        /// The bins table as someone might have made it by hand: the sort key a number, on demand, <c>by_sku</c> without its
        /// sort key and projecting keys only, <c>by_zone</c> missing, an extra <c>by_color</c>, no time to live. The local
        /// index is as declared.
        /// </summary>
        private async Task CreateWrongBinsAsync(string name)
        {
            await _fixture.Client.CreateTableAsync(new CreateTableRequest
            {
                TableName = name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = new List<KeySchemaElement> { new("bin_id", KeyType.HASH), new("slot", KeyType.RANGE) },
                AttributeDefinitions = new List<AttributeDefinition>
                {
                    new("bin_id", ScalarAttributeType.S),
                    new("slot", ScalarAttributeType.N),
                    new("sku", ScalarAttributeType.S),
                    new("counted_on", ScalarAttributeType.S),
                    new("color", ScalarAttributeType.S),
                },
                GlobalSecondaryIndexes = new List<GlobalSecondaryIndex>
                {
                    new()
                    {
                        IndexName = "by_sku",
                        KeySchema = new List<KeySchemaElement> { new("sku", KeyType.HASH) },
                        Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                    },
                    new()
                    {
                        IndexName = "by_color",
                        KeySchema = new List<KeySchemaElement> { new("color", KeyType.HASH) },
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                },
                LocalSecondaryIndexes = new List<LocalSecondaryIndex>
                {
                    new()
                    {
                        IndexName = "by_counted_on",
                        KeySchema = new List<KeySchemaElement> { new("bin_id", KeyType.HASH), new("counted_on", KeyType.RANGE) },
                        Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = new List<string> { "sku" } },
                    },
                },
            });
        }
    }
}

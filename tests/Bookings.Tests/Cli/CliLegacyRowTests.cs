using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>The CLI's writes on a legacy row that does not fit the schema.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class CliLegacyRowTests
    {
        private readonly DynamoDbFixture _fixture;

        public CliLegacyRowTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Create_if_absent_over_a_legacy_row_exits_with_exists()
        {
            var cli = new CliHarness(_fixture, "legacy-row");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);

            // A row the legacy code left: no name, and a flag stored as text.
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = cli.Prefix + "sms",
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_88" },
                    ["phone"] = new() { S = "010-1234-5678" },
                    ["booking_time"] = new() { S = "2025-10-20 14:30:00" },
                    ["confirm_sms"] = new() { S = "true" },
                },
            });

            var created = await cli.RunAsync("booking", "create", "1051707_88", "01012345678", "--name", "Kim Soo", "--time", "2025-10-20 15:00:00", "--if-absent");

            Assert.Equal(6, created.ExitCode);
            Assert.Contains("already exists", created.Out + created.Err, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Get_shows_a_legacy_row_as_stored_masked()
        {
            var cli = new CliHarness(_fixture, "legacy-get");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);

            // No name, a flag stored as text and a booking_time the schema refuses: it does not read as a Booking.
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = cli.Prefix + "sms",
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_89" },
                    ["phone"] = new() { S = "01012345678" },
                    ["booking_time"] = new() { S = "2025/10/20 14:30" },
                    ["confirm_sms"] = new() { S = "true" },
                    ["note"] = new() { S = "call 010 9876 5432" },
                },
            });

            var text = await cli.RunAsync("booking", "get", "1051707_89", "01012345678");
            var json = await cli.RunAsync("booking", "get", "1051707_89", "01012345678", "--json");

            Assert.Equal(0, text.ExitCode);
            Assert.Contains("2025/10/20 14:30", text.Out, System.StringComparison.Ordinal);
            Assert.Contains("010-****-5678", text.Out, System.StringComparison.Ordinal);
            Assert.DoesNotContain("1234", text.Out, System.StringComparison.Ordinal);
            Assert.Equal(0, json.ExitCode);
            Assert.Equal(
                "{\"booking_num\":\"1051707_89\",\"phone\":\"010-****-5678\",\"booking_time\":\"2025/10/20 14:30\",\"confirm_sms\":\"true\",\"note\":\"call 010-****-5432\"}",
                json.Out.Trim());
        }
    }
}

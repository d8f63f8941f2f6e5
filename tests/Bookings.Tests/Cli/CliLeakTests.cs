using System;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>
    /// Runs every command, successes and failures, with the most verbose logs in both formats, and checks that
    /// nothing printed holds an unmasked phone number (<c>01[016789]-?\d{3,4}-?\d{4}</c>) or a cookie value.
    /// (Every other CLI test checks its own output the same way, through <see cref="CliHarness"/>.)
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class CliLeakTests
    {
        private readonly DynamoDbFixture _fixture;

        public CliLeakTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Theory]
        [InlineData("fail: DynamoDB GetItem on sms failed with ResourceNotFoundException after 1 attempt(s) in 3.0 ms (request id 7Q4KD01012345678ABCDEF)")]
        [InlineData("{\"Message\":\"...\",\"request_id\":\"a010-1234-5678-9abc\"}")]
        public void An_AWS_request_id_whose_digits_look_like_a_phone_is_not_a_leak_but_a_phone_beside_it_is(string line)
        {
            CliHarness.AssertNothingSecret(line);
            Assert.ThrowsAny<Exception>(() => CliHarness.AssertNothingSecret(line + " for 010-1234-5678"));
        }

        [Theory]
        [InlineData("text")]
        [InlineData("json")]
        public async Task Nothing_printed_contains_an_unmasked_phone_or_a_cookie_value(string logFormat)
        {
            var cli = new CliHarness(_fixture, "leaks-" + logFormat);
            var printed = new System.Collections.Generic.List<string>();
            async Task Run(params string[] args)
            {
                var run = await cli.RunAsync(args.Concat(new[] { "--log-level", "Trace", "--log-format", logFormat }).ToArray());
                printed.Add(run.All);
            }

            var cookies = cli.WriteFile("cookies.json", CliHarness.CookiesJson);
            var import = cli.WriteFile("import.jsonl", string.Join('\n', new[]
            {
                "{\"booking_num\":\"1051707_1\",\"phone\":\"01061234567\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:00:00\",\"note\":\"alt 010-7777-6666\"}",
                "{\"booking_num\":\"1051707_2\",\"phone\":\"0106123456\",\"name\":\"Lee\",\"booking_time\":\"2025-10-20 11:00:00\"}",
                "{\"booking_num\":\"1051707_3\",\"phone\":\"01061230000\",\"name\":\"Park\",\"booking_time\":\"2025-10-20 26:00:00\"}",
                "{\"booking_num\":\"1051707_4\",\"phone\":\"010-6123-1111\"",
            }));

            await Run("tables", "ensure");
            await Run("tables", "list");
            await Run("tables", "verify");
            await Run("booking", "create", "2040001_9", "01061239999", "--name", "Choi", "--time", "2025-10-21 10:00:00", "--extra", "backup_phone=01088887777");
            await Run("booking", "create", "2040001_9", "01061239999", "--name", "Choi", "--time", "2025-10-21 10:00:00", "--if-absent", "--json");
            await Run("booking", "create", "2040001_8", "0106123999", "--name", "Bad", "--time", "2025-10-21 10:00:00");
            await Run("booking", "get", "2040001_9", "010-6123-9999");
            await Run("booking", "get", "2040001_9", "01061239999", "--json");
            await Run("booking", "get", "2040001_7", "01061238888");
            await Run("booking", "flag", "2040001_9", "01061239999", "option_sms");
            await Run("booking", "flag", "2040001_7", "01061238888", "option_sms", "--json");
            await Run("import", import);
            await Run("import", import, "--json");
            await Run("booking", "unnotified");
            await Run("booking", "unnotified", "--json");
            await Run("export");
            await Run("session", "save", "--cookies-file", cookies, "--lifetime", "1h");
            await Run("session", "get");
            await Run("session", "get", "--json");
            await Run("session", "delete");
            await Run("session", "get");
            await Run("booking", "delete", "2040001_9", "01061239999");
            await Run("booking", "delete", "2040001_9", "01061239999", "--json");
            printed.Add((await cli.RunRawAsync(new[] { "booking", "get", "2040001_9", "01061239999", "01065554444" })).All);
            await Run("tables", "delete", "--yes");
            await Run("tables", "verify", "--json");
            await Run("booking", "get", "2040001_9", "01061239999");

            var all = string.Join('\n', printed);
            Assert.Contains("010-****-4567", all, StringComparison.Ordinal);
            Assert.Contains("010-****-9999", all, StringComparison.Ordinal);
            CliHarness.AssertNothingSecret(all);
            foreach (var phone in new[] { "6123-4567", "61234567", "7777-6666", "8888-7777", "88887777", "6123-9999", "5554444" })
            {
                Assert.DoesNotContain(phone, all, StringComparison.Ordinal);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>The ops CLI run in-process against DynamoDB Local, stdout and stderr captured.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class CliTests
    {
        private readonly DynamoDbFixture _fixture;

        public CliTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static JsonElement Json(string text) => CliHarness.Json(text);

        [Fact]
        public async Task Tables_ensure_list_and_delete()
        {
            var cli = new CliHarness(_fixture, "tables");

            var ensure = await cli.RunAsync("tables", "ensure");
            Assert.Equal(0, ensure.ExitCode);
            Assert.Matches($@"Booking\s+{cli.Prefix}sms\s+created\s+-", ensure.Out);
            Assert.Matches($@"Session\s+{cli.Prefix}session\s+created\s+expires_at \(ENABL(ED|ING)\)", ensure.Out);

            var again = Json((await cli.RunAsync("tables", "ensure", "--json")).Out);
            Assert.All(again.GetProperty("tables").EnumerateArray(), t => Assert.Equal("exists", t.GetProperty("status").GetString()));
            var session = again.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("entity").GetString() == "Session");
            Assert.StartsWith("expires_at (ENABL", session.GetProperty("ttl").GetString(), StringComparison.Ordinal);
            var booking = again.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("entity").GetString() == "Booking");
            Assert.Equal(JsonValueKind.Null, booking.GetProperty("ttl").ValueKind);

            var list = Json((await cli.RunAsync("tables", "list", "--json")).Out);
            var ours = list.GetProperty("tables").EnumerateArray().Where(t => t.GetProperty("name").GetString()!.StartsWith(cli.Prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "Booking", "Session" }, ours.Select(t => t.GetProperty("entity").GetString()).Order());
            // Every row has the same fields: a table this tool does not use (other tests' tables) has a null entity.
            Assert.All(
                list.GetProperty("tables").EnumerateArray().Where(t => !t.GetProperty("name").GetString()!.StartsWith(cli.Prefix, StringComparison.Ordinal)),
                t => Assert.Equal(JsonValueKind.Null, t.GetProperty("entity").ValueKind));
            Assert.Contains(cli.Prefix + "session", (await cli.RunAsync("tables", "list")).Out, StringComparison.Ordinal);

            var refused = await cli.RunAsync("tables", "delete");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--yes", refused.Err, StringComparison.Ordinal);
            Assert.Contains("fix:", refused.Err, StringComparison.Ordinal);

            var deleted = await cli.RunAsync("tables", "delete", "--yes");
            Assert.Equal(0, deleted.ExitCode);
            Assert.Equal(2, deleted.Out.Split('\n').Count(l => l.Contains("deleted", StringComparison.Ordinal)));
            Assert.Contains("absent", (await cli.RunAsync("tables", "delete", "--yes")).Out, StringComparison.Ordinal);
            var absent = Json((await cli.RunAsync("tables", "delete", "--yes", "--json")).Out).GetProperty("tables").EnumerateArray().ToList();
            Assert.Equal(2, absent.Count);
            Assert.All(absent, t => Assert.Equal("absent", t.GetProperty("status").GetString()));
            Assert.All(absent, t => Assert.False(t.TryGetProperty("ttl", out _)));

            var missing = await cli.RunAsync("booking", "get", "1051707_1", "01012345678");
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("does not exist", missing.Err, StringComparison.Ordinal);
            Assert.Contains("tables ensure", missing.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Tables_verify_lists_the_differences_for_people_and_scripts()
        {
            var cli = new CliHarness(_fixture, "verify");

            var missing = await cli.RunAsync("tables", "verify");
            Assert.Equal(8, missing.ExitCode);
            Assert.Matches($@"{cli.Prefix}sms\s+table\s+missing\s+exists", missing.Out);
            Assert.Matches($@"{cli.Prefix}session\s+table\s+missing\s+exists", missing.Out);

            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var match = await cli.RunAsync("tables", "verify");
            Assert.Equal(0, match.ExitCode);
            Assert.Contains($"The tables match the schema: {cli.Prefix}sms, {cli.Prefix}session.", match.Out, StringComparison.Ordinal);
            Assert.Empty(Json((await cli.RunAsync("tables", "verify", "--json")).Out).GetProperty("differences").EnumerateArray());

            Assert.Equal(0, (await cli.RunAsync("tables", "delete", "--yes")).ExitCode);
            var json = await cli.RunAsync("tables", "verify", "--json");
            Assert.Equal(8, json.ExitCode);
            var first = Json(json.Out).GetProperty("differences").EnumerateArray().First();
            Assert.Equal(
                (cli.Prefix + "sms", "table", "exists", "missing"),
                (first.GetProperty("table").GetString(), first.GetProperty("what").GetString(), first.GetProperty("expected").GetString(), first.GetProperty("actual").GetString()));
        }

        [Fact]
        public async Task Booking_create_get_flag_and_delete_in_text_and_json()
        {
            var cli = new CliHarness(_fixture, "booking");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);

            var created = await cli.RunAsync("booking", "create", "1051707_12345", "01012345678", "--name", "Kim Soo", "--time", "2025-10-20 14:30:00",
                "--remind-sms", "--extra", "customer_id=C-001", "--extra", "visit_count=3", "--extra", "tags=[\"vip\"]");
            Assert.Equal(0, created.ExitCode);
            Assert.Contains("Stored booking 1051707_12345 / 010-****-5678", created.Out, StringComparison.Ordinal);

            var text = await cli.RunAsync("booking", "get", "1051707_12345", "010-1234-5678");
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("010-****-5678", text.Out, StringComparison.Ordinal);
            Assert.Contains("K***", text.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Kim Soo", text.Out, StringComparison.Ordinal);
            Assert.Matches(@"visit_count\s+3", text.Out);
            Assert.Matches(@"tags\s+\[""vip""\]", text.Out);

            var json = Json((await cli.RunAsync("booking", "get", "1051707_12345", "01012345678", "--json")).Out);
            Assert.Equal("010-****-5678", json.GetProperty("phone").GetString());
            Assert.True(json.GetProperty("remind_sms").GetBoolean());
            Assert.False(json.GetProperty("confirm_sms").GetBoolean());
            Assert.Equal(3, json.GetProperty("visit_count").GetInt32());
            Assert.Equal("C-001", json.GetProperty("customer_id").GetString());

            var flagged = await cli.RunAsync("booking", "flag", "1051707_12345", "01012345678", "confirm", "--json");
            Assert.Equal(0, flagged.ExitCode);
            Assert.Equal("confirm_sms", Json(flagged.Out).GetProperty("flag").GetString());
            var afterFlag = Json((await cli.RunAsync("booking", "get", "1051707_12345", "01012345678", "--json")).Out);
            Assert.True(afterFlag.GetProperty("confirm_sms").GetBoolean());
            Assert.Equal("C-001", afterFlag.GetProperty("customer_id").GetString());
            Assert.Equal(0, (await cli.RunAsync("booking", "flag", "1051707_12345", "01012345678", "remind_sms", "--value", "false")).ExitCode);
            Assert.False(Json((await cli.RunAsync("booking", "get", "1051707_12345", "01012345678", "--json")).Out).GetProperty("remind_sms").GetBoolean());

            var flagMissing = await cli.RunAsync("booking", "flag", "1051707_99999", "01012345678", "option_sms");
            Assert.Equal(4, flagMissing.ExitCode);
            Assert.Contains("No booking 1051707_99999 with phone 010-****-5678", flagMissing.Err, StringComparison.Ordinal);
            Assert.Equal(4, (await cli.RunAsync("booking", "get", "1051707_99999", "01012345678")).ExitCode);

            var exists = await cli.RunAsync("booking", "create", "1051707_12345", "010-1234-5678", "--name", "Other", "--time", "2025-10-21 10:00:00", "--if-absent", "--json");
            Assert.Equal(6, exists.ExitCode);
            Assert.Equal("exists", Json(exists.Out).GetProperty("status").GetString());

            Assert.Equal(0, (await cli.RunAsync("booking", "delete", "1051707_12345", "01012345678")).ExitCode);
            Assert.Equal(4, (await cli.RunAsync("booking", "delete", "1051707_12345", "01012345678")).ExitCode);
            var gone = await cli.RunAsync("booking", "get", "1051707_12345", "01012345678", "--json");
            Assert.Equal(4, gone.ExitCode);
            Assert.Equal("null", gone.Out.Trim());
        }

        [Theory]
        [InlineData("0201234567", "--time", "2025-10-20 14:30:00", "'phone' is not a Korean mobile number")]
        [InlineData("01012345678", "--time", "2025/10/20 14:30", "'booking_time' must be 'yyyy-MM-dd HH:mm:ss'")]
        public async Task Booking_create_rejects_invalid_input_saying_what_and_how_to_fix(string phone, string option, string time, string expected)
        {
            var cli = new CliHarness(_fixture, "invalid");
            var run = await cli.RunAsync("booking", "create", "1051707_1", phone, "--name", "Kim", option, time);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("error: Invalid booking: field " + expected, run.Err, StringComparison.Ordinal);
            Assert.Contains("fix:", run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, run.Err, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Out);
        }

        [Fact]
        public async Task Unnotified_prints_store_windows_and_skipped_bookings_masked()
        {
            var cli = new CliHarness(_fixture, "unnotified");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var file = cli.WriteFile("bookings.jsonl", string.Join('\n', new[]
            {
                "{\"booking_num\":\"2040001_1\",\"phone\":\"01022223333\",\"name\":\"Lee\",\"booking_time\":\"2025-10-21 18:00:00\"}",
                "{\"booking_num\":\"1051707_1\",\"phone\":\"01022224444\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:00:00\"}",
                "{\"booking_num\":\"1051707_2\",\"phone\":\"01022225555\",\"name\":\"Park\",\"booking_time\":\"2025-10-22 16:30:00\"}",
                "{\"booking_num\":\"1051707_3\",\"phone\":\"01022226666\",\"name\":\"Choi\",\"booking_time\":\"2025-10-19 09:00:00\",\"option_sms\":true}",
                "{\"booking_num\":\"2040001_2\",\"phone\":\"01022227777\",\"name\":\"Jung\",\"booking_time\":\"2025-10-22 25:00:00\"}",
            }));
            Assert.Equal(0, (await cli.RunAsync("import", file)).ExitCode);

            var text = await cli.RunAsync("booking", "unnotified");
            Assert.Equal(0, text.ExitCode);
            var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^1051707\s+2025-10-20 10:00:00\s+2025-10-22 16:30:00\s+2$", lines[2]);
            Assert.Matches(@"^2040001\s+2025-10-21 18:00:00\s+2025-10-21 18:00:00\s+1$", lines[3]);
            Assert.Matches(@"2040001_2\s+010-\*\*\*\*-7777\s+booking_time is not a valid", text.Out);

            var json = Json((await cli.RunAsync("booking", "unnotified", "--json")).Out);
            Assert.Equal(new[] { "1051707", "2040001" }, json.GetProperty("stores").EnumerateObject().Select(p => p.Name));
            Assert.Equal("2025-10-22 16:30:00", json.GetProperty("stores").GetProperty("1051707").GetProperty("end_time").GetString());
            var skipped = Assert.Single(json.GetProperty("skipped").EnumerateArray().ToList());
            Assert.Equal("010-****-7777", skipped.GetProperty("phone").GetString());
        }

        [Fact]
        public async Task Session_save_get_delete_reads_cookies_from_a_file_or_stdin_and_never_prints_them()
        {
            var cli = new CliHarness(_fixture, "session");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var cookies = cli.WriteFile("cookies.json", CliHarness.CookiesJson);

            var saved = await cli.RunAsync("session", "save", "--cookies-file", cookies, "--lifetime", "12h");
            Assert.Equal(0, saved.ExitCode);
            Assert.Contains("2 cookie(s)", saved.Out, StringComparison.Ordinal);
            Assert.Contains("never shown", saved.Out, StringComparison.Ordinal);

            var json = Json((await cli.RunAsync("session", "get", "--json")).Out);
            Assert.Equal("1", json.GetProperty("id").GetString());
            Assert.Equal(2, json.GetProperty("cookie_count").GetInt32());
            Assert.InRange(json.GetProperty("expires_at").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 12 * 3600 - 120, 12 * 3600 + 5);

            var fromStdin = await cli.RunWithStdinAsync(CliHarness.CookiesJson, "session", "save", "--id", "user-7", "--cookies-file", "-");
            Assert.Equal(0, fromStdin.ExitCode);
            Assert.Contains("never", (await cli.RunAsync("session", "get", "--id", "user-7")).Out, StringComparison.Ordinal);

            var notJson = cli.WriteFile("broken.json", "{\"value\":\"" + CliHarness.SecretCookieValues[0] + "\"");
            var refused = await cli.RunAsync("session", "save", "--cookies-file", notJson);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("not valid JSON", refused.Err, StringComparison.Ordinal);
            var badLifetime = await cli.RunAsync("session", "save", "--cookies-file", cookies, "--lifetime", "soon");
            Assert.Equal(2, badLifetime.ExitCode);
            Assert.Contains("positive duration", badLifetime.Err, StringComparison.Ordinal);

            Assert.Equal(0, (await cli.RunAsync("session", "delete")).ExitCode);
            Assert.Equal(4, (await cli.RunAsync("session", "get")).ExitCode);
            Assert.Equal(4, (await cli.RunAsync("session", "delete")).ExitCode);
        }

        [Fact]
        public async Task Import_reports_bad_rows_with_their_line_numbers_and_writes_the_rest()
        {
            var cli = new CliHarness(_fixture, "import-lines");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var file = cli.WriteFile("import.jsonl", string.Join('\n', new[]
            {
                "{\"booking_num\":\"1051707_1\",\"phone\":\"01030001111\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:00:00\",\"visit_count\":1}",
                "{\"booking_num\":\"1051707_2\",\"phone\":\"01030002222\",",
                string.Empty,
                "{\"booking_num\":\"1051707_3\",\"phone\":\"01030003333\",\"booking_time\":\"2025-10-20 11:00:00\"}",
                "{\"booking_num\":\"1051707_4\",\"phone\":\"0103000444\",\"name\":\"Park\",\"booking_time\":\"2025-10-20 12:00:00\"}",
                "{\"booking_num\":\"1051707_5\",\"phone\":\"010-3000-5555\",\"name\":\"Choi\",\"booking_time\":\"2025-10-20 13:00:00\",\"confirm_sms\":true}",
                "{\"booking_num\":\"1051707_1\",\"phone\":\"010-3000-1111\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:30:00\",\"visit_count\":2}",
                "[1, 2]",
                "{\"booking_num\":\"2040001_6\",\"phone\":\"01030006666\",\"name\":\"Jung\",\"booking_time\":\"2025-10-21 09:00:00\"}",
            }));

            var run = await cli.RunAsync("import", file, "--batch-size", "5", "--json");

            Assert.Equal(5, run.ExitCode);
            Assert.Contains("line 2: skipped: not valid JSON", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 4: skipped: required field 'name' is missing", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 5: skipped: field 'phone' is not a Korean mobile number", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 8: skipped: a booking must be a JSON object", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 1: note: replaced by line 7", run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("line 3", run.Err, StringComparison.Ordinal);
            var summary = Json(run.Out);
            Assert.Equal((4, 4, 0), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
            Assert.Equal(new[] { 2, 4, 5, 8 }, summary.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));

            var latest = Json((await cli.RunAsync("booking", "get", "1051707_1", "01030001111", "--json")).Out);
            Assert.Equal(2, latest.GetProperty("visit_count").GetInt32());
            Assert.Equal(0, (await cli.RunAsync("booking", "get", "2040001_6", "01030006666")).ExitCode);
            Assert.Equal(4, (await cli.RunAsync("booking", "get", "1051707_4", "01030004444")).ExitCode);

            var text = await cli.RunAsync("import", file);
            Assert.Contains("written 4, skipped 4, failed 0", text.Out, StringComparison.Ordinal);
            Assert.Contains("line number", text.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Import_reports_the_rows_DynamoDB_never_wrote_as_failed_with_their_lines_and_writes_the_rest()
        {
            var cli = new CliHarness(_fixture, "import-failed");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var file = cli.WriteFile("import.jsonl", string.Join('\n', Enumerable.Range(1, 30).Select(n =>
                $"{{\"booking_num\":\"1051707_{n}\",\"phone\":\"0105000{n:D4}\",\"name\":\"Guest {n}\",\"booking_time\":\"2025-10-20 10:00:00\"}}")));

            // Every BatchWriteItem leaves its last 90% unprocessed: the rows at the front of each request get written
            // over the 8 rounds, the rest are still unprocessed after the last one.
            var plan = new FaultPlan { Seed = 5, PartialBatchRate = 1.0, UnprocessedFraction = 0.9, OnlyOperations = new HashSet<string> { "BatchWriteItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            var run = await cli.RunRawAsync(new[] { "import", file, "--json", "--endpoint", proxy.Endpoint.ToString(), "--table-prefix", cli.Prefix });

            Assert.Equal(5, run.ExitCode);
            var summary = Json(run.Out);
            var problems = summary.GetProperty("problems").EnumerateArray().ToList();
            Assert.All(problems, p => Assert.Equal("failed", p.GetProperty("status").GetString()));
            var failed = problems.Select(p => p.GetProperty("line").GetInt32()).ToHashSet();
            Assert.Equal((30 - failed.Count, 0, failed.Count), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
            Assert.InRange(failed.Count, 1, 29);
            Assert.All(failed, line => Assert.Contains($"line {line}: failed: DynamoDB did not write it (8 round(s))", run.Err, StringComparison.Ordinal));

            // Line n holds booking 1051707_n: the lines reported failed are exactly the bookings not stored.
            var stored = await _fixture.Client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = cli.Prefix + "sms", ConsistentRead = true });
            var storedLines = stored.Items.Select(item => int.Parse(item["booking_num"].S["1051707_".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(Enumerable.Range(1, 30).Except(failed).ToHashSet(), storedLines);
        }

        [Fact]
        public async Task Import_of_a_json_array_reports_the_line_each_bad_element_starts_on()
        {
            var cli = new CliHarness(_fixture, "import-array");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var file = cli.WriteFile("import.json", "[\n"
                + "  {\"booking_num\": \"1051707_1\", \"phone\": \"01040001111\", \"name\": \"Kim\", \"booking_time\": \"2025-10-20 10:00:00\"},\n"
                + "  {\n    \"booking_num\": \"1051707_2\",\n    \"phone\": \"01040002222\",\n    \"name\": \"Lee\",\n    \"booking_time\": \"tomorrow\"\n  },\n"
                + "  {\"booking_num\": \"1051707_3\", \"phone\": \"01040003333\", \"name\": \"Park\", \"booking_time\": \"2025-10-20 12:00:00\", \"remind_sms\": \"yes\"},\n"
                + "  {\"booking_num\": \"1051707_4\", \"phone\": \"01040004444\", \"name\": \"Choi\", \"booking_time\": \"2025-10-20 13:00:00\"}\n"
                + "]\n");

            var run = await cli.RunAsync("import", file);

            Assert.Equal(5, run.ExitCode);
            Assert.Contains("line 3: skipped: field 'booking_time' must be", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 9: skipped: field 'remind_sms' must be true or false", run.Err, StringComparison.Ordinal);
            Assert.Contains("written 2, skipped 2, failed 0", run.Out, StringComparison.Ordinal);

            var truncated = cli.WriteFile("truncated.json", "[\n  {\"booking_num\": \"1051707_5\", \"phone\": \"01040005555\", \"name\": \"Kim\", \"booking_time\": \"2025-10-20 10:00:00\"},\n  {\"booking_num\": \n");
            var partial = await cli.RunAsync("import", truncated);
            Assert.Equal(5, partial.ExitCode);
            Assert.Contains("written 1, skipped 1", partial.Out, StringComparison.Ordinal);
            Assert.Contains("not valid JSON here", partial.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Export_masks_on_stdout_and_writes_complete_records_to_a_file_that_imports_again()
        {
            var cli = new CliHarness(_fixture, "export");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            for (var i = 1; i <= 3; i++)
            {
                Assert.Equal(0, (await cli.RunAsync("booking", "create", $"1051707_{i}", $"0105000000{i}", "--name", "Kim Soo", "--time", $"2025-10-2{i} 10:00:00", "--extra", $"visit_count={i}", "--extra", "note=call 010-9999-888" + i)).ExitCode);
            }

            var masked = await cli.RunAsync("export");
            Assert.Equal(0, masked.ExitCode);
            var lines = masked.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.All(lines.Select(Json), line =>
            {
                Assert.StartsWith("010-****-000", line.GetProperty("phone").GetString(), StringComparison.Ordinal);
                Assert.Equal("K***", line.GetProperty("name").GetString());
                Assert.StartsWith("call 010-****-888", line.GetProperty("note").GetString(), StringComparison.Ordinal);
            });
            Assert.Contains("Exported 3 booking(s)", masked.Err, StringComparison.Ordinal);

            var path = Path.Combine(cli.Directory, "export.jsonl");
            var toFile = await cli.RunAsync("export", "--output", path, "--json");
            Assert.Equal(3, Json(toFile.Out).GetProperty("exported").GetInt32());
            var complete = File.ReadAllLines(path);
            Assert.Contains(complete, l => l.Contains("\"phone\":\"010-5000-0001\"", StringComparison.Ordinal));
            Assert.Contains(complete, l => l.Contains("\"name\":\"Kim Soo\"", StringComparison.Ordinal));

            var other = new CliHarness(_fixture, "export-target");
            Assert.Equal(0, (await other.RunAsync("tables", "ensure")).ExitCode);
            var imported = await other.RunAsync("import", path);
            Assert.Equal(0, imported.ExitCode);
            Assert.Contains("written 3, skipped 0, failed 0", imported.Out, StringComparison.Ordinal);
            var reExported = await other.RunAsync("export", "--output", Path.Combine(cli.Directory, "again.jsonl"));
            Assert.Equal(0, reExported.ExitCode);
            Assert.Equal(complete.Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(cli.Directory, "again.jsonl")).Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task Usage_errors_exit_2_and_say_where_the_help_is()
        {
            var cli = new CliHarness(_fixture, "usage");

            var missing = await cli.RunAsync("booking", "flag", "1051707_1");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("fix:   see 'bookings booking flag --help'", missing.Err, StringComparison.Ordinal);

            var extra = await cli.RunRawAsync(new[] { "booking", "get", "1051707_1", "01012345678", "01098765432" });
            Assert.Equal(2, extra.ExitCode);
            Assert.Contains("010-****-5432", extra.Err, StringComparison.Ordinal);

            var badFlag = await cli.RunAsync("booking", "flag", "1051707_1", "01012345678", "01099998888");
            Assert.Equal(2, badFlag.ExitCode);
            Assert.Contains("Unknown flag '010-****-8888'", badFlag.Err, StringComparison.Ordinal);

            var badEndpoint = await cli.RunRawAsync(new[] { "tables", "list", "--endpoint", "not a url" });
            Assert.Equal(2, badEndpoint.ExitCode);
            Assert.Contains("fix:", badEndpoint.Err, StringComparison.Ordinal);

            var noFile = await cli.RunAsync("import", Path.Combine(cli.Directory, "nope.jsonl"));
            Assert.Equal(2, noFile.ExitCode);
            Assert.Contains("File not found", noFile.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_unreachable_endpoint_exits_3_and_an_import_stops_saying_how_far_it_got()
        {
            var cli = new CliHarness(_fixture, "unreachable");
            var file = cli.WriteFile("import.jsonl", string.Join('\n', new[]
            {
                "{\"booking_num\":\"1051707_1\",\"phone\":\"01030001111\",\"name\":\"Kim\",\"booking_time\":\"2025-10-20 10:00:00\"}",
                "{\"booking_num\":\"1051707_2\"}",
            }));

            var get = await cli.RunRawAsync(new[] { "booking", "get", "1051707_1", "01030001111", "--endpoint", "http://127.0.0.1:9" });
            Assert.Equal(3, get.ExitCode);
            Assert.Contains("fix:   Check that DynamoDB is running at http://127.0.0.1:9/", get.Err, StringComparison.Ordinal);

            var import = await cli.RunRawAsync(new[] { "import", file, "--endpoint", "http://127.0.0.1:9" });
            Assert.Equal(3, import.ExitCode);
            Assert.Contains("line 2: skipped: required field", import.Err, StringComparison.Ordinal);
            Assert.Contains("import stopped: written 0, skipped 1, failed 0", import.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_logs_go_to_stderr_and_stdout_stays_parseable()
        {
            var cli = new CliHarness(_fixture, "json-logs");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            await cli.RunAsync("booking", "create", "1051707_1", "01012345678", "--name", "Kim", "--time", "2025-10-20 10:00:00");

            var run = await cli.RunAsync("booking", "get", "1051707_1", "01012345678", "--json", "--log-level", "Debug", "--log-format", "json");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("1051707_1", Json(run.Out).GetProperty("booking_num").GetString());
            var logs = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Json).ToList();
            Assert.Contains(logs, l => l.GetProperty("EventId").GetInt32() == 1002 && l.GetProperty("Message").GetString()!.Contains("010-****-5678", StringComparison.Ordinal));
        }
    }
}

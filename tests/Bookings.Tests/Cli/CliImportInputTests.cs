using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>
    /// <c>import</c> of bad input: bytes that are not UTF-8, rows DynamoDB would refuse, files that are empty or not
    /// text, and what scripts read (one JSON document on stdout, one line per problem on stderr).
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class CliImportInputTests
    {
        private readonly DynamoDbFixture _fixture;

        public CliImportInputTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static JsonElement Json(string text) => CliHarness.Json(text);

        private static string Row(int n, string name = "Guest", string extra = "")
            => $"{{\"booking_num\":\"1051707_{n}\",\"phone\":\"0106000{n:D4}\",\"name\":\"{name}\",\"booking_time\":\"2025-10-20 10:00:00\"{extra}}}";

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        /// <summary>The booking numbers stored in the harness's table.</summary>
        private async Task<List<string>> StoredAsync(CliHarness cli)
        {
            var stored = await _fixture.Client.ScanAsync(new ScanRequest { TableName = cli.Prefix + "sms", ConsistentRead = true });
            return stored.Items.Select(item => item["booking_num"].S).Order(StringComparer.Ordinal).ToList();
        }

        private static int[] Lines(JsonElement summary)
            => summary.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()).ToArray();

        [Fact]
        public async Task Invalid_UTF_8_in_a_string_of_a_JSON_array_is_a_row_error_with_its_line_and_the_other_rows_are_imported()
        {
            var cli = new CliHarness(_fixture, "import-utf8-array");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);

            // Element 2 starts on line 3 and holds the invalid bytes C3 28 in its name, on line 5 (at byte 13 of it).
            var bytes = Utf8("[\n" + Row(1) + ",\n{\n  \"booking_num\": \"1051707_2\", \"phone\": \"01060000002\",\n  \"name\": \"K")
                .Concat(new byte[] { 0xC3, 0x28 })
                .Concat(Utf8("m\", \"booking_time\": \"2025-10-20 10:00:00\"\n},\n" + Row(3, extra: ",\"note\":\"\\ud800 alone\"") + ",\n" + Row(4) + "\n]\n"))
                .ToArray();
            var file = cli.WriteBytes("import.json", bytes);

            var run = await cli.RunAsync("import", file, "--json");

            Assert.Equal(5, run.ExitCode);
            Assert.Contains("line 3: skipped: not UTF-8 text (save the file as UTF-8): an invalid byte at byte 13 of line 5", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 7: skipped: a \\u escape of half a surrogate pair, which is not Unicode text, at byte ", run.Err, StringComparison.Ordinal);
            var summary = Json(run.Out);
            Assert.Equal((2, 2, 0), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
            Assert.Equal(new[] { 3, 7 }, Lines(summary));
            Assert.Equal(new[] { "1051707_1", "1051707_4" }, await StoredAsync(cli));
        }

        [Fact]
        public async Task Invalid_UTF_8_in_a_string_of_a_JSON_lines_file_is_a_row_error_and_never_stored_as_U_FFFD()
        {
            var cli = new CliHarness(_fixture, "import-utf8-lines");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var row2 = Row(2).Split("Guest");
            var bytes = Utf8(Row(1) + "\n" + row2[0] + "Gu")
                .Concat(new byte[] { 0xFF, 0xFE })
                .Concat(Utf8("st" + row2[1] + "\n" + Row(3, extra: ",\"note\":\"\\udc00\"") + "\r\n" + Row(4, name: "\\ud83d\\ude00 ok") + "\n"))
                .ToArray();
            var file = cli.WriteBytes("import.jsonl", bytes);

            var run = await cli.RunAsync("import", file, "--json");

            Assert.Equal(5, run.ExitCode);
            Assert.Contains($"line 2: skipped: not UTF-8 text (save the file as UTF-8): an invalid byte at byte {row2[0].Length + 3} of the line", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 3: skipped: a \\u escape of half a surrogate pair", run.Err, StringComparison.Ordinal);
            var summary = Json(run.Out);
            Assert.Equal((2, 2), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32()));
            Assert.Equal(new[] { "1051707_1", "1051707_4" }, await StoredAsync(cli));

            // A surrogate pair written as two escapes is a character like any other; nothing stored holds U+FFFD.
            var stored = await _fixture.Client.ScanAsync(new ScanRequest { TableName = cli.Prefix + "sms", ConsistentRead = true });
            Assert.Equal("\U0001F600 ok", stored.Items.Single(i => i["booking_num"].S == "1051707_4")["name"].S);
            Assert.DoesNotContain(stored.Items.SelectMany(i => i.Values), v => v.S?.Contains('\uFFFD', StringComparison.Ordinal) == true);
        }

        [Fact]
        public async Task A_row_over_400_KB_is_skipped_naming_its_size_a_row_DynamoDB_refuses_fails_alone_and_the_report_says_exactly_what_was_stored()
        {
            var cli = new CliHarness(_fixture, "import-size");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var deep = "\"x\"";
            for (var depth = 0; depth < 40; depth++)
            {
                deep = "{\"a\":" + deep + "}";
            }

            // 100 rows in one batch of 100: line 30 nests deeper than DynamoDB allows (DynamoDB refuses it), line 60
            // holds a memo of 410,000 characters (over DynamoDB's 400 KB item limit).
            var rows = Enumerable.Range(1, 100).Select(n => n switch
            {
                30 => Row(n, extra: ",\"deep\":" + deep),
                60 => Row(n, extra: ",\"memo\":\"" + new string('m', 410_000) + "\""),
                _ => Row(n),
            });
            var file = cli.WriteFile("import.jsonl", string.Join('\n', rows));

            var run = await cli.RunAsync("import", file, "--json");

            Assert.Equal(5, run.ExitCode);
            var summary = Json(run.Out);
            Assert.Equal((98, 1, 1), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
            var problems = summary.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("line").GetInt32());
            Assert.Equal(new[] { 30, 60 }, problems.Keys.Order());
            Assert.Equal("skipped", problems[60].GetProperty("status").GetString());
            var reason = System.Text.RegularExpressions.Regex.Match(
                problems[60].GetProperty("reason").GetString()!,
                @"^the item is ([0-9,]+) bytes, over DynamoDB's item size limit of 409,600 bytes \(400 KB\); its largest attribute is 'memo' \(410,004 bytes\)$");
            Assert.True(reason.Success, problems[60].GetProperty("reason").GetString());
            Assert.InRange(int.Parse(reason.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 410_004 + 50, 410_004 + 150);
            Assert.Equal("failed", problems[30].GetProperty("status").GetString());
            Assert.StartsWith("DynamoDB rejected it as invalid: Nesting Levels have exceeded supported limits", problems[30].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("line 30: failed: DynamoDB rejected it as invalid: Nesting Levels", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 60: skipped: the item is ", run.Err, StringComparison.Ordinal);

            var expected = Enumerable.Range(1, 100).Where(n => n is not (30 or 60)).Select(n => "1051707_" + n.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
            Assert.Equal(expected, await StoredAsync(cli));
        }

        [Theory]
        [InlineData("empty.jsonl", "", "it is empty or holds only blank lines")]
        [InlineData("blank.jsonl", "\n  \n\t\r\n", "it is empty or holds only blank lines")]
        [InlineData("bom.jsonl", "\uFEFF", "it is empty or holds only blank lines")]
        [InlineData("empty.json", "[]", "it is an empty JSON array")]
        [InlineData("spaced.json", " [\n ]\n", "it is an empty JSON array")]
        public async Task A_file_with_no_rows_exits_7_with_an_error_and_a_JSON_error_object(string name, string content, string why)
        {
            var cli = new CliHarness(_fixture, "import-empty");
            var file = cli.WriteFile(name, content);

            var text = await cli.RunAsync("import", file);
            Assert.Equal(7, text.ExitCode);
            Assert.Equal(string.Empty, text.Out);
            Assert.Contains($"error: Nothing to import: {file} holds no bookings ({why}); nothing was written.", text.Err, StringComparison.Ordinal);
            Assert.Contains("fix:", text.Err, StringComparison.Ordinal);

            var json = await cli.RunAsync("import", file, "--json");
            Assert.Equal(7, json.ExitCode);
            var error = Json(json.Out).GetProperty("error");
            Assert.Equal(7, error.GetProperty("exitCode").GetInt32());
            Assert.StartsWith("Nothing to import:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("utf16")]
        public async Task Binary_input_is_one_clear_error_not_a_line_per_chunk(string kind)
        {
            var cli = new CliHarness(_fixture, "import-binary");
            var random = new Random(7);
            var bytes = kind == "gzip"
                ? new byte[] { 0x1F, 0x8B, 0x08, 0x00 }.Concat(Enumerable.Range(0, 20_000).Select(_ => (byte)random.Next(256))).ToArray()
                : Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Row(1) + "\n" + Row(2) + "\n")).ToArray();
            var file = cli.WriteBytes("import." + kind, bytes);

            var run = await cli.RunAsync("import", file, "--json");

            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain("skipped", run.Err, StringComparison.Ordinal);
            var errors = run.Err.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(kind == "gzip" ? $"error: {file} is not a text file (byte 4 is a NUL byte, which no JSON text holds); import reads JSON lines or a JSON array in UTF-8. Nothing was written." : $"error: {file} is UTF-16 or UTF-32 text (it starts with that byte order mark); import reads UTF-8 only. Nothing was written.", Assert.Single(errors));
            Assert.Equal(2, Json(run.Out).GetProperty("error").GetProperty("exitCode").GetInt32());
        }

        [Fact]
        public async Task With_json_a_fatal_stop_still_writes_a_JSON_document_with_the_counts_so_far_and_the_error()
        {
            var cli = new CliHarness(_fixture, "import-json-stop");
            var file = cli.WriteFile("import.jsonl", Row(1) + "\n{\"booking_num\":\"1051707_2\"}\n");

            var stopped = await cli.RunRawAsync(new[] { "import", file, "--json", "--endpoint", "http://127.0.0.1:9" });

            Assert.Equal(3, stopped.ExitCode);
            var summary = Json(stopped.Out);
            Assert.Equal((0, 1, 0), (summary.GetProperty("written").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
            Assert.Equal(new[] { 2 }, Lines(summary));
            var error = summary.GetProperty("error");
            Assert.Equal(3, error.GetProperty("exitCode").GetInt32());
            Assert.Contains("BatchWriteItem", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Check that DynamoDB is running at http://127.0.0.1:9/", error.GetProperty("fix").GetString(), StringComparison.Ordinal);
            Assert.Contains("import stopped: written 0, skipped 1, failed 0", stopped.Err, StringComparison.Ordinal);

            // Errors before the import starts, and on the command line, are JSON documents too.
            var usage = await cli.RunAsync("import", file, "--batch-size", "0", "--json");
            Assert.Equal(2, usage.ExitCode);
            Assert.Contains("--batch-size", Json(usage.Out).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            var parse = await cli.RunAsync("import", "--json");
            Assert.Equal(2, parse.ExitCode);
            Assert.Equal(2, Json(parse.Out).GetProperty("error").GetProperty("exitCode").GetInt32());
        }

        [Fact]
        public async Task Problem_lines_are_never_wrapped_when_stderr_is_not_a_terminal()
        {
            var cli = new CliHarness(_fixture, "import-nowrap");
            Assert.Equal(0, (await cli.RunAsync("tables", "ensure")).ExitCode);
            var file = cli.WriteFile("import.jsonl", string.Join('\n', new[]
            {
                Row(1),
                Row(2).Replace("01060000002", "0106000000", StringComparison.Ordinal),
                Row(3, extra: ",\"remind_sms\":\"a value that is certainly not a boolean\""),
                Row(1),
            }));

            var run = await cli.RunAsync("import", file);

            Assert.Equal(5, run.ExitCode);
            var lines = run.Err.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains("line 2: skipped: field 'phone' is not a Korean mobile number (expected 010-XXXX-XXXX or 010XXXXXXXX)", lines);
            Assert.Contains("line 3: skipped: field 'remind_sms' must be true or false, not a string", lines);
            Assert.Contains("line 1: note: replaced by line 4, which has the same booking_num and phone", lines);
            Assert.Contains(lines, l => l.Length > 80);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bookings.Cli;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>The result of one in-process CLI run.</summary>
    internal sealed record CliRun(int ExitCode, string Out, string Err)
    {
        public string All => Out + Err;
    }

    /// <summary>
    /// Runs CLI commands in-process against the fixture's DynamoDB (<c>--endpoint</c>) with a table prefix of its
    /// own, capturing stdout and stderr. Every run is checked for leaks: no unmasked phone number and no cookie
    /// value may appear in anything the CLI prints.
    /// </summary>
    internal sealed partial class CliHarness
    {
        private readonly DynamoDbFixture _fixture;

        public CliHarness(DynamoDbFixture fixture, string name)
        {
            _fixture = fixture;

            // UniqueTableName gives a unique, valid name; the CLI appends sms/session to it.
            Prefix = fixture.UniqueTableName("cli-" + name) + "-";
            Directory = Path.Combine(Path.GetTempPath(), "bookings-cli-tests", Prefix.TrimEnd('-'));
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string Prefix { get; }

        /// <summary>A scratch folder for this harness's files.</summary>
        public string Directory { get; }

        /// <summary>Cookie values the tests save; none may ever be printed.</summary>
        public static IReadOnlyList<string> SecretCookieValues { get; } = new[] { "AUT-secret-value-7f3a", "SES-secret-value-91bd" };

        public static string CookiesJson { get; } =
            $"[{{\"name\":\"NID_AUT\",\"value\":\"{SecretCookieValues[0]}\",\"domain\":\".naver.com\"}},{{\"name\":\"NID_SES\",\"value\":\"{SecretCookieValues[1]}\"}}]";

        /// <summary>Everything every harness printed in this test run, for the leak test.</summary>
        public static List<string> Printed { get; } = new();

        /// <summary>Runs a command with --endpoint and --table-prefix added.</summary>
        public Task<CliRun> RunAsync(params string[] args)
            => RunRawAsync(args.Concat(new[] { "--endpoint", _fixture.Endpoint.ToString(), "--table-prefix", Prefix }).ToArray());

        /// <summary>Runs a command line exactly as given.</summary>
        public async Task<CliRun> RunRawAsync(string[] args, string? stdin = null)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var app = new CliApp(output, error, errorIsTerminal: false, stdin: () => new StringReader(stdin ?? string.Empty));
            var code = await app.RunAsync(args);
            var run = new CliRun(code, output.ToString(), error.ToString());
            lock (Printed)
            {
                Printed.Add(run.All);
            }

            AssertNothingSecret(run.All);
            return run;
        }

        public Task<CliRun> RunWithStdinAsync(string stdin, params string[] args)
            => RunRawAsync(args.Concat(new[] { "--endpoint", _fixture.Endpoint.ToString(), "--table-prefix", Prefix }).ToArray(), stdin);

        public string WriteFile(string name, string content)
        {
            var path = Path.Combine(Directory, name);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Parses what a <c>--json</c> run printed.</summary>
        public static System.Text.Json.JsonElement Json(string text)
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }

        public string WriteBytes(string name, byte[] content)
        {
            var path = Path.Combine(Directory, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        /// <summary>Fails when the text holds an unmasked Korean mobile number or a cookie value.</summary>
        public static void AssertNothingSecret(string text)
        {
            // AWS request ids in failure lines are opaque letters and digits, whose digits now and then form a run that
            // looks like a phone number: they are not checked.
            text = RequestId().Replace(text, "<REQUEST-ID>");
            var phone = UnmaskedPhone().Match(text);
            Assert.False(phone.Success, $"unmasked phone number printed: {phone.Value}");
            foreach (var secret in SecretCookieValues)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        // The pattern of the brief: a phone whose middle digits are printed (a masked one has **** there).
        [GeneratedRegex(@"01[016789]-?\d{3,4}-?\d{4}")]
        private static partial Regex UnmaskedPhone();

        // The value of request_id: "(request id …)" in a text line, "request_id":"…" in a JSON one.
        [GeneratedRegex(@"(?<=\(request id |""request_id"":"")[0-9A-Za-z-]+")]
        private static partial Regex RequestId();
    }
}

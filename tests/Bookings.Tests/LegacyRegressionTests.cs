using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Bookings.Tests
{
    /// <summary>
    /// Replays tests/fixtures/legacy-regression.json (a week of synthetic bookings and what the legacy Lambda
    /// stored and returned for them) against DynamoDB Local: after each create, the item read back with the
    /// low-level client must equal the legacy item attribute by attribute (types included), and the option
    /// scan over the table so far must equal the legacy scan result. See docs/VALIDATION.md.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class LegacyRegressionTests
    {
        private readonly DynamoDbFixture _fixture;
        private readonly ITestOutputHelper _output;

        public LegacyRegressionTests(DynamoDbFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "fixtures", "legacy-regression.json");

        [Fact]
        public void The_fixture_covers_the_agreed_scope()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(FixturePath));
            var entries = document.RootElement.EnumerateArray().ToList();
            var inputs = entries.Select(e => e.GetProperty("input_booking")).ToList();
            var stored = entries.Select(e => e.GetProperty("expected_db_output")).ToList();

            Assert.True(entries.Count >= 50, "at least 50 bookings");
            Assert.Equal(7, inputs.Select(i => i.GetProperty("booking_time").GetString()!).Where(t => t.Length >= 10 && t.StartsWith("2025-10-2", StringComparison.Ordinal)).Select(t => t[..10]).Distinct().Count());
            Assert.True(inputs.Select(i => i.GetProperty("booking_num").GetString()!.Split('_')[0]).Distinct().Count() >= 5, "several stores");
            Assert.Contains(inputs, i => i.GetProperty("phone").GetString()!.Contains('-', StringComparison.Ordinal));
            Assert.Contains(inputs, i => !i.GetProperty("phone").GetString()!.Contains('-', StringComparison.Ordinal));
            var combinations = stored.Select(s => (s.GetProperty("confirm_sms").GetProperty("BOOL").GetBoolean(), s.GetProperty("remind_sms").GetProperty("BOOL").GetBoolean(), s.GetProperty("option_sms").GetProperty("BOOL").GetBoolean())).Distinct().Count();
            Assert.Equal(8, combinations);
            Assert.Contains(inputs, i => !i.TryGetProperty("confirm_sms", out _));
            Assert.Contains(stored, s => s.TryGetProperty("visit_count", out var v) && v.TryGetProperty("N", out _));
            Assert.Contains(stored, s => s.TryGetProperty("payment", out var v) && v.TryGetProperty("M", out _));
            Assert.Contains(entries, e => e.GetProperty("expected_scan_skipped").GetArrayLength() > 0);
            Assert.Contains(entries, e => e.TryGetProperty("new_code_rejects", out _));

            // Synthetic data only: every phone is in the fixture's reserved pattern, every name from its list.
            Assert.All(inputs, i => Assert.Matches("^Kim |^Lee |^Park |^Choi |^Jung ", i.GetProperty("name").GetString()!));
        }

        [Fact]
        public async Task Replaying_the_fixture_matches_the_legacy_items_and_scan_results()
        {
            var options = await TestTables.CreateAsync(_fixture, "legacy-regression");
            var service = new BookingService(_fixture.Client, options);
            using var document = JsonDocument.Parse(File.ReadAllText(FixturePath));
            var failures = new List<string>();
            int created = 0, seeded = 0, scans = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var id = entry.GetProperty("id").GetString()!;
                var expected = DynamoJson.ToItem(entry.GetProperty("expected_db_output"));
                var parsed = BookingRecords.TryParse(entry.GetProperty("input_booking"), out var booking, out var problem);
                if (entry.TryGetProperty("new_code_rejects", out var rejectedField))
                {
                    // A documented divergence: the new create refuses what the legacy code stored, naming the field.
                    if (parsed)
                    {
                        failures.Add($"{id}: expected the new create to refuse it ({rejectedField.GetString()}), but it was accepted");
                    }
                    else if (!problem!.Contains($"'{rejectedField.GetString()}'", StringComparison.Ordinal))
                    {
                        failures.Add($"{id}: refused for another reason: {problem}");
                    }

                    // The legacy item is in the table already (written by the old Lambda): seed it as stored.
                    await _fixture.Client.PutItemAsync(new PutItemRequest { TableName = service.TableName, Item = expected });
                    seeded++;
                }
                else if (!parsed)
                {
                    failures.Add($"{id}: the new create refused the record: {problem}");
                    continue;
                }
                else
                {
                    await service.CreateBookingAsync(booking!);
                    created++;
                    var raw = await TestTables.RawGetAsync(_fixture, service.TableName, expected["booking_num"].S, expected["phone"].S);
                    if (raw is null)
                    {
                        failures.Add($"{id}: nothing stored under the expected key");
                    }
                    else if (DynamoJson.Difference(id, expected, raw) is { } difference)
                    {
                        failures.Add(difference);
                    }

                    var read = await service.GetBookingAsync(expected["booking_num"].S, entry.GetProperty("input_booking").GetProperty("phone").GetString()!);
                    if (read is null || read.Phone != expected["phone"].S)
                    {
                        failures.Add($"{id}: the booking could not be read back with the phone as given");
                    }
                }

                var scan = await service.ScanUnnotifiedOptionsAsync();
                scans++;
                var expectedWindows = entry.GetProperty("expected_scan_result").EnumerateObject()
                    .Select(p => $"{p.Name}: {p.Value.GetProperty("start_time").GetString()} .. {p.Value.GetProperty("end_time").GetString()}").ToList();
                var actualWindows = scan.ToLegacyShape().Select(p => $"{p.Key}: {p.Value.StartTime} .. {p.Value.EndTime}").ToList();
                if (!expectedWindows.SequenceEqual(actualWindows))
                {
                    failures.Add($"{id}: scan result differs.\n  expected {string.Join("; ", expectedWindows)}\n  actual   {string.Join("; ", actualWindows)}");
                }

                var expectedSkipped = entry.GetProperty("expected_scan_skipped").EnumerateArray()
                    .Select(s => $"{s.GetProperty("booking_num").GetString()} {s.GetProperty("phone").GetString()}").Order(StringComparer.Ordinal).ToList();
                var actualSkipped = scan.Skipped.Select(s => $"{s.BookingNum} {s.MaskedPhone}").Order(StringComparer.Ordinal).ToList();
                if (!expectedSkipped.SequenceEqual(actualSkipped))
                {
                    failures.Add($"{id}: skipped bookings differ: expected [{string.Join(", ", expectedSkipped)}], actual [{string.Join(", ", actualSkipped)}]");
                }
            }

            _output.WriteLine($"Replayed {created + seeded} entries ({created} created through the new code, {seeded} seeded as legacy data), {scans} scans compared, {failures.Count} difference(s).");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
    }
}

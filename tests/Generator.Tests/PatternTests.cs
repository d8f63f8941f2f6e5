using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// A schema pattern means one thing and runs one way: generated key and marshaller types hold the runtime's
    /// <see cref="TextPattern"/>, a <see cref="Regex"/> of <see cref="SchemaPatterns.ToRegex"/>, where <c>$</c> is the end
    /// of the text and <c>\d</c> an ASCII digit. The inputs below once went through generated loops and through
    /// <see cref="Regex"/>; they now go through generated code and the runtime alike.
    /// </summary>
    public sealed class PatternTests
    {
        /// <summary>(pattern, text it refuses though .NET's own reading takes it, the nearest text it takes).</summary>
        public static readonly TheoryData<string, string, string> Refused = new()
        {
            { "^[0-9]+$", "123\n", "123" },                          // a pattern that was a loop
            { "^\\d+$", "12\u0663", "123" },
            { "^\\d{4}-\\d{2}-\\d{2}$", "2026-11-2\u0662", "2026-11-22" },
            { "^[\\d_]+$", "\u0966_", "0_" },
            { "^(ios|android)$", "ios\n", "ios" },                   // one that was a Regex
            { "^(\\d+|x)$", "\u0663", "3" },
            { "^[a-z-[\\d]]+$", "abc\n", "abc" },
            { "^[^\\D]+$", "\u0663", "3" },
        };

        [Theory]
        [InlineData(@"^[0-9]+$", @"^[0-9]+\z")]
        [InlineData(@"^\d{4}-\D$", @"^[0-9]{4}-[^0-9]\z")]
        [InlineData(@"^[\d_]+$", @"^[0-9_]+\z")]
        [InlineData(@"^[^\D]$", @"^[^\u0000-/:-\uFFFF]\z")]
        [InlineData(@"^\$\\d$", @"^\$\\d\z")]                  // an escaped '$', an escaped backslash before 'd'
        [InlineData(@"^[$]]$", @"^[$]]\z")]                         // '$' in a class is a character
        [InlineData(@"^[]$]$", @"^[]$]\z")]                         // so is a ']' that opens a class
        [InlineData(@"^[a-z-[\d$]]+$", @"^[a-z-[0-9$]]+\z")]         // class subtraction
        [InlineData(@"^(?#ends with $ and \d)a$", @"^(?#ends with $ and \d)a\z")]
        [InlineData(@"^\p{Nd}+$", @"^\p{Nd}+\z")]                  // Unicode digits when asked for
        public void A_schema_pattern_becomes_the_regular_expression_that_means_it(string pattern, string regex)
            => Assert.Equal(regex, SchemaPatterns.ToRegex(pattern));

        [Theory]
        [MemberData(nameof(Refused))]
        public void A_pattern_refuses_a_final_line_feed_and_digits_of_other_scripts(string pattern, string text, string nearest)
        {
            var schemaPattern = new TextPattern(pattern);
            Assert.False(schemaPattern.IsMatch(text));
            Assert.True(schemaPattern.IsMatch(nearest));
            Assert.True(new Regex(pattern, RegexOptions.CultureInvariant).IsMatch(text), "the case shows nothing: .NET's own reading refuses it too");
        }

        [Fact]
        public void Generated_types_check_every_pattern_as_the_runtime_does()
        {
            // One attribute per pattern above, and a key part of its own; the consumer stores each text in its attribute.
            var attributes = string.Join(", ", Refused.Select((row, i) => $"\"p{i}\": {{ \"type\": \"string\", \"pattern\": {Json((string)row[0])} }}"));
            var descriptor = Schemas.OneTable(
                "Patterns",
                "\"partitionKey\": { \"attribute\": \"pk\", \"template\": \"T#{id}\" }, \"keyParts\": { \"id\": { \"type\": \"string\", \"pattern\": \"^[0-9]+$\" } }",
                attributes);
            var consumer = new StringBuilder("""
                namespace Consumer
                {
                    /// <summary>Stores text in one patterned attribute, or builds a key of it.</summary>
                    public static class Check
                    {
                        /// <summary>"accepted", or the validation message.</summary>
                        public static string Run(int index, string text)
                        {
                            try
                            {
                                if (index < 0)
                                {
                                    _ = global::Patterns.ThingKey.Create(text);
                                    return "accepted";
                                }

                                var thing = new global::Patterns.Thing { Key = global::Patterns.ThingKey.Create("1") };
                                thing = index switch
                                {

                """);
            for (var i = 0; i < Refused.Count; i++)
            {
                consumer.Append($"                    {i} => thing with {{ P{i} = text }},\n");
            }

            consumer.Append("""
                                    _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),
                                };
                                _ = global::Patterns.ThingMarshaller.ToItem(thing);
                                return "accepted";
                            }
                            catch (global::Bookings.Generated.Runtime.DynamoValidationException ex)
                            {
                                return ex.Message;
                            }
                        }
                    }
                }
                """);
            var run = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/schema/patterns.tables.json", descriptor) }),
                GeneratorHarness.CreateCompilation(consumer.ToString()));
            Assertions.GeneratesCleanCode(run);

            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            var context = new AssemblyLoadContext("patterns", isCollectible: true);
            try
            {
                image.Position = 0;
                var check = context.LoadFromStream(image).GetType("Consumer.Check", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
                string Run(int index, string text) => (string)check.Invoke(null, new object[] { index, text })!;

                var i = 0;
                foreach (var row in Refused)
                {
                    var (pattern, text, nearest) = ((string)row[0], (string)row[1], (string)row[2]);
                    Assert.Equal($"Invalid Thing: 'p{i}' does not match the pattern {pattern}.", Run(i, text));
                    Assert.Equal("accepted", Run(i, nearest));
                    i++;
                }

                Assert.Equal("Invalid Thing: 'id' does not match the pattern ^[0-9]+$.", Run(-1, "\u0667"));
                Assert.Equal("accepted", Run(-1, "7"));
            }
            finally
            {
                context.Unload();
            }

            // One field per pattern, a Regex built once; no pattern becomes code of its own.
            var generated = string.Join("\n", run.Sources.Select(s => s.Text));
            Assert.Contains("private static readonly global::Bookings.Generated.Runtime.Internal.TextPattern IdPattern = new(\"^[0-9]+$\");", generated, System.StringComparison.Ordinal);
            Assert.Contains("private static readonly global::Bookings.Generated.Runtime.Internal.TextPattern P1Pattern = new(\"^\\\\d+$\");", generated, System.StringComparison.Ordinal);
            Assert.Equal(Refused.Count + 1, Regex.Matches(generated, "TextPattern [A-Za-z0-9]+ = new\\(").Count);
        }

        /// <summary>A JSON string of a pattern (the patterns here need no escape but the backslash).</summary>
        private static string Json(string text) => "\"" + text.Replace("\\", "\\\\", System.StringComparison.Ordinal) + "\"";
    }
}

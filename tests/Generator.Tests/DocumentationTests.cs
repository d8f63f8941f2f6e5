using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>Every diagnostic the generator can report is documented with a bad and a fixed example.</summary>
    public sealed class DocumentationTests
    {
        [Fact]
        public void Every_released_rule_has_a_section_in_the_schema_reference()
        {
            var releases = string.Concat(
                File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Generator", "AnalyzerReleases.Shipped.md")),
                File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md")));
            var rules = Regex.Matches(releases, @"^(DDB\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

            Assert.NotEmpty(rules);
            var undocumented = rules.Where(id => !Assertions.DocumentedIds.Contains(id)).ToList();
            Assert.True(undocumented.Count == 0, "Not documented in docs/schema-reference.md: " + string.Join(", ", undocumented));
        }

        [Fact]
        public void Every_documented_rule_shows_a_bad_and_a_fixed_example()
        {
            var reference = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schema-reference.md"));
            var sections = Regex.Split(reference, @"^### ", RegexOptions.Multiline).Skip(1).Where(s => s.StartsWith("DDB", System.StringComparison.Ordinal)).ToList();

            Assert.NotEmpty(sections);
            foreach (var section in sections)
            {
                var id = section.Substring(0, 6);
                Assert.True(section.Contains("Bad", System.StringComparison.OrdinalIgnoreCase) && section.Contains("Fix", System.StringComparison.OrdinalIgnoreCase), $"{id} needs a bad and a fixed example.");
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>The snapshot helper the other tests rely on.</summary>
    public sealed class SnapshotHelperTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "generator-tests-" + Guid.NewGuid().ToString("N"));

        public SnapshotHelperTests() => Directory.CreateDirectory(_directory);

        private string FakeSource => Path.Combine(_directory, "FakeTests.cs");

        private string Verified(string name) => Path.Combine(_directory, "Snapshots", name + ".verified.cs");

        private string Received(string name) => Path.Combine(_directory, "Snapshots", name + ".received.cs");

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void Normalize_strips_bom_unifies_line_endings_and_scrubs_the_generator_version()
        {
            var text = "\uFEFF[global::System.CodeDom.Compiler.GeneratedCode(\"Bookings.Generated.Generator\", \"1.2.3.4\")]\r\nclass A\r{\n}\n\n\n";

            Assert.Equal(
                "[global::System.CodeDom.Compiler.GeneratedCode(\"Bookings.Generated.Generator\", \"{generator-version}\")]\nclass A\n{\n}\n",
                Snapshot.Normalize(text));
        }

        [Fact]
        public void Normalize_keeps_versions_of_other_tools()
        {
            const string text = "[GeneratedCode(\"Other.Tool\", \"1.2.3.4\")]\n";
            Assert.Equal(text, Snapshot.Normalize(text));
        }

        [Fact]
        public void Missing_snapshot_writes_received_file_and_fails()
        {
            var error = Assert.Throws<XunitException>(() => Snapshot.Verify("new", "class A { }", FakeSource, accept: false));

            Assert.Contains("has no verified file yet", error.Message, StringComparison.Ordinal);
            Assert.Equal("class A { }\n", File.ReadAllText(Received("new")));
            Assert.False(File.Exists(Verified("new")));
        }

        [Fact]
        public void Accepting_writes_the_verified_file_and_removes_the_received_one()
        {
            Assert.Throws<XunitException>(() => Snapshot.Verify("accepted", "one", FakeSource, accept: false));

            Snapshot.Verify("accepted", "one\r\n", FakeSource, accept: true);
            Snapshot.Verify("accepted", "one", FakeSource, accept: false);

            Assert.Equal("one\n", File.ReadAllText(Verified("accepted")));
            Assert.False(File.Exists(Received("accepted")));
        }

        [Fact]
        public void Mismatch_fails_with_a_line_diff_and_writes_the_received_file()
        {
            Snapshot.Verify("changed", "a\nb\nc\nd\ne\nf\ng\n", FakeSource, accept: true);

            var error = Assert.Throws<XunitException>(() => Snapshot.Verify("changed", "a\nb\nC\nd\ne\nf\ng\nh\n", FakeSource, accept: false));

            Assert.Contains("--- verified\n+++ received\n", error.Message, StringComparison.Ordinal);
            Assert.Contains("@@ -1,8 +1,9 @@\n a\n b\n-c\n+C\n d\n e\n f\n g\n+h\n", error.Message, StringComparison.Ordinal);
            Assert.Contains("+h\n", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Received("changed")));
        }

        [Fact]
        public void Diff_shows_at_most_forty_changed_lines()
        {
            var expected = string.Join("\n", new string('x', 100).ToCharArray()) + "\n";
            var actual = string.Join("\n", new string('y', 100).ToCharArray()) + "\n";

            var diff = Snapshot.Diff(expected, actual);

            var changed = diff.Split('\n').Count(line => (line.StartsWith('-') || line.StartsWith('+')) && !line.StartsWith("---", StringComparison.Ordinal) && !line.StartsWith("+++", StringComparison.Ordinal));
            Assert.Equal(40, changed);
            Assert.Contains("160 more changed line(s) not shown", diff, StringComparison.Ordinal);
        }

        [Fact]
        public void A_verified_snapshot_no_test_claims_fails_and_accepting_deletes_it()
        {
            Snapshot.Verify("kept", "a", FakeSource, accept: true);
            Snapshot.Verify("other.stale", "b", FakeSource, accept: true);

            var error = Assert.Throws<XunitException>(() => Snapshot.VerifyNoOthers(new[] { "kept" }, FakeSource, accept: false));

            Assert.Contains("other.stale.verified.cs", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("kept.verified.cs", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Verified("other.stale")));

            Snapshot.VerifyNoOthers(new[] { "kept" }, FakeSource, accept: true);
            Snapshot.VerifyNoOthers(new[] { "kept" }, FakeSource, accept: false);
            Assert.False(File.Exists(Verified("other.stale")));
            Assert.True(File.Exists(Verified("kept")));
        }

        private static readonly SyntaxTree[] Generated =
        {
            CSharpSyntaxTree.ParseText("""
                namespace N
                {
                    /// <summary>A.</summary>
                    public sealed class Alpha
                    {
                        /// <summary>One.</summary>
                        public static int Run(int a) => a;

                        private const int Hidden = 1;

                        /// <summary>Two.</summary>
                        public static int Run(string s)
                        {
                            return s.Length;
                        }

                        /// <summary>Codecs.</summary>
                        private static readonly int FirstCodec = 1, SecondCodec = 2;
                    }
                }
                """),
            CSharpSyntaxTree.ParseText("""
                namespace N
                {
                    public enum Beta
                    {
                        One,
                    }
                }
                """),
        };

        [Fact]
        public void Cut_takes_every_member_of_a_name_or_a_whole_type_with_doc_comments_and_without_the_shared_indentation()
        {
            Assert.Equal(
                "// Alpha.Run\n"
                + "/// <summary>One.</summary>\npublic static int Run(int a) => a;\n"
                + "\n/// <summary>Two.</summary>\npublic static int Run(string s)\n{\n    return s.Length;\n}\n"
                + "\n// Beta\n"
                + "public enum Beta\n{\n    One,\n}\n",
                SnapshotCut.Of(Generated, "Alpha.Run", "Beta"));
        }

        [Fact]
        public void Cut_matches_a_star_against_any_text_and_fields_by_each_name_they_declare()
            => Assert.Equal(
                "// Alpha.*Codec\n/// <summary>Codecs.</summary>\nprivate static readonly int FirstCodec = 1, SecondCodec = 2;\n",
                SnapshotCut.Of(Generated, "Alpha.*Codec"));

        [Fact]
        public void Cut_of_a_name_that_matches_nothing_fails_naming_what_there_is()
        {
            var member = Assert.Throws<XunitException>(() => SnapshotCut.Of(Generated, "Alpha.Missing"));
            Assert.Contains("'Alpha.Missing' matches no member of Alpha; it has: Run, Hidden, FirstCodec, SecondCodec", member.Message, StringComparison.Ordinal);

            var type = Assert.Throws<XunitException>(() => SnapshotCut.Of(Generated, "Gamma.Run"));
            Assert.Contains("no generated type 'Gamma'; generated: Alpha, Beta", type.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Version_scrub_matches_what_the_generator_writes()
        {
            var attribute = Bookings.Generated.Generator.Emit.Code.GeneratedCodeAttribute;

            Assert.Contains(Snapshot.VersionPlaceholder, Snapshot.Normalize(attribute), StringComparison.Ordinal);
        }
    }
}

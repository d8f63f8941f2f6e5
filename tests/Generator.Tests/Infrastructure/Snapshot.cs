using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>
    /// A minimal snapshot check: compares text with <c>Snapshots/&lt;name&gt;.verified.cs</c> beside the
    /// calling test's source file. On a mismatch it writes <c>&lt;name&gt;.received.cs</c> next to it and
    /// fails with a line diff. With <c>ACCEPT_SNAPSHOTS=1</c> it overwrites the verified file instead.
    /// <see cref="VerifyNoOthers(IEnumerable{string}, string)"/> keeps the folder to the snapshots tests claim.
    /// </summary>
    internal static partial class Snapshot
    {
        public const string AcceptVariable = "ACCEPT_SNAPSHOTS";
        public const string VersionPlaceholder = "{generator-version}";

        private const int MaxDiffLines = 40;
        private const int ContextLines = 2;

        public static void Verify(string name, string actual, [CallerFilePath] string sourceFile = "")
            => Verify(name, actual, sourceFile, IsAccepting());

        /// <summary>The check itself, with the accept switch explicit (the environment is shared by parallel tests).</summary>
        internal static void Verify(string name, string actual, string sourceFile, bool accept)
        {
            var directory = SnapshotDirectory(sourceFile);
            var verifiedPath = Path.Combine(directory, name + ".verified.cs");
            var receivedPath = Path.Combine(directory, name + ".received.cs");
            var normalized = Normalize(actual);

            if (accept)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(verifiedPath, normalized, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                DeleteIfExists(receivedPath);
                return;
            }

            if (!File.Exists(verifiedPath))
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
                throw new XunitException(
                    $"Snapshot '{name}' has no verified file yet.\n"
                    + $"  received: {receivedPath}\n"
                    + $"Review it, then rename it to {Path.GetFileName(verifiedPath)} or run the tests with {AcceptVariable}=1.");
            }

            var expected = Normalize(File.ReadAllText(verifiedPath));
            if (string.Equals(expected, normalized, StringComparison.Ordinal))
            {
                DeleteIfExists(receivedPath);
                return;
            }

            File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
            throw new XunitException(
                $"Snapshot '{name}' does not match.\n"
                + $"  verified: {verifiedPath}\n"
                + $"  received: {receivedPath}\n"
                + $"Accept the change with {AcceptVariable}=1 if it is intended.\n\n"
                + Diff(expected, normalized, "verified", "received"));
        }

        /// <summary>
        /// Verifies several snapshots: every one is checked, so every mismatch gets its received file, and the test
        /// fails once listing them all.
        /// </summary>
        public static void VerifyAll(IEnumerable<KeyValuePair<string, string>> snapshots, [CallerFilePath] string sourceFile = "")
        {
            var failures = new List<string>();
            foreach (var (name, text) in snapshots)
            {
                try
                {
                    Verify(name, text, sourceFile);
                }
                catch (XunitException ex)
                {
                    failures.Add(ex.Message);
                }
            }

            if (failures.Count > 0)
            {
                throw new XunitException($"{failures.Count} snapshot problem(s):\n\n" + string.Join("\n\n", failures));
            }
        }

        /// <summary>
        /// Fails on every verified snapshot beside the calling source file that <paramref name="claimed"/> does not
        /// name (one no test produces any more, or one of a feature that left the list), so the folder cannot keep
        /// files nothing checks; while accepting, deletes them instead. The caller lists every snapshot of the folder.
        /// </summary>
        public static void VerifyNoOthers(IEnumerable<string> claimed, [CallerFilePath] string sourceFile = "")
            => VerifyNoOthers(claimed, sourceFile, IsAccepting());

        /// <summary>The check itself, with the accept switch explicit.</summary>
        internal static void VerifyNoOthers(IEnumerable<string> claimed, string sourceFile, bool accept)
        {
            var directory = SnapshotDirectory(sourceFile);
            var names = new HashSet<string>(claimed, StringComparer.Ordinal);
            var unclaimed = new List<string>();
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.verified.cs"))
                {
                    var fileName = Path.GetFileName(file);
                    if (!names.Contains(fileName.Substring(0, fileName.Length - ".verified.cs".Length)))
                    {
                        unclaimed.Add(fileName);
                    }
                }
            }

            unclaimed.Sort(StringComparer.Ordinal);
            if (accept)
            {
                unclaimed.ForEach(fileName => File.Delete(Path.Combine(directory, fileName)));
            }
            else if (unclaimed.Count > 0)
            {
                throw new XunitException(
                    $"{unclaimed.Count} verified snapshot(s) that no test claims; delete them or run with {AcceptVariable}=1:\n  "
                    + string.Join("\n  ", unclaimed));
            }
        }

        /// <summary>LF line endings, no BOM, the generator's version replaced, exactly one final newline.</summary>
        public static string Normalize(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            text = GeneratedCodeVersion().Replace(text, "${prefix}" + VersionPlaceholder + "${suffix}");
            return text.TrimEnd('\n') + "\n";
        }

        public static bool IsAccepting()
            => string.Equals(Environment.GetEnvironmentVariable(AcceptVariable), "1", StringComparison.Ordinal)
               || string.Equals(Environment.GetEnvironmentVariable(AcceptVariable), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A unified-style diff of two texts by lines (longest common subsequence), showing the first
        /// <see cref="MaxDiffLines"/> changed lines with a little context.
        /// </summary>
        public static string Diff(string expected, string actual, string expectedLabel = "expected", string actualLabel = "actual")
        {
            var a = expected.Split('\n');
            var b = actual.Split('\n');
            var edits = Edits(a, b);

            var output = new StringBuilder();
            output.Append("--- ").Append(expectedLabel).Append('\n');
            output.Append("+++ ").Append(actualLabel).Append('\n');
            var shown = 0;
            var total = 0;
            foreach (var edit in edits)
            {
                if (edit.Kind != ' ')
                {
                    total++;
                }
            }

            var index = 0;
            while (index < edits.Count && shown < MaxDiffLines)
            {
                // Find the next change, then print a hunk around the changes that follow closely.
                var start = index;
                while (start < edits.Count && edits[start].Kind == ' ')
                {
                    start++;
                }

                if (start == edits.Count)
                {
                    break;
                }

                var hunkStart = Math.Max(index, start - ContextLines);
                var hunkEnd = start;
                var quiet = 0;
                while (hunkEnd < edits.Count && quiet <= 2 * ContextLines)
                {
                    quiet = edits[hunkEnd].Kind == ' ' ? quiet + 1 : 0;
                    hunkEnd++;
                }

                hunkEnd -= Math.Max(0, quiet - ContextLines);
                var first = edits[hunkStart];
                int oldCount = 0, newCount = 0;
                for (var i = hunkStart; i < hunkEnd; i++)
                {
                    oldCount += edits[i].Kind != '+' ? 1 : 0;
                    newCount += edits[i].Kind != '-' ? 1 : 0;
                }

                output.Append("@@ -").Append(first.OldLine + 1).Append(',').Append(oldCount)
                    .Append(" +").Append(first.NewLine + 1).Append(',').Append(newCount).Append(" @@\n");
                for (var i = hunkStart; i < hunkEnd && shown < MaxDiffLines; i++)
                {
                    output.Append(edits[i].Kind).Append(edits[i].Text).Append('\n');
                    if (edits[i].Kind != ' ')
                    {
                        shown++;
                    }
                }

                index = hunkEnd;
            }

            if (total > shown)
            {
                output.Append("... ").Append(total - shown).Append(" more changed line(s) not shown\n");
            }

            return output.ToString();
        }

        private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

        private static List<Edit> Edits(string[] a, string[] b)
        {
            // Trim the common head and tail so the quadratic table covers only the changed middle.
            var head = 0;
            while (head < a.Length && head < b.Length && a[head] == b[head])
            {
                head++;
            }

            var tail = 0;
            while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
            {
                tail++;
            }

            var n = a.Length - head - tail;
            var m = b.Length - head - tail;
            var edits = new List<Edit>(a.Length + b.Length);
            for (var i = 0; i < head; i++)
            {
                edits.Add(new Edit(' ', a[i], i, i));
            }

            if ((long)n * m > 4_000_000)
            {
                // Too big to align: show everything removed, then everything added.
                for (var i = 0; i < n; i++)
                {
                    edits.Add(new Edit('-', a[head + i], head + i, head));
                }

                for (var j = 0; j < m; j++)
                {
                    edits.Add(new Edit('+', b[head + j], head + n, head + j));
                }
            }
            else
            {
                var lcs = new int[n + 1, m + 1];
                for (var i = n - 1; i >= 0; i--)
                {
                    for (var j = m - 1; j >= 0; j--)
                    {
                        lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                    }
                }

                int x = 0, y = 0;
                while (x < n || y < m)
                {
                    if (x < n && y < m && a[head + x] == b[head + y])
                    {
                        edits.Add(new Edit(' ', a[head + x], head + x, head + y));
                        x++;
                        y++;
                    }
                    else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                    {
                        // Removals before additions, as diff and git print them.
                        edits.Add(new Edit('-', a[head + x], head + x, head + y));
                        x++;
                    }
                    else
                    {
                        edits.Add(new Edit('+', b[head + y], head + x, head + y));
                        y++;
                    }
                }
            }

            for (var i = 0; i < tail; i++)
            {
                edits.Add(new Edit(' ', a[a.Length - tail + i], a.Length - tail + i, b.Length - tail + i));
            }

            return edits;
        }

        private static string SnapshotDirectory(string sourceFile)
        {
            var directory = Path.GetDirectoryName(sourceFile);
            if (directory is not null && Directory.Exists(directory))
            {
                return Path.Combine(directory, "Snapshots");
            }

            // A build with mapped source paths (/_/tests/...) has no real directory in CallerFilePath.
            var relative = sourceFile.Replace('\\', '/');
            var marker = relative.IndexOf("tests/", StringComparison.Ordinal);
            if (marker >= 0)
            {
                var mapped = Path.GetDirectoryName(Path.Combine(RepoPaths.Root, relative.Substring(marker)));
                if (mapped is not null && Directory.Exists(mapped))
                {
                    return Path.Combine(mapped, "Snapshots");
                }
            }

            throw new InvalidOperationException($"Cannot find the test source directory of '{sourceFile}'.");
        }

        private static void DeleteIfExists(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        [GeneratedRegex("(?<prefix>GeneratedCode\\(\\s*\"Bookings\\.Generated\\.Generator\"\\s*,\\s*\")[^\"]*(?<suffix>\"\\s*\\))")]
        private static partial Regex GeneratedCodeVersion();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Bookings.Generated.Packaging.Tests
{
    /// <summary>
    /// Every NuGet package the solution restores, those pinned in <c>Directory.Packages.props</c> and everything
    /// they bring with them, has an OSI-approved licence (docs/packaging.md, "Dependencies and licences"). Each
    /// licence is read from the package's <c>.nuspec</c> in the NuGet packages folder, so a package that is AGPL or
    /// paid (Newtonsoft.Json.Schema was both) fails the suite, and so CI, with its id, version and licence.
    /// </summary>
    public sealed class DependencyLicenceTests
    {
        private const string CentralVersions = "Directory.Packages.props";

        /// <summary>
        /// OSI-approved SPDX expressions accepted as they stand (SPDX ids compare without case). A compound
        /// expression such as <c>MIT OR Apache-2.0</c> is added whole when a package declares one.
        /// </summary>
        private static readonly HashSet<string> AllowedExpressions = new(StringComparer.OrdinalIgnoreCase)
        {
            "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MS-PL", "Zlib", "0BSD",
        };

        /// <summary>
        /// Packages whose nuspec has no licence expression (only a <c>licenseUrl</c>, or a licence file inside the
        /// package), with the licence read by hand. Keyed by id and version: a new version is read again.
        /// </summary>
        private static readonly Dictionary<string, string> CheckedByHand = new(StringComparer.OrdinalIgnoreCase)
        {
            // What NETStandard.Library brings to the generator (netstandard2.0): LICENSE.TXT in each package is MIT.
            ["NETStandard.Library/2.0.3"] = "MIT",
            ["System.Buffers/4.5.1"] = "MIT",
            ["System.Memory/4.5.5"] = "MIT",
            ["System.Numerics.Vectors/4.4.0"] = "MIT",
            ["System.Threading.Tasks.Extensions/4.5.4"] = "MIT",
            // xunit's: its licenseUrl is xunit's license.txt, Apache-2.0 like the xunit 2.9 packages that declare it.
            ["xunit.abstractions/2.0.3"] = "Apache-2.0",
            // BenchmarkDotNet's (benchmarks only): License.md and LICENSE.TXT in the packages are MIT.
            ["CommandLineParser/2.9.1"] = "MIT",
            ["Microsoft.DotNet.PlatformAbstractions/3.1.6"] = "MIT",
        };

        /// <summary>
        /// Not OSI, accepted only when another package brings it: never when pinned in Directory.Packages.props.
        /// </summary>
        private static readonly Dictionary<string, string> AcceptedTransitively = new(StringComparer.OrdinalIgnoreCase)
        {
            // The Microsoft .NET Library License (dotnet_library_license.txt in the package). The .NET SDK adds it to
            // every netstandard2.0 project through NETStandard.Library 2.0.3, and the generator must target
            // netstandard2.0 to load in the compiler. It holds the RID graph (runtime.json) and no code, and nothing
            // of it ships in the Bookings.Generated package.
            ["Microsoft.NETCore.Platforms/1.1.0"] = "Microsoft .NET Library License",
        };

        private readonly string _repoRoot = PackageFixture.FindRepoRoot();

        [Fact]
        public async Task Every_package_the_solution_restores_has_an_OSI_approved_licence()
        {
            // Restoring first (a no-op after a build of the solution) makes every project's project.assets.json
            // current, also when only this test project was built.
            var restore = await DotNet.RunAsync(_repoRoot, new[] { "restore", "Bookings.Generated.sln", "--disable-build-servers" });
            Assert.True(restore.Succeeded, restore.ToString());

            var pinned = XDocument.Load(Path.Combine(_repoRoot, CentralVersions)).Descendants("PackageVersion")
                .Select(e => new Package(e.Attribute("Include")!.Value, e.Attribute("Version")!.Value, CentralVersions))
                .ToList();
            Assert.NotEmpty(pinned);

            var packageFolders = new List<string>();
            var brought = new List<Package>();
            foreach (var project in SolutionProjects())
            {
                var assetsPath = Path.Combine(_repoRoot, Path.GetDirectoryName(project)!, "obj", "project.assets.json");
                Assert.True(File.Exists(assetsPath), $"{project} has no obj/project.assets.json after the restore.");
                using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
                packageFolders.AddRange(assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name));
                foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
                {
                    if (library.Value.GetProperty("type").GetString() == "package")
                    {
                        var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                        brought.Add(new Package(library.Name[..slash], library.Name[(slash + 1)..], "via " + project));
                    }
                }
            }

            // A pinned package is judged as pinned even where a project also gets it transitively.
            var packages = pinned.Concat(brought).DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToList();
            var refusals = new List<string>();
            foreach (var package in packages)
            {
                var nuspec = packageFolders.Distinct()
                    .Select(folder => Path.Combine(folder, package.Id.ToLowerInvariant(), package.Version.ToLowerInvariant(), package.Id.ToLowerInvariant() + ".nuspec"))
                    .FirstOrDefault(File.Exists);
                var refusal = nuspec is null
                    ? $"{package.Id} {package.Version} ({package.Source}): no .nuspec in {string.Join(", ", packageFolders.Distinct())}; no project restores it"
                    : Refusal(package, XDocument.Load(nuspec));
                if (refusal is not null)
                {
                    refusals.Add(refusal);
                }
            }

            Assert.True(refusals.Count == 0, $"Packages without an allowed licence ({string.Join(", ", AllowedExpressions)}):\n" + string.Join("\n", refusals));
        }

        [Theory]
        // Newtonsoft.Json.Schema's own nuspec: AGPL-3.0 (or a paid licence) in a file, no expression.
        [InlineData("Newtonsoft.Json.Schema", "4.0.2", """<license type="file">LICENSE.md</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>""", true, "Newtonsoft.Json.Schema 4.0.2 (Directory.Packages.props): licence file LICENSE.md, no SPDX expression")]
        [InlineData("Some.Package", "1.0.0", """<license type="expression">AGPL-3.0-only</license>""", true, "Some.Package 1.0.0 (Directory.Packages.props): licence expression AGPL-3.0-only")]
        [InlineData("Some.Package", "1.0.0", """<licenseUrl>https://example.com/license</licenseUrl>""", false, "Some.Package 1.0.0 (via a project): licenseUrl https://example.com/license, no SPDX expression")]
        [InlineData("Some.Package", "1.0.0", "", false, "Some.Package 1.0.0 (via a project): no licence declared")]
        // A hand-checked entry is for its version only.
        [InlineData("xunit.abstractions", "2.0.4", """<licenseUrl>https://raw.githubusercontent.com/xunit/xunit/master/license.txt</licenseUrl>""", false, "xunit.abstractions 2.0.4 (via a project): licenseUrl")]
        // Accepted from another package, never when pinned.
        [InlineData("Microsoft.NETCore.Platforms", "1.1.0", """<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>""", true, "Microsoft.NETCore.Platforms 1.1.0 (Directory.Packages.props): licenseUrl")]
        public void A_package_without_an_allowed_licence_is_refused_with_its_id_version_and_licence(string id, string version, string licence, bool pinned, string expected)
        {
            var refusal = Refusal(new Package(id, version, pinned ? CentralVersions : "via a project"), Nuspec(id, version, licence));

            Assert.NotNull(refusal);
            Assert.StartsWith(expected, refusal, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("JsonSchema.Net", "8.0.5", """<license type="expression">MIT</license>""", true)]
        [InlineData("xunit", "2.9.3", """<license type="expression">apache-2.0</license>""", true)]
        [InlineData("xunit.abstractions", "2.0.3", """<licenseUrl>https://raw.githubusercontent.com/xunit/xunit/master/license.txt</licenseUrl>""", false)]
        [InlineData("Microsoft.NETCore.Platforms", "1.1.0", """<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>""", false)]
        public void A_package_with_an_allowed_or_hand_checked_licence_is_accepted(string id, string version, string licence, bool pinned)
            => Assert.Null(Refusal(new Package(id, version, pinned ? CentralVersions : "via a project"), Nuspec(id, version, licence)));

        /// <summary>Why the package may not be used, or null when its licence is allowed.</summary>
        private static string? Refusal(Package package, XDocument nuspec)
        {
            var metadata = nuspec.Root!.Elements().First(e => e.Name.LocalName == "metadata");
            var license = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
            var licenseUrl = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim();
            var expression = (string?)license?.Attribute("type") == "expression" ? license!.Value.Trim() : null;
            if (expression is not null && AllowedExpressions.Contains(expression))
            {
                return null;
            }

            var found = expression is not null ? "licence expression " + expression
                : license is not null ? $"licence {(string?)license.Attribute("type")} {license.Value.Trim()}, no SPDX expression"
                : licenseUrl is { Length: > 0 } ? $"licenseUrl {licenseUrl}, no SPDX expression"
                : "no licence declared";
            if (expression is null && CheckedByHand.TryGetValue(package.Key, out var checkedLicence) && AllowedExpressions.Contains(checkedLicence))
            {
                return null;
            }

            if (package.Source != CentralVersions && AcceptedTransitively.ContainsKey(package.Key))
            {
                return null;
            }

            return $"{package.Id} {package.Version} ({package.Source}): {found}. Use another package; if the licence is in fact "
                + "OSI-approved, read it and add the package to CheckedByHand in tests/Packaging.Tests/DependencyLicenceTests.cs.";
        }

        private static XDocument Nuspec(string id, string version, string licence) => XDocument.Parse(
            $"""<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><version>{version}</version>{licence}</metadata></package>""");

        /// <summary>The projects of Bookings.Generated.sln, relative to the repository.</summary>
        private IEnumerable<string> SolutionProjects()
            => Regex.Matches(File.ReadAllText(Path.Combine(_repoRoot, "Bookings.Generated.sln")), "\"([^\"]+\\.csproj)\"")
                .Select(m => m.Groups[1].Value.Replace('\\', '/'));

        private sealed record Package(string Id, string Version, string Source)
        {
            public string Key => Id + "/" + Version;
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Bookings.Generated.Packaging.Tests
{
    /// <summary>
    /// Packs <c>src/Runtime</c> (and the optional <c>src/Runtime.Compliance</c>) once for the test class, the way a release is packed (<c>dotnet pack -c Release
    /// -p:ContinuousIntegrationBuild=true</c>), into a local folder feed under a fresh temporary folder outside the
    /// repository. The package gets a version no earlier run used (<c>0.1.0-packtest-…</c>), and it is built in its
    /// own artifacts folder, so neither a cached package nor this checkout's bin/obj can stand in for it.
    /// </summary>
    public sealed class PackageFixture : IAsyncLifetime
    {
        public const string PackageId = "Bookings.Generated";

        /// <summary>The optional package with the data classifications and redactors (src/Runtime.Compliance).</summary>
        public const string CompliancePackageId = "Bookings.Generated.Compliance";

        /// <summary>The checkout under test (the folder holding Bookings.Generated.sln).</summary>
        public string RepoRoot { get; } = FindRepoRoot();

        /// <summary>A temporary folder for everything the tests write; deleted at the end.</summary>
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "bookings-generated-packaging-" + Guid.NewGuid().ToString("N")[..12]);

        /// <summary>The version the package is packed with: unique to this run.</summary>
        public string Version { get; } = "0.1.0-packtest-" + Guid.NewGuid().ToString("N");

        /// <summary>
        /// Where the pack builds (bin and obj of the generator and the runtime), away from this checkout's own bin/obj.
        /// It lies under the repository's git-ignored <c>artifacts/</c> folder because a CI build maps only paths under
        /// the repository to <c>/_/</c>: generated sources in an obj folder elsewhere would keep this machine's paths.
        /// </summary>
        public string Artifacts { get; }

        /// <summary>The local folder feed holding the package.</summary>
        public string Feed => Path.Combine(Root, "feed");

        /// <summary>The .nupkg file.</summary>
        public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

        /// <summary>The compliance package's .nupkg file, packed with the same version into the same feed.</summary>
        public string CompliancePackagePath => Path.Combine(Feed, $"{CompliancePackageId}.{Version}.nupkg");

        /// <summary>The pack command and its output.</summary>
        public CommandResult? Pack { get; private set; }

        /// <summary>The compliance package's pack command and its output.</summary>
        public CommandResult? CompliancePack { get; private set; }

        public PackageFixture()
        {
            Artifacts = Path.Combine(RepoRoot, "artifacts", "packaging-tests", Path.GetFileName(Root));
        }

        /// <summary>The version of Microsoft.Extensions.* this repository builds with (Directory.Packages.props).</summary>
        public string MicrosoftExtensionsVersion { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Feed);
            MicrosoftExtensionsVersion = CentralVersion("Microsoft.Extensions.DependencyInjection");
            Pack = await PackAsync(Path.Combine(RepoRoot, "src", "Runtime", "Bookings.Generated.Runtime.csproj")).ConfigureAwait(false);
            CompliancePack = await PackAsync(Path.Combine(RepoRoot, "src", "Runtime.Compliance", "Bookings.Generated.Runtime.Compliance.csproj")).ConfigureAwait(false);
        }

        private Task<CommandResult> PackAsync(string project)
            => DotNet.RunAsync(RepoRoot, new[]
            {
                "pack", project,
                "--configuration", "Release",
                "--output", Feed,
                "--artifacts-path", Artifacts,
                "--disable-build-servers",
                "-p:PackageVersion=" + Version,
                "-p:ContinuousIntegrationBuild=true",
            });

        public Task DisposeAsync()
        {
            DeleteQuietly(Root);
            DeleteQuietly(Artifacts);
            var parent = Path.GetDirectoryName(Artifacts)!;
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                DeleteQuietly(parent);
            }

            return Task.CompletedTask;
        }

        /// <summary>Fails the calling test with the pack output unless the package was made.</summary>
        public void EnsurePacked()
        {
            Assert.True(Pack is { Succeeded: true } && File.Exists(PackagePath), "dotnet pack did not produce " + PackagePath + "\n" + Pack);
            Assert.True(CompliancePack is { Succeeded: true } && File.Exists(CompliancePackagePath), "dotnet pack did not produce " + CompliancePackagePath + "\n" + CompliancePack);
        }

        private static void DeleteQuietly(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a temporary folder left behind is harmless.
            }
        }

        private string CentralVersion(string packageId)
        {
            var props = XDocument.Load(Path.Combine(RepoRoot, "Directory.Packages.props"));
            return props.Descendants("PackageVersion").First(e => (string?)e.Attribute("Include") == packageId).Attribute("Version")!.Value;
        }

        internal static string FindRepoRoot()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "Bookings.Generated.sln")))
                    {
                        return directory.FullName;
                    }
                }
            }

            throw new InvalidOperationException("No Bookings.Generated.sln found above " + AppContext.BaseDirectory);
        }
    }
}

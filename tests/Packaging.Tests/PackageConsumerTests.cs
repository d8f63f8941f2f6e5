using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Packaging.Tests
{
    /// <summary>
    /// The Bookings.Generated package as a service consumes it: its layout and metadata, then a separate project
    /// (tests/Packaging.Tests/Consumer, with its own descriptor) copied to a folder outside the repository, restored
    /// from the local feed into a private packages folder, built and run against DynamoDB Local.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class PackageConsumerTests : IClassFixture<PackageFixture>
    {
        private const string GeneratorPath = "analyzers/dotnet/cs/Bookings.Generated.Generator.dll";
        private const string RuntimePath = "lib/net10.0/Bookings.Generated.Runtime.dll";

        private readonly PackageFixture _package;
        private readonly DynamoDbFixture _dynamo;

        public PackageConsumerTests(PackageFixture package, DynamoDbFixture dynamo)
        {
            _package = package;
            _dynamo = dynamo;
        }

        [Fact]
        public void The_package_holds_the_runtime_with_its_docs_and_symbols_the_generator_the_readme_and_the_license()
        {
            _package.EnsurePacked();
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (var expected in new[]
                     {
                         RuntimePath, "lib/net10.0/Bookings.Generated.Runtime.xml", "lib/net10.0/Bookings.Generated.Runtime.pdb",
                         GeneratorPath, "README.md", "LICENSE", "Bookings.Generated.nuspec",
                     })
            {
                Assert.True(entries.Contains(expected), $"{expected} is missing from the package; it holds: {string.Join(", ", entries.Order())}");
            }

            // The generator is only an analyzer: never a library the consumer compiles against or ships.
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));

            XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
            XDocument nuspec;
            using (var stream = zip.GetEntry("Bookings.Generated.nuspec")!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            var metadata = nuspec.Root!.Element(ns + "metadata")!;
            Assert.Equal(PackageFixture.PackageId, metadata.Element(ns + "id")?.Value);
            Assert.Equal(_package.Version, metadata.Element(ns + "version")?.Value);
            Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
            Assert.Null(metadata.Element(ns + "developmentDependency"));

            var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
            Assert.Contains("AWSSDK.DynamoDBv2", dependencies);
            Assert.Contains("Microsoft.Extensions.Options.ConfigurationExtensions", dependencies);
            Assert.DoesNotContain(dependencies, d => d.Contains("Generator", StringComparison.Ordinal) || d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

            // Source Link: the commit the package was built from (a checkout without git metadata has none to record).
            if (Directory.Exists(Path.Combine(_package.RepoRoot, ".git")) || File.Exists(Path.Combine(_package.RepoRoot, ".git")))
            {
                var repository = metadata.Element(ns + "repository");
                Assert.NotNull(repository);
                Assert.Equal("git", repository!.Attribute("type")?.Value);
                Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
            }

            // Deterministic, CI-mapped build: a reproducible PE and source paths under /_/ rather than this machine's.
            using (var pe = new PEReader(new MemoryStream(Read(zip, RuntimePath))))
            {
                Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.Reproducible);
            }

            using (var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Read(zip, "lib/net10.0/Bookings.Generated.Runtime.pdb"))))
            {
                var reader = pdb.GetMetadataReader();
                var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
                Assert.NotEmpty(documents);
                Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void The_compliance_package_holds_its_library_and_depends_on_the_runtime_package_and_the_compliance_abstractions()
        {
            _package.EnsurePacked();
            using var zip = ZipFile.OpenRead(_package.CompliancePackagePath);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (var expected in new[]
                     {
                         "lib/net10.0/Bookings.Generated.Runtime.Compliance.dll", "lib/net10.0/Bookings.Generated.Runtime.Compliance.xml",
                         "lib/net10.0/Bookings.Generated.Runtime.Compliance.pdb", "README.md", "LICENSE",
                     })
            {
                Assert.True(entries.Contains(expected), $"{expected} is missing from the package; it holds: {string.Join(", ", entries.Order())}");
            }

            // No generator of its own and no copy of the runtime: those come from Bookings.Generated.
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.EndsWith("/Bookings.Generated.Runtime.dll", StringComparison.Ordinal));

            XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
            XDocument nuspec;
            using (var stream = zip.GetEntry(PackageFixture.CompliancePackageId + ".nuspec")!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            var metadata = nuspec.Root!.Element(ns + "metadata")!;
            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            var dependencies = metadata.Descendants(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
            Assert.Equal(_package.Version, dependencies[PackageFixture.PackageId]);
            Assert.Contains("Microsoft.Extensions.Compliance.Abstractions", dependencies.Keys);
        }

        [Fact]
        public async Task A_service_project_restores_the_package_from_a_local_feed_builds_with_its_own_descriptor_and_runs_against_DynamoDB()
        {
            _package.EnsurePacked();
            var consumer = await CreateConsumerAsync("consumer");

            var build = await BuildAsync(consumer);
            Assert.True(build.Succeeded, build.ToString());
            Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);

            // Restored from the feed into the private packages folder: the package, not a project in this repository.
            var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(consumer, "obj", "project.assets.json")));
            var library = assets.RootElement.GetProperty("libraries").GetProperty($"{PackageFixture.PackageId}/{_package.Version}");
            Assert.Equal("package", library.GetProperty("type").GetString());
            Assert.True(File.Exists(Path.Combine(PrivatePackages, "bookings.generated", _package.Version.ToLowerInvariant(), GeneratorPath)));
            Assert.DoesNotContain(assets.RootElement.GetProperty("libraries").EnumerateObject(), p => p.Value.GetProperty("type").GetString() == "project");

            // The generator in the package ran on the consumer's descriptor.
            var generated = Directory.GetFiles(Path.Combine(consumer, "obj"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Contains("Notes.Data.NoteRepository.g.cs", generated);
            Assert.Contains("Notes.Data.NotesSchema.g.cs", generated);

            // With Bookings.Generated.Compliance referenced, the sensitive attribute is classified (and compiled, warning-free).
            var note = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(consumer, "obj"), "Notes.Data.Note.g.cs", SearchOption.AllDirectories).Single());
            Assert.Contains("[global::Bookings.Generated.Runtime.Compliance.PersonalData]", note, StringComparison.Ordinal);

            await AssertRunsAgainstDynamoDbAsync(consumer, DotNet.Executable, Path.Combine(consumer, "bin", "Release", "net10.0", "Notes.Consumer.dll"));
        }

        [NativeAotFact]
        public async Task The_same_service_published_with_Native_AOT_builds_without_a_warning_and_its_native_binary_runs_against_DynamoDB()
        {
            _package.EnsurePacked();
            var consumer = await CreateConsumerAsync("consumer-aot");
            var output = Path.Combine(consumer, "native");

            // The consumer's TreatWarningsAsErrors also makes every trim and AOT warning of the AOT compiler an error.
            var publish = await DotNet.RunAsync(
                consumer,
                new[]
                {
                    "publish", Path.Combine(consumer, "Notes.Consumer.csproj"), "--configuration", "Release",
                    "--runtime", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "--output", output, "--disable-build-servers",
                },
                RestoreEnvironment,
                TimeSpan.FromMinutes(10));
            Assert.True(publish.Succeeded, publish.ToString());
            Assert.DoesNotMatch(new Regex(@": warning [A-Z]+[0-9]+"), publish.Output);

            // One native executable and no managed assemblies left to JIT.
            var binary = Path.Combine(output, "Notes.Consumer");
            Assert.True(File.Exists(binary), publish.ToString());
            Assert.Empty(Directory.GetFiles(output, "*.dll"));

            await AssertRunsAgainstDynamoDbAsync(consumer, binary);
        }

        /// <summary>
        /// Runs the consumer (<paramref name="program"/>, with <paramref name="arguments"/> before its own) against the
        /// suite's DynamoDB Local and compares every line it prints: put, create-if-absent, get, update, query, a read
        /// of a missing item, an invalid key refused, and its table deleted.
        /// </summary>
        private async Task AssertRunsAgainstDynamoDbAsync(string consumer, string program, params string[] arguments)
        {
            var prefix = _dynamo.UniqueTableName("packaging") + "-";
            var run = await DotNet.RunAsync(
                consumer,
                arguments.Concat(new[] { _dynamo.Endpoint.ToString(), prefix }),
                new Dictionary<string, string?> { ["AWS_REGION"] = _dynamo.Target.Region },
                TimeSpan.FromMinutes(2),
                program);
            Assert.True(run.Succeeded, run.ToString());
            var expected = new[]
            {
                $"ensured {prefix}notes",
                "created again False",
                "get first pinned=False views=0 sk=NOTE#1",
                "update views=3",
                "query first,second",
                "missing True",
                "invalid key rejected",
                $"deleted {prefix}notes",
            };
            Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        [Fact]
        public async Task A_mistake_in_the_consumers_descriptor_fails_its_build_with_the_generators_diagnostic_and_position()
        {
            _package.EnsurePacked();
            var consumer = await CreateConsumerAsync("consumer-broken");
            var descriptor = Path.Combine(consumer, "notes.tables.json");
            var text = await File.ReadAllTextAsync(descriptor);
            Assert.Contains("\"type\": \"bool\"", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(descriptor, text.Replace("\"type\": \"bool\"", "\"type\": \"boolean\"", StringComparison.Ordinal));

            var build = await BuildAsync(consumer);
            Assert.False(build.Succeeded, build.ToString());
            Assert.Matches(new Regex(@"notes\.tables\.json\(\d+,\d+\): error DDB005"), build.Output);
        }

        private string PrivatePackages => Path.Combine(_package.Root, "packages");

        private Task<CommandResult> BuildAsync(string consumer) => DotNet.RunAsync(
            consumer,
            new[] { "build", Path.Combine(consumer, "Notes.Consumer.csproj"), "--configuration", "Release", "--disable-build-servers", "-p:EmitCompilerGeneratedFiles=true" },
            RestoreEnvironment);

        /// <summary>
        /// NuGet's folders for a restore of the consumer. Also set in its nuget.config; the environment wins over it, so
        /// an inherited value must not leak in.
        /// </summary>
        private Dictionary<string, string?> RestoreEnvironment => new()
        {
            ["NUGET_PACKAGES"] = PrivatePackages,
            ["NUGET_FALLBACK_PACKAGES"] = null,
        };

        /// <summary>
        /// Copies the consumer project to a folder outside the repository, with stop-files so no Directory.*.props of
        /// a parent folder applies, and a nuget.config that adds the local feed to the configured sources and keeps
        /// restored packages in a private folder (the user's global folder is only a read-only fallback for the
        /// package's public dependencies; this package, with its unique version, is never there).
        /// </summary>
        private async Task<string> CreateConsumerAsync(string name)
        {
            var target = Path.Combine(_package.Root, name);
            Directory.CreateDirectory(target);
            var source = Path.Combine(AppContext.BaseDirectory, "Consumer");
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(target, "Directory.Build.props"), $"""
                <Project>
                  <!-- Written by tests/Packaging.Tests: stops the search for a parent Directory.Build.props and pins the versions. -->
                  <PropertyGroup>
                    <BookingsGeneratedVersion>{_package.Version}</BookingsGeneratedVersion>
                    <MicrosoftExtensionsVersion>{_package.MicrosoftExtensionsVersion}</MicrosoftExtensionsVersion>
                  </PropertyGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(target, "Directory.Build.targets"), "<Project />\n");
            await File.WriteAllTextAsync(Path.Combine(target, "Directory.Packages.props"), "<Project />\n");

            var fallback = await GlobalPackagesFolderAsync();
            await File.WriteAllTextAsync(Path.Combine(target, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{PrivatePackages}" />
                  </config>
                  <packageSources>
                    <add key="bookings-generated-local-feed" value="{_package.Feed}" />
                  </packageSources>
                  <fallbackPackageFolders>
                    {(fallback is null ? string.Empty : $"<add key=\"user-global-packages\" value=\"{fallback}\" />")}
                  </fallbackPackageFolders>
                </configuration>
                """);
            return target;
        }

        private static string? s_globalPackages;

        private async Task<string?> GlobalPackagesFolderAsync()
        {
            if (s_globalPackages is null)
            {
                var result = await DotNet.RunAsync(_package.Root, new[] { "nuget", "locals", "global-packages", "--list" });
                var match = Regex.Match(result.Output, @"global-packages:\s*(?<path>\S.*)$", RegexOptions.Multiline);
                s_globalPackages = match.Success && Directory.Exists(match.Groups["path"].Value.Trim()) ? match.Groups["path"].Value.Trim() : string.Empty;
            }

            return s_globalPackages.Length == 0 ? null : s_globalPackages;
        }

        private static byte[] Read(ZipArchive zip, string entry)
        {
            using var stream = zip.GetEntry(entry)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

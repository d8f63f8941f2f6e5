using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// The generator's shape (docs/architecture.md): what emitters need to know is a fact of the model, so an emitter
    /// depends on the model and shared helpers only, and the parser asks the model, never an emitter. The pipeline
    /// enters emission through <c>SchemaEmitter</c>, which alone calls the emitters.
    /// </summary>
    public sealed class GeneratorShapeTests
    {
        private static readonly string Generator = Path.Combine(RepoPaths.Root, "src", "Generator");

        private static readonly string[] Emitters = Directory.GetFiles(Path.Combine(Generator, "Emit"), "*Emitter.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .Where(name => name != "SchemaEmitter")
            .ToArray();

        [Fact]
        public void Only_the_schema_emitter_calls_the_emitters()
        {
            Assert.Contains("KeyEmitter", Emitters);
            var calls = Directory.GetFiles(Generator, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal))
                .SelectMany(file => Emitters
                    .Where(emitter => emitter != Path.GetFileNameWithoutExtension(file) && Regex.IsMatch(File.ReadAllText(file), $@"\b{emitter}\."))
                    .Select(emitter => $"{Path.GetRelativePath(Generator, file)} calls {emitter}"))
                .Where(call => !call.StartsWith(Path.Combine("Emit", "SchemaEmitter.cs"), System.StringComparison.Ordinal))
                .ToList();

            Assert.True(calls.Count == 0, "Emitters depend on the model and shared helpers only:\n" + string.Join("\n", calls));
        }
    }
}

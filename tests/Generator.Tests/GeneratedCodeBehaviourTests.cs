using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>Runs the code generated from the real descriptor: build a key, map an item both ways, print it.</summary>
    public sealed class GeneratedCodeBehaviourTests
    {
        [Fact]
        public void Bookings_round_trip_through_the_marshaller_and_mask_when_printed()
        {
            var run = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings) }),
                GeneratorHarness.CreateCompilation(SnapshotTests.BookingsUsage));
            Assertions.NoCrash(run);

            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("generated-bookings", isCollectible: true);
            try
            {
                image.Position = 0;
                var assembly = context.LoadFromStream(image);
                var result = (string)assembly.GetType("Consumer.Usage", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;
                var fields = result.Split('|');

                Assert.Equal("12_345", fields[0]);               // the partition key template
                Assert.Equal("010-1234-5678", fields[1]);        // the phone sort key, normalised on the way in
                Assert.Equal("True", fields[2]);
                Assert.Equal("8", fields[3]);                    // 2 key attributes and 6 others; no extras
                Assert.Equal("True", fields[4]);                 // FromItem(ToItem(x)) == x
                Assert.DoesNotContain("Minji", fields[5]);       // personal data masked
                Assert.DoesNotContain("1234", fields[5]);        // phone masked
                Assert.Contains("5678", fields[5]);
                Assert.DoesNotContain("sid", fields[6]);         // the secret left out
                Assert.Equal("2", fields[7]);
                Assert.Equal("sms", fields[8]);
            }
            finally
            {
                context.Unload();
            }
        }
    }
}

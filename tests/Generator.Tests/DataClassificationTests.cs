using System;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Data classification attributes are written only into a compilation that references Bookings.Generated.Compliance
    /// (what they look like: the contacts.data-classification snapshot); a project without it gets none and compiles, and
    /// adding or removing the reference re-emits without parsing the descriptors again.
    /// </summary>
    public sealed class DataClassificationTests
    {
        private const string ComplianceNamespace = "global::Bookings.Generated.Runtime.Compliance.";

        [Fact]
        public void A_compilation_without_the_compliance_package_gets_no_classification_and_compiles()
        {
            var run = GeneratorHarness.Run(Driver(), GeneratorHarness.EmptyCompilation);

            Assertions.GeneratesCleanCode(run);
            Assert.DoesNotContain(run.Sources, s => s.Text.Contains(ComplianceNamespace, StringComparison.Ordinal));
        }

        [Fact]
        public void A_compilation_with_the_compliance_package_gets_classified_properties_that_compile()
        {
            var run = GeneratorHarness.Run(Driver(), GeneratorHarness.ComplianceCompilation);

            Assertions.GeneratesCleanCode(run);
            var contact = run.Sources.Single(s => s.HintName == "Crm.Contacts.Contact.g.cs").Text;
            Assert.Contains("[" + ComplianceNamespace + "PhoneData]\n    public string Phone => Key.Phone;", contact, StringComparison.Ordinal);
            Assert.Contains("[" + ComplianceNamespace + "PersonalData]\n    public required string Name", contact, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_bookings_sensitive_attribute_is_classified_and_compiles_with_the_usage()
        {
            var run = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings) }),
                (CSharpCompilationWithUsage()));

            Assertions.GeneratesCleanCode(run);
            var all = string.Concat(run.Sources.Select(s => s.Text));
            Assert.Contains("[" + ComplianceNamespace + "SecretData]\n    public required string Cookies", all, StringComparison.Ordinal);
        }

        [Fact]
        public void Adding_the_compliance_reference_re_emits_with_attributes_and_keeps_the_models_cached()
        {
            var first = GeneratorHarness.Run(Driver(), GeneratorHarness.EmptyCompilation);
            var second = GeneratorHarness.Run(first.Driver, GeneratorHarness.ComplianceCompilation);

            Assert.All(
                second.Result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
            Assert.All(second.Result.TrackedSteps[TrackingNames.Classifies].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
            Assert.Contains(second.Sources, s => s.Text.Contains(ComplianceNamespace, StringComparison.Ordinal));

            // And back: removing it removes them.
            var third = GeneratorHarness.Run(second.Driver, GeneratorHarness.EmptyCompilation);
            Assert.DoesNotContain(third.Sources, s => s.Text.Contains(ComplianceNamespace, StringComparison.Ordinal));
        }

        [Fact]
        public void Editing_csharp_in_a_classified_compilation_reuses_every_output()
        {
            var compilation = GeneratorHarness.ComplianceCompilation;
            var first = GeneratorHarness.Run(Driver(), compilation);

            var tree = compilation.SyntaxTrees.Single();
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));
            var second = GeneratorHarness.Run(first.Driver, edited);

            Assert.All(second.Result.TrackedSteps[TrackingNames.Classifies].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
            Assert.All(second.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        private static GeneratorDriver Driver()
            => GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.ContactsPath, Schemas.Contacts) });

        private static Compilation CSharpCompilationWithUsage()
            => GeneratorHarness.CreateCompilation(SnapshotTests.BookingsUsage).AddReferences(GeneratorHarness.ComplianceReferences.Except(GeneratorHarness.References));
    }
}

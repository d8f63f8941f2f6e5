using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// The runtime's public types are API a service writes against, in <c>Bookings.Generated.Runtime</c>, or plumbing only
    /// generated code calls, in <c>Bookings.Generated.Runtime.Internal</c>, hidden from IntelliSense and documented as
    /// such (docs/runtime.md). Which members exist is tracked by PublicAPI.*.txt; these tests hold the split.
    /// </summary>
    public sealed class PublicSurfaceTests
    {
        private const string Api = "Bookings.Generated.Runtime";
        private const string Plumbing = "Bookings.Generated.Runtime.Internal";

        /// <summary>The number of public types in <see cref="Api"/>.</summary>
        private const int ApiTypes = 44;

        private static readonly Assembly Runtime = typeof(DynamoRepositoryException).Assembly;

        private static readonly Lazy<XDocument> Documentation = new(() => XDocument.Load(Path.ChangeExtension(Runtime.Location, ".xml")));

        [Fact]
        public void Every_public_type_is_browsable_API_or_hidden_plumbing()
        {
            var problems = Runtime.GetExportedTypes()
                .Select(t => t.Namespace switch
                {
                    Api when Hidden(t) => $"{t.FullName} is API but hidden",
                    Api => null,
                    Plumbing when !Hidden(t) => $"{t.FullName} is plumbing but shows in IntelliSense",
                    Plumbing when !Summary(t).StartsWith("For generated code:", StringComparison.Ordinal) => $"{t.FullName}: its summary does not start with 'For generated code:'",
                    Plumbing => null,
                    _ => $"{t.FullName} is in neither namespace",
                })
                .Where(p => p is not null)
                .ToList();

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [InlineData("InputValidation")]
        [InlineData("TextPattern")]
        [InlineData("ItemSize")]
        [InlineData("KeyDates")]
        [InlineData("ItemReader")]
        [InlineData("ExtraAttributes")]
        [InlineData("AttributeCodec`1")]
        [InlineData("AttributeCodecs")]
        [InlineData("EnumCodec`1")]
        [InlineData("ObjectCodec`1")]
        [InlineData("DateFormat")]
        [InlineData("EntityMapping`2")]
        [InlineData("IndexKeys")]
        [InlineData("DynamoTableReader")]
        [InlineData("DynamoOperation")]
        [InlineData("DynamoOperationRunner")]
        [InlineData("RetryPolicy")]
        [InlineData("DynamoReads")]
        [InlineData("DynamoBatches")]
        [InlineData("ContinuationTokens")]
        [InlineData("ExpressionBuilder")]
        [InlineData("Summary")]
        [InlineData("Redact")]
        public void What_only_generated_code_calls_is_plumbing(string name)
        {
            Assert.Null(Runtime.GetType($"{Api}.{name}"));
            Assert.NotNull(Runtime.GetType($"{Plumbing}.{name}"));
        }

        /// <summary>
        /// The API a service writes against stays small enough to hold in one's head (issue 18: at most 30 types; one
        /// exception type per failure kind had made it 62). A new API type is a deliberate change: update the number.
        /// </summary>
        [Fact]
        public void The_API_has_a_deliberate_number_of_types()
        {
            var api = Runtime.GetExportedTypes().Where(t => t.Namespace == Api).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

            Assert.True(api.Count == ApiTypes, $"{api.Count} API types, expected {ApiTypes}:\n{string.Join("\n", api)}");
        }

        /// <summary>What only the runtime itself calls is not public at all.</summary>
        [Theory]
        [InlineData("DynamoClientFactory")]
        public void What_only_the_runtime_calls_is_internal(string name)
        {
            Assert.DoesNotContain(Runtime.GetExportedTypes(), t => t.Name == name);
            Assert.NotNull(Runtime.GetTypes().SingleOrDefault(t => t.Name == name));
        }

        /// <summary>Failures without data of their own are one type told apart by kind, as Azure's RequestFailedException.</summary>
        [Theory]
        [InlineData("DynamoThrottledException")]
        [InlineData("DynamoTransientException")]
        [InlineData("DynamoAccessDeniedException")]
        [InlineData("DynamoTableNotFoundException")]
        [InlineData("DynamoCircuitOpenException")]
        [InlineData("DynamoItemTooLargeException")]
        public void A_failure_kind_is_not_a_type(string name)
        {
            Assert.Null(Runtime.GetType($"{Api}.{name}"));
            Assert.Null(Runtime.GetType($"{Plumbing}.{name}"));
        }

        [Fact]
        public void Every_exception_is_API()
        {
            var exceptions = Runtime.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

            Assert.True(exceptions.Count >= 9, "the runtime's exceptions were not found");
            Assert.All(exceptions, t => Assert.Equal(Api, t.Namespace));
        }

        [Fact]
        public void Members_of_API_types_that_take_plumbing_are_hidden()
        {
            var shown = Runtime.GetExportedTypes()
                .Where(t => t.Namespace == Api)
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetParameters().Any(p => p.ParameterType.Namespace == Plumbing) && !Hidden(m))
                .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
                .ToList();

            Assert.True(shown.Count == 0, string.Join("\n", shown));
        }

        private static bool Hidden(MemberInfo member)
            => member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

        /// <summary>The type's summary in the runtime's XML documentation, on one line.</summary>
        private static string Summary(Type type)
        {
            var member = Documentation.Value.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + type.FullName);
            return string.Join(" ", member.Element("summary")!.Value.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
        }
    }
}

using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// The names code picks at run time, generated for any descriptor so no service restates them: a marshaller's declared
    /// attributes, each flag's stored name, and the update's <c>SetFlag</c>.
    /// </summary>
    public sealed class NamesTests
    {
        private const string Desk = """
            {
              "namespace": "Desk",
              "tables": [
                {
                  "name": "Ticket",
                  "tableName": "tickets",
                  "partitionKey": { "attribute": "pk", "template": "TICKET#{id}" },
                  "keyParts": { "id": { "type": "string" } },
                  "attributes": {
                    "title": { "type": "string", "required": true },
                    "is_open": { "type": "bool", "required": true, "default": true },
                    "urgent": { "type": "bool", "csharpName": "Escalated" },
                    "score": { "type": "int" }
                  },
                  "extraAttributes": true
                }
              ]
            }
            """;

        private const string Usage = """
            namespace Consumer
            {
                /// <summary>Uses the generated names.</summary>
                public static class Usage
                {
                    /// <summary>Each fact on a line of its own.</summary>
                    public static string Run()
                    {
                        var parsed = global::Desk.TicketFlags.TryParse("urgent", out var flag);
                        var notStored = global::Desk.TicketFlags.TryParse("Escalated", out _);
                        var undefined = (global::Desk.TicketFlag)9;
                        var item = global::Desk.TicketMarshaller.ToItem(new global::Desk.Ticket { Key = global::Desk.TicketKey.Create("7"), Title = "t" });
                        item["note"] = new global::Amazon.DynamoDBv2.Model.AttributeValue { S = "kept" };
                        var read = global::Desk.TicketMarshaller.FromItem(item);
                        return string.Join(
                            "\n",
                            string.Join(",", global::Desk.TicketMarshaller.AttributeNames),
                            global::Desk.TicketMarshaller.IsDeclared("urgent") + "," + global::Desk.TicketMarshaller.IsDeclared("note") + "," + global::Desk.TicketMarshaller.IsDeclared("Urgent"),
                            string.Join(",", read.ExtraAttributes.Keys.Where(global::Desk.TicketMarshaller.IsDeclared)) + "|" + string.Join(",", read.ExtraAttributes.Keys),
                            string.Join(",", global::Desk.TicketFlags.AttributeNames),
                            global::Desk.TicketFlag.Escalated.AttributeName() + "," + global::Desk.TicketFlag.IsOpen.AttributeName(),
                            parsed + "," + flag + "," + notStored,
                            Throws(() => undefined.AttributeName()),
                            new global::Desk.TicketUpdate().SetFlag(global::Desk.TicketFlag.Escalated, false).IsEmpty + "," + new global::Desk.TicketUpdate().IsEmpty,
                            Throws(() => new global::Desk.TicketUpdate().SetFlag(undefined, true)),
                            Throws(() => global::Desk.TicketMarshaller.IsDeclared(null!)));
                    }

                    private static string Throws(global::System.Func<object> action)
                    {
                        try
                        {
                            action();
                            return "none";
                        }
                        catch (global::System.Exception ex)
                        {
                            return ex.GetType().Name;
                        }
                    }
                }
            }
            """;

        [Fact]
        public void Declared_attributes_flag_names_and_SetFlag_are_generated_for_any_descriptor()
        {
            var run = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/schema/desk.tables.json", Desk) }),
                GeneratorHarness.CreateCompilation("using System.Linq;\nusing Desk;\n" + Usage));
            Assertions.NoCrash(run);

            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, Assertions.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("generated-desk", isCollectible: true);
            try
            {
                image.Position = 0;
                var result = (string)context.LoadFromStream(image).GetType("Consumer.Usage", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;
                Assert.Equal(
                    new[]
                    {
                        "pk,title,is_open,urgent,score",     // in the order items are written: the key first, then as declared
                        "True,False,False",                  // names are compared exactly, as DynamoDB does
                        "|note",                             // what FromItem keeps as extra is exactly what is not declared
                        "is_open,urgent",                    // the flags: boolean attributes, by stored name
                        "urgent,is_open",
                        "True,Escalated,False",              // read back from the stored name only
                        "ArgumentOutOfRangeException",
                        "False,True",                        // SetFlag is a change, like SetEscalated
                        "ArgumentOutOfRangeException",
                        "ArgumentNullException",
                    },
                    result.Split('\n'));
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void A_type_named_like_the_flag_names_is_refused()
        {
            var descriptor = Desk.Replace("\"tables\": [", "\"enums\": { \"TicketFlags\": [\"a\"] },\n  \"tables\": [", System.StringComparison.Ordinal);
            var run = GeneratorHarness.Run("/repo/schema/desk.tables.json", descriptor);
            Assert.Contains(run.DriverDiagnostics.Concat(run.Result.Diagnostics), d => d.Id == "DDB006" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("TicketFlags", System.StringComparison.Ordinal));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// Whatever the generator accepts must compile: a descriptor either gets an error diagnostic or code with
    /// no warning. These are names and values that collide with what the emitters write themselves.
    /// </summary>
    public sealed class EdgeCaseTests
    {
        private const string Path = "/repo/schema/edge.tables.json";

        /// <summary>Descriptors that are accepted and compile today.</summary>
        public static TheoryData<string> Accepted => new(AcceptedCases.Keys);

        /// <summary>
        /// Descriptors that once were accepted but generated code that did not compile; each must now be
        /// rejected with an error diagnostic or compile cleanly. The comment on each case names the old cause.
        /// </summary>
        public static TheoryData<string> Regressions => new(RegressionCases.Keys);

        [Theory]
        [MemberData(nameof(Accepted))]
        public void Accepted_descriptor_compiles_without_warnings(string name)
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Path, AcceptedCases[name]));

        [Theory]
        [MemberData(nameof(Regressions))]
        public void Accepted_descriptor_compiles_or_is_rejected(string name)
        {
            var run = GeneratorHarness.Run(Path, RegressionCases[name]);
            Assertions.NoCrash(run);
            if (run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return;
            }

            Assertions.GeneratesCleanCode(run);
        }

        private static readonly Dictionary<string, string> AcceptedCases = new()
        {
            ["plain int partition key and decimal sort key"] = Table(
                """ "partitionKey": { "attribute": "n" }, "sortKey": { "attribute": "d" } """,
                """ "n": { "type": "int" }, "d": { "type": "decimal" } """),
            ["four text parts in one template"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{a}#{b}#{c}#{d}" }, "keyParts": { "a": { "type": "string" }, "b": { "type": "string" }, "c": { "type": "string" }, "d": { "type": "string" } } """,
                """ "x": { "type": "string" } """),
            ["five text parts in one template"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{a}#{b}#{c}#{d}#{e}" }, "keyParts": { "a": { "type": "string" }, "b": { "type": "string" }, "c": { "type": "string" }, "d": { "type": "string" }, "e": { "type": "string" } } """,
                """ "x": { "type": "string" } """),
            ["keyword-named key part and attributes"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{class}#X" }, "keyParts": { "class": { "type": "string" } } """,
                """ "namespace": { "type": "int" }, "event": { "type": "string", "required": true } """),
            ["keyword-named plain key"] = Table(
                """ "partitionKey": { "attribute": "class" } """,
                """ "class": { "type": "string" } """),
            ["only a key, with extra attributes"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" } """,
                """ "extraAttributes": true """),
            ["attributes named like the emitters' locals"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "value": { "type": "string" }, "text": { "type": "string", "pattern": "^x" }, "item": { "type": "int" }, "key_value": { "type": "long" }, "cancellation_token": { "type": "string" }, "reader": { "type": "bool" }, "request": { "type": "double" } """,
                """ "extraAttributes": true """),
            ["stored names that need escaping"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "we\"ird\\name": { "type": "string", "csharpName": "Weird" }, "new\nline": { "type": "string", "csharpName": "NewLine" }, "<tag> & co": { "type": "int", "csharpName": "Tag" } """),
            ["every optional value type"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "b": { "type": "bool" }, "i": { "type": "int" }, "l": { "type": "long" }, "m": { "type": "decimal" }, "d": { "type": "double" }, "s": { "type": "string" } """),
            ["defaults at the limits and in exponent form"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "a": { "type": "int", "default": -2147483648 }, "b": { "type": "long", "default": -9223372036854775808 }, "c": { "type": "decimal", "default": 79228162514264337593543950335 }, "d": { "type": "double", "default": 1e5 }, "e": { "type": "decimal", "default": 1E+2 }, "f": { "type": "int", "default": -0 } """),
            ["text parts with every sensitivity"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "T#{tenant}" }, "sortKey": { "attribute": "sk", "template": "U#{user}#V#{ver}" }, "keyParts": { "user": { "type": "string", "sensitive": "personal" }, "ver": { "type": "string", "sensitive": "secret" } } """,
                """ "tenant": { "type": "string", "required": true, "sensitive": "phone" } """),
            ["secret plain key"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string", "sensitive": "secret" } """),
            ["entity named like a local or a BCL type"] = """
                { "namespace": "Edge", "tables": [
                  { "name": "Ct", "tableName": "cts", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                  { "name": "Reader", "tableName": "readers", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                  { "name": "String", "tableName": "strings", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } },
                  { "name": "Task", "tableName": "tasks", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } }
                ] }
                """,
            ["namespace System and an entity named like it"] = """
                { "namespace": "System", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" }, "n": { "type": "int" } } } ] }
                """,
            ["entity named like its namespace"] = """
                { "namespace": "Thing", "tables": [ { "name": "Thing", "tableName": "things", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                """,
        };

        private static readonly Dictionary<string, string> RegressionCases = new()
        {
            // KeyEmitter.WriteTryParse: '{' is written before the '|| ...)' continuation of the if condition (CS1026, CS1525).
            ["int key part in a template"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "P#{n}" }, "keyParts": { "n": { "type": "int" } } """,
                """ "a": { "type": "string" } """),
            ["decimal key part in a template"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "P#{amount}" }, "keyParts": { "amount": { "type": "decimal" } } """,
                """ "a": { "type": "string" } """),

            // Xml.Escape replaces only \r and \n: C# also ends a line at U+2028, U+2029 and U+0085, so the rest of the
            // description becomes code (CS1585 ...). Control characters and lone surrogates make the XML invalid (CS1570).
            ["description with U+2028"] = Table(
                """ "description": "first\u2028second", "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" } """),
            ["description with U+0085"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "a": { "type": "string", "description": "first\u0085second" } """),
            ["description with a control character"] = Table(
                """ "description": "bell\u0007", "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" } """),

            // TableEmitter: the constant 'Attributes' inside the nested class 'Attributes' (CS0542).
            ["attribute named attributes"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "attributes": { "type": "string" } """),

            // KeyEmitter: key part parameters collide with the emitted locals and parameters.
            ["key part named cursor"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{cursor}#{x}" }, "keyParts": { "cursor": { "type": "string" }, "x": { "type": "string" } } """,
                """ "a": { "type": "string" } """),
            ["plain key named result"] = Table(
                """ "partitionKey": { "attribute": "result" } """,
                """ "result": { "type": "string" } """),
            ["plain key named problem"] = Table(
                """ "partitionKey": { "attribute": "problem" } """,
                """ "problem": { "type": "string" } """),
            ["plain key named created_key"] = Table(
                """ "partitionKey": { "attribute": "created_key" } """,
                """ "created_key": { "type": "string" } """),

            // KeyEmitter: key part properties collide with the key type's own members (CS0102, CS0542).
            ["plain key named try_create"] = Table(
                """ "partitionKey": { "attribute": "try_create" } """,
                """ "try_create": { "type": "string" } """),
            ["key part next to the pattern field of another"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{biz}#{biz_pattern}" }, "keyParts": { "biz": { "type": "string", "pattern": "^a$" }, "biz_pattern": { "type": "string" } } """,
                """ "a": { "type": "string" } """),
            ["key part named like the key type"] = Table(
                """ "partitionKey": { "attribute": "pk", "template": "{thing_key}#A" }, "keyParts": { "thing_key": { "type": "string" } } """,
                """ "a": { "type": "string" } """),

            // SchemaParser.ReservedPropertyNames misses record and object members (CS0102; CS0108 is a warning).
            ["csharpName PrintMembers"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "p": { "type": "string", "csharpName": "PrintMembers" } """),
            ["csharpName GetType"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "p": { "type": "string", "csharpName": "GetType" } """),

            // Names.IsValidIdentifier accepts lower-case and contextual-keyword type names (CS8981, CS8860 warnings).
            ["lower-case table name"] = """
                { "namespace": "Edge", "tables": [ { "name": "thing", "tableName": "things", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                """,
            ["table named record"] = """
                { "namespace": "Edge", "tables": [ { "name": "record", "tableName": "things", "partitionKey": { "attribute": "id" }, "attributes": { "id": { "type": "string" } } } ] }
                """,

            // TableEmitter.WriteSchema: 'new[] { }' has no element type (CS0826).
            ["no tables"] = """
                { "namespace": "Edge", "tables": [] }
                """,

            // SchemaParser.ReadDefault: double.TryParse gives Infinity for 1e400, so '1e400d' is emitted (CS0594).
            ["double default out of range"] = Table(
                """ "partitionKey": { "attribute": "id" } """,
                """ "id": { "type": "string" }, "d": { "type": "double", "default": 1e400 } """),
        };

        /// <summary>A descriptor with one table <c>Thing</c> in namespace <c>Edge</c>.</summary>
        private static string Table(string keys, string attributes, string extra = "") => Schemas.OneTable("Edge", keys, attributes, extra);
    }
}

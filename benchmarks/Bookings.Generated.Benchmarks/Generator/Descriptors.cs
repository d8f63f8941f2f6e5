using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Benchmarks.Generator
{
    /// <summary>
    /// Synthetic descriptor sets: N tables in files of <see cref="TablesPerFile"/>, each table about the size of
    /// the booking table (a templated partition key with two key parts, a sort key, nine attributes of every
    /// type, with patterns, defaults, sensitive values), every third one with extra attributes, a TTL and a
    /// version attribute, so all the generator's paths are taken.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Tables per descriptor file.</summary>
        public const int TablesPerFile = 10;

        /// <summary>The descriptor files of a set of <paramref name="tables"/> tables.</summary>
        public static List<InMemoryAdditionalText> Create(int tables)
        {
            var files = new List<InMemoryAdditionalText>();
            for (var first = 0; first < tables; first += TablesPerFile)
            {
                var file = first / TablesPerFile;
                files.Add(new InMemoryAdditionalText(
                    string.Create(CultureInfo.InvariantCulture, $"/repo/schema/set{file:000}.tables.json"),
                    File(file, first, System.Math.Min(first + TablesPerFile, tables))));
            }

            return files;
        }

        /// <summary>The same file with one description changed: an edit that changes one table's output.</summary>
        public static InMemoryAdditionalText Edited(InMemoryAdditionalText file)
            => new(file.Path, file.Text.Replace("The customer's name.", "The customer's full name.", System.StringComparison.Ordinal));

        private static string File(int file, int first, int end)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{{\n  \"namespace\": \"Synthetic.Set{file:000}\",\n  \"tables\": [\n");
            for (var i = first; i < end; i++)
            {
                text.Append(Table(i));
                text.Append(i + 1 < end ? ",\n" : "\n");
            }

            return text.Append("  ]\n}\n").ToString();
        }

        private static string Table(int i)
        {
            var rich = i % 3 == 0;
            return string.Create(CultureInfo.InvariantCulture, $$"""
                    {
                      "name": "Entity{{i:000}}",
                      "tableName": "entity_{{i:000}}",
                      "description": "Synthetic table {{i}}.",
                      "partitionKey": { "attribute": "pk", "template": "{store_id}_{order_id}", "description": "Store and order." },
                      "sortKey": { "attribute": "phone" },
                      "keyParts": {
                        "store_id": { "type": "string", "pattern": "^[0-9]+$" },
                        "order_id": { "type": "long" }
                      },
                      "attributes": {
                        "phone": { "type": "string", "required": true, "sensitive": "phone" },
                        "name": { "type": "string", "required": true, "sensitive": "personal", "description": "The customer's name." },
                        "booked_at": { "type": "string", "required": true, "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
                        "confirmed": { "type": "bool", "required": true, "default": false },
                        "party": { "type": "int", "default": 2 },
                        "amount": { "type": "decimal" },
                        "rating": { "type": "double" },
                        "note": { "type": "string", "default": "" },
                        "token": { "type": "string", "sensitive": "secret" }{{(rich ? ",\n            \"expires_at\": { \"type\": \"long\" },\n            \"revision\": { \"type\": \"long\", \"default\": 0 }" : "")}}
                      }{{(rich ? ",\n          \"ttl\": \"expires_at\",\n          \"version\": \"revision\",\n          \"extraAttributes\": true" : "")}}
                    }
                """);
        }
    }

    /// <summary>An additional file held in memory, as the generator tests use.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        /// <summary>Creates the file.</summary>
        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            Text = text;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        /// <inheritdoc/>
        public override string Path { get; }

        /// <summary>The file's text.</summary>
        public string Text { get; }

        /// <inheritdoc/>
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

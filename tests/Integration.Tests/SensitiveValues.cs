using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Bookings.Generated.Testing;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Every value this suite sends to DynamoDB in an attribute or key part that a test descriptor declares
    /// <c>sensitive</c> (phones, names, emails, secrets), learnt from the requests of the fixture's client as they are
    /// sent. <see cref="GuardedLogs"/> fails any log line or logged exception that holds one of them unmasked, whether
    /// the line was written before or after the value was first seen.
    /// </summary>
    internal static class SensitiveValues
    {
        /// <summary>Shorter values (a name such as "Kim", a test's marker "over") would match ordinary text and table names.</summary>
        private const int MinLength = 6;

        private static readonly Rules Declared = Rules.Read();
        private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);

        /// <summary>Makes the fixture's shared client report its requests here; runs when the test assembly loads.</summary>
        [ModuleInitializer]
        internal static void WatchFixtureClient()
            => DynamoDbFixture.ConfigureClient = config => config.HttpClientFactory = new WatchingFactory();

        /// <summary>
        /// Each request body the fixture's shared client sends, with its operation (<c>PutItem</c>…), for tests that check
        /// what a request asks for; handlers see every test's requests and pick theirs by table name.
        /// </summary>
        public static event Action<string, string>? Sent;

        /// <summary>How many distinct sensitive values have been seen so far.</summary>
        public static int Count => Seen.Count;

        /// <summary>The sensitive values <paramref name="text"/> holds, unmasked.</summary>
        public static IEnumerable<string> In(string text) => Seen.Keys.Where(v => text.Contains(v, StringComparison.Ordinal));

        /// <summary>Records the sensitive values of one request body; a new value is checked against every line logged so far.</summary>
        public static void Learn(string requestJson)
        {
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(requestJson);
            }
            catch (System.Text.Json.JsonException)
            {
                return;
            }

            foreach (var value in Declared.ValuesIn(body))
            {
                if (value.Length >= MinLength && Seen.TryAdd(value, 0))
                {
                    foreach (var line in GuardedLogs.Lines)
                    {
                        if (line.Contains(value, StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException("A value declared sensitive reached a log line before it was sent: " + line.Replace(value, "<SENSITIVE>", StringComparison.Ordinal));
                        }
                    }
                }
            }
        }

        /// <summary>
        /// What the descriptors declare sensitive, table by table: attribute and key part names, and key templates holding
        /// such parts. A request's table is found by its logical name inside the physical one (the tests name tables
        /// <c>{test}-{tableName}-{n}-{id}</c>); a table no descriptor names is checked against every table's rules.
        /// </summary>
        private sealed class Rules
        {
            private readonly Dictionary<string, TableRules> _tables = new(StringComparer.Ordinal);

            public static Rules Read()
            {
                var rules = new Rules();
                var root = AppContext.BaseDirectory;
                while (!File.Exists(Path.Combine(root, "Bookings.Generated.sln")))
                {
                    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
                }

                var files = Directory.GetFiles(Path.Combine(root, "tests", "Integration.Tests"), "*.tables.json").Append(Path.Combine(root, "schema", "bookings.tables.json"));
                foreach (var file in files)
                {
                    foreach (var table in JsonNode.Parse(File.ReadAllText(file))!["tables"]!.AsArray())
                    {
                        var name = table!["tableName"]!.GetValue<string>();
                        if (!rules._tables.TryGetValue(name, out var tableRules))
                        {
                            rules._tables[name] = tableRules = new TableRules();
                        }

                        foreach (var entity in table["entities"]?.AsArray().Select(e => e!).ToList() ?? new List<JsonNode> { table })
                        {
                            tableRules.Add(entity, table);
                        }
                    }
                }

                return rules;
            }

            /// <summary>The sensitive string values anywhere in a request: in items, keys and expression values.</summary>
            public IEnumerable<string> ValuesIn(JsonNode? node) => ValuesIn(node, null);

            private IEnumerable<string> ValuesIn(JsonNode? node, string? table)
            {
                if (node is JsonArray array)
                {
                    return array.SelectMany(child => ValuesIn(child, table));
                }

                if (node is not JsonObject json)
                {
                    return Enumerable.Empty<string>();
                }

                table = json["TableName"] is JsonValue name && name.TryGetValue<string>(out var named) ? named : table;
                var rules = RulesOf(table);
                var found = new List<string>();
                foreach (var (property, child) in json)
                {
                    if (property is "Item" or "Key" or "ExclusiveStartKey" && child is JsonObject item)
                    {
                        foreach (var (attribute, value) in item)
                        {
                            found.AddRange(rules.SelectMany(r => r.Of(attribute, value?["S"]?.GetValue<string>())));
                        }
                    }
                    else if (property is "RequestItems" && child is JsonObject perTable)
                    {
                        // A batch names its tables as the keys of RequestItems.
                        foreach (var (batchTable, requests) in perTable)
                        {
                            found.AddRange(ValuesIn(requests, batchTable));
                        }
                    }
                    else
                    {
                        found.AddRange(ValuesIn(child, table));
                    }
                }

                // An expression names its attributes through placeholders: #n = :v pairs tie a value to its name.
                if (json["ExpressionAttributeValues"] is JsonObject values && json["ExpressionAttributeNames"] is JsonObject names)
                {
                    var expressions = string.Join(" ", new[] { "UpdateExpression", "ConditionExpression", "KeyConditionExpression", "FilterExpression" }.Select(e => json[e]?.GetValue<string>()));
                    foreach (Match pair in Regex.Matches(expressions, @"(#\w+)\s*(?:=|<>|<|>|<=|>=|,)\s*(:\w+)"))
                    {
                        var attribute = names[pair.Groups[1].Value]?.GetValue<string>();
                        var value = values[pair.Groups[2].Value]?["S"]?.GetValue<string>();
                        if (attribute is not null)
                        {
                            found.AddRange(rules.SelectMany(r => r.Of(attribute, value)));
                        }
                    }
                }

                return found;
            }

            private IReadOnlyCollection<TableRules> RulesOf(string? physical)
            {
                var matching = physical is null
                    ? new List<TableRules>()
                    : _tables.Where(t => physical == t.Key || physical.Contains("-" + t.Key + "-", StringComparison.Ordinal) || physical.EndsWith("-" + t.Key, StringComparison.Ordinal)).Select(t => t.Value).ToList();
                return matching.Count > 0 ? matching : _tables.Values;
            }
        }

        /// <summary>The sensitive names and key templates of one table.</summary>
        private sealed class TableRules
        {
            private readonly HashSet<string> _names = new(StringComparer.Ordinal);
            private readonly List<(string Attribute, Regex Template)> _templates = new();

            public void Add(JsonNode entity, JsonNode table)
            {
                var sensitive = new HashSet<string>(StringComparer.Ordinal);
                foreach (var group in new[] { "attributes", "keyParts" })
                {
                    foreach (var (name, declaration) in entity[group]?.AsObject() ?? new JsonObject())
                    {
                        if (declaration?["sensitive"] is not null)
                        {
                            sensitive.Add(name);
                            _names.Add(name);
                        }
                    }
                }

                // A shared table's key parts serve every entity that does not declare its own of that name.
                foreach (var (name, declaration) in entity == table ? new JsonObject() : table["keyParts"]?.AsObject() ?? new JsonObject())
                {
                    if (declaration?["sensitive"] is not null && entity["keyParts"]?[name] is null && entity["attributes"]?[name] is null)
                    {
                        sensitive.Add(name);
                        _names.Add(name);
                    }
                }

                if (sensitive.Count == 0)
                {
                    return;
                }

                var keys = new List<(JsonNode? Key, JsonNode? Declared)> { (entity["partitionKey"], table["partitionKey"]), (entity["sortKey"], table["sortKey"]) };
                keys.AddRange((entity["indexes"]?.AsObject() ?? new JsonObject()).SelectMany(i => new[] { (i.Value?["partitionKey"], i.Value?["partitionKey"]), (i.Value?["sortKey"], i.Value?["sortKey"]) }));
                foreach (var (key, declared) in keys)
                {
                    var template = key?["template"]?.GetValue<string>();
                    var attribute = key?["attribute"]?.GetValue<string>() ?? declared?["attribute"]?.GetValue<string>();
                    if (template is null || attribute is null || !Regex.IsMatch(template, @"\{(" + string.Join("|", sensitive.Select(Regex.Escape)) + @")\}"))
                    {
                        continue;
                    }

                    // The template as a pattern whose named groups are its sensitive parts.
                    var pattern = "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), @"\{([^}]+)}", m => sensitive.Contains(m.Groups[1].Value) ? "(?<s>.+?)" : ".*?") + "$";
                    _templates.Add((attribute, new Regex(pattern, RegexOptions.CultureInvariant)));
                }
            }

            /// <summary>The sensitive values <paramref name="value"/> holds when stored in <paramref name="attribute"/> of this table.</summary>
            public IEnumerable<string> Of(string attribute, string? value)
            {
                if (value is null)
                {
                    yield break;
                }

                if (_names.Contains(attribute))
                {
                    yield return value;
                }

                foreach (var (templated, template) in _templates)
                {
                    if (templated == attribute && template.Match(value) is { Success: true } match)
                    {
                        foreach (Capture capture in match.Groups["s"].Captures)
                        {
                            yield return capture.Value;
                        }
                    }
                }
            }
        }

        /// <summary>The AWS client's HTTP client, with a handler that reads each request body on its way out.</summary>
        private sealed class WatchingFactory : HttpClientFactory
        {
            public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Watching { InnerHandler = new SocketsHttpHandler() });

            public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

            public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

            public override string GetConfigUniqueString(IClientConfig clientConfig) => "sensitive-values";
        }

        private sealed class Watching : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Content is not null)
                {
                    var body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    Learn(body);
                    var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() : null;
                    Sent?.Invoke(target?[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] ?? string.Empty, body);
                }

                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace Bookings.Generated.Generator.Tests.Corpus
{
    /// <summary>One descriptor of the corpus: where it is, its namespace (unique in its batch) and its text.</summary>
    /// <param name="Index">Its number; with the seed it regenerates the same text.</param>
    /// <param name="Path">The additional file's path.</param>
    /// <param name="Namespace">The namespace of every type it generates, <c>Corpus{Index}</c> or below it.</param>
    /// <param name="Text">The descriptor.</param>
    /// <param name="AllowedRefusals">
    /// The IDs the generator may refuse it with, because the grammar deliberately wrote a name that cannot be generated
    /// (a property named <c>Key</c>, a key part <c>2nd-id</c>), each with why; any other refusal is a failure.
    /// </param>
    internal sealed record CorpusDescriptor(int Index, string Path, string Namespace, string Text, IReadOnlyDictionary<string, string> AllowedRefusals);

    /// <summary>
    /// A seeded grammar of valid descriptors: tables and shared tables, key templates of literals and parts of every
    /// key type, attributes used as placeholders, global and local indexes with plain and computed keys and every
    /// projection, enums, nested objects, collections, TTL, versions, renames, patterns, defaults and descriptions,
    /// counters, timestamps, unique values, phone regions, normalisation, fixed-width number key parts, query order,
    /// a shared table's key parts and provisioned capacities,
    /// with names that are legal but awkward (C# keywords and contextual keywords, the names of generated members,
    /// parameters, locals and types, case-only differences, Unicode, names that need a <c>csharpName</c>).
    /// Each descriptor depends only on the seed and its index, so a failing one is regenerated alone.
    /// </summary>
    internal sealed class DescriptorGrammar
    {
        private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly string[] PlainNames =
        {
            "id", "email", "name", "owner", "title", "status", "created_at", "updated_on", "store_id", "order_id", "user_id", "sku",
            "price", "count", "amount", "note", "phone", "region", "country", "city", "score", "rank", "level", "kind", "category",
            "label", "color", "size", "weight", "quantity", "total", "due", "opened", "active", "payload", "data", "meta", "seq",
            "day", "hour", "slot", "code", "zip", "line1", "customer", "product", "tenant", "group", "author", "body",
        };

        /// <summary>
        /// Stored names whose C# names are C# keywords, contextual keywords, or the names of what the emitters write
        /// (parameters, locals, members and their suffixes), or that differ from others only in case.
        /// </summary>
        private static readonly string[] AwkwardNames =
        {
            // Keywords and contextual keywords (a parameter becomes @class).
            "class", "event", "default", "namespace", "return", "string", "int", "this", "base", "object", "params", "operator",
            "checked", "fixed", "new", "is", "as", "in", "out", "ref", "void", "null", "true", "static", "lock", "case", "do",
            "for", "if", "while", "using", "var", "value", "record", "async", "await", "nameof", "dynamic", "get", "set", "init",
            "required", "global", "partial", "where", "when", "yield", "file", "scoped", "field", "let", "select", "from", "args",
            "and", "or", "not", "with", "managed", "unmanaged", "nint", "notnull", "typeof", "sizeof", "default_",
            // Parameters and locals of generated code.
            "key", "keys", "item", "items", "reader", "request", "response", "options", "page_size", "sort_key",
            "continuation_token", "cancellation_token", "condition", "filter", "segments", "consistent_read", "update",
            "expected_version", "flag", "values", "delta", "prefix", "result", "cursor", "problem", "created_key",
            "validation_error", "stored_key", "stored_pk", "stored_sk", "keep_stored_spelling", "hash", "other", "text", "map",
            "entity", "stored", "stored_type", "type", "client", "logger", "core", "services", "configuration", "low", "high",
            "version", "partition_key", "i", "start", "end", "day", "low_id", "high_id", "id_text", "id_end", "id_value",
            "id_day", "normalized_id", "id_given", "id_stored", "id_pattern", "id_codec", "pk_stored", "sk_stored", "pk", "sk",
            "value_given", "item_value", "key_value", "t_result", "match", "codec", "changes", "definition", "default_name",
            "type_attribute", "to_item", "from_item", "key_from_item", "read_key", "declared_attributes", "table_name",
            "try_create", "try_split_pk", "try_split_sk", "id_pattern_matches", "pattern", "matches", "summary", "redact",
            "system", "amazon", "microsoft", "bookings", "runtime", "generated", "task", "func", "action", "page", "attribute_value",
            // Parameters, locals and stored names of counters, timestamps, unique guards and normalisation.
            "by", "now", "increment", "timestamp", "counter", "unique", "_unique", "_owner_pk", "_owner_sk", "time_provider",
            "normalized", "normalize", "token", "guard", "guards", "width", "capacity",
            // Unicode and case-only differences.
            "名前", "naïve", "ÜBER", "Id", "ID", "iD", "Name", "NAME", "x", "X", "_x", "__y", "a_b", "aB", "a-b", "a.b", "a b",
        };

        /// <summary>Names whose C# name is a member every entity or key has, which the generator refuses (DDB006).</summary>
        private static readonly string[] MemberNames =
        {
            "key", "to_string", "equals", "get_hash_code", "clone", "extra_attributes", "get_type", "print_members", "deconstruct",
            "equality_contract", "memberwise_clone", "finalize", "reference_equals", "attributes",
        };

        /// <summary>C# names a descriptor may give with <c>csharpName</c>, valid but awkward.</summary>
        private static readonly string[] CSharpNames =
        {
            "_", "__", "_1", "Value", "value", "id", "Item", "Key2", "名前", "Über", "X1", "ID", "iD", "Id_", "ToItem", "Codec",
            "Changes", "Definition", "DefaultName", "TypeAttribute", "Match", "Task", "String", "System", "Global", "Amazon",
            "Bookings", "Runtime", "Options", "PageSize", "SortKey", "ContinuationToken", "CancellationToken", "Condition",
            "Result", "Cursor", "Problem", "Text", "Stored", "Entity", "Reader", "Request", "Hash", "Other", "Low", "High", "Nameof",
        };

        /// <summary>Type names: plain ones, and ones that are keywords in other case, BCL and runtime types, or generated names.</summary>
        private static readonly string[] TypeNames =
        {
            "Order", "Customer", "Product", "Cart", "User", "Store", "Staff", "Shift", "Reading", "Invoice", "Booking", "Session",
            "Account", "Device", "Ticket", "Payment", "Review", "Category", "Shipment", "Coupon",
            "Condition", "Event", "Class", "Default", "Item", "String", "Object", "Int32", "Task", "Key", "Value", "Page", "Field",
            "Update", "Action", "Func", "Type", "Attribute", "Attributes", "Definition", "Match", "Table", "Exception", "Guid",
            "List", "Dictionary", "Math", "Console", "Amazon", "System", "Microsoft", "Global", "Bookings", "Runtime", "Generated",
            "TResult", "T", "Entity", "Reader", "Request", "Response", "Options", "QueryOptions", "SortKeyCondition", "IndexKeys",
            "Summary", "Redact", "PhoneNumber", "Nullable", "DateOnly", "Äpfel", "Ünïcode", "_Thing", "Record", "Var", "Async",
            "Services", "Schema", "Flag", "Fields", "Marshaller", "Repository", "SortKey", "Partition", "Tables", "Codec",
        };

        private static readonly string[] NamespaceSegments = { "System", "Amazon", "Microsoft", "Bookings", "Generated", "Runtime", "Linq", "Tasks", "Data", "Global", "Item", "Order", "record", "async", "value", "nameof", "dynamic", "Key", "global", "await", "file", "partial" };

        private static readonly string[] Separators = { "#", "_", "-", "|", "~", "::", "#X#", " ", "/", "\"", "\\", "é", "→", "'", "$", "%", "@", "*/", "<&>" };

        private static readonly string[] Prefixes = { "STORE#", "ORDER#", "A#", "USER#", "#", "X", "p", "\"q\"#", "\\", "ü#", "T#", "<b>#", "2#", "-" };

        private static readonly string[] Constants = { "#META", "ALL", "\"", "#", "META", "∅", "\\n" };

        /// <summary>Every way to write <c>normalize</c>: one name, several in an array, several with commas.</summary>
        private static readonly string[][] Normalizations =
        {
            new[] { "trim" }, new[] { "lowercase" }, new[] { "uppercase" }, new[] { "trim", "lowercase" }, new[] { "trim", "uppercase" },
        };

        private static readonly string[] Descriptions =
        {
            "A plain description.", "a <b> & \"c\"", "line1\nline2", "tab\there", "sep\u2028arated", "*/ /* // comment", "]]>",
            "&amp; <see cref=\"X\"/>", "emoji 😀", "bell\u0007", "next\u0085line", "{0} {1}", "\\ backslash", "'quoted'",
        };

        private static readonly string[] SimplePatterns =
        {
            "^[0-9]+$", "^\\d{4}-\\d{2}-\\d{2}$", "^[A-Z]{2,3}$", "^[a-z0-9_]+$", "^x", "[a-z]", "^(a|b)+$", "^.+@.+$",
            "^[^#]+$", "^\\w*$", "^[\"\\\\]?$", "^é.$",
        };

        private readonly Random _random;
        private readonly int _index;
        private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
        private readonly List<string> _baseTypeNames = new();
        private readonly HashSet<string> _tableNames = new(StringComparer.Ordinal);
        private readonly List<(string Name, List<string> Values)> _enums = new();
        private readonly List<string> _objects = new();
        private readonly Dictionary<string, string> _allowed = new(StringComparer.Ordinal);

        private DescriptorGrammar(int seed, int index)
        {
            _index = index;
            _random = new Random(unchecked((seed * 1_000_003) ^ (index * 7_919)));
        }

        /// <summary>The descriptor numbered <paramref name="index"/> of the corpus made with <paramref name="seed"/>.</summary>
        public static CorpusDescriptor Generate(int seed, int index) => new DescriptorGrammar(seed, index).Build();

        private CorpusDescriptor Build()
        {
            var ns = $"Corpus{_index}" + (Chance(0.15) ? "." + Pick(NamespaceSegments) : string.Empty);
            var root = new JsonObject { ["$schema"] = "./tables.schema.json", ["namespace"] = ns };
            var fileStem = $"c{_index}";
            var schemaName = "C" + _index + "Schema";
            if (Chance(0.1))
            {
                var name = NewTypeName(n => new[] { n + "Schema" });
                if (name is not null)
                {
                    root["name"] = name;
                    schemaName = name + "Schema";
                }
            }

            _typeNames.Add(schemaName);
            if (Chance(0.4))
            {
                var enums = new JsonObject();
                for (var i = Between(1, 3); i > 0; i--)
                {
                    var name = NewTypeName(n => new[] { n, n + "Values" });
                    if (name is not null)
                    {
                        enums[name] = Enum(name);
                    }
                }

                root["enums"] = enums;
            }

            if (Chance(0.35))
            {
                // Names first, so objects may refer to each other (and themselves) in any order.
                var names = new List<string>();
                for (var i = Between(1, 3); i > 0; i--)
                {
                    var name = NewTypeName(n => new[] { n, n + "Marshaller" });
                    if (name is not null)
                    {
                        names.Add(name);
                        _objects.Add(name);
                    }
                }

                var types = new JsonObject();
                foreach (var name in names)
                {
                    types[name] = Object(name);
                }

                root["types"] = types;
            }

            var tables = new JsonArray();
            for (var i = Weighted(88, 10, 2); i > 0; i--)
            {
                var table = Chance(0.3) ? SharedTable() : Table(null);
                if (table is not null)
                {
                    tables.Add(table);
                }
            }

            root["tables"] = tables;
            return new CorpusDescriptor(_index, $"/corpus/{fileStem}.tables.json", ns, root.ToJsonString(JsonOptions), _allowed);
        }

        // ---------------------------------------------------------------- declared types

        private JsonObject Enum(string name)
        {
            var pool = new[] { "pending", "confirmed", "no-show", "on hold", "a.b", "x_y", "class", "value", "Value", "default", name.ToLowerInvariant(), "ÉTÉ", "_z", "none", "None2", "a-1", "to_string" };
            var values = new List<string>();
            var members = new HashSet<string>(StringComparer.Ordinal);
            for (var i = Between(1, 5); i > 0; i--)
            {
                var value = Pick(pool);
                if (IsIdentifier(Pascal(value)) && members.Add(Pascal(value)))
                {
                    values.Add(value);
                }
            }

            if (values.Count == 0)
            {
                values.Add("only");
            }

            _enums.Add((name, values));
            var json = new JsonObject { ["values"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()) };
            if (Chance(0.2))
            {
                json["description"] = Pick(Descriptions);
            }

            return json;
        }

        private JsonObject Object(string name)
        {
            var scope = new Scope(name);
            var attributes = new JsonObject();
            if (Chance(0.15))
            {
                // An attribute of the type itself; 'to_attribute' has the value method ToAttributeValue, as the type's own.
                var own = Pick(new[] { "to_attribute", Snake(name) + "_next" });
                if (scope.Stored.Add(own) && scope.CSharp.Add(Pascal(own)))
                {
                    attributes[own] = new JsonObject { ["type"] = Pick(new[] { name, name, $"list<{name}>", $"map<{name}>" }) };
                }
            }

            for (var i = Between(1, 4); i > 0; i--)
            {
                var attribute = NewAttribute(scope, Purpose.Any, depth: 1);
                if (attribute is not null)
                {
                    attributes[attribute.Name] = attribute.Json;
                }
            }

            var json = new JsonObject { ["attributes"] = attributes };
            if (Chance(0.2))
            {
                json["description"] = Pick(Descriptions);
            }

            return json;
        }

        // ---------------------------------------------------------------- tables

        private JsonObject? Table(Group? group)
        {
            var name = NewTypeName(n => new[] { n, n + "Key", n + "Marshaller", n + "Repository", n + "Table", n + "Fields", n + "Update", n + "SortKey", n + "Flag", "I" + n + "Repository" });
            if (name is null)
            {
                return null;
            }

            if (name == "Key")
            {
                Allow("DDB006", "an entity named Key would have a property of its own name");
            }

            var scope = new Scope(name);
            var json = new JsonObject { ["name"] = name };
            if (group is null)
            {
                json["tableName"] = NewTableName();
                if (Chance(0.1))
                {
                    json["billingMode"] = "PAY_PER_REQUEST";
                }
                else if (Chance(0.1))
                {
                    json["billingMode"] = "PROVISIONED";
                    json["capacity"] = Capacity();
                    scope.Provisioned = true;
                }
            }
            else
            {
                scope.Provisioned = group.Provisioned;
                foreach (var reserved in group.Reserved)
                {
                    scope.Stored.Add(reserved);
                }
            }

            if (Chance(0.25))
            {
                json["description"] = Pick(Descriptions);
            }

            // Keys first: they create the key parts and the attributes they need.
            JsonObject partition;
            JsonObject? sort = null;
            if (group is null)
            {
                var hasSort = Chance(0.6);
                partition = Key(scope, KeyShape(constant: 0.05), "partitionKey", null);
                scope.PartitionIsText = partition["template"] is { } text
                    ? HasLiteral(text.GetValue<string>())
                    : scope.Attributes.First(a => a.Name == partition["attribute"]!.GetValue<string>()).Spec.Base == "string";
                if (hasSort)
                {
                    sort = Key(scope, KeyShape(constant: 0.15), "sortKey", null);
                }
            }
            else
            {
                // An entity of a shared table has the Match method of the table's item type.
                scope.CSharp.Add("Match");
                scope.PartitionIsText = true;
                partition = group.PartitionTemplate(this, scope);
                NameGroupKey(scope, partition, group.PartitionAttribute);
                if (group.SortAttribute is not null)
                {
                    sort = Key(scope, Shape.Template, "sortKey", group.NextSortPrefix(this));
                    NameGroupKey(scope, sort, group.SortAttribute);
                }
            }

            json["partitionKey"] = partition;
            if (sort is not null)
            {
                json["sortKey"] = sort;
                scope.HasSort = true;
                if (HasParts(sort) && Chance(0.12))
                {
                    json["order"] = Chance(0.8) ? "descending" : "ascending";
                }
            }

            for (var i = Between(0, 3); i > 0; i--)
            {
                NewAttribute(scope, Purpose.Any, depth: 0);
            }

            if (Chance(0.12))
            {
                NewAttribute(scope, Purpose.Counter, depth: 0);
            }

            for (var i = Chance(0.15) ? Between(1, 2) : 0; i > 0; i--)
            {
                NewAttribute(scope, Purpose.Timestamp, depth: 0);
            }

            if (Chance(0.03))
            {
                // An attribute named after a type generated from the entity: OrderFields.OrderFields cannot be.
                var suffix = Pick(new[] { "_fields", "_flag", "_update", "_table", "_marshaller", "_repository", "_sort_key" });
                var derived = Snake(name) + suffix;
                var csharp = Pascal(derived);
                if (IsIdentifier(csharp) && scope.Stored.Add(derived) && scope.CSharp.Add(csharp))
                {
                    var type = suffix == "_flag" ? "bool" : "string";
                    scope.Attributes.Add(new AttributeSpec(derived, new JsonObject { ["type"] = type }, csharp, Spec.Of(type)));
                    if (suffix is "_fields" or "_flag")
                    {
                        Allow("DDB006", $"'{derived}' is a member of {csharp}, named like it");
                    }
                }
            }

            if (Chance(0.05))
            {
                // Stored names that need escaping in C# text; never in a template, so they need a csharpName.
                var odd = Pick(new[] { "we\"ird\\name", "new\nline", "<tag> & co", "{brace}", "tab\tbed", "2nd_phone", "-dash", "ü.ß" });
                if (scope.Stored.Add(odd))
                {
                    var csharp = NewCSharpName(scope);
                    scope.Attributes.Add(new AttributeSpec(odd, new JsonObject { ["type"] = Pick(new[] { "string", "int", "bool" }), ["csharpName"] = csharp }, csharp, Spec.Of("string")) { Special = true });
                }
            }

            if (Chance(0.015))
            {
                // A deliberate name that cannot be generated: a C# property named like a member every entity has.
                var member = Pick(MemberNames);
                if (scope.Stored.Add(member))
                {
                    scope.Attributes.Add(new AttributeSpec(member, new JsonObject { ["type"] = "string" }, Pascal(member), Spec.Of("string")));
                    Allow("DDB006", $"attribute '{member}' is named like a member of every generated entity or key");
                }
            }

            if (Chance(0.01))
            {
                // Two attributes whose update methods collide: SetTitleIfNotExists of 'title' and Set… of 'title_if_not_exists'.
                var title = NewName(scope, 0, mustBeIdentifier: true);
                if (title is not null && scope.Stored.Add(title + "_if_not_exists") && scope.CSharp.Add(Pascal(title) + "IfNotExists"))
                {
                    scope.Stored.Add(title);
                    scope.CSharp.Add(Pascal(title));
                    scope.Attributes.Add(new AttributeSpec(title, new JsonObject { ["type"] = "string" }, Pascal(title), Spec.Of("string")));
                    scope.Attributes.Add(new AttributeSpec(title + "_if_not_exists", new JsonObject { ["type"] = "string" }, Pascal(title) + "IfNotExists", Spec.Of("string")));
                    Allow("DDB006", $"'{title}' and '{title}_if_not_exists' would both have an update method Set{Pascal(title)}IfNotExists");
                }
            }

            if (Chance(0.2))
            {
                var ttl = scope.Attributes.FirstOrDefault(a => !a.KeyOwned && !a.Special && (a.Spec.Base is "long" or "int" || a.Spec.EpochSeconds))
                          ?? NewAttribute(scope, Purpose.Ttl, depth: 0);
                if (ttl is not null && group?.Ttl is null or { Length: 0 })
                {
                    json["ttl"] = ttl.Name;
                    ttl.Special = true;
                    if (group is not null)
                    {
                        group.Ttl = ttl.Name;
                    }
                }
            }

            if (Chance(0.2))
            {
                var version = NewAttribute(scope, Purpose.Version, depth: 0);
                if (version is not null)
                {
                    json["version"] = version.Name;
                    version.Special = true;
                }
            }

            if (json["ttl"] is null && scope.PartitionIsText && !scope.KeyAttributes.Any(k => k.IsBinary))
            {
                // A unique value's guard item lives in the table (a text partition key); the entity has no TTL (DDB060).
                for (var i = Chance(0.12) ? Between(1, 2) : 0; i > 0; i--)
                {
                    NewAttribute(scope, Purpose.Unique, depth: 0);
                }
            }

            if (Chance(0.25))
            {
                json["extraAttributes"] = Chance(0.8);
            }

            var indexes = Indexes(scope, group);
            if (scope.KeyParts.Count > 0)
            {
                var parts = new JsonObject();
                foreach (var part in scope.KeyParts)
                {
                    parts[part.Name] = part.Json;
                }

                json["keyParts"] = parts;
            }

            var attributes = new JsonObject();
            foreach (var attribute in scope.Attributes)
            {
                attributes[attribute.Name] = attribute.Json;
            }

            json["attributes"] = attributes;
            if (indexes.Count > 0)
            {
                json["indexes"] = indexes;
            }

            return Reorder(json, "name", "tableName", "description", "billingMode", "capacity", "order", "partitionKey", "sortKey", "keyParts", "attributes", "indexes", "ttl", "version", "extraAttributes");
        }

        private enum Shape
        {
            Plain,
            Template,
            SinglePart,
            SingleAttribute,
            Constant,
        }

        private Shape KeyShape(double constant)
            => Chance(constant) ? Shape.Constant : _random.Next(10) switch
            {
                < 3 => Shape.Plain,
                < 7 => Shape.Template,
                < 8 => Shape.SinglePart,
                _ => Shape.SingleAttribute,
            };

        /// <summary>A key of a table or an entity: its attribute (for a table) and its template, creating what the template names.</summary>
        private JsonObject Key(Scope scope, Shape shape, string which, string? entityPrefix)
        {
            var json = new JsonObject();
            var inGroup = entityPrefix is not null || scope.InGroup;
            if (shape == Shape.Plain && !inGroup)
            {
                var attribute = NewAttribute(scope, Purpose.PlainKey, depth: 0, keyOwned: true)!;
                json["attribute"] = attribute.Name;
                scope.KeyAttributes.Add((attribute.Name, attribute.Spec.IsDate, attribute.Spec.Base == "binary"));
                return json;
            }

            if (!inGroup)
            {
                var name = NewName(scope, 0.3, mustBeIdentifier: false);
                json["attribute"] = name;
                scope.KeyAttributes.Add((name!, false, false));
                if (Chance(0.2) || !IsIdentifier(Pascal(name!)) || scope.CSharp.Contains(Pascal(name!)))
                {
                    json["csharpName"] = NewCSharpName(scope);
                }
                else
                {
                    scope.CSharp.Add(Pascal(name!));
                }
            }

            string template = shape switch
            {
                Shape.Constant => Pick(Constants),
                Shape.SinglePart => "{" + NewKeyPart(scope, date: false, alone: true).Name + "}",
                Shape.SingleAttribute => "{" + NewAttribute(scope, Purpose.TemplatePartNoDate, depth: 0, keyOwned: true)!.Name + "}",
                _ when entityPrefix is not null && Chance(0.2) => entityPrefix,
                _ => Template(scope, entityPrefix ?? (Chance(0.7) ? Pick(Prefixes) : string.Empty), Between(1, 3)),
            };

            json["template"] = template;
            if (Chance(0.1))
            {
                json["description"] = Pick(Descriptions);
            }

            return json;
        }

        /// <summary>
        /// The C# name of a shared table's key attribute in one entity: its own, or a <c>csharpName</c> when that is taken
        /// (a table keyed on "key" would otherwise give the entity a second Key).
        /// </summary>
        private void NameGroupKey(Scope scope, JsonObject key, string attribute)
        {
            scope.KeyAttributes.Add((attribute, false, false));
            var csharp = Pascal(attribute);
            if (!IsIdentifier(csharp) || !scope.CSharp.Add(csharp) || Chance(0.1))
            {
                key["csharpName"] = NewCSharpName(scope);
            }
        }

        /// <summary>A template of literal text and <paramref name="count"/> parts, each a key part or a stored attribute.</summary>
        private string Template(Scope scope, string prefix, int count)
        {
            var builder = new StringBuilder(prefix);
            var previousIsDate = false;
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append(previousIsDate ? "#" + (Chance(0.5) ? Pick(Separators) : string.Empty) : Pick(Separators));
                }
                else if (previousIsDate)
                {
                    builder.Append('#');
                }

                // A date needs literal text beside it; the text after it starts with '#', which no date holds.
                var allowDate = prefix.Length > 0 || count > 1;
                string name;
                if (Chance(0.55))
                {
                    var part = NewKeyPart(scope, date: allowDate && Chance(0.25), mayBeAlone: prefix.Length == 0 && count == 1);
                    name = part.Name;
                    previousIsDate = part.IsDate;
                }
                else
                {
                    var attribute = NewAttribute(scope, allowDate ? Purpose.TemplatePart : Purpose.TemplatePartNoDate, depth: 0, keyOwned: true)!;
                    name = attribute.Name;
                    previousIsDate = attribute.Spec.IsDate;
                }

                builder.Append('{').Append(name).Append('}');
            }

            if (previousIsDate && Chance(0.3))
            {
                builder.Append("#END");
            }
            else if (!previousIsDate && Chance(0.2))
            {
                builder.Append(Pick(Separators)).Append("Z");
            }

            return builder.ToString();
        }

        /// <param name="alone">The template is the part alone, stored as the value itself: a number has no width (DDB016).</param>
        /// <param name="mayBeAlone">The template may end up the part alone: no width either, with the same draws as for a width.</param>
        private KeyPartSpec NewKeyPart(Scope scope, bool date, bool alone = false, bool mayBeAlone = false)
        {
            string name;
            if (Chance(0.01))
            {
                // A key part whose name makes no C# identifier: it has no csharpName, so it is refused.
                name = Pick(new[] { "2nd-id", "-1x", "1", "a+b" });
                if (scope.Stored.Add(name))
                {
                    Allow("DDB011", $"key part '{name}' makes no C# identifier");
                    var bad = new KeyPartSpec(name, new JsonObject { ["type"] = "string" }, false);
                    scope.KeyParts.Add(bad);
                    return bad;
                }
            }

            name = NewName(scope, 0.35, mustBeIdentifier: true)!;
            scope.CSharp.Add(Pascal(name));
            var json = new JsonObject();
            var spec = date ? DateSpec(keySafe: true) : Pick(new[] { Spec.Of("string"), Spec.Of("string"), Spec.Of("int"), Spec.Of("long"), Spec.Of("decimal") });
            json["type"] = spec.Base;
            WriteDate(json, spec);
            if (spec.Base is "int" or "long" && !alone && Chance(0.3) && !mayBeAlone)
            {
                // A fixed width, D1 up to the digits of the type's largest value.
                json["format"] = "D" + Between(1, spec.Base == "int" ? 10 : 19).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (spec.Base == "string")
            {
                if (Chance(0.3))
                {
                    json["pattern"] = Pick(SimplePatterns);
                }

                if (Chance(0.1))
                {
                    json["sensitive"] = "phone";
                    WritePhoneRegion(json);
                }
                else if (Chance(0.15))
                {
                    json["normalize"] = Normalization();
                }
            }

            if (Chance(0.15))
            {
                json["sensitive"] ??= Pick(new[] { "personal", "secret" });
            }

            if (Chance(0.15))
            {
                json["description"] = Pick(Descriptions);
            }

            var part = new KeyPartSpec(name, json, spec.IsDate);
            scope.KeyParts.Add(part);
            return part;
        }

        // ---------------------------------------------------------------- attributes

        private enum Purpose
        {
            Any,
            PlainKey,
            TemplatePart,
            TemplatePartNoDate,
            IndexKey,
            Ttl,
            Version,
            Counter,
            Timestamp,
            Unique,
        }

        private AttributeSpec? NewAttribute(Scope scope, Purpose purpose, int depth, bool keyOwned = false)
        {
            var name = NewName(scope, 0.3, mustBeIdentifier: false);
            if (name is null)
            {
                return null;
            }

            var spec = purpose switch
            {
                Purpose.PlainKey => Chance(0.2) ? DateSpec(keySafe: true) : Pick(new[] { Spec.Of("string"), Spec.Of("string"), Spec.Of("int"), Spec.Of("long"), Spec.Of("decimal"), Spec.Of("binary") }),
                Purpose.TemplatePart => Chance(0.25) ? DateSpec(keySafe: true) : Pick(new[] { Spec.Of("string"), Spec.Of("int"), Spec.Of("long"), Spec.Of("decimal") }),
                Purpose.TemplatePartNoDate => Pick(new[] { Spec.Of("string"), Spec.Of("string"), Spec.Of("int"), Spec.Of("long"), Spec.Of("decimal") }),
                Purpose.IndexKey => IndexKeySpec(),
                Purpose.Ttl => Chance(0.6) ? Spec.Of("long") : Chance(0.5) ? Spec.Of("int") : new Spec(Pick(new[] { "datetimeoffset", "datetime" })) { EpochSeconds = true },
                Purpose.Version => Spec.Of("long"),
                Purpose.Counter => Spec.Of(Pick(new[] { "int", "long" })),
                Purpose.Timestamp => TimestampSpec(),
                Purpose.Unique => _enums.Count > 0 && Chance(0.2) ? Spec.Of(Pick(_enums).Name, "enum") : Spec.Of(Pick(new[] { "string", "string", "int", "long" })),
                _ => AnySpec(depth),
            };

            var json = new JsonObject { ["type"] = spec.Spelling };
            WriteDate(json, spec);
            var required = purpose is not (Purpose.Ttl or Purpose.Version or Purpose.Counter or Purpose.Timestamp) && Chance(0.35);
            if (required)
            {
                json["required"] = true;
            }

            var hasDefault = false;
            if (purpose is Purpose.Any or Purpose.IndexKey && Chance(0.2) && Default(spec) is { } value)
            {
                json["default"] = value;
                hasDefault = true;
            }

            if (spec.Base == "string" && !hasDefault)
            {
                if (Chance(0.2))
                {
                    json["pattern"] = Pick(SimplePatterns);
                }

                if (purpose is Purpose.Any && Chance(0.15))
                {
                    json["minLength"] = Between(0, 3);
                    json["maxLength"] = Between(3, 40);
                }
            }

            if (spec.Base is "int" or "long" or "decimal" or "double" && purpose is Purpose.Any or Purpose.IndexKey && !hasDefault && Chance(0.15))
            {
                json["minimum"] = Between(-5, 0);
                json["maximum"] = Between(1, 1000);
            }

            if (spec.Base == "string" && !hasDefault && Chance(0.1))
            {
                json["sensitive"] = "phone";
                WritePhoneRegion(json);
            }
            else if (Chance(0.12))
            {
                json["sensitive"] = Pick(new[] { "personal", "secret" });
            }

            if (spec.Base == "string" && purpose is Purpose.Any or Purpose.IndexKey or Purpose.Unique && !hasDefault && json["sensitive"]?.GetValue<string>() != "phone" && Chance(0.12))
            {
                json["normalize"] = Normalization();
            }

            switch (purpose)
            {
                case Purpose.Counter:
                    json["counter"] = true;
                    if (Chance(0.4))
                    {
                        json["start"] = Between(-5, 1000);
                    }

                    break;
                case Purpose.Timestamp:
                    json["timestamp"] = Chance(0.5) ? "created" : "updated";
                    break;
                case Purpose.Unique:
                    json["unique"] = true;
                    break;
            }

            if (purpose == Purpose.Any && !required && !hasDefault && !spec.Spelling.StartsWith("set<", StringComparison.Ordinal) && Chance(0.1))
            {
                json["writeNull"] = true;
            }

            var csharp = Pascal(name);
            if (!IsIdentifier(csharp) || scope.CSharp.Contains(csharp) || csharp == scope.TypeName || Chance(0.1))
            {
                csharp = NewCSharpName(scope);
                json["csharpName"] = csharp;
            }
            else
            {
                scope.CSharp.Add(csharp);
            }

            if (Chance(0.15))
            {
                json["description"] = Pick(Descriptions);
            }

            var attribute = new AttributeSpec(name, Reorder(json, "type", "required", "default", "counter", "start", "timestamp", "unique", "pattern", "minLength", "maxLength", "minimum", "maximum", "format", "timeZone", "normalize", "writeNull", "sensitive", "phoneRegion", "csharpName", "description"), csharp, spec)
            {
                KeyOwned = keyOwned,

                // Written by the SDK (counters, timestamps) or guarded (unique values): never a TTL or an index key's input.
                Special = purpose is Purpose.Counter or Purpose.Timestamp or Purpose.Unique,
            };
            scope.Attributes.Add(attribute);
            return attribute;
        }

        private Spec AnySpec(int depth)
        {
            var roll = _random.Next(100);
            if (roll < 45)
            {
                return Pick(new[] { "string", "bool", "int", "long", "decimal", "double", "binary" }.Select(Spec.Of).ToArray());
            }

            if (roll < 58)
            {
                return DateSpec(keySafe: Chance(0.5));
            }

            if (roll < 68 && _enums.Count > 0)
            {
                return Spec.Of(Pick(_enums).Name, "enum");
            }

            if (roll < 75 && _objects.Count > 0)
            {
                return Spec.Of(Pick(_objects), "object");
            }

            if (roll < 82)
            {
                var element = Pick(new[] { "string", "int", "long", "decimal", "double", "binary" });
                return new Spec("set") { Element = Spec.Of(element) };
            }

            if (depth > 2)
            {
                return Spec.Of("string");
            }

            return new Spec(Chance(0.5) ? "list" : "map") { Element = AnySpec(depth + 1) };
        }

        private Spec IndexKeySpec()
            => _random.Next(10) switch
            {
                < 4 => Spec.Of("string"),
                < 6 => Pick(new[] { "int", "long", "decimal", "double" }.Select(Spec.Of).ToArray()),
                < 7 => Spec.Of("binary"),
                < 8 when _enums.Count > 0 => Spec.Of(Pick(_enums).Name, "enum"),
                _ => DateSpec(keySafe: Chance(0.5)),
            };

        /// <summary>A timestamp's type: a date and time, in any format or zone the SDK writes it in.</summary>
        private Spec TimestampSpec()
        {
            var spec = new Spec(Pick(new[] { "datetime", "datetimeoffset" }));
            if (Chance(0.3))
            {
                spec.EpochSeconds = true;
                return spec;
            }

            spec.Format = Pick(new[] { null, "iso8601", "yyyy-MM-dd HH:mm:ss", "yyyyMMddHHmmss" });
            spec.TimeZone = Pick(new[] { null, "UTC", "+09:00", "-03:30" });
            return spec;
        }

        private JsonNode Normalization()
        {
            var names = Pick(Normalizations);
            return names.Length == 1 || Chance(0.5)
                ? JsonValue.Create(string.Join(Chance(0.5) ? "," : ", ", names))!
                : new JsonArray(names.Select(n => (JsonNode)n!).ToArray());
        }

        private void WritePhoneRegion(JsonObject json)
        {
            if (Chance(0.4))
            {
                json["phoneRegion"] = Chance(0.7) ? "E164" : "KR";
            }
        }

        private JsonObject Capacity() => new() { ["read"] = Between(1, 40), ["write"] = Between(1, 40) };

        /// <summary>A key with values to order by: a plain attribute, or a template with a placeholder.</summary>
        private static bool HasParts(JsonObject key) => key["template"] is not { } template || template.GetValue<string>().Contains('{', StringComparison.Ordinal);

        /// <summary>A template with literal text outside its placeholders, so its key is stored as text.</summary>
        private static bool HasLiteral(string template)
            => System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]*\\}", string.Empty).Length > 0;

        private Spec DateSpec(bool keySafe)
        {
            var kind = Pick(new[] { "date", "datetime", "datetimeoffset" });
            var spec = new Spec(kind);
            if (kind == "date")
            {
                spec.Format = Pick(keySafe ? new[] { null, "iso8601", "yyyyMMdd", "yyyy/MM/dd", "yyyy-MM-dd" } : new[] { null, "dd.MM.yyyy", "yyyy/MM/dd" });
                return spec;
            }

            if (!keySafe && Chance(0.3))
            {
                spec.EpochSeconds = true;
                return spec;
            }

            spec.Format = Pick(keySafe ? new[] { null, "iso8601", "yyyyMMddHHmmss", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm" } : new[] { null, "dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm:ss" });
            spec.TimeZone = Pick(new[] { null, "UTC", "+09:00", "-03:30" });
            if (!keySafe && kind == "datetimeoffset" && spec.Format is null or "iso8601" && Chance(0.4))
            {
                spec.TimeZone = "keep";
            }

            return spec;
        }

        private static void WriteDate(JsonObject json, Spec spec)
        {
            var date = spec;
            while (date.Element is not null)
            {
                date = date.Element;
            }

            if (date.EpochSeconds)
            {
                json["format"] = "epochSeconds";
            }
            else if (date.Format is not null)
            {
                json["format"] = date.Format;
            }

            if (date.TimeZone is not null)
            {
                json["timeZone"] = date.TimeZone;
            }
        }

        private JsonNode? Default(Spec spec) => spec.Base switch
        {
            "string" => Pick(new[] { "", "x", "a \"quoted\" \\ value", "line\nbreak", "010-1234-5678", "é", "{0}" }),
            "bool" => Chance(0.5),
            "int" => Pick(new[] { 0, -1, int.MaxValue, int.MinValue, 42 }),
            "long" => Pick(new[] { 0L, long.MaxValue, long.MinValue, 7L }),
            "decimal" => JsonValue.Create(Pick(new[] { 0m, 12.5m, -0.001m, 79228162514264337593543950335m })),
            "double" => JsonValue.Create(Pick(new[] { 0.25, 1e5, -3.5 })),
            "enum" => _enums.First(e => e.Name == spec.Spelling).Values[0],
            _ => null,
        };

        // ---------------------------------------------------------------- indexes

        private JsonObject Indexes(Scope scope, Group? group)
        {
            var json = new JsonObject();
            var methods = new HashSet<string>(StringComparer.Ordinal);
            var globals = 0;
            var locals = 0;
            for (var i = Weighted(45, 35, 15, 5) - 1; i > 0; i--)
            {
                var local = scope.HasSort && Chance(0.3);
                if ((local && locals >= 5) || (!local && globals >= 20))
                {
                    continue;
                }

                var (name, method, csharpName) = NewIndexName(methods, group);
                if (name is null)
                {
                    continue;
                }

                var index = new JsonObject { ["type"] = local ? "local" : "global" };
                if (!local)
                {
                    index["partitionKey"] = IndexKey(scope, name, "pk");
                    if (scope.Provisioned && Chance(0.4))
                    {
                        index["capacity"] = Capacity();
                    }
                }

                var hasSort = local || Chance(0.5);
                if (hasSort)
                {
                    var sortKey = IndexKey(scope, name, "sk");
                    index["sortKey"] = sortKey;
                    if (HasParts(sortKey) && Chance(0.15))
                    {
                        index["order"] = Chance(0.8) ? "descending" : "ascending";
                    }

                    if (!_typeNames.Add(scope.TypeName + method + "SortKey"))
                    {
                        // The index's sort-key type would be named like another generated type.
                        Allow("DDB006", $"index '{name}' makes a type named like another");
                    }
                }

                var projection = Pick(new[] { "ALL", "ALL", "KEYS_ONLY", "INCLUDE", null });
                if (projection is not null)
                {
                    index["projection"] = projection;
                }

                if (projection == "INCLUDE")
                {
                    var names = scope.Attributes.Select(a => a.Name).Take(Between(1, 3)).ToList();
                    if (names.Count == 0)
                    {
                        index["projection"] = "KEYS_ONLY";
                    }
                    else
                    {
                        index["include"] = new JsonArray(names.Select(n => (JsonNode)n!).ToArray());
                    }
                }

                if (csharpName is not null)
                {
                    index["csharpName"] = csharpName;
                }

                if (Chance(0.15))
                {
                    index["description"] = Pick(Descriptions);
                }

                json[name] = index;
                if (local)
                {
                    locals++;
                }
                else
                {
                    globals++;
                }
            }

            return json;
        }

        private (string? Name, string Method, string? CSharpName) NewIndexName(HashSet<string> methods, Group? group)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var name = _random.Next(10) switch
                {
                    < 3 => Pick(new[] { "gsi1", "GSI1", "Gsi1", "gsi2", "lsi1", "LSI1" }),
                    < 5 => "by_" + Pick(PlainNames),
                    < 6 => Pick(new[] { "by-email", "by.email", "a.b-c_d", "___", "x.y", "123", "by_class", "by_options" }),
                    < 7 => "by_" + Pick(AwkwardNames.Where(IsDynamoName).ToArray()),
                    _ => "idx_" + Pick(PlainNames) + "_" + _random.Next(100),
                };

                if (!IsDynamoName(name) || (group is not null && !group.IndexNames.Add(name)))
                {
                    continue;
                }

                var method = Pascal(name.Replace('-', '_').Replace('.', '_'));
                string? csharpName = null;
                if (!IsIdentifier(method) || Chance(0.1))
                {
                    csharpName = Pick(CSharpNames.Where(n => char.IsUpper(n[0])).ToArray()) + _random.Next(10);
                    method = csharpName;
                }

                if (methods.Add(method))
                {
                    return (name, method, csharpName);
                }
            }

            return (null, string.Empty, null);
        }

        private static bool IsDynamoName(string name)
            => name.Length is >= 3 and <= 255 && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.');

        /// <summary>An index key: a stored attribute, a key attribute, or a computed key from a template.</summary>
        private JsonObject IndexKey(Scope scope, string index, string suffix)
        {
            var roll = _random.Next(10);
            if (roll < 4)
            {
                // Plain: an attribute the item stores anyway.
                var candidates = scope.Attributes.Where(a => a.Spec.IsIndexable && !a.Special).ToList();
                var attribute = candidates.Count > 0 && Chance(0.6) ? Pick(candidates) : NewAttribute(scope, Purpose.IndexKey, depth: 0);
                if (attribute is not null)
                {
                    return new JsonObject { ["attribute"] = attribute.Name };
                }
            }
            else if (roll < 5 && scope.KeyAttributes.Count > 0)
            {
                return new JsonObject { ["attribute"] = Pick(scope.KeyAttributes).Name };
            }

            // Computed: a new attribute built from stored values, key parts or key attributes.
            var name = Chance(0.5) ? index + "_" + suffix : NewName(scope, 0.3, mustBeIdentifier: false)!;
            if (!scope.Stored.Add(name))
            {
                name = index + "_" + suffix + "_" + _random.Next(1000);
                scope.Stored.Add(name);
            }

            string template;
            if (Chance(0.08))
            {
                template = Pick(Constants);
            }
            else
            {
                var builder = new StringBuilder(Chance(0.8) ? Pick(Prefixes) : string.Empty);
                var count = Between(1, 2);
                var used = new HashSet<string>(StringComparer.Ordinal);
                var previousIsDate = false;
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(previousIsDate ? "#" : Pick(Separators));
                    }

                    var (part, isDate) = IndexTemplatePart(scope, allowDate: builder.Length > 0 || count > 1);
                    if (!used.Add(part))
                    {
                        builder.Append(Pick(Prefixes));
                        continue;
                    }

                    builder.Append('{').Append(part).Append('}');
                    previousIsDate = isDate;
                }

                if (previousIsDate && Chance(0.5))
                {
                    builder.Append("#Z");
                }

                template = builder.ToString();
                if (template.EndsWith("}", StringComparison.Ordinal) && template.IndexOf('{') == 0 && previousIsDate)
                {
                    template += "#";
                }
            }

            return new JsonObject { ["attribute"] = name, ["template"] = template };
        }

        private (string Name, bool IsDate) IndexTemplatePart(Scope scope, bool allowDate)
        {
            var roll = _random.Next(10);
            if (roll < 3 && scope.KeyParts.Count > 0)
            {
                var part = Pick(scope.KeyParts);
                if (allowDate || !part.IsDate)
                {
                    return (part.Name, part.IsDate);
                }
            }

            var keyAttributes = scope.KeyAttributes.Where(k => !k.IsBinary && (allowDate || !k.IsDate) && k.Name.IndexOfAny(new[] { '{', '}' }) < 0).ToList();
            if (roll < 4 && keyAttributes.Count > 0)
            {
                var key = Pick(keyAttributes);
                return (key.Name, key.IsDate);
            }

            var candidates = scope.Attributes.Where(a => a.Spec.IsTemplatePart && (allowDate || !a.Spec.IsDate) && !a.Special && !a.Name.Contains('{') && !a.Name.Contains('}')).ToList();
            if (candidates.Count > 0 && Chance(0.6))
            {
                var attribute = Pick(candidates);
                return (attribute.Name, attribute.Spec.IsDate);
            }

            var created = NewAttribute(scope, allowDate ? Purpose.TemplatePart : Purpose.TemplatePartNoDate, depth: 0)!;
            return (created.Name, created.Spec.IsDate);
        }

        // ---------------------------------------------------------------- shared tables

        /// <summary>What the entities of a shared table share: key attributes, the type attribute, prefixes and index names.</summary>
        private sealed class Group
        {
            public Group(string partitionAttribute, string? sortAttribute, string typeAttribute, int mode)
            {
                PartitionAttribute = partitionAttribute;
                SortAttribute = sortAttribute;
                TypeAttribute = typeAttribute;
                Mode = mode;
            }

            public string PartitionAttribute { get; }

            public string? SortAttribute { get; }

            public string TypeAttribute { get; }

            /// <summary>0: every entity has the same partition template (a typed partition query); 1: its own; 2: "{email}".</summary>
            public int Mode { get; }

            public string? SharedPartition { get; set; }

            public List<string> Prefixes { get; } = new();

            public HashSet<string> IndexNames { get; } = new(StringComparer.Ordinal);

            public string? Ttl { get; set; }

            public bool Provisioned { get; set; }

            /// <summary>The shared partition part as the table's <c>keyParts</c> declare it, or null when each entity declares it.</summary>
            public JsonObject? TablePart { get; set; }

            /// <summary>How many entities have taken the table's part as it is (the first always does, so it is used: DDB041).</summary>
            public int TablePartUsers { get; set; }

            public IEnumerable<string> Reserved => new[] { PartitionAttribute, SortAttribute, TypeAttribute }.Where(n => n is not null).Select(n => n!);

            public JsonObject PartitionTemplate(DescriptorGrammar grammar, Scope scope)
            {
                scope.InGroup = true;
                if (SortAttribute is null || Mode == 1)
                {
                    var prefix = SortAttribute is null ? NextPrefix(grammar) : grammar.Pick(DescriptorGrammar.Prefixes);
                    return new JsonObject { ["template"] = grammar.Template(scope, prefix, grammar.Between(1, 2)) };
                }

                if (SharedPartition is null)
                {
                    var template = Mode == 2 ? "{email}" : "STORE#{store_id}";
                    SharedPartition = template;
                }

                var name = SharedPartName;
                scope.Stored.Add(name);
                scope.CSharp.Add(Pascal(name));
                if (TablePart is not null)
                {
                    // The table declares the part: take it as it is, or override it with what keeps its text (DDB042).
                    if (TablePartUsers++ > 0 && grammar.Chance(0.4))
                    {
                        var own = (JsonObject)TablePart.DeepClone();
                        own.Remove("pattern");
                        own["description"] = grammar.Pick(Descriptions);
                        scope.KeyParts.Add(new KeyPartSpec(name, own, false));
                    }
                }
                else if (grammar.Chance(0.5))
                {
                    scope.KeyParts.Add(new KeyPartSpec(name, new JsonObject { ["type"] = "string" }, false));
                }
                else
                {
                    scope.Attributes.Add(new AttributeSpec(name, new JsonObject { ["type"] = "string", ["required"] = true }, Pascal(name), Spec.Of("string")) { KeyOwned = true });
                }

                return new JsonObject { ["template"] = SharedPartition };
            }

            /// <summary>The part every entity's partition template names, where they share one (modes 0 and 2).</summary>
            public string SharedPartName => Mode == 2 ? "email" : "store_id";

            public string NextSortPrefix(DescriptorGrammar grammar) => NextPrefix(grammar);

            /// <summary>A literal prefix no other entity's starts with or is the start of (DDB019).</summary>
            private string NextPrefix(DescriptorGrammar grammar)
            {
                var pool = new[] { "A#", "B#", "ORDER#", "USER#", "CART#", "#META#", "Ü#", "\"Q\"#", "x y#", "E" + Prefixes.Count + "#", "<&>#", "\\#" };
                for (var attempt = 0; ; attempt++)
                {
                    var prefix = attempt < 10 ? grammar.Pick(pool) : "P" + attempt + "#";
                    if (Prefixes.All(p => !p.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(p, StringComparison.Ordinal)))
                    {
                        Prefixes.Add(prefix);
                        return prefix;
                    }
                }
            }
        }

        private JsonObject? SharedTable()
        {
            var name = NewTypeName(n => new[] { n + "Table", n + "Item", n + "Marshaller", n + "Repository", "I" + n + "Repository" });
            if (name is null)
            {
                return null;
            }

            var partition = Pick(new[] { "pk", "PK", "partition", "p", "key", "id", "class", "名前", "p\"k", "{pk}", "p\\k" });
            var sort = Chance(0.8) ? Pick(new[] { "sk", "SK", "sort", "s", "range", "value", "s\"k" }) : null;
            var typeAttribute = Pick(new[] { "_type", "entity_type", "type", "kind", "__typename", "Type", "t\"y{p}e" });
            var group = new Group(partition, sort, typeAttribute, sort is null ? 1 : _random.Next(3));
            var json = new JsonObject { ["name"] = name, ["tableName"] = NewTableName() };
            if (Chance(0.2))
            {
                json["description"] = Pick(Descriptions);
            }

            json["partitionKey"] = new JsonObject { ["attribute"] = partition };
            if (sort is not null)
            {
                json["sortKey"] = new JsonObject { ["attribute"] = sort };
            }

            if (typeAttribute != "_type" || Chance(0.5))
            {
                json["typeAttribute"] = typeAttribute;
            }

            if (Chance(0.15))
            {
                json["billingMode"] = "PROVISIONED";
                json["capacity"] = Capacity();
                group.Provisioned = true;
            }

            if (group.Mode != 1 && sort is not null && Chance(0.35))
            {
                // The shared partition part declared once, on the table.
                var part = new JsonObject { ["type"] = "string" };
                if (Chance(0.4))
                {
                    part["normalize"] = Normalization();
                }

                if (Chance(0.3))
                {
                    part["pattern"] = Pick(SimplePatterns);
                }

                if (Chance(0.4))
                {
                    part["sensitive"] = "personal";
                }

                group.TablePart = part;
                json["keyParts"] = new JsonObject { [group.SharedPartName] = part };
            }

            var entities = new JsonArray();
            for (var i = Weighted(35, 45, 20); i > 0; i--)
            {
                var entity = Table(group);
                if (entity is not null)
                {
                    entities.Add(entity);
                }
            }

            if (entities.Count == 0)
            {
                return null;
            }

            json["entities"] = entities;
            return json;
        }

        // ---------------------------------------------------------------- names

        /// <summary>The names a table or entity (or an object type) has used so far.</summary>
        private sealed class Scope
        {
            public Scope(string typeName)
            {
                TypeName = typeName;
                foreach (var reserved in new[] { "Key", "ExtraAttributes", "Attributes", "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize", "ReferenceEquals", "Clone", "Create", "TryParse", "ToAttributeMap", "PartitionKeyValue", "SortKeyValue", "SortKeyPrefix", typeName, typeName + "Key" })
                {
                    CSharp.Add(reserved);
                }
            }

            public string TypeName { get; }

            public bool InGroup { get; set; }

            public bool HasSort { get; set; }

            /// <summary>The table is <c>PROVISIONED</c>: its global indexes may give a capacity of their own.</summary>
            public bool Provisioned { get; set; }

            /// <summary>The partition key is stored as text (S), as a unique value's guard item needs.</summary>
            public bool PartitionIsText { get; set; }

            /// <summary>Stored names (attributes, key parts, key attributes, computed index keys), as DynamoDB sees them.</summary>
            public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);

            /// <summary>C# names of the entity's and the key's members.</summary>
            public HashSet<string> CSharp { get; } = new(StringComparer.Ordinal);

            public List<AttributeSpec> Attributes { get; } = new();

            public List<KeyPartSpec> KeyParts { get; } = new();

            /// <summary>Key attributes an index may name: plain ones (with their type) and templated ones (text).</summary>
            public List<(string Name, bool IsDate, bool IsBinary)> KeyAttributes { get; } = new();
        }

        private string? NewName(Scope scope, double awkward, bool mustBeIdentifier)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var name = Chance(awkward) ? Pick(AwkwardNames) : Pick(PlainNames);
                if (attempt > 10)
                {
                    name += "_" + attempt;
                }

                if (mustBeIdentifier && (!IsIdentifier(Pascal(name)) || scope.CSharp.Contains(Pascal(name))))
                {
                    continue;
                }

                if (!scope.Stored.Contains(name))
                {
                    scope.Stored.Add(name);
                    return name;
                }
            }

            return null;
        }

        private string NewCSharpName(Scope scope)
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = Pick(CSharpNames) + (attempt > 5 ? attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                if (IsIdentifier(name) && scope.CSharp.Add(name))
                {
                    return name;
                }
            }
        }

        /// <summary>A type name whose generated types no other type of the descriptor has; now and then one differing only in case.</summary>
        private string? NewTypeName(Func<string, string[]> derived)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var name = Pick(TypeNames);
                if (attempt > 10)
                {
                    name += attempt;
                }

                if (Chance(0.08) && _baseTypeNames.Count > 0)
                {
                    // The case-only twin of a name already used (ORDER beside Order).
                    var used = Pick(_baseTypeNames);
                    name = used.ToUpperInvariant() == used ? used.ToLowerInvariant() + "X" : used.ToUpperInvariant();
                }

                var names = derived(name);
                if (!IsTypeName(name) || names.Any(_typeNames.Contains))
                {
                    continue;
                }

                foreach (var n in names)
                {
                    _typeNames.Add(n);
                }

                _baseTypeNames.Add(name);
                return name;
            }

            return null;
        }

        private string NewTableName()
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = _random.Next(6) switch
                {
                    0 => Pick(new[] { "a.b", "x-y", "___", "...", "A-b.C_d", "UPPER", "lower", "9lives", "-dash", ".dot" }),
                    1 => new string('t', 255),
                    _ => Pick(PlainNames).Replace('_', '-') + "s" + (attempt > 0 ? attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty),
                };
                if (IsDynamoName(name) && _tableNames.Add(name))
                {
                    return name;
                }
            }
        }

        private void Allow(string id, string reason) => _allowed[id] = _allowed.TryGetValue(id, out var before) ? before + "; " + reason : reason;

        /// <summary><c>OrderLine</c> → <c>order_line</c>.</summary>
        private static string Snake(string pascal)
        {
            var builder = new StringBuilder();
            foreach (var c in pascal)
            {
                if (char.IsUpper(c) && builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>As the generator makes C# names: <c>booking_num</c> → <c>BookingNum</c>.</summary>
        internal static string Pascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upperNext = true;
            foreach (var c in name)
            {
                if (c is '_' or '-' or '.' or ' ')
                {
                    upperNext = true;
                    continue;
                }

                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }

            return builder.ToString();
        }

        private static bool IsIdentifier(string name)
            => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && name != "var";

        private static bool IsTypeName(string name)
            => IsIdentifier(name) && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None && name.Any(c => !(c is >= 'a' and <= 'z'));

        // ---------------------------------------------------------------- types and specs

        /// <summary>An attribute's type as the grammar knows it.</summary>
        private sealed class Spec
        {
            public Spec(string @base) => Base = @base;

            public string Base { get; }

            /// <summary>For a declared enum or object, its name.</summary>
            public string? Declared { get; private init; }

            public Spec? Element { get; init; }

            public string? Format { get; set; }

            public string? TimeZone { get; set; }

            public bool EpochSeconds { get; set; }

            public string Spelling => Declared ?? (Element is null ? Base : $"{Base}<{Element.Spelling}>");

            public bool IsDate => Element is null && Base is "date" or "datetime" or "datetimeoffset";

            /// <summary>A key-safe date (ISO 8601 or a pattern from the year down, a fixed offset) or a string or number.</summary>
            public bool IsTemplatePart => Base is "string" or "int" or "long" or "decimal"
                                          || (IsDate && !EpochSeconds && TimeZone != "keep" && Format is null or "iso8601" or "yyyyMMdd" or "yyyy/MM/dd" or "yyyy-MM-dd" or "yyyyMMddHHmmss" or "yyyy-MM-dd HH:mm:ss" or "yyyy/MM/dd HH:mm");

            public bool IsIndexable => Element is null && Base is "string" or "int" or "long" or "decimal" or "double" or "binary" or "enum" || IsDate;

            public static Spec Of(string name) => new(name);

            public static Spec Of(string name, string kind) => new(kind) { Declared = name };
        }

        private sealed class AttributeSpec
        {
            public AttributeSpec(string name, JsonObject json, string csharpName, Spec spec)
            {
                Name = name;
                Json = json;
                CSharpName = csharpName;
                Spec = spec;
            }

            public string Name { get; }

            public JsonObject Json { get; }

            /// <summary>Its C# name, as the grammar made it unique.</summary>
            public string CSharpName { get; }

            public Spec Spec { get; }

            /// <summary>Used in a key template (or the plain key itself).</summary>
            public bool KeyOwned { get; init; }

            /// <summary>The TTL or version attribute, or one whose name needs escaping: indexes leave it alone.</summary>
            public bool Special { get; set; }
        }

        private sealed class KeyPartSpec
        {
            public KeyPartSpec(string name, JsonObject json, bool isDate)
            {
                Name = name;
                Json = json;
                IsDate = isDate;
            }

            public string Name { get; }

            public JsonObject Json { get; }

            public bool IsDate { get; }
        }

        // ---------------------------------------------------------------- randomness

        private bool Chance(double p) => _random.NextDouble() < p;

        private int Between(int low, int high) => _random.Next(low, high + 1);

        /// <summary>1 with the first weight's chance, 2 with the second's, and so on.</summary>
        private int Weighted(params int[] weights)
        {
            var roll = _random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i + 1;
                }
            }

            return weights.Length;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private static JsonObject Reorder(JsonObject json, params string[] order)
        {
            var result = new JsonObject();
            foreach (var name in order.Concat(json.Select(p => p.Key)).Distinct())
            {
                if (json.TryGetPropertyValue(name, out var value))
                {
                    json.Remove(name);
                    result[name] = value;
                }
            }

            return result;
        }
    }
}

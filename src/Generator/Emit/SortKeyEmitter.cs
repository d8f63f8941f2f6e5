using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the typed sort-key conditions of a table with a sort key: comparisons on whole keys built from
    /// their parts, and <c>BeginsWith</c> on the left-most parts of a template.
    /// </summary>
    internal static class SortKeyEmitter
    {
        private const string Condition = "global::Bookings.Generated.Runtime.SortKeyCondition";

        public static void Write(SourceWriter w, TableModel table)
        {
            var sortKey = table.SortKey!;
            var keyType = $"global::{table.Namespace}.{table.KeyTypeName}";
            var parts = sortKey.Parts;

            // The class's parameter names: the parts as the descriptor names them, then the generated ones.
            var names = new UniqueNames();
            var given = parts.ToDictionary(p => p.Name, p => names.Take(p.ParameterName));
            var low = parts.ToDictionary(p => p.Name, p => names.Take("low" + p.PropertyName));
            var high = parts.ToDictionary(p => p.Name, p => names.Take("high" + p.PropertyName));
            var days = parts.Where(p => p.DayLength is not null).ToDictionary(
                p => p.Name,
                p => (Day: names.Take(KeyEmitter.DayParameter(p)), Low: names.Take("low" + p.PropertyName + "Day"), High: names.Take("high" + p.PropertyName + "Day")));
            var prefix = names.Take("prefix");
            var parameters = string.Join(", ", parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {given[p.Name]}"));
            var arguments = string.Join(", ", parts.Select(p => given[p.Name]));
            var lows = string.Join(", ", parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {low[p.Name]}"));
            var highs = string.Join(", ", parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {high[p.Name]}"));

            w.Line("/// <summary>");
            w.Line($"/// Conditions on the sort key <c>{Xml.Escape(sortKey.AttributeName)}</c> (<c>{Xml.Escape(sortKey.Template)}</c>) of");
            w.Line($"/// <see cref=\"{table.TypeName}\"/>, for queries within one partition. Parts are validated and normalised like keys.");
            w.Line("/// </summary>");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {table.SortKeyTypeName}");
            foreach (var (name, description) in new[]
            {
                ("Equal", "equals"),
                ("LessThan", "sorts before"),
                ("LessThanOrEqual", "sorts before or equals"),
                ("GreaterThan", "sorts after"),
                ("GreaterThanOrEqual", "sorts after or equals"),
            })
            {
                w.Summary($"The sort key {description} the one these parts make.");
                w.Line($"public static {Condition} {name}({parameters})");
                w.Indent().Line($"=> {Condition}.{name}({keyType}.SortKeyValue({arguments}));").Outdent();
                w.Line();
            }

            w.Summary("The sort key lies between the two made from these parts, both included.");
            w.Line($"public static {Condition} Between({lows}, {highs})");
            w.Indent().Line($"=> {Condition}.Between({keyType}.SortKeyValue({string.Join(", ", parts.Select(p => low[p.Name]))}), {keyType}.SortKeyValue({string.Join(", ", parts.Select(p => high[p.Name]))}));").Outdent();

            if (sortKey.IsSinglePart && parts[0].Type is ValueKind.String or ValueKind.Binary)
            {
                w.Line();
                w.Summary($"The sort key starts with <paramref name=\"{UniqueNames.Bare(prefix)}\"/>, taken as given.");
                w.Line($"public static {Condition} BeginsWith({ValueKinds.CSharpType(parts[0].Type)} {prefix})");
                w.Indent().Line($"=> {Condition}.BeginsWith({prefix});").Outdent();
            }
            else if (!sortKey.IsSinglePart)
            {
                for (var count = 0; count < parts.Count; count++)
                {
                    var first = parts.Take(count).ToList();
                    w.Line();
                    w.Summary(count == 0
                        ? "Any sort key of this template: it starts with the template's leading text."
                        : $"Sort keys whose left-most part{(count == 1 ? " is" : "s are")} {string.Join(", ", first.Select(p => $"<paramref name=\"{UniqueNames.Bare(given[p.Name])}\"/>"))}.");
                    w.Line($"public static {Condition} BeginsWith({string.Join(", ", first.Select(p => $"{ValueKinds.CSharpType(p.Type)} {given[p.Name]}"))})");
                    w.Indent().Line($"=> {Condition}.BeginsWith({keyType}.SortKeyPrefix({string.Join(", ", first.Select(p => given[p.Name]))}));").Outdent();
                }

                // Ranges over the left-most parts only (all shifts of some days, whoever works them); with every
                // part given, Between above compares whole keys.
                for (var count = 1; count < parts.Count; count++)
                {
                    var first = parts.Take(count).ToList();
                    w.Line();
                    w.Summary($"Sort keys whose left-most part{(count == 1 ? "" : "s")} lie between the low and the high values, both included, whatever the other parts; compared as stored text, like the whole keys.");
                    w.Line($"public static {Condition} Between({string.Join(", ", first.Select(p => $"{ValueKinds.CSharpType(p.Type)} {low[p.Name]}"))}, {string.Join(", ", first.Select(p => $"{ValueKinds.CSharpType(p.Type)} {high[p.Name]}"))})");
                    w.Indent().Line($"=> {Condition}.BetweenPrefixes({keyType}.SortKeyPrefix({string.Join(", ", first.Select(p => low[p.Name]))}), {keyType}.SortKeyPrefix({string.Join(", ", first.Select(p => high[p.Name]))}));").Outdent();
                }
            }

            // A date-time part, or a date-time sort key on its own, also selects by whole days (in its stored offset):
            // the day's text is a prefix of every instant in it, since key formats run from the year down with fixed widths.
            for (var count = 1; count <= parts.Count; count++)
            {
                var day = parts[count - 1];
                if (day.DayLength is null)
                {
                    continue;
                }

                var before = parts.Take(count - 1).ToList();
                string Typed(System.Collections.Generic.Dictionary<string, string> name) => string.Concat(before.Select(p => $"{ValueKinds.CSharpType(p.Type)} {name[p.Name]}, "));
                string Names(System.Collections.Generic.Dictionary<string, string> name) => string.Concat(before.Select(p => name[p.Name] + ", "));
                var (dayName, lowDay, highDay) = days[day.Name];
                var which = count == 1 ? string.Empty : "with these left-most parts and ";
                w.Line();
                w.Summary($"Sort keys {which}with <c>{Xml.Escape(day.Name)}</c> on the given day, in its stored offset.");
                w.Line($"public static {Condition} BeginsWith({Typed(given)}global::System.DateOnly {dayName})");
                w.Indent().Line($"=> {Condition}.BeginsWith({keyType}.SortKeyPrefix({Names(given)}{dayName}));").Outdent();
                w.Line();
                w.Summary($"Sort keys {which}with <c>{Xml.Escape(day.Name)}</c> on a day from the low to the high one, both included, in its stored offset.");
                w.Line($"public static {Condition} Between({Typed(low)}global::System.DateOnly {lowDay}, {Typed(high)}global::System.DateOnly {highDay})");
                w.Indent().Line($"=> {Condition}.BetweenPrefixes({keyType}.SortKeyPrefix({Names(low)}{lowDay}), {keyType}.SortKeyPrefix({Names(high)}{highDay}));").Outdent();
            }

            w.Close();
        }

        /// <summary>
        /// Typed conditions on an index's sort key (<c>EmployeeByHireDateSortKey.GreaterThan(day)</c>), converting
        /// values the way the item stores them.
        /// </summary>
        public static void WriteIndex(SourceWriter w, TableModel table, IndexModel index)
        {
            var key = index.SortKey!;
            var condition = "global::Bookings.Generated.Runtime.SortKeyCondition";
            var names = new UniqueNames();
            var given = key.Parts.ToDictionary(p => p.Name, p => names.Take(p.ParameterName));
            var low = key.Parts.ToDictionary(p => p.Name, p => names.Take("low" + p.PropertyName));
            var high = key.Parts.ToDictionary(p => p.Name, p => names.Take("high" + p.PropertyName));
            var prefixName = names.Take("prefix");
            System.Collections.Generic.Dictionary<string, string> Names(string prefix) => prefix == "low" ? low : prefix == "high" ? high : given;
            string Parameters(string prefix) => string.Join(", ", key.Parts.Select(p => $"{ValueKinds.CSharpType(p.Type, table.Namespace)} {Names(prefix)[p.Name]}"));
            string Value(string prefix) => RepositoryEmitter.IndexKeyValue(table, key, p => Names(prefix)[p.Name]);

            w.Summary($"Conditions on <c>{Xml.Escape(key.AttributeName)}</c>, the sort key of the <c>{Xml.Escape(index.Name)}</c> index, for <c>{table.RepositoryTypeName}.Query{index.MethodName}Async</c>.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {table.TypeName}{index.MethodName}SortKey");
            var first = true;
            foreach (var (method, op) in new[] { ("Equal", "Equal"), ("LessThan", "LessThan"), ("LessThanOrEqual", "LessThanOrEqual"), ("GreaterThan", "GreaterThan"), ("GreaterThanOrEqual", "GreaterThanOrEqual") })
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Summary($"The index sort key is {Words(method)} the given value.");
                w.Line($"public static {condition} {method}({Parameters(string.Empty)})");
                w.Indent().Line($"=> {condition}.{op}({Value(string.Empty)});").Outdent();
            }

            w.Line();
            w.Summary("The index sort key lies between the given values, both included.");
            w.Line($"public static {condition} Between({Parameters("low")}, {Parameters("high")})");
            w.Indent().Line($"=> {condition}.Between({Value("low")}, {Value("high")});").Outdent();
            if (!key.IsComputed && key.Parts[0].Type.Kind is ValueKind.String or ValueKind.Binary)
            {
                w.Line();
                w.Summary($"The index sort key starts with <paramref name=\"{UniqueNames.Bare(prefixName)}\"/>.");
                w.Line($"public static {condition} BeginsWith({ValueKinds.CSharpType(key.Parts[0].Type.Kind)} {prefixName})");
                w.Indent().Line($"=> {condition}.BeginsWith({prefixName});").Outdent();
            }

            w.Close();
        }

        private static string Words(string method) => method switch
        {
            "Equal" => "equal to",
            "LessThan" => "less than",
            "LessThanOrEqual" => "at most",
            "GreaterThan" => "greater than",
            _ => "at least",
        };
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the typed conditions on a sort key, of the table (whole keys built from their parts, and <c>BeginsWith</c> on
    /// the left-most parts of a template) or of an index (values converted the way the item stores them).
    /// </summary>
    internal static class SortKeyEmitter
    {
        private const string Condition = Runtime + "SortKeyCondition";

        public static void Write(SourceWriter w, TableModel table)
        {
            var sortKey = table.SortKey!;
            var parts = sortKey.Parts;

            // The class's parameter names: the parts as the descriptor names them, then the generated ones.
            var names = new UniqueNames();
            var given = parts.ToDictionary(p => p.Name, p => names.Take(p.ParameterName));
            var low = parts.ToDictionary(p => p.Name, p => names.Take("low" + p.PropertyName));
            var high = parts.ToDictionary(p => p.Name, p => names.Take("high" + p.PropertyName));
            var days = parts.Where(p => p.DayLength is not null).ToDictionary(
                p => p.Name,
                p => (Day: names.Take(UniqueNames.Bare(p.ParameterName) + "Day"), Low: names.Take("low" + p.PropertyName + "Day"), High: names.Take("high" + p.PropertyName + "Day")));
            var prefix = names.Take("prefix");
            string Typed(IEnumerable<KeyPartModel> of, Dictionary<string, string> name) => string.Join(", ", of.Select(p => $"{ValueKinds.CSharpType(p.Type)} {name[p.Name]}"));
            string Names(IEnumerable<KeyPartModel> of, Dictionary<string, string> name) => string.Join(", ", of.Select(p => name[p.Name]));
            string Value(Dictionary<string, string> name) => $"{table.KeyTypeName}.SortKeyValue({Names(parts, name)})";

            w.Block($$"""
                /// <summary>Conditions on the sort key <c>{{Xml.Escape(sortKey.AttributeName)}}</c> (<c>{{Xml.Escape(sortKey.Template)}}</c>) of <see cref="{{table.TypeName}}"/>, for queries within one partition; parts are validated and normalised like keys.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{table.SortKeyTypeName}}
                """);
            w.Open();
            WriteComparisons(w, "sort key", "the one these parts make", "the two made from these parts", Typed(parts, given), Value(given), Typed(parts, low) + ", " + Typed(parts, high), Value(low), Value(high), AsText(sortKey.IsSinglePart ? Enumerable.Empty<KeyPartModel>() : parts));
            if (sortKey.IsSinglePart && parts[0].Type is ValueKind.String or ValueKind.Binary)
            {
                WriteBeginsWith(w, $"The sort key starts with <paramref name=\"{UniqueNames.Bare(prefix)}\"/>, taken as given.", $"{ValueKinds.CSharpType(parts[0].Type)} {prefix}", prefix);
            }
            else if (!sortKey.IsSinglePart)
            {
                for (var count = 0; count < parts.Count; count++)
                {
                    var first = parts.Take(count).ToList();
                    WriteBeginsWith(
                        w,
                        count == 0
                            ? "Any sort key of this template: it starts with the template's leading text."
                            : $"Sort keys whose left-most part{(count == 1 ? " is" : "s are")} {string.Join(", ", first.Select(p => $"<paramref name=\"{UniqueNames.Bare(given[p.Name])}\"/>"))}.",
                        Typed(first, given),
                        $"{table.KeyTypeName}.SortKeyPrefix({Names(first, given)})");
                }

                // Ranges over the left-most parts only (all shifts of some days, whoever works them); with every
                // part given, Between above compares whole keys.
                for (var count = 1; count < parts.Count; count++)
                {
                    var first = parts.Take(count).ToList();
                    WriteBetweenPrefixes(
                        w,
                        $"Sort keys whose left-most part{(count == 1 ? string.Empty : "s")} lie between the low and the high values, both included, whatever the other parts; compared as stored text, like the whole keys.{AsText(first)}",
                        Typed(first, low) + ", " + Typed(first, high),
                        $"{table.KeyTypeName}.SortKeyPrefix({Names(first, low)})",
                        $"{table.KeyTypeName}.SortKeyPrefix({Names(first, high)})");
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
                string Leading(Dictionary<string, string> name) => string.Concat(before.Select(p => $"{ValueKinds.CSharpType(p.Type)} {name[p.Name]}, "));
                string Arguments(Dictionary<string, string> name) => string.Concat(before.Select(p => name[p.Name] + ", "));
                var (dayName, lowDay, highDay) = days[day.Name];
                var which = count == 1 ? string.Empty : "with these left-most parts and ";
                WriteBeginsWith(
                    w,
                    $"Sort keys {which}with <c>{Xml.Escape(day.Name)}</c> on the given day, in its stored offset.",
                    $"{Leading(given)}global::System.DateOnly {dayName}",
                    $"{table.KeyTypeName}.SortKeyPrefix({Arguments(given)}{dayName})");
                WriteBetweenPrefixes(
                    w,
                    $"Sort keys {which}with <c>{Xml.Escape(day.Name)}</c> on a day from the low to the high one, both included, in its stored offset.",
                    $"{Leading(low)}global::System.DateOnly {lowDay}, {Leading(high)}global::System.DateOnly {highDay}",
                    $"{table.KeyTypeName}.SortKeyPrefix({Arguments(low)}{lowDay})",
                    $"{table.KeyTypeName}.SortKeyPrefix({Arguments(high)}{highDay})");
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
            var names = new UniqueNames();
            var given = key.Parts.ToDictionary(p => p.Name, p => names.Take(p.ParameterName));
            var low = key.Parts.ToDictionary(p => p.Name, p => names.Take("low" + p.PropertyName));
            var high = key.Parts.ToDictionary(p => p.Name, p => names.Take("high" + p.PropertyName));
            var prefix = names.Take("prefix");
            string Typed(Dictionary<string, string> name) => string.Join(", ", key.Parts.Select(p => $"{ValueKinds.CSharpType(p.Type)} {name[p.Name]}"));
            string Value(Dictionary<string, string> name) => KeyValues.IndexKey(table, key, p => name[p.Name]);

            w.Block($$"""
                /// <summary>Conditions on <c>{{Xml.Escape(key.AttributeName)}}</c>, the sort key of the <c>{{Xml.Escape(index.Name)}}</c> index, for <c>{{table.RepositoryTypeName}}.Query{{index.MethodName}}Async</c>.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{index.SortKeyTypeName(table.TypeName)}}
                """);
            w.Open();
            var asText = key.IsComputed && key.Parts.Any(p => p.Type.Kind.IsNumber() && p.Width is null) ? TextOrder : string.Empty;
            WriteComparisons(w, "index sort key", "the given value", "the given values", Typed(given), Value(given), Typed(low) + ", " + Typed(high), Value(low), Value(high), asText);
            if (!key.IsComputed && key.Parts[0].Type.Kind is ValueKind.String or ValueKind.Binary)
            {
                WriteBeginsWith(w, $"The index sort key starts with <paramref name=\"{UniqueNames.Bare(prefix)}\"/>.", $"{ValueKinds.CSharpType(key.Parts[0].Type.Kind)} {prefix}", prefix);
            }

            w.Close();
        }

        /// <summary>What the comparisons of a key with a number inside its text say, so no caller expects number order.</summary>
        private const string TextOrder = " A number part compares as text: <c>10</c> sorts before <c>9</c>.";

        /// <summary>
        /// <see cref="TextOrder"/> when a number among <paramref name="parts"/> is written without a fixed width, with the fix
        /// for an int or long (<c>"format": "D10"</c>, which compares in number order); otherwise nothing.
        /// </summary>
        private static string AsText(IEnumerable<KeyPartModel> parts)
        {
            var unpadded = parts.Where(p => p.Type.IsNumber() && p.Width is null).ToList();
            return unpadded.Count == 0 ? string.Empty
                : unpadded.All(p => p.Type is ValueKind.Int32 or ValueKind.Int64) ? TextOrder + " Give the part a fixed width (<c>\"format\": \"D10\"</c>) to compare in number order."
                : TextOrder;
        }

        /// <summary>
        /// The five comparisons with one key, and <c>Between</c> two keys, both included; the ranges say
        /// <paramref name="order"/> (how numbers in the key's text compare) when there is something to say.
        /// </summary>
        private static void WriteComparisons(SourceWriter w, string subject, string one, string two, string parameters, string value, string bounds, string lowValue, string highValue, string order)
        {
            foreach (var (name, description) in new[]
            {
                ("Equal", "equals"),
                ("LessThan", "sorts before"),
                ("LessThanOrEqual", "sorts before or equals"),
                ("GreaterThan", "sorts after"),
                ("GreaterThanOrEqual", "sorts after or equals"),
            })
            {
                w.Block($$"""

                    /// <summary>The {{subject}} {{description}} {{one}}.{{(name == "Equal" ? string.Empty : order)}}</summary>
                    public static {{Condition}} {{name}}({{parameters}})
                        => {{Condition}}.{{name}}({{value}});
                    """);
            }

            w.Block($$"""

                /// <summary>The {{subject}} lies between {{two}}, both included.{{order}}</summary>
                public static {{Condition}} Between({{bounds}})
                    => {{Condition}}.Between({{lowValue}}, {{highValue}});
                """);
        }

        private static void WriteBeginsWith(SourceWriter w, string summary, string parameters, string prefix) => w.Block($$"""

            /// <summary>{{summary}}</summary>
            public static {{Condition}} BeginsWith({{parameters}})
                => {{Condition}}.BeginsWith({{prefix}});
            """);

        private static void WriteBetweenPrefixes(SourceWriter w, string summary, string bounds, string lowPrefix, string highPrefix) => w.Block($$"""

            /// <summary>{{summary}}</summary>
            public static {{Condition}} Between({{bounds}})
                => {{Condition}}.BetweenPrefixes({{lowPrefix}}, {{highPrefix}});
            """);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bookings.Generated.Generator.Parsing
{
    /// <summary>Turns stored names into C# names and checks that they are usable identifiers.</summary>
    internal static class Names
    {
        /// <summary><c>booking_num</c> → <c>BookingNum</c>; separators are <c>_ - . space</c>.</summary>
        public static string ToPascalCase(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upperNext = true;
            foreach (var c in name)
            {
                if (c == '_' || c == '-' || c == '.' || c == ' ')
                {
                    upperNext = true;
                    continue;
                }

                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }

            return builder.ToString();
        }

        /// <summary><c>BookingNum</c> → <c>bookingNum</c>, prefixed with <c>@</c> when that is a keyword.</summary>
        public static string ToParameterName(string pascalName)
        {
            var camel = pascalName.Length == 0 ? pascalName : char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1);
            return IsKeyword(camel) ? "@" + camel : camel;
        }

        public static bool IsValidIdentifier(string name)
            => SyntaxFacts.IsValidIdentifier(name) && !IsKeyword(name);

        /// <summary>
        /// A valid type name: an identifier that is not a contextual keyword (<c>record</c>, <c>var</c>) and
        /// not all lower case, which C# reserves for future keywords (CS8981).
        /// </summary>
        public static bool IsValidTypeName(string name)
            => IsValidIdentifier(name) && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None && name.Any(c => c is not (>= 'a' and <= 'z'));

        public static bool IsKeyword(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.VarKeyword;

        public static bool IsValidNamespace(string name) => name.Length > 0 && name.Split('.').All(IsValidIdentifier);

        /// <summary>A valid identifier built from any text, for the example in a diagnostic message.</summary>
        public static string SuggestIdentifier(string name)
        {
            var result = new string(ToPascalCase(name).Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
            if (result.Length == 0 || char.IsDigit(result[0]))
            {
                result = "Item" + result;
            }

            return IsKeyword(result) ? result + "Value" : result;
        }

        /// <summary>
        /// The closest candidate, ignoring case: within a small edit distance (<c>sortkey</c> → <c>sortKey</c>), or else
        /// one that the value starts, or that starts the value, by three characters or more (<c>min</c> →
        /// <c>minimum</c>, <c>desc</c> → <c>description</c>, <c>typeName</c> → <c>type</c>); the nearest such one wins.
        /// Null when none is close.
        /// </summary>
        public static string? Closest(string value, IEnumerable<string> candidates)
        {
            string? best = null;
            string? bestPrefix = null;
            var bestDistance = int.MaxValue;
            var bestPrefixDistance = int.MaxValue;
            var lower = value.ToLowerInvariant();
            foreach (var candidate in candidates)
            {
                var other = candidate.ToLowerInvariant();
                var distance = Distance(lower, other);
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }

                var shorter = Math.Min(lower.Length, other.Length);
                if (shorter >= 3 && string.CompareOrdinal(lower, 0, other, 0, shorter) == 0 && distance < bestPrefixDistance)
                {
                    bestPrefix = candidate;
                    bestPrefixDistance = distance;
                }
            }

            return bestDistance <= Math.Max(2, value.Length / 3) ? best : bestPrefix;
        }

        /// <summary>" Did you mean 'x'?" or an empty string.</summary>
        public static string DidYouMean(string value, IEnumerable<string> candidates)
        {
            var closest = Closest(value, candidates);
            return closest is null ? string.Empty : $" Did you mean '{closest}'?";
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}

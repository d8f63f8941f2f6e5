using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// Compares stored items, so each benchmark's setup can prove that the variants it compares write and read
    /// the same attributes (a faster variant that stores less would not be a fair comparison).
    /// </summary>
    public static class AttributeMaps
    {
        /// <summary>Throws when the two items differ in any attribute, type or value.</summary>
        /// <param name="expected">The reference item.</param>
        /// <param name="actual">The item a variant wrote.</param>
        /// <param name="what">Which variant, for the message.</param>
        public static void AssertSame(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual, string what)
        {
            var left = Describe(expected);
            var right = Describe(actual);
            if (!string.Equals(left, right, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{what} does not store the same item.\nexpected: {left}\nactual:   {right}");
            }
        }

        /// <summary>A canonical text of an item: attributes sorted by name, numbers compared by value, sets as sorted sets.</summary>
        public static string Describe(IReadOnlyDictionary<string, AttributeValue> item)
        {
            var text = new StringBuilder("{");
            foreach (var pair in item.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(pair.Key).Append('=').Append(Describe(pair.Value)).Append(';');
            }

            return text.Append('}').ToString();
        }

        private static string Describe(AttributeValue value)
        {
            if (value.S is not null) return "S:" + value.S;
            if (value.N is not null) return "N:" + Number(value.N);
            if (value.BOOL is not null) return "BOOL:" + value.BOOL.Value.ToString(CultureInfo.InvariantCulture);
            if (value.NULL == true) return "NULL";
            if (value.SS is not null) return "SS:[" + string.Join(",", value.SS.Order(StringComparer.Ordinal)) + "]";
            if (value.NS is not null) return "NS:[" + string.Join(",", value.NS.Select(Number).Order(StringComparer.Ordinal)) + "]";
            if (value.L is not null) return "L:[" + string.Join(",", value.L.Select(Describe)) + "]";
            if (value.M is not null) return "M:" + Describe(value.M);
            if (value.B is not null) return "B:" + Convert.ToBase64String(value.B.ToArray());
            return "?";
        }

        private static string Number(string text)
            => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value.ToString("G29", CultureInfo.InvariantCulture)
                : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>
    /// The typed reads a careful hand-written from-item would have: absent (or NULL) is null, a value of another
    /// type or out of range is a <see cref="DynamoMappingException"/>, and every hit is counted so the caller
    /// knows whether the item can hold extra attributes at all.
    /// </summary>
    internal static class Read
    {
        public static string? String(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var value = Find(item, name, ref found);
            return value is null ? null : value.S ?? throw Mismatch(name, "a string (S)", key);
        }

        public static bool? Bool(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var value = Find(item, name, ref found);
            return value is null ? null : value.BOOL ?? throw Mismatch(name, "a boolean (BOOL)", key);
        }

        public static int? Int32(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var text = Number(item, name, ref found, key);
            return text is null ? null
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : throw Mismatch(name, "an int", key);
        }

        public static long? Int64(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var text = Number(item, name, ref found, key);
            return text is null ? null
                : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : throw Mismatch(name, "a long", key);
        }

        /// <summary>
        /// A decimal that reads back exactly, like the generated reader's (which refuses numbers a decimal would
        /// round), checked without allocating: the significant digits of the text and of the parsed value agree.
        /// </summary>
        public static decimal? Decimal(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var text = Number(item, name, ref found, key);
            if (text is null)
            {
                return null;
            }

            Span<char> formatted = stackalloc char[64];
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
                   && result.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture)
                   && SignificantDigits(formatted[..written]) == SignificantDigits(text)
                ? result
                : throw Mismatch(name, "a number that fits in decimal exactly", key);
        }

        private static int SignificantDigits(ReadOnlySpan<char> text)
        {
            var exponent = text.IndexOfAny('e', 'E');
            var mantissa = exponent < 0 ? text : text[..exponent];
            int first = -1, last = -1, index = 0;
            foreach (var c in mantissa)
            {
                if (c is >= '0' and <= '9')
                {
                    if (c != '0')
                    {
                        if (first < 0)
                        {
                            first = index;
                        }

                        last = index;
                    }

                    index++;
                }
            }

            return first < 0 ? 0 : last - first + 1;
        }

        public static double? Double(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var text = Number(item, name, ref found, key);
            return text is null ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : throw Mismatch(name, "a double", key);
        }

        public static string? Number(Dictionary<string, AttributeValue> item, string name, ref int found, object? key = null)
        {
            var value = Find(item, name, ref found);
            return value is null ? null : value.N ?? throw Mismatch(name, "a number (N)", key);
        }

        public static AttributeValue? Find(Dictionary<string, AttributeValue> item, string name, ref int found)
        {
            if (!item.TryGetValue(name, out var value))
            {
                return null;
            }

            found++;
            return value is null || value.NULL == true ? null : value;
        }

        /// <summary>The attributes not in <paramref name="declared"/>, copied (only called when there are some).</summary>
        public static IReadOnlyDictionary<string, AttributeValue> Extras(Dictionary<string, AttributeValue> item, HashSet<string> declared)
        {
            var extras = new Dictionary<string, AttributeValue>();
            foreach (var pair in item)
            {
                if (!declared.Contains(pair.Key))
                {
                    extras.Add(pair.Key, pair.Value);
                }
            }

            return extras;
        }

        public static DynamoMappingException Missing(string entity, string name, object? key)
            => new(entity, name, "present", "missing", key?.ToString());

        private static DynamoMappingException Mismatch(string name, string expected, object? key)
            => new("item", name, expected, "another type", key?.ToString());
    }
}

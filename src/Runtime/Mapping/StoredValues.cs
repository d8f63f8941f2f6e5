using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Whether two stored values are the same value to DynamoDB: numbers by value (DynamoDB keeps <c>1.50</c> as
    /// <c>1.5</c>), sets in any order, lists in order, maps by name. Used to tell whether a write whose answer was
    /// lost is the one now stored.
    /// </summary>
    internal static class StoredValues
    {
        /// <summary>Whether the two items hold the same attributes with the same values.</summary>
        public static bool SameItem(IReadOnlyDictionary<string, AttributeValue>? left, IReadOnlyDictionary<string, AttributeValue>? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.Count != right.Count)
            {
                return false;
            }

            foreach (var (name, value) in left)
            {
                if (!right.TryGetValue(name, out var other) || !Same(value, other))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the two values are the same stored value.</summary>
        public static bool Same(AttributeValue? left, AttributeValue? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.S is not null || right.S is not null)
            {
                return string.Equals(left.S, right.S, StringComparison.Ordinal);
            }

            if (left.N is not null || right.N is not null)
            {
                return left.N is not null && right.N is not null && string.Equals(Number(left.N), Number(right.N), StringComparison.Ordinal);
            }

            if (left.BOOL is not null || right.BOOL is not null)
            {
                return left.BOOL == right.BOOL;
            }

            if (left.B is not null || right.B is not null)
            {
                return left.B is not null && right.B is not null && Bytes(left.B).AsSpan().SequenceEqual(Bytes(right.B));
            }

            if (left.IsSSSet || right.IsSSSet)
            {
                return SameSet(left.SS, right.SS, static s => s);
            }

            if (left.IsNSSet || right.IsNSSet)
            {
                return SameSet(left.NS, right.NS, Number);
            }

            if (left.IsBSSet || right.IsBSSet)
            {
                return SameSet(left.BS, right.BS, static b => Convert.ToBase64String(Bytes(b)));
            }

            if (left.IsMSet || right.IsMSet)
            {
                return SameItem(left.M, right.M);
            }

            if (left.IsLSet || right.IsLSet)
            {
                if (left.L is null || right.L is null || left.L.Count != right.L.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.L.Count; i++)
                {
                    if (!Same(left.L[i], right.L[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            return left.NULL == right.NULL;
        }

        /// <summary>Whether <paramref name="set"/> (a stored set, or null) holds every element of <paramref name="elements"/>.</summary>
        public static bool SetHolds(AttributeValue? set, AttributeValue elements, bool holds)
        {
            if (elements.IsSSSet)
            {
                return Each(elements.SS, set?.SS, static s => s, holds);
            }

            if (elements.IsNSSet)
            {
                return Each(elements.NS, set?.NS, Number, holds);
            }

            return elements.BS is null || Each(elements.BS, set?.BS, static b => Convert.ToBase64String(Bytes(b)), holds);
        }

        private static bool Each<T>(List<T> elements, List<T>? set, Func<T, string> canonical, bool holds)
        {
            var stored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in set ?? new List<T>())
            {
                stored.Add(canonical(element));
            }

            foreach (var element in elements)
            {
                if (stored.Contains(canonical(element)) != holds)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameSet<T>(List<T>? left, List<T>? right, Func<T, string> canonical)
        {
            if (left is null || right is null)
            {
                return false;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in left)
            {
                seen.Add(canonical(element));
            }

            var other = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in right)
            {
                other.Add(canonical(element));
            }

            return seen.SetEquals(other);
        }

        private static byte[] Bytes(MemoryStream stream) => stream.ToArray();

        /// <summary>A number in one spelling per value; text that is not a number is kept as it is.</summary>
        private static string Number(string text) => DynamoNumber.TryParse(text, out var number) ? number.ToString() : text;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>Lists (L) of one declared element type; null elements are refused.</summary>
    internal sealed class ListCodec<T> : AttributeCodec<IReadOnlyList<T>>
    {
        private readonly AttributeCodec<T> _element;

        public ListCodec(AttributeCodec<T> element) => _element = element;

        public override string Expected => "a list (L)";

        public override AttributeValue Write(IReadOnlyList<T> value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            var stored = new List<AttributeValue>(value.Count);
            for (var i = 0; i < value.Count; i++)
            {
                stored.Add(Element.Write(_element, value[i], i, null));
            }

            return new AttributeValue { L = stored };
        }

        public override IReadOnlyList<T> Read(AttributeValue value)
        {
            var stored = value.L ?? (value.IsLSet ? new List<AttributeValue>() : throw Mismatch(value));
            var result = new T[stored.Count];
            for (var i = 0; i < stored.Count; i++)
            {
                result[i] = Element.Read(_element, stored[i], i, null);
            }

            return result;
        }
    }

    /// <summary>Maps (M) from text keys to one declared element type; null values are refused.</summary>
    internal sealed class MapCodec<T> : AttributeCodec<IReadOnlyDictionary<string, T>>
    {
        private readonly AttributeCodec<T> _element;

        public MapCodec(AttributeCodec<T> element) => _element = element;

        public override string Expected => "a map (M)";

        public override AttributeValue Write(IReadOnlyDictionary<string, T> value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            var stored = new Dictionary<string, AttributeValue>(value.Count, StringComparer.Ordinal);
            foreach (var pair in value)
            {
                stored[pair.Key] = Element.Write(_element, pair.Value, 0, pair.Key);
            }

            return new AttributeValue { M = stored };
        }

        public override IReadOnlyDictionary<string, T> Read(AttributeValue value)
        {
            var stored = value.M ?? (value.IsMSet ? new Dictionary<string, AttributeValue>() : throw Mismatch(value));
            var result = new Dictionary<string, T>(stored.Count, StringComparer.Ordinal);
            foreach (var pair in stored)
            {
                result[pair.Key] = Element.Read(_element, pair.Value, 0, pair.Key);
            }

            return result;
        }
    }

    /// <summary>
    /// String (SS) or number (NS) sets. DynamoDB stores no empty set, so an empty set is written by leaving the
    /// attribute out and an absent one reads back empty.
    /// </summary>
    internal sealed class ScalarSetCodec<T> : AttributeCodec<IReadOnlySet<T>>
    {
        private readonly ScalarCodec<T> _element;

        public ScalarSetCodec(ScalarCodec<T> element) => _element = element;

        public override string Expected => _element.IsNumber ? "a number set (NS)" : "a string set (SS)";

        public override AttributeValue Write(IReadOnlySet<T> value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            var stored = new List<string>(value.Count);
            var i = 0;
            foreach (var member in value)
            {
                try
                {
                    stored.Add(_element.Format(member));
                }
                catch (DynamoValidationException ex)
                {
                    throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i));
                }

                i++;
            }

            return _element.IsNumber ? new AttributeValue { NS = stored } : new AttributeValue { SS = stored };
        }

        public override IReadOnlySet<T> Read(AttributeValue value)
        {
            var stored = (_element.IsNumber ? value.NS : value.SS) ?? throw Mismatch(value);
            var result = new HashSet<T>(stored.Count);
            for (var i = 0; i < stored.Count; i++)
            {
                try
                {
                    result.Add(_element.Parse(stored[i]));
                }
                catch (DynamoMappingException ex)
                {
                    throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i), null);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Binary sets (BS), as a list of arrays: byte arrays compare by reference, so a C# set could not tell two
    /// equal values apart; duplicates are refused on write instead, as DynamoDB refuses them.
    /// </summary>
    internal sealed class BinarySetCodec : AttributeCodec<IReadOnlyList<byte[]>>
    {
        public override string Expected => "a binary set (BS)";

        public override AttributeValue Write(IReadOnlyList<byte[]> value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            var stored = new List<MemoryStream>(value.Count);
            for (var i = 0; i < value.Count; i++)
            {
                var member = value[i] ?? throw AttributePath.Within(AttributePath.Required(), string.Empty, AttributePath.Index(i));
                for (var j = 0; j < i; j++)
                {
                    if (value[j].AsSpan().SequenceEqual(member))
                    {
                        throw AttributePath.Within(AttributePath.Invalid($"repeats element [{j}]; a binary set holds each value once"), string.Empty, AttributePath.Index(i));
                    }
                }

                stored.Add(new MemoryStream(member, writable: false));
            }

            return new AttributeValue { BS = stored };
        }

        public override IReadOnlyList<byte[]> Read(AttributeValue value)
        {
            var stored = value.BS ?? throw Mismatch(value);
            var result = new byte[stored.Count][];
            for (var i = 0; i < stored.Count; i++)
            {
                result[i] = stored[i].ToArray();
            }

            return result;
        }
    }

    /// <summary>
    /// Converts one element of a collection; its index (or map key) is turned into a path only when an
    /// error is raised, so successful conversions allocate nothing for it.
    /// </summary>
    internal static class Element
    {
        public static AttributeValue Write<T>(AttributeCodec<T> codec, T value, int index, string? key)
        {
            if (value is null)
            {
                throw AttributePath.Within(AttributePath.Required(), string.Empty, PathOf(index, key));
            }

            try
            {
                return codec.Write(value);
            }
            catch (DynamoValidationException ex)
            {
                throw AttributePath.Within(ex, string.Empty, PathOf(index, key));
            }
        }

        public static T Read<T>(AttributeCodec<T> codec, AttributeValue value, int index, string? key)
        {
            if (value is null || value.NULL == true)
            {
                throw AttributePath.Within(AttributePath.Unreadable(codec.Expected, "NULL"), string.Empty, PathOf(index, key), null);
            }

            try
            {
                return codec.Read(value);
            }
            catch (DynamoMappingException ex)
            {
                throw AttributePath.Within(ex, string.Empty, PathOf(index, key), null);
            }
        }

        private static string PathOf(int index, string? key) => key is null ? AttributePath.Index(index) : AttributePath.MapKey(key);
    }
}

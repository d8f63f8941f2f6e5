using System;
using System.Collections.Generic;
using System.IO;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
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
            var i = 0;
            try
            {
                for (; i < value.Count; i++)
                {
                    stored.Add(Element.Write(_element, value[i]));
                }
            }
            catch (DynamoValidationException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i));
            }

            return new AttributeValue { L = stored };
        }

        public override IReadOnlyList<T> Read(AttributeValue value)
        {
            var stored = value.L ?? (value.IsLSet ? new List<AttributeValue>() : throw Mismatch(value));
            var result = new T[stored.Count];
            var i = 0;
            try
            {
                // One handler for the whole loop, so reading an element is a plain call.
                for (; i < stored.Count; i++)
                {
                    result[i] = Element.Read(_element, stored[i]);
                }
            }
            catch (DynamoMappingException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i), null);
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
            string? key = null;
            try
            {
                foreach (var pair in value)
                {
                    key = pair.Key;
                    stored[pair.Key] = Element.Write(_element, pair.Value);
                }
            }
            catch (DynamoValidationException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.MapKey(key!));
            }

            return new AttributeValue { M = stored };
        }

        public override IReadOnlyDictionary<string, T> Read(AttributeValue value)
        {
            var stored = value.M ?? (value.IsMSet ? new Dictionary<string, AttributeValue>() : throw Mismatch(value));
            var result = new Dictionary<string, T>(stored.Count, StringComparer.Ordinal);
            string? key = null;
            try
            {
                foreach (var pair in stored)
                {
                    key = pair.Key;
                    result[pair.Key] = Element.Read(_element, pair.Value);
                }
            }
            catch (DynamoMappingException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.MapKey(key!), null);
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
            try
            {
                foreach (var member in value)
                {
                    stored.Add(_element.Format(member));
                    i++;
                }
            }
            catch (DynamoValidationException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i));
            }

            return _element.IsNumber ? new AttributeValue { NS = stored } : new AttributeValue { SS = stored };
        }

        public override IReadOnlySet<T> Read(AttributeValue value)
        {
            var stored = (_element.IsNumber ? value.NS : value.SS) ?? throw Mismatch(value);
            var result = new HashSet<T>(stored.Count);
            var i = 0;
            try
            {
                for (; i < stored.Count; i++)
                {
                    result.Add(_element.Parse(stored[i]));
                }
            }
            catch (DynamoMappingException ex)
            {
                throw AttributePath.Within(ex, string.Empty, AttributePath.Index(i), null);
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
    /// Converts one element of a collection. Errors carry no path here: the collection catches them once, around
    /// its whole loop, and adds the element's index or map key, so successful conversions build no path at all.
    /// </summary>
    internal static class Element
    {
        /// <summary>An element's stored form; a null element or one the codec refuses is a <see cref="DynamoValidationException"/>.</summary>
        public static AttributeValue Write<T>(AttributeCodec<T> codec, T value)
        {
            if (value is null)
            {
                throw AttributePath.Required();
            }

            return codec.Write(value);
        }

        /// <summary>An element's value; a NULL element or one the codec cannot read is a <see cref="DynamoMappingException"/> the caller puts the element's path on.</summary>
        public static T Read<T>(AttributeCodec<T> codec, AttributeValue value)
        {
            if (value is null || value.NULL == true)
            {
                throw AttributePath.Unreadable(codec.Expected, "NULL");
            }

            return codec.Read(value);
        }
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// The size DynamoDB counts for an item against its 400 KB limit, computed as AWS documents it ("DynamoDB item
    /// sizes and formats"): each attribute's name in UTF-8 bytes plus its value — a string's UTF-8 bytes, a binary
    /// value's raw bytes, 1 byte for a boolean or null, a list or map 3 bytes plus 1 byte and the size of each element
    /// (a map's element names included), a set the sum of its elements. Every write of a repository checks it before
    /// the request is sent (<see cref="EnsureWithinLimit"/>), so an item DynamoDB would refuse is named before anything
    /// is written.
    /// </summary>
    /// <remarks>
    /// AWS gives a number's size as about 1 byte per two significant digits plus 1. The exact count, which DynamoDB
    /// enforces (checked byte for byte against DynamoDB Local), pairs the digits from the decimal point
    /// (<c>1.5</c> is the pairs <c>01</c> <c>50</c>: 3 bytes, not 2) and adds 1 byte for a negative number shorter than
    /// 20 pairs; that is what <see cref="NumberSize"/> counts.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ItemSize
    {
        /// <summary>DynamoDB's limit on the size of one item: 400 KB, 409,600 bytes, attribute names included.</summary>
        public const int MaxBytes = 400 * 1024;

        /// <summary>The overhead of a list or map, whatever it holds.</summary>
        private const int ContainerOverhead = 3;

        /// <summary>The overhead of each element of a list or map.</summary>
        private const int ElementOverhead = 1;

        /// <summary>The size DynamoDB counts for an item: its attribute names and values.</summary>
        /// <param name="item">The item, as sent in a put.</param>
        public static long Of(IReadOnlyDictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            long size = 0;
            if (item is Dictionary<string, AttributeValue> dictionary)
            {
                // The runtime's items are dictionaries: their enumerator is a struct, with nothing allocated per item.
                foreach (var (name, value) in dictionary)
                {
                    size += AttributeSize(name, value);
                }
            }
            else
            {
                foreach (var (name, value) in item)
                {
                    size += AttributeSize(name, value);
                }
            }

            return size;
        }

        /// <summary>The size DynamoDB counts for one value, without the name of the attribute that holds it.</summary>
        /// <param name="value">The value.</param>
        public static long Of(AttributeValue value)
        {
            ArgumentNullException.ThrowIfNull(value);
            return ValueSize(value);
        }

        /// <summary>The size DynamoDB counts for a number, from its text (<c>-12.5</c>, <c>1E+10</c>).</summary>
        /// <param name="number">The number as DynamoDB receives it.</param>
        public static int NumberSize(string number)
        {
            ArgumentNullException.ThrowIfNull(number);
            if (!DynamoNumber.TryParse(number, out var parsed))
            {
                return TextFallback(number);
            }

            if (parsed.IsZero)
            {
                // Zero: the exponent byte alone.
                return 1;
            }

            // Digits pair up from the decimal point, so an odd count of digits before it starts with a half pair.
            var digits = parsed.Digits.Length + (int)(parsed.Magnitude & 1);
            var pairs = (digits + 1) / 2;
            return 1 + pairs + (parsed.Negative && pairs < 20 ? 1 : 0);
        }

        /// <summary>
        /// Refuses an item larger than DynamoDB's 400 KB limit with a <see cref="DynamoValidationException"/> of kind
        /// <see cref="DynamoErrorKind.ItemTooLarge"/> that names the item's key (masked) and its size, before any request is sent.
        /// </summary>
        /// <param name="entity">The entity type, such as <c>Booking</c>.</param>
        /// <param name="key">The item's key; only its <c>ToString()</c> is used, and only when the item is refused.</param>
        /// <param name="item">The item as it would be sent.</param>
        /// <exception cref="DynamoValidationException">The item is larger than <see cref="MaxBytes"/>.</exception>
        public static void EnsureWithinLimit(string entity, object key, IReadOnlyDictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(entity);
            ArgumentNullException.ThrowIfNull(key);
            var size = Of(item);
            if (size <= MaxBytes)
            {
                return;
            }

            string largest = string.Empty;
            long largestSize = -1;
            foreach (var (name, value) in item)
            {
                var attributeSize = AttributeSize(name, value);
                if (attributeSize > largestSize)
                {
                    (largest, largestSize) = (name, attributeSize);
                }
            }

            throw DynamoValidationException.ItemTooLarge(entity, key.ToString(), size, largest, largestSize);
        }

        private static long AttributeSize(string name, AttributeValue? value)
            => Encoding.UTF8.GetByteCount(name) + (value is null ? 0 : ValueSize(value));

        private static long ValueSize(AttributeValue value)
        {
            if (value.S is not null)
            {
                return Encoding.UTF8.GetByteCount(value.S);
            }

            if (value.N is not null)
            {
                return NumberSize(value.N);
            }

            if (value.B is not null)
            {
                return value.B.Length;
            }

            if (value.BOOL is not null || value.NULL is not null)
            {
                return 1;
            }

            if (value.IsSSSet)
            {
                long size = 0;
                foreach (var element in value.SS)
                {
                    size += element is null ? 0 : Encoding.UTF8.GetByteCount(element);
                }

                return size;
            }

            if (value.IsNSSet)
            {
                long size = 0;
                foreach (var element in value.NS)
                {
                    size += element is null ? 0 : NumberSize(element);
                }

                return size;
            }

            if (value.IsBSSet)
            {
                long size = 0;
                foreach (var element in value.BS)
                {
                    size += element is null ? 0 : element.Length;
                }

                return size;
            }

            if (value.IsLSet)
            {
                long size = ContainerOverhead;
                foreach (var element in value.L)
                {
                    size += ElementOverhead + (element is null ? 0 : ValueSize(element));
                }

                return size;
            }

            if (value.IsMSet)
            {
                long size = ContainerOverhead;
                foreach (var (name, element) in value.M)
                {
                    size += ElementOverhead + AttributeSize(name, element);
                }

                return size;
            }

            return 0;
        }

        /// <summary>Text that is not a number DynamoDB accepts (it will refuse it): counted as its characters, plus 1.</summary>
        private static int TextFallback(string number) => Encoding.UTF8.GetByteCount(number) + 1;
    }
}

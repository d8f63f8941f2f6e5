using System;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A condition on the sort key within one partition. Made by a generated <c>…SortKey</c> class from
    /// typed parts, so the stored form (templates, normalisation) is always right.
    /// </summary>
    public sealed class SortKeyCondition
    {
        private readonly string _operator;
        private readonly AttributeValue _value;
        private readonly AttributeValue? _high;

        private SortKeyCondition(string op, AttributeValue value, AttributeValue? high = null)
        {
            ArgumentNullException.ThrowIfNull(value);
            _operator = op;
            _value = value;
            _high = high;
        }

        /// <summary>The sort key equals the value.</summary>
        public static SortKeyCondition Equal(AttributeValue value) => new("=", value);

        /// <summary>The sort key is less than the value.</summary>
        public static SortKeyCondition LessThan(AttributeValue value) => new("<", value);

        /// <summary>The sort key is at most the value.</summary>
        public static SortKeyCondition LessThanOrEqual(AttributeValue value) => new("<=", value);

        /// <summary>The sort key is greater than the value.</summary>
        public static SortKeyCondition GreaterThan(AttributeValue value) => new(">", value);

        /// <summary>The sort key is at least the value.</summary>
        public static SortKeyCondition GreaterThanOrEqual(AttributeValue value) => new(">=", value);

        /// <summary>The sort key lies between the values, both included.</summary>
        public static SortKeyCondition Between(AttributeValue low, AttributeValue high)
        {
            ArgumentNullException.ThrowIfNull(high);
            return new("BETWEEN", low, high);
        }

        /// <summary>
        /// The (text) sort key starts with a text from <paramref name="lowPrefix"/> to <paramref name="highPrefix"/>
        /// in stored order, both included: every key starting with either prefix, and every key between them.
        /// </summary>
        public static SortKeyCondition BetweenPrefixes(string lowPrefix, string highPrefix)
        {
            ArgumentNullException.ThrowIfNull(lowPrefix);
            ArgumentNullException.ThrowIfNull(highPrefix);

            // DynamoDB orders text by its UTF-8 bytes, and U+10FFFF encodes as the largest sequence of all (F4 8F BF BF),
            // so every key starting with highPrefix sorts at or below highPrefix followed by it.
            return new("BETWEEN", new AttributeValue { S = lowPrefix }, new AttributeValue { S = highPrefix + "\U0010FFFF" });
        }

        /// <summary>The (text) sort key starts with the prefix.</summary>
        public static SortKeyCondition BeginsWith(string prefix)
        {
            ArgumentNullException.ThrowIfNull(prefix);
            return new("begins_with", new AttributeValue { S = prefix });
        }

        /// <summary>The (binary) sort key starts with the prefix bytes; an empty prefix is refused, as DynamoDB refuses it.</summary>
        /// <exception cref="DynamoValidationException">The prefix is null or empty.</exception>
        public static SortKeyCondition BeginsWith(byte[] prefix)
        {
            if (!InputValidation.IsValidKeyBytes(prefix, out var problem))
            {
                throw new DynamoValidationException("sort key condition", "prefix", problem);
            }

            // A copy, so a caller that reuses its buffer cannot change a condition already made.
            return new("begins_with", new AttributeValue { B = new System.IO.MemoryStream(prefix.AsSpan().ToArray(), writable: false) });
        }

        /// <summary>The key condition text for <paramref name="sortKey"/>, with placeholders. For the runtime's own requests, not for direct use.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public string Render(string sortKey, ExpressionBuilder expressions)
        {
            ArgumentNullException.ThrowIfNull(expressions);
            var name = expressions.Name(sortKey);
            return _operator switch
            {
                "BETWEEN" => $"{name} BETWEEN {expressions.Value(_value)} AND {expressions.Value(_high!)}",
                "begins_with" => $"begins_with({name}, {expressions.Value(_value)})",
                _ => $"{name} {_operator} {expressions.Value(_value)}",
            };
        }
    }
}

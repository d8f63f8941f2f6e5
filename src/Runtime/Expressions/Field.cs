using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A stored attribute of an entity with its C# type, from which conditions are built
    /// (<c>BookingFields.ConfirmSms.Equal(false)</c>). Values are converted and validated the way the
    /// marshaller stores them, so a condition compares like with like.
    /// </summary>
    /// <typeparam name="T">The attribute's C# type.</typeparam>
    public sealed class Field<T>
    {
        private readonly Func<T, AttributeValue> _toValue;

        /// <summary>Creates a field; generated code does this once per attribute.</summary>
        /// <param name="name">The stored attribute name.</param>
        /// <param name="toValue">Converts a value to its stored form.</param>
        public Field(string name, Func<T, AttributeValue> toValue)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(toValue);
            Name = name;
            _toValue = toValue;
        }

        /// <summary>The stored attribute name.</summary>
        public string Name { get; }

        /// <summary>The attribute equals <paramref name="value"/>.</summary>
        public Condition Equal(T value) => Compare("=", value);

        /// <summary>The attribute differs from <paramref name="value"/> (or is absent).</summary>
        public Condition NotEqual(T value) => Compare("<>", value);

        /// <summary>The attribute is less than <paramref name="value"/>.</summary>
        public Condition LessThan(T value) => Compare("<", value);

        /// <summary>The attribute is at most <paramref name="value"/>.</summary>
        public Condition LessThanOrEqual(T value) => Compare("<=", value);

        /// <summary>The attribute is greater than <paramref name="value"/>.</summary>
        public Condition GreaterThan(T value) => Compare(">", value);

        /// <summary>The attribute is at least <paramref name="value"/>.</summary>
        public Condition GreaterThanOrEqual(T value) => Compare(">=", value);

        /// <summary>The attribute lies between <paramref name="low"/> and <paramref name="high"/>, both included.</summary>
        public Condition Between(T low, T high)
        {
            var lowValue = _toValue(low);
            var highValue = _toValue(high);
            return new Condition.Raw(e => $"{e.Name(Name)} BETWEEN {e.Value(lowValue)} AND {e.Value(highValue)}");
        }

        /// <summary>The attribute equals one of <paramref name="values"/> (1 to 100 of them).</summary>
        public Condition In(params T[] values)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Length is < 1 or > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(values), "IN takes 1 to 100 values.");
            }

            var stored = new List<AttributeValue>(values.Length);
            foreach (var value in values)
            {
                stored.Add(_toValue(value));
            }

            return new Condition.Raw(e =>
            {
                var placeholders = new List<string>(stored.Count);
                foreach (var value in stored)
                {
                    placeholders.Add(e.Value(value));
                }

                return $"{e.Name(Name)} IN ({string.Join(", ", placeholders)})";
            });
        }

        /// <summary>The item has the attribute.</summary>
        public Condition Exists() => new Condition.Raw(e => $"attribute_exists({e.Name(Name)})");

        /// <summary>The item does not have the attribute.</summary>
        public Condition NotExists() => new Condition.Raw(e => $"attribute_not_exists({e.Name(Name)})");

        /// <summary>The size of the attribute (length of a string, bytes of binary, elements of a set, list or map), to compare.</summary>
        public Size Size() => new(Name);

        /// <summary>Converts a value to its stored form, validating it; for update builders.</summary>
        public AttributeValue ToValue(T value) => _toValue(value);

        private Condition Compare(string op, T value)
        {
            var stored = _toValue(value);
            return new Condition.Raw(e => $"{e.Name(Name)} {op} {e.Value(stored)}");
        }
    }

    /// <summary>The size of an attribute in a condition: <c>size(attribute)</c>.</summary>
    public readonly struct Size
    {
        private readonly string _name;

        internal Size(string name) => _name = name;

        /// <summary>The size equals <paramref name="size"/>.</summary>
        public Condition Equal(int size) => Compare("=", size);

        /// <summary>The size is less than <paramref name="size"/>.</summary>
        public Condition LessThan(int size) => Compare("<", size);

        /// <summary>The size is greater than <paramref name="size"/>.</summary>
        public Condition GreaterThan(int size) => Compare(">", size);

        private Condition Compare(string op, int size)
        {
            var name = _name;
            var value = new AttributeValue { N = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return new Condition.Raw(e => $"size({e.Name(name)}) {op} {e.Value(value)}");
        }
    }

    /// <summary>Conditions that only text attributes have.</summary>
    public static class TextFieldConditions
    {
        /// <summary>The text starts with <paramref name="prefix"/>.</summary>
        public static Condition BeginsWith(this Field<string> field, string prefix)
        {
            ArgumentNullException.ThrowIfNull(field);
            ArgumentNullException.ThrowIfNull(prefix);
            var value = new AttributeValue { S = prefix };
            return new Condition.Raw(e => $"begins_with({e.Name(field.Name)}, {e.Value(value)})");
        }

        /// <summary>The text contains <paramref name="part"/>.</summary>
        public static Condition Contains(this Field<string> field, string part)
        {
            ArgumentNullException.ThrowIfNull(field);
            ArgumentNullException.ThrowIfNull(part);
            var value = new AttributeValue { S = part };
            return new Condition.Raw(e => $"contains({e.Name(field.Name)}, {e.Value(value)})");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Bookings
{
    /// <summary>
    /// Hand-written members beside the generated record: typed access to the extra attributes the legacy
    /// system stores at the top level of an item (<c>customer_id</c>, <c>visit_count</c>, …).
    /// </summary>
    /// <remarks>
    /// Extra attributes live in <see cref="ExtraAttributes"/> and are written back unchanged by every put, so a
    /// read-modify-write keeps them; <see cref="WithExtra(string, AttributeValue)"/> changes one of them.
    /// </remarks>
    public sealed partial record Booking
    {
        /// <summary>The stored name of the customer id extra attribute.</summary>
        public const string CustomerIdAttribute = "customer_id";

        /// <summary>The stored name of the visit count extra attribute.</summary>
        public const string VisitCountAttribute = "visit_count";

        /// <summary><c>customer_id</c>: its text (a string, or a number's digits); null when absent.</summary>
        public string? CustomerId => ExtraText(CustomerIdAttribute);

        /// <summary><c>visit_count</c>: null when absent or not a whole number that fits in an <see cref="int"/>.</summary>
        public int? VisitCount
            => ExtraAttributes.TryGetValue(VisitCountAttribute, out var value) && value?.N is { } number
               && int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
                ? count
                : null;

        /// <summary>An extra attribute as stored, or null when the item does not have it.</summary>
        public AttributeValue? Extra(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            return ExtraAttributes.TryGetValue(name, out var value) ? value : null;
        }

        /// <summary>The text of a string (S) or number (N) extra attribute; null when absent or of another type.</summary>
        public string? ExtraText(string name)
        {
            var value = Extra(name);
            return value?.S ?? value?.N;
        }

        /// <summary>A number (N) extra attribute as a <see cref="decimal"/>; null when absent, of another type or out of range.</summary>
        public decimal? ExtraNumber(string name)
            => Extra(name)?.N is { } number && decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : null;

        /// <summary>A copy with one extra attribute added or replaced; the other extra attributes are kept.</summary>
        /// <exception cref="ArgumentException"><paramref name="name"/> is empty or names a declared attribute, which has a typed property instead.</exception>
        public Booking WithExtra(string name, AttributeValue value)
        {
            ArgumentNullException.ThrowIfNull(value);
            return WithExtras(name, value);
        }

        /// <summary>A copy with a string extra attribute added or replaced.</summary>
        public Booking WithExtra(string name, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            return WithExtras(name, new AttributeValue { S = value });
        }

        /// <summary>A copy with a number extra attribute added or replaced.</summary>
        public Booking WithExtra(string name, long value)
            => WithExtras(name, new AttributeValue { N = value.ToString(CultureInfo.InvariantCulture) });

        /// <summary>A copy without an extra attribute (unchanged when it is absent).</summary>
        public Booking WithoutExtra(string name) => WithExtras(name, null);

        private Booking WithExtras(string name, AttributeValue? value)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (BookingMarshaller.IsDeclared(name))
            {
                throw new ArgumentException($"'{name}' is a declared attribute of Booking; set its typed property instead.", nameof(name));
            }

            var copy = new Dictionary<string, AttributeValue>(ExtraAttributes, StringComparer.Ordinal);
            if (value is null)
            {
                copy.Remove(name);
            }
            else
            {
                copy[name] = value;
            }

            return this with { ExtraAttributes = copy };
        }
    }
}

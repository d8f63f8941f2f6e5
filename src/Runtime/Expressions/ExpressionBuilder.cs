using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Collects the attribute names and values of one request's expressions as placeholders
    /// (<c>#n0</c>, <c>:v0</c>), so no name or value is ever concatenated into expression text.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ExpressionBuilder
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _placeholderByName = new(StringComparer.Ordinal);

        /// <summary>The <c>ExpressionAttributeNames</c> of the request, or null when there are none.</summary>
        public Dictionary<string, string>? Names => _names.Count == 0 ? null : _names;

        /// <summary>The <c>ExpressionAttributeValues</c> of the request, or null when there are none.</summary>
        public Dictionary<string, AttributeValue>? Values => _values.Count == 0 ? null : _values;

        /// <summary>The placeholder for an attribute name; the same name gets the same placeholder.</summary>
        public string Name(string attribute)
        {
            ArgumentException.ThrowIfNullOrEmpty(attribute);
            if (!_placeholderByName.TryGetValue(attribute, out var placeholder))
            {
                placeholder = "#n" + _placeholderByName.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _placeholderByName.Add(attribute, placeholder);
                _names.Add(placeholder, attribute);
            }

            return placeholder;
        }

        /// <summary>A new placeholder for a value.</summary>
        public string Value(AttributeValue value)
        {
            ArgumentNullException.ThrowIfNull(value);
            var placeholder = ":v" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _values.Add(placeholder, value);
            return placeholder;
        }
    }
}

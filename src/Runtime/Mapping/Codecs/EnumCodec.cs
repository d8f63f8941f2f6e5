using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// An enum declared in the schema, stored as its declared text (S). Built from the generated table of
    /// members and names, so no reflection or <see cref="Enum.ToString()"/> is involved.
    /// </summary>
    /// <typeparam name="TEnum">The generated enum.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class EnumCodec<TEnum> : ScalarCodec<TEnum>
        where TEnum : struct, Enum
    {
        private readonly Dictionary<TEnum, string> _names;
        private readonly Dictionary<string, TEnum> _values;
        private readonly string _expected;

        /// <summary>Creates the codec from every member and its stored text.</summary>
        public EnumCodec(IReadOnlyList<KeyValuePair<TEnum, string>> members)
        {
            ArgumentNullException.ThrowIfNull(members);
            _names = new Dictionary<TEnum, string>(members.Count);
            _values = new Dictionary<string, TEnum>(members.Count, StringComparer.Ordinal);
            foreach (var member in members)
            {
                _names.Add(member.Key, member.Value);
                _values.Add(member.Value, member.Key);
            }

            _expected = "one of " + string.Join(", ", _values.Keys) + " (S)";
        }

        /// <inheritdoc/>
        public override bool IsNumber => false;

        /// <inheritdoc/>
        public override string Expected => _expected;

        /// <inheritdoc/>
        public override AttributeValue Write(TEnum value) => new() { S = Format(value) };

        /// <inheritdoc/>
        public override string Format(TEnum value)
            => _names.TryGetValue(value, out var name) ? name : throw AttributePath.Invalid($"is not a declared {typeof(TEnum).Name} value");

        /// <inheritdoc/>
        public override TEnum Parse(string text)
            => _values.TryGetValue(text, out var value) ? value : throw AttributePath.Unreadable(_expected, "text outside that set");

        /// <summary>Parses stored text without throwing.</summary>
        public bool TryParse(string? text, out TEnum value)
        {
            if (text is not null && _values.TryGetValue(text, out value))
            {
                return true;
            }

            value = default;
            return false;
        }
    }
}

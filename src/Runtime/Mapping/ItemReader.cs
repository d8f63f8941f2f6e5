using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Reads typed values out of a stored item for generated marshallers. A missing attribute reads
    /// as null; an attribute of the wrong type, or a number that does not fit, is a
    /// <see cref="DynamoMappingException"/> naming the attribute and the masked key.
    /// </summary>
    /// <remarks>
    /// A mutable struct, used as a local: it counts the attributes it finds, so <see cref="Extras"/> can tell
    /// without walking the item that every attribute was a declared one. Read each attribute once per reader.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct ItemReader
    {
        // Always a Dictionary (see the constructor), so every read is one lookup with no interface call or type test.
        private readonly Dictionary<string, AttributeValue> _item;
        private readonly string _entity;
        private object? _key;
        private int _found;

        /// <summary>Creates a reader for one item.</summary>
        /// <param name="item">
        /// The stored item. A <see cref="Dictionary{TKey, TValue}"/>, as the SDK returns, is read in place; any other
        /// dictionary is copied first, with names compared exactly, as DynamoDB compares them.
        /// </param>
        /// <param name="entity">The entity type name, for error messages.</param>
        /// <param name="key">
        /// The item's key object, or null before it is known. Only its <c>ToString()</c> (masked by
        /// generated key types) is used, and only when an error is raised, so reading costs nothing extra.
        /// </param>
        /// <exception cref="ArgumentNullException"><paramref name="item"/> is null (a generated <c>FromItem</c> given none).</exception>
        public ItemReader(IReadOnlyDictionary<string, AttributeValue> item, string entity, object? key = null)
        {
            ArgumentNullException.ThrowIfNull(item);
            _item = item as Dictionary<string, AttributeValue> ?? Copy(item);
            _entity = entity;
            _key = key;
            _found = 0;
        }

        /// <summary>Makes the item's key known for the error messages of later reads; what was read so far still counts.</summary>
        /// <remarks>Sets the key in place: a copy of the reader per item showed in the reads of small items.</remarks>
        public void SetKey(object key) => _key = key;

        // The typed reads are the codecs' reads, so an attribute is read and reported alike at the top of an item
        // and inside a collection or nested object.

        /// <summary>A string (S) attribute, or null when absent or NULL.</summary>
        public string? String(string name) => Read(name, AttributeCodecs.String);

        /// <summary>A boolean (BOOL) attribute, or null when absent or NULL.</summary>
        public bool? Boolean(string name) => ReadValue(name, AttributeCodecs.Boolean);

        /// <summary>A number (N) attribute that fits in an <see cref="int"/>, or null when absent or NULL.</summary>
        public int? Int32(string name) => ReadValue(name, AttributeCodecs.Int32);

        /// <summary>A number (N) attribute that fits in a <see cref="long"/>, or null when absent or NULL.</summary>
        public long? Int64(string name) => ReadValue(name, AttributeCodecs.Int64);

        /// <summary>A number (N) attribute as a <see cref="decimal"/>, or null when absent or NULL.</summary>
        public decimal? Decimal(string name) => ReadValue(name, AttributeCodecs.Decimal);

        /// <summary>A number (N) attribute as a <see cref="double"/>, or null when absent or NULL.</summary>
        public double? Double(string name) => ReadValue(name, AttributeCodecs.Double);

        /// <summary>A value of a reference type read with <paramref name="codec"/>, or null when absent or NULL.</summary>
        public T? Read<T>(string name, AttributeCodec<T> codec)
            where T : class
        {
            var value = Find(name);
            return value is null ? null : Decode(name, codec, value);
        }

        /// <summary>A value of a value type read with <paramref name="codec"/>, or null when absent or NULL.</summary>
        public T? ReadValue<T>(string name, AttributeCodec<T> codec)
            where T : struct
        {
            var value = Find(name);
            return value is null ? null : Decode(name, codec, value);
        }

        /// <summary>The error for a required attribute that is absent.</summary>
        public readonly DynamoMappingException Missing(string name, string expected)
            => new(_entity, name, expected, "missing", _key?.ToString());

        /// <summary>The error for an item of another entity type, in a table that holds several.</summary>
        /// <param name="attribute">The type attribute.</param>
        /// <param name="storedType">The entity type the item says it is.</param>
        public readonly DynamoMappingException OtherType(string attribute, string storedType)
            => new(_entity, attribute, $"\"{_entity}\"", $"\"{storedType}\" (an item of another entity type)", _key?.ToString());

        /// <summary>The error for an item whose type attribute names no entity type of its table (or is missing).</summary>
        /// <param name="attribute">The type attribute.</param>
        /// <param name="storedType">What the item holds there, or null.</param>
        /// <param name="known">The entity types the table holds, for the message.</param>
        public readonly DynamoMappingException UnknownType(string attribute, string? storedType, string known)
            => new(_entity, attribute, "one of " + known, storedType is null ? "missing" : $"\"{storedType}\"", _key?.ToString());

        /// <summary>The error for stored key attributes that do not fit the key template.</summary>
        public readonly DynamoMappingException InvalidKey(string name, string template)
            => new(_entity, name, $"a key of the form {template}", "a value that does not fit it", null);

        /// <summary>
        /// Every attribute whose name is not in <paramref name="known"/>, for entities that keep
        /// attributes outside the schema; empty when there are none.
        /// </summary>
        public readonly IReadOnlyDictionary<string, AttributeValue> Extras(ISet<string> known)
        {
            // Every attribute of the item was found as a declared one: there is nothing else to look for. Trusted
            // only for a Dictionary that compares names exactly, as the SDK's do: a dictionary that ignores case
            // would find a declared name under another spelling, which is an extra attribute.
            if (_found == _item.Count && ComparesExactly(_item))
            {
                return ExtraAttributes.Empty;
            }

            Dictionary<string, AttributeValue>? extras = null;
            foreach (var pair in _item)
            {
                if (!known.Contains(pair.Key))
                {
                    (extras ??= new Dictionary<string, AttributeValue>()).Add(pair.Key, pair.Value);
                }
            }

            return extras ?? ExtraAttributes.Empty;
        }

        private readonly T Decode<T>(string name, AttributeCodec<T> codec, AttributeValue value)
        {
            try
            {
                return codec.Read(value);
            }
            catch (DynamoMappingException ex)
            {
                // A codec's own error: put the entity, the attribute and the key around its path.
                throw AttributePath.Within(ex, _entity, name, _key?.ToString());
            }
        }

        // Inlined into each typed read: it is most of a read's work, and a call per attribute showed in small items.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private AttributeValue? Find(string name)
        {
            AttributeValue? value;
            if (!_item.TryGetValue(name, out value))
            {
                return null;
            }

            _found++;
            return value is not null && value.NULL != true ? value : null;
        }

        private static bool ComparesExactly(Dictionary<string, AttributeValue> dictionary)
            => ReferenceEquals(dictionary.Comparer, EqualityComparer<string>.Default) || ReferenceEquals(dictionary.Comparer, System.StringComparer.Ordinal);

        // DynamoDB's attribute names are exact: the copy compares them ordinally, whatever the source did.
        private static Dictionary<string, AttributeValue> Copy(IReadOnlyDictionary<string, AttributeValue> item)
            => new(item ?? throw new System.ArgumentNullException(nameof(item)), System.StringComparer.Ordinal);
    }

    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Helpers for the attributes an entity keeps beyond its schema.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ExtraAttributes
    {
        /// <summary>The shared empty set of extra attributes.</summary>
        public static IReadOnlyDictionary<string, AttributeValue> Empty { get; } =
            new System.Collections.ObjectModel.ReadOnlyDictionary<string, AttributeValue>(new Dictionary<string, AttributeValue>());

        /// <summary>
        /// Copies extra attributes into an item being written, skipping any whose name the schema
        /// declares: the typed property is the truth for those.
        /// </summary>
        public static void CopyTo(IReadOnlyDictionary<string, AttributeValue>? extras, Dictionary<string, AttributeValue> item, ISet<string> known)
        {
            System.ArgumentNullException.ThrowIfNull(item);
            System.ArgumentNullException.ThrowIfNull(known);
            if (extras is null)
            {
                return;
            }

            foreach (var pair in extras)
            {
                if (!known.Contains(pair.Key) && pair.Value is not null)
                {
                    item[pair.Key] = pair.Value;
                }
            }
        }

        /// <summary>Prints the names of extra attributes only; their values may be personal data.</summary>
        public static string Describe(IReadOnlyDictionary<string, AttributeValue>? extras)
            => extras is null || extras.Count == 0 ? "[]" : "[" + string.Join(", ", System.Linq.Enumerable.OrderBy(extras.Keys, k => k, System.StringComparer.Ordinal)) + "]";
    }
}

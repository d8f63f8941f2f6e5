using System;
using System.Collections.Generic;
using System.ComponentModel;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The changes of one update request: the base of every generated <c>…Update</c> type. Only that sealed
    /// subclass adds changes, through methods that exist for the attributes an update may change, so a key
    /// attribute, or a computed index key without the attribute it is computed from, cannot be written by an update.
    /// The collected changes belong to the runtime; user code reads nothing of them but <see cref="IsEmpty"/>.
    /// Each change returns the update as <c>TSelf</c>, the generated type, so its typed methods are one expression each.
    /// </summary>
    public abstract class EntityUpdate
    {
        private readonly List<Func<ExpressionBuilder, string>> _set = new();
        private readonly List<Func<ExpressionBuilder, string>> _remove = new();
        private readonly List<Func<ExpressionBuilder, string>> _add = new();
        private readonly List<Func<ExpressionBuilder, string>> _delete = new();
        private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

        // The value each Set leaves (null for a Remove), for the guards of unique attributes, which must know the new value.
        private readonly Dictionary<string, AttributeValue?> _assigned = new(StringComparer.Ordinal);

        // What each idempotent change leaves in the stored item, to tell whether an update whose answer was lost
        // is the one now stored (changes that are not idempotent are sent with a request token, so need no check).
        private readonly List<Func<IReadOnlyDictionary<string, AttributeValue>, bool>> _effects = new();

        /// <summary>For generated update types only.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected EntityUpdate()
        {
        }

        /// <summary>Whether no change was added.</summary>
        public bool IsEmpty => _touched.Count == 0;

        /// <summary>
        /// False when the update adds to a number or appends to a list: repeating it after an ambiguous failure would
        /// apply it twice, so the runtime sends it with a client request token (applied at most once).
        /// </summary>
        internal bool IsIdempotent { get; private set; } = true;

        /// <summary>Sets an attribute; for generated update types only.</summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf Set<TSelf>(string attribute, AttributeValue value)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(value);
            Touch(attribute);
            _assigned[attribute] = value;
            _set.Add(e => $"{e.Name(attribute)} = {e.Value(value)}");
            _effects.Add(stored => stored.TryGetValue(attribute, out var now) && StoredValues.Same(now, value));
            return (TSelf)this;
        }

        /// <summary>Sets an attribute only if the item does not have it yet; for generated update types only.</summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf SetIfNotExists<TSelf>(string attribute, AttributeValue value)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(value);
            Touch(attribute);
            _set.Add(e =>
            {
                var name = e.Name(attribute);
                return $"{name} = if_not_exists({name}, {e.Value(value)})";
            });
            _effects.Add(stored => stored.ContainsKey(attribute));
            return (TSelf)this;
        }

        /// <summary>Removes an attribute; for generated update types only.</summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf Remove<TSelf>(string attribute)
            where TSelf : EntityUpdate
        {
            Touch(attribute);
            _assigned[attribute] = null;
            _remove.Add(e => e.Name(attribute));
            _effects.Add(stored => !stored.ContainsKey(attribute));
            return (TSelf)this;
        }

        /// <summary>Adds a number to an attribute (a missing attribute counts as 0); for generated update types only.</summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf Add<TSelf>(string attribute, AttributeValue number)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(number);
            Touch(attribute);
            IsIdempotent = false;
            _add.Add(e => $"{e.Name(attribute)} {e.Value(number)}");
            return (TSelf)this;
        }

        /// <summary>
        /// Appends the elements of a list value to a list attribute (a missing attribute counts as empty); for generated
        /// update types only. Not idempotent: repeating it after an ambiguous failure would append twice.
        /// </summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf Append<TSelf>(string attribute, AttributeValue list)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(list);
            Touch(attribute);
            IsIdempotent = false;
            _set.Add(e =>
            {
                var name = e.Name(attribute);
                return $"{name} = list_append(if_not_exists({name}, {e.Value(EmptyList)}), {e.Value(list)})";
            });
            return (TSelf)this;
        }

        /// <summary>
        /// Adds the elements of a set value to a set attribute; idempotent, as sets hold each value once. For generated
        /// update types only.
        /// </summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf AddToSet<TSelf>(string attribute, AttributeValue set)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(set);
            Touch(attribute);
            _add.Add(e => $"{e.Name(attribute)} {e.Value(set)}");
            _effects.Add(stored => StoredValues.SetHolds(stored.GetValueOrDefault(attribute), set, holds: true));
            return (TSelf)this;
        }

        /// <summary>Deletes the elements of a set value from a set attribute; for generated update types only.</summary>
        /// <typeparam name="TSelf">The generated update type, which the call returns.</typeparam>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected internal TSelf DeleteFromSet<TSelf>(string attribute, AttributeValue set)
            where TSelf : EntityUpdate
        {
            ArgumentNullException.ThrowIfNull(set);
            Touch(attribute);
            _delete.Add(e => $"{e.Name(attribute)} {e.Value(set)}");
            _effects.Add(stored => StoredValues.SetHolds(stored.GetValueOrDefault(attribute), set, holds: false));
            return (TSelf)this;
        }

        /// <summary>Whether the update changes <paramref name="attribute"/> in any way.</summary>
        internal bool Touches(string attribute) => _touched.Contains(attribute);

        /// <summary>
        /// Whether the update sets <paramref name="attribute"/> to a value (<paramref name="value"/>) or removes it (null);
        /// false when it changes it in another way or not at all.
        /// </summary>
        internal bool Assigns(string attribute, out AttributeValue? value) => _assigned.TryGetValue(attribute, out value);

        /// <summary>
        /// Whether <paramref name="stored"/> shows every change of this (idempotent) update: each set attribute at its
        /// value, each removed one gone, each set holding or lacking its elements.
        /// </summary>
        internal bool IsShownBy(IReadOnlyDictionary<string, AttributeValue> stored)
        {
            foreach (var effect in _effects)
            {
                if (!effect(stored))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The <c>UpdateExpression</c> text.</summary>
        /// <exception cref="InvalidOperationException">Nothing to update.</exception>
        internal string Render(ExpressionBuilder expressions) => Render(expressions, Array.Empty<KeyValuePair<string, AttributeValue>>());

        /// <summary>
        /// The <c>UpdateExpression</c> text with more attributes set (a version, timestamps the SDK writes), without
        /// changing this update.
        /// </summary>
        internal string Render(ExpressionBuilder expressions, IReadOnlyList<KeyValuePair<string, AttributeValue>> alsoSet)
        {
            ArgumentNullException.ThrowIfNull(expressions);
            ArgumentNullException.ThrowIfNull(alsoSet);
            if (IsEmpty)
            {
                throw new InvalidOperationException("The update changes nothing; add at least one change.");
            }

            var clauses = new List<string>(3);
            var set = _set;
            if (alsoSet.Count > 0)
            {
                set = new List<Func<ExpressionBuilder, string>>(_set);
                foreach (var (name, value) in alsoSet)
                {
                    set.Add(e => $"{e.Name(name)} = {e.Value(value)}");
                }
            }

            Clause(clauses, "SET", set, expressions);
            Clause(clauses, "REMOVE", _remove, expressions);
            Clause(clauses, "ADD", _add, expressions);
            Clause(clauses, "DELETE", _delete, expressions);
            return string.Join(" ", clauses);
        }

        private static AttributeValue EmptyList => new() { L = new List<AttributeValue>() };

        private void Touch(string attribute)
        {
            ArgumentException.ThrowIfNullOrEmpty(attribute);

            // DynamoDB rejects two changes to one attribute in a request; say so before sending.
            if (!_touched.Add(attribute))
            {
                throw new InvalidOperationException($"The update already changes '{attribute}'; change each attribute once per update.");
            }
        }

        private static void Clause(List<string> clauses, string keyword, List<Func<ExpressionBuilder, string>> parts, ExpressionBuilder expressions)
        {
            if (parts.Count == 0)
            {
                return;
            }

            var rendered = new List<string>(parts.Count);
            foreach (var part in parts)
            {
                rendered.Add(part(expressions));
            }

            clauses.Add(keyword + " " + string.Join(", ", rendered));
        }
    }
}

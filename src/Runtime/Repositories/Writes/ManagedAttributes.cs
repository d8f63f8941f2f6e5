using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The attributes the SDK writes itself, in one place for every write path: counters (changed only by their
    /// increment; a new item starts at the declared start), <c>created</c> timestamps (written once) and <c>updated</c>
    /// timestamps (written by every put, create, update, increment, batch and transaction item), with the time of the
    /// options' <see cref="TimeProvider"/>.
    /// </summary>
    /// <remarks>
    /// A put must not reset a counter or a creation time, and a <c>PutItem</c> replaces the whole item; so the put of an
    /// entity that has either is an <c>UpdateItem</c> that sets every attribute the item holds, removes every declared one
    /// it lacks, and sets counters and creation times only where the stored item has none (<c>if_not_exists</c>): one
    /// atomic request, nothing read first (docs/decisions.md, "Counters and timestamps").
    /// </remarks>
    internal sealed class ManagedAttributes
    {
        private readonly IReadOnlyList<(string Attribute, long Start)> _counters;
        private readonly IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> _created;
        private readonly IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> _updated;
        private readonly IReadOnlyList<string> _stored;
        private readonly TimeProvider _time;

        private ManagedAttributes(
            IReadOnlyList<(string Attribute, long Start)> counters,
            IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> created,
            IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> updated,
            IReadOnlyList<string> stored,
            TimeProvider time)
        {
            _counters = counters;
            _created = created;
            _updated = updated;
            _stored = stored;
            _time = time;
        }

        /// <summary>Whether a put must keep what the stored item holds (a counter, a creation time): then it is an update.</summary>
        public bool KeepsStored => _counters.Count > 0 || _created.Count > 0;

        public static ManagedAttributes Of<TEntity, TKey>(EntityMapping<TEntity, TKey> mapping, TimeProvider time)
            where TEntity : class
            where TKey : class, IDynamoKey
            => new(mapping.Counters, mapping.CreatedTimestamps, mapping.UpdatedTimestamps, mapping.StoredAttributes, time);

        /// <summary>The time of this write.</summary>
        public DateTimeOffset Now() => _time.GetUtcNow();

        /// <summary>
        /// Writes the managed attributes into an item about to be stored whole: <c>updated</c> timestamps always; counters at
        /// their start and <c>created</c> timestamps too when the item is new (a create, a batch put, a put sent as a
        /// <c>PutItem</c>). What the entity held for them is never written.
        /// </summary>
        public void Stamp(Dictionary<string, AttributeValue> item, DateTimeOffset now)
        {
            foreach (var (attribute, start) in _counters)
            {
                item[attribute] = AttributeCodecs.Int64.Write(start);
            }

            foreach (var (attribute, value) in _created)
            {
                item[attribute] = value(now);
            }

            StampUpdated(item, now);
        }

        /// <summary>Writes only the <c>updated</c> timestamps into an item.</summary>
        public void StampUpdated(Dictionary<string, AttributeValue> item, DateTimeOffset now)
        {
            foreach (var (attribute, value) in _updated)
            {
                item[attribute] = value(now);
            }
        }

        /// <summary>The changes every update and increment adds: each <c>updated</c> timestamp at <paramref name="now"/>.</summary>
        public IReadOnlyList<KeyValuePair<string, AttributeValue>> UpdatedChanges(DateTimeOffset now)
            => _updated.Select(u => new KeyValuePair<string, AttributeValue>(u.Attribute, u.Value(now))).ToList();

        /// <summary>
        /// The update expression of a put that keeps the stored counters and creation time: every attribute of the
        /// stamped <paramref name="item"/> but the key set, each declared attribute it lacks removed, and counters and
        /// creation times set only where the stored item has none.
        /// </summary>
        public string RenderPut(Dictionary<string, AttributeValue> item, IReadOnlyCollection<string> keyAttributes, ExpressionBuilder e)
        {
            var kept = new HashSet<string>(_counters.Select(c => c.Attribute).Concat(_created.Select(c => c.Attribute)), StringComparer.Ordinal);
            var set = new List<string>();
            foreach (var (name, value) in item)
            {
                if (keyAttributes.Contains(name))
                {
                    continue;
                }

                var placeholder = e.Name(name);
                set.Add(kept.Contains(name) ? $"{placeholder} = if_not_exists({placeholder}, {e.Value(value)})" : $"{placeholder} = {e.Value(value)}");
            }

            var remove = _stored.Where(name => !item.ContainsKey(name) && !kept.Contains(name)).Select(e.Name).ToList();
            return "SET " + string.Join(", ", set) + (remove.Count > 0 ? " REMOVE " + string.Join(", ", remove) : string.Empty);
        }

        /// <summary>
        /// Whether a stored item is what a create of <paramref name="item"/> left, counters and <c>updated</c> timestamps
        /// aside: another client's increment (which adds to a counter and writes the <c>updated</c> timestamps) may have
        /// followed it before a lost answer's retry.
        /// </summary>
        public bool ShowsCreate(IReadOnlyDictionary<string, AttributeValue>? stored, Dictionary<string, AttributeValue> item)
        {
            if (stored is null || (_counters.Count == 0 && _updated.Count == 0))
            {
                return StoredValues.SameItem(stored, item);
            }

            return StoredValues.SameItem(WithoutChangedByIncrements(stored), WithoutChangedByIncrements(item));
        }

        /// <summary>The counter's start, by attribute name.</summary>
        /// <exception cref="ArgumentException">The attribute is not a declared counter.</exception>
        public long StartOf(string attribute)
        {
            foreach (var (name, start) in _counters)
            {
                if (name == attribute)
                {
                    return start;
                }
            }

            throw new ArgumentException($"'{attribute}' is not a counter of this entity.", nameof(attribute));
        }

        private Dictionary<string, AttributeValue> WithoutChangedByIncrements(IReadOnlyDictionary<string, AttributeValue> item)
        {
            var copy = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
            foreach (var (attribute, _) in _counters)
            {
                copy.Remove(attribute);
            }

            foreach (var (attribute, _) in _updated)
            {
                copy.Remove(attribute);
            }

            return copy;
        }
    }
}

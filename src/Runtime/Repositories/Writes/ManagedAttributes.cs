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
    /// <param name="counters">Each counter and its start.</param>
    /// <param name="created">Each <c>created</c> timestamp and how it writes a time.</param>
    /// <param name="updated">Each <c>updated</c> timestamp and how it writes a time.</param>
    /// <param name="declared">Every declared attribute, which a put that keeps stored values removes when the item lacks it.</param>
    /// <param name="time">The clock of timestamps.</param>
    internal sealed class ManagedAttributes(
        IReadOnlyList<(string Attribute, long Start)> counters,
        IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> created,
        IReadOnlyList<(string Attribute, Func<DateTimeOffset, AttributeValue> Value)> updated,
        IReadOnlyList<string> declared,
        TimeProvider time)
    {
        /// <summary>Whether a put must keep what the stored item holds (a counter, a creation time): then it is an update.</summary>
        public bool KeepsStored => counters.Count > 0 || created.Count > 0;

        public static ManagedAttributes Of<TEntity, TKey>(EntityMapping<TEntity, TKey> mapping, TimeProvider time)
            where TEntity : class
            where TKey : class, IDynamoKey
            => new(mapping.Counters, mapping.CreatedTimestamps, mapping.UpdatedTimestamps, mapping.StoredAttributes, time);

        /// <summary>
        /// Writes the managed attributes into an item about to be stored whole: <c>updated</c> timestamps always; counters at
        /// their start and <c>created</c> timestamps too when the item is new (a create, a batch put, a put sent as a
        /// <c>PutItem</c>). What the entity held for them is never written.
        /// </summary>
        public void Stamp(Dictionary<string, AttributeValue> item)
        {
            var now = time.GetUtcNow();
            foreach (var (attribute, start) in counters)
            {
                item[attribute] = AttributeCodecs.Int64.Write(start);
            }

            foreach (var (attribute, value) in created)
            {
                item[attribute] = value(now);
            }

            foreach (var (attribute, value) in updated)
            {
                item[attribute] = value(now);
            }
        }

        /// <summary>The changes every update and increment adds: each <c>updated</c> timestamp, now.</summary>
        public IReadOnlyList<KeyValuePair<string, AttributeValue>> UpdatedChanges()
        {
            var now = time.GetUtcNow();
            return updated.Select(u => new KeyValuePair<string, AttributeValue>(u.Attribute, u.Value(now))).ToList();
        }

        /// <summary>
        /// The update expression of an increment of a counter: <c>SET n = if_not_exists(n, start) + by</c> (an item stored
        /// before the counter was declared starts at its start), with each <c>updated</c> timestamp.
        /// </summary>
        /// <exception cref="ArgumentException">The attribute is not a declared counter.</exception>
        public string RenderIncrement(string attribute, long by, ExpressionBuilder e)
        {
            var name = e.Name(attribute);
            var set = new List<string> { $"{name} = if_not_exists({name}, {e.Value(AttributeCodecs.Int64.Write(StartOf(attribute)))}) + {e.Value(AttributeCodecs.Int64.Write(by))}" };
            set.AddRange(UpdatedChanges().Select(s => $"{e.Name(s.Key)} = {e.Value(s.Value)}"));
            return "SET " + string.Join(", ", set);
        }

        /// <summary>
        /// The update expression of a put that keeps the stored counters and creation time: every attribute of the
        /// stamped <paramref name="item"/> but the key set, each declared attribute it lacks removed, and counters and
        /// creation times set only where the stored item has none.
        /// </summary>
        public string RenderPut(Dictionary<string, AttributeValue> item, IReadOnlyCollection<string> keyAttributes, ExpressionBuilder e)
        {
            var kept = new HashSet<string>(counters.Select(c => c.Attribute).Concat(created.Select(c => c.Attribute)), StringComparer.Ordinal);
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

            var remove = declared.Where(name => !item.ContainsKey(name) && !kept.Contains(name)).Select(e.Name).ToList();
            return "SET " + string.Join(", ", set) + (remove.Count > 0 ? " REMOVE " + string.Join(", ", remove) : string.Empty);
        }

        /// <summary>
        /// Whether a stored item is what a create of <paramref name="item"/> left, counters and <c>updated</c> timestamps
        /// aside: another client's increment (which adds to a counter and writes the <c>updated</c> timestamps) may have
        /// followed it before a lost answer's retry.
        /// </summary>
        public bool ShowsCreate(IReadOnlyDictionary<string, AttributeValue>? stored, Dictionary<string, AttributeValue> item)
        {
            if (stored is null || (counters.Count == 0 && updated.Count == 0))
            {
                return StoredValues.SameItem(stored, item);
            }

            return StoredValues.SameItem(WithoutChangedByIncrements(stored), WithoutChangedByIncrements(item));
        }

        /// <summary>The counter's start, by attribute name.</summary>
        /// <exception cref="ArgumentException">The attribute is not a declared counter.</exception>
        public long StartOf(string attribute)
        {
            foreach (var (name, start) in counters)
            {
                if (name == attribute)
                {
                    return start;
                }
            }

            throw new ArgumentException($"'{attribute}' is not a counter of this entity.", nameof(attribute));
        }

        private Dictionary<string, AttributeValue> WithoutChangedByIncrements(IReadOnlyDictionary<string, AttributeValue> item)
            => item.Where(pair => !counters.Any(c => c.Attribute == pair.Key) && !updated.Any(u => u.Attribute == pair.Key)).ToDictionary(StringComparer.Ordinal);
    }
}

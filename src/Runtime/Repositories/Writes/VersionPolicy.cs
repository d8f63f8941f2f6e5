using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Optimistic locking of one entity type, in one place: an entity without a version attribute writes without checks;
    /// one with a version attribute writes only at the version the caller read and moves it on by one. The repository
    /// asks it for the <see cref="VersionCheck"/> of each write and never asks whether the entity is versioned.
    /// </summary>
    internal abstract class VersionPolicy<TEntity>
        where TEntity : class
    {
        private VersionPolicy()
        {
        }

        public static VersionPolicy<TEntity> Of<TKey>(EntityMapping<TEntity, TKey> mapping)
            where TKey : class, IDynamoKey
            => mapping.VersionAttribute is { } attribute
                ? new Versioned(mapping.Table.EntityName, mapping.Table.PartitionKey.Name, attribute, mapping.VersionOf!)
                : new Unversioned(mapping.Table.EntityName);

        /// <summary>The check of a put or create: the entity's own version (none yet for a create).</summary>
        /// <exception cref="ArgumentException">The options give an expected version: a put takes the entity's own.</exception>
        public VersionCheck ForPut(TEntity entity, bool create, WriteOptions? options)
        {
            if (options?.ExpectedVersion is not null)
            {
                throw new ArgumentException("A put writes the version of the entity itself; leave WriteOptions.ExpectedVersion unset.", nameof(options));
            }

            return OfEntity(entity, create);
        }

        /// <summary>The check of an update or delete: the version the options expect.</summary>
        /// <param name="options">The caller's options.</param>
        /// <param name="write">"update" or "delete", for messages.</param>
        public abstract VersionCheck ForChange(WriteOptions? options, string write);

        protected abstract VersionCheck OfEntity(TEntity entity, bool create);

        private sealed class Unversioned(string entityName) : VersionPolicy<TEntity>
        {
            public override VersionCheck ForChange(WriteOptions? options, string write)
                => options?.ExpectedVersion is null
                    ? VersionCheck.None
                    : throw new ArgumentException($"{entityName} has no version attribute; leave WriteOptions.ExpectedVersion unset.", nameof(options));

            protected override VersionCheck OfEntity(TEntity entity, bool create) => VersionCheck.None;
        }

        private sealed class Versioned(string entityName, string partitionKey, string attribute, Func<TEntity, long> versionOf) : VersionPolicy<TEntity>
        {
            public override VersionCheck ForChange(WriteOptions? options, string write)
                => new VersionCheck.At(partitionKey, attribute, options?.ExpectedVersion ?? throw new DynamoValidationException(
                    entityName,
                    attribute,
                    $"must be given for a {write}: pass the version of the item as read in WriteOptions.ExpectedVersion"));

            protected override VersionCheck OfEntity(TEntity entity, bool create)
                => new VersionCheck.At(partitionKey, attribute, create ? 0 : versionOf(entity));
        }
    }

    /// <summary>
    /// The version check of one write: <see cref="None"/> for an entity without a version attribute, or the version the
    /// stored item must be at (0: no item yet), which the write guards, moves on by one, and compares after a failure.
    /// </summary>
    internal abstract class VersionCheck
    {
        public static readonly VersionCheck None = new Unchecked();

        private VersionCheck()
        {
        }

        /// <summary>
        /// Whether the write must be applied at most once however often it is resent (a one-item transaction with a client
        /// request token): a version check retried after a lost answer would fail on the write's own result.
        /// </summary>
        public abstract bool AppliesOnce { get; }

        /// <summary>The version expected; 0 without a check.</summary>
        public abstract long Expected { get; }

        /// <summary>The caller's condition (null for none) with the version check in front of it.</summary>
        public abstract Condition? Guard(Condition? condition);

        /// <summary>Writes the next version into an item to be put.</summary>
        public abstract void Stamp(Dictionary<string, AttributeValue> item);

        /// <summary>The update expression of <paramref name="update"/> with <paramref name="alsoSet"/>, moving the version on with it.</summary>
        public abstract string Render(EntityUpdate update, IReadOnlyList<KeyValuePair<string, AttributeValue>> alsoSet, ExpressionBuilder expressions);

        /// <summary>
        /// Whether a failed write lost a race: the stored item is at another version, or gone when one was expected. Never
        /// without a check.
        /// </summary>
        public abstract bool LostRace(IReadOnlyDictionary<string, AttributeValue>? stored);

        private sealed class Unchecked : VersionCheck
        {
            public override bool AppliesOnce => false;

            public override long Expected => 0;

            public override Condition? Guard(Condition? condition) => condition;

            public override void Stamp(Dictionary<string, AttributeValue> item)
            {
            }

            public override string Render(EntityUpdate update, IReadOnlyList<KeyValuePair<string, AttributeValue>> alsoSet, ExpressionBuilder expressions)
                => update.Render(expressions, alsoSet);

            public override bool LostRace(IReadOnlyDictionary<string, AttributeValue>? stored) => false;
        }

        internal sealed class At(string partitionKey, string attribute, long expected) : VersionCheck
        {
            public override bool AppliesOnce => true;

            public override long Expected => expected;

            public override Condition? Guard(Condition? condition)
            {
                var value = AttributeCodecs.Int64.Write(expected);
                var check = expected == 0 ? !Condition.ItemExists(partitionKey) : new Condition.Raw(e => $"{e.Name(attribute)} = {e.Value(value)}");
                return condition is null ? check : check & condition;
            }

            public override void Stamp(Dictionary<string, AttributeValue> item) => item[attribute] = AttributeCodecs.Int64.Write(expected + 1);

            public override string Render(EntityUpdate update, IReadOnlyList<KeyValuePair<string, AttributeValue>> alsoSet, ExpressionBuilder expressions)
                => update.Render(expressions, [.. alsoSet, new(attribute, AttributeCodecs.Int64.Write(expected + 1))]);

            public override bool LostRace(IReadOnlyDictionary<string, AttributeValue>? stored)
                => stored is null ? expected > 0 : VersionIn(stored) != expected;

            /// <summary>The version an item holds; 0 when it has none.</summary>
            private long VersionIn(IReadOnlyDictionary<string, AttributeValue> item)
                => item.TryGetValue(attribute, out var value) && value?.N is { } text && StoredTypes.TryInt64(text, out var version) ? version : 0;
        }
    }
}

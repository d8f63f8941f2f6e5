using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The writes of an entity with unique attributes (<c>"unique": true</c>). Each value is held by a guard item in the
    /// same table, keyed <c>UNIQUE#&lt;entity&gt;#&lt;attribute&gt;#&lt;value&gt;</c>, that names its owner's key. A write
    /// goes in one TransactWriteItems with a client request token: the entity's own write, conditioned on the unique
    /// values being as read, a put of the guard of every value the entity holds after it (refused when another entity owns
    /// it) and a delete of the guard of every value it gives up. A resend after a lost answer carries the same token, so
    /// DynamoDB answers it with the first success and the winner never looks like a loser (docs/decisions.md, "Unique
    /// values").
    /// </summary>
    /// <param name="writer">Reads the item and sends the transaction.</param>
    /// <param name="definition">The table's definition, whose key the guard items take.</param>
    /// <param name="entity">The entity type's name (in a shared table, the entity's, not the table's).</param>
    /// <param name="attributes">The entity's unique attributes.</param>
    /// <param name="logger">Where a write read again is logged.</param>
    internal sealed class UniqueGuards(ItemWriter writer, TableDefinition definition, string entity, IReadOnlyList<UniqueAttribute> attributes, ILogger? logger)
    {
        /// <summary>The attribute every guard item has (<c>&lt;entity&gt;.&lt;attribute&gt;</c>); a scan of a table of one entity leaves out items that have it.</summary>
        public const string GuardAttribute = "_unique";

        private const string OwnerPartition = "_owner_pk";
        private const string OwnerSort = "_owner_sk";
        private const string GuardSortText = "UNIQUE";

        /// <summary>DynamoDB's limit on a partition key value, in UTF-8 bytes.</summary>
        private const int MaxPartitionKeyBytes = 2048;

        /// <summary>How often a write is read and tried again when another writer changed the unique values in between.</summary>
        private const int MaxRounds = 10;

        private readonly ILogger _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        /// <summary>Leaves guard items out of a scan of a table of one entity (a shared table's type filter does already).</summary>
        public static Condition NotAGuard { get; } = new Condition.Raw(e => $"attribute_not_exists({e.Name(GuardAttribute)})");

        /// <summary>The entity's unique attributes.</summary>
        public IReadOnlyList<UniqueAttribute> Attributes => attributes;

        /// <summary>
        /// Sends one write of the entity with the guards of its unique values, reading the item first unless it is a create
        /// (there is nothing to give up).
        /// </summary>
        /// <param name="first">The write as built without the condition on unique values; a create is sent as it is.</param>
        /// <param name="build">The entity's own write, given the condition that the unique values are as read.</param>
        /// <param name="values">The unique values the item holds after the write, by attribute (null: none), for the attributes the write sets (<see cref="ValuesOf(ItemWrite)"/>).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>True when written; false when there was nothing to do (a create that found an item, an update or delete that found none).</returns>
        /// <exception cref="DynamoUniqueValueException">Another entity holds one of the values.</exception>
        public async Task<bool> WriteAsync(ItemWrite first, Func<Condition?, ItemWrite> build, IReadOnlyDictionary<string, AttributeValue?> values, CancellationToken cancellationToken)
        {
            var key = first.Key;
            var readFirst = first.Kind != WriteKind.Create;
            var owner = key.ToAttributeMap();
            var othersOwn = new HashSet<string>(StringComparer.Ordinal);
            for (var round = 1; ; round++)
            {
                var stored = readFirst ? await writer.ReadAsync(key, consistentRead: true, static item => item, cancellationToken).ConfigureAwait(false) : null;
                var write = readFirst ? build(AsRead(values.Keys, stored)) : first;
                if (readFirst && stored is null && write.Kind is WriteKind.Update or WriteKind.Delete)
                {
                    return false;
                }

                var claims = new List<(UniqueAttribute Attribute, string Value)>();
                var releases = new List<TransactWriteItem>();
                foreach (var attribute in attributes)
                {
                    if (!values.TryGetValue(attribute.Name, out var value))
                    {
                        continue;
                    }

                    var now = TextOf(value);
                    if (now is not null)
                    {
                        // Every value held after the write is claimed, its own included: the claim is idempotent for the
                        // owner, and it gives an item stored before the attribute was unique its guard.
                        claims.Add((attribute, now));
                    }

                    var before = TextIn(stored, attribute.Name);
                    if (before is not null && before != now && !othersOwn.Contains(GuardText(attribute.Name, before)))
                    {
                        releases.Add(Release(attribute.Name, before, owner));
                    }
                }

                // The entity's write first, then the claims, then the releases: a cancellation's reasons come in this order.
                var items = new List<TransactWriteItem>(1 + claims.Count + releases.Count) { write.Request };
                foreach (var (attribute, value) in claims)
                {
                    items.Add(Claim(attribute.Name, value, owner));
                }

                items.AddRange(releases);
                if (await writer.TransactAsync(key, items, cancellationToken).ConfigureAwait(false) is not { } cancelled)
                {
                    return true;
                }

                var (failed, reasons) = cancelled;

                if (Failed(reasons, 0))
                {
                    // The entity's own condition: another writer changed its unique values since the read (read again),
                    // or the write had nothing to do, lost a race or failed the caller's condition.
                    var storedNow = reasons[0].Item is { Count: > 0 } item ? item : null;
                    if (readFirst && storedNow is not null && !SameValues(values.Keys, stored, storedNow) && round < MaxRounds)
                    {
                        RuntimeLog.UniqueValuesChanged(_logger, entity, writer.Table, PhoneNumber.MaskAll(key.ToString() ?? string.Empty), round);
                        continue;
                    }

                    return new FailedWrite(storedNow, failed).Settle(write with { AppliesOnce = true }, storedNow, writer.Table, writer.Read);
                }

                for (var i = 0; i < claims.Count; i++)
                {
                    if (Failed(reasons, 1 + i))
                    {
                        var (attribute, value) = claims[i];
                        throw new DynamoUniqueValueException(
                            entity,
                            attribute.Name,
                            attribute.Print is { } print ? print(value) : $"'{value}'",
                            "TransactWriteItems",
                            writer.Table,
                            key.ToString(),
                            failed.Attempts,
                            failed);
                    }
                }

                // Only releases failed: the guard of a value this entity gives up belongs to another, as both held the value
                // before it was declared unique. It stays with its owner, and the write is tried again without it.
                for (var i = 1 + claims.Count; i < items.Count; i++)
                {
                    if (Failed(reasons, i))
                    {
                        othersOwn.Add(items[i].Delete.Key[definition.PartitionKey.Name].S);
                        RuntimeLog.GuardOwnedByAnother(_logger, entity, writer.Table, PhoneNumber.MaskAll(key.ToString() ?? string.Empty));
                    }
                }

                if (round >= MaxRounds)
                {
                    ExceptionDispatchInfo.Throw(failed);
                }
            }
        }

        /// <summary>
        /// The unique values a write leaves, by attribute (null: none): every unique attribute of a put's or create's item,
        /// those an update sets or removes, none for a delete.
        /// </summary>
        /// <exception cref="InvalidOperationException">An update changes a unique attribute other than by setting or removing it.</exception>
        /// <exception cref="DynamoValidationException">A value is too long for its guard item's key.</exception>
        public Dictionary<string, AttributeValue?> ValuesOf(ItemWrite write)
        {
            var values = new Dictionary<string, AttributeValue?>(attributes.Count, StringComparer.Ordinal);
            foreach (var attribute in attributes)
            {
                if (write.Item is { } item)
                {
                    values[attribute.Name] = Checked(attribute.Name, item.GetValueOrDefault(attribute.Name));
                }
                else if (write.Update is not { } update)
                {
                    values[attribute.Name] = null;
                }
                else if (update.Assigns(attribute.Name, out var value))
                {
                    values[attribute.Name] = Checked(attribute.Name, value);
                }
                else if (update.Touches(attribute.Name))
                {
                    throw new InvalidOperationException($"'{attribute.Name}' of {entity} is unique: an update sets or removes it, nothing else.");
                }
            }

            return values;
        }

        /// <summary>The text of a stored unique value (S, or N for a number); null for none or a stored NULL.</summary>
        private static string? TextOf(AttributeValue? value) => value?.S ?? value?.N;

        private static bool Failed(List<CancellationReason> reasons, int index) => index < reasons.Count && ItemWriter.IsConditionFailure(reasons[index]);

        /// <summary>The text of the unique value an item holds; null when there is no item or it holds none.</summary>
        private static string? TextIn(IReadOnlyDictionary<string, AttributeValue>? item, string attribute) => TextOf(item?.GetValueOrDefault(attribute));

        private static bool SameValues(IEnumerable<string> attributes, IReadOnlyDictionary<string, AttributeValue>? read, IReadOnlyDictionary<string, AttributeValue> now)
            => read is not null && attributes.All(attribute => TextIn(read, attribute) == TextIn(now, attribute));

        /// <summary>
        /// The condition that the unique values the write changes are still as read (so the guards given up are the right
        /// ones); when no item was read, that there is still none.
        /// </summary>
        private Condition AsRead(IEnumerable<string> attributes, IReadOnlyDictionary<string, AttributeValue>? stored)
        {
            if (stored is null)
            {
                return !Condition.ItemExists(definition.PartitionKey.Name);
            }

            Condition? condition = null;
            foreach (var attribute in attributes)
            {
                Condition same = stored.TryGetValue(attribute, out var value) && TextOf(value) is not null
                    ? new Condition.Raw(e => $"{e.Name(attribute)} = {e.Value(value)}")
                    : new Condition.Raw(e => $"attribute_not_exists({e.Name(attribute)})");
                condition = Condition.AllOf(condition, same);
            }

            return condition ?? Condition.ItemExists(definition.PartitionKey.Name);
        }

        /// <summary>The guard's partition key text, <c>UNIQUE#&lt;entity&gt;#&lt;attribute&gt;#&lt;value&gt;</c>.</summary>
        private string GuardText(string attribute, string value) => $"UNIQUE#{entity}#{attribute}#{value}";

        /// <summary>The guard item's key: its text as the partition key, and a constant sort key of the table's sort key type.</summary>
        private Dictionary<string, AttributeValue> GuardKey(string text)
        {
            var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [definition.PartitionKey.Name] = new AttributeValue { S = text } };
            if (definition.SortKey is { } sort)
            {
                key[sort.Name] = sort.Type == ScalarAttributeType.N ? new AttributeValue { N = "0" }
                    : sort.Type == ScalarAttributeType.B ? new AttributeValue { B = new System.IO.MemoryStream(Encoding.UTF8.GetBytes(GuardSortText)) }
                    : new AttributeValue { S = GuardSortText };
            }

            return key;
        }

        /// <summary>Refuses, before any request, a value whose guard's key would be over DynamoDB's limit; returns it.</summary>
        /// <exception cref="DynamoValidationException">The value is too long.</exception>
        private AttributeValue? Checked(string attribute, AttributeValue? value)
        {
            if (TextOf(value) is { } text && Encoding.UTF8.GetByteCount(GuardText(attribute, text)) > MaxPartitionKeyBytes)
            {
                throw new DynamoValidationException(
                    entity,
                    attribute,
                    $"is too long to be kept unique: its guard item's key 'UNIQUE#{entity}#{attribute}#…' would be over DynamoDB's {MaxPartitionKeyBytes} bytes (declare a maxLength)");
            }

            return value;
        }

        /// <summary>Puts the guard of <paramref name="value"/>, unless another entity owns it.</summary>
        private TransactWriteItem Claim(string attribute, string value, Dictionary<string, AttributeValue> owner)
        {
            var item = GuardKey(GuardText(attribute, value));
            item[GuardAttribute] = new AttributeValue { S = entity + "." + attribute };
            item[OwnerPartition] = owner[definition.PartitionKey.Name];
            if (definition.SortKey is { } sort)
            {
                item[OwnerSort] = owner[sort.Name];
            }

            return WriteRequests.Put(writer.Table, item, !Condition.ItemExists(definition.PartitionKey.Name) | OwnedBy(owner), returnStored: false);
        }

        /// <summary>Deletes the guard of a value given up: only while this entity owns it (or it is missing).</summary>
        private TransactWriteItem Release(string attribute, string value, Dictionary<string, AttributeValue> owner)
            => WriteRequests.Delete(writer.Table, GuardKey(GuardText(attribute, value)), !Condition.ItemExists(definition.PartitionKey.Name) | OwnedBy(owner));

        private Condition OwnedBy(Dictionary<string, AttributeValue> owner)
        {
            var partition = owner[definition.PartitionKey.Name];
            Condition condition = new Condition.Raw(e => $"{e.Name(OwnerPartition)} = {e.Value(partition)}");
            if (definition.SortKey is { } sort)
            {
                var sortValue = owner[sort.Name];
                condition &= new Condition.Raw(e => $"{e.Name(OwnerSort)} = {e.Value(sortValue)}");
            }

            return condition;
        }
    }
}

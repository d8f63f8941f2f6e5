using System;
using System.Collections.Generic;
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
    internal sealed class UniqueGuards
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

        private readonly IAmazonDynamoDB _client;
        private readonly DynamoOperationRunner _runner;
        private readonly string _table;
        private readonly TableDefinition _definition;
        private readonly IReadOnlyList<UniqueAttribute> _attributes;
        private readonly Func<IReadOnlyDictionary<string, AttributeValue>, object> _read;
        private readonly ItemWriter _writer;
        private readonly string _entity;
        private readonly ILogger _logger;

        // entity: the entity type's name (in a shared table, the entity's, not the table's).
        public UniqueGuards(IAmazonDynamoDB client, DynamoOperationRunner runner, ItemWriter writer, string table, TableDefinition definition, string entity, IReadOnlyList<UniqueAttribute> attributes, Func<IReadOnlyDictionary<string, AttributeValue>, object> read, ILogger? logger)
        {
            _entity = entity;
            _client = client;
            _runner = runner;
            _writer = writer;
            _table = table;
            _definition = definition;
            _attributes = attributes;
            _read = read;
            _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        /// <summary>Leaves guard items out of a scan of a table of one entity (a shared table's type filter does already).</summary>
        public static Condition NotAGuard { get; } = new Condition.Raw(e => $"attribute_not_exists({e.Name(GuardAttribute)})");

        /// <summary>The entity's unique attributes.</summary>
        public IReadOnlyList<UniqueAttribute> Attributes => _attributes;

        /// <summary>
        /// Sends one write of the entity with the guards of its unique values, reading the item first unless
        /// <paramref name="readFirst"/> is false (a create: there is nothing to give up).
        /// </summary>
        /// <param name="key">The entity's key.</param>
        /// <param name="readFirst">Whether the item as stored decides which values are given up.</param>
        /// <param name="build">The entity's own write, given the condition that the unique values are as read (null when nothing was read).</param>
        /// <param name="after">
        /// The unique values the item holds after the write, by attribute (null: none), for the attributes the write
        /// sets; given the item as read (null: none).
        /// </param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>True when written; false when there was nothing to do (a create that found an item, an update or delete that found none).</returns>
        /// <exception cref="DynamoUniqueValueException">Another entity holds one of the values.</exception>
        public async Task<bool> WriteAsync(
            IDynamoKey key,
            bool readFirst,
            Func<Condition?, ItemWrite> build,
            Func<IReadOnlyDictionary<string, AttributeValue>?, IReadOnlyDictionary<string, AttributeValue?>> after,
            CancellationToken cancellationToken)
        {
            var owner = key.ToAttributeMap();
            var othersOwn = new HashSet<string>(StringComparer.Ordinal);
            for (var round = 1; ; round++)
            {
                var stored = readFirst ? await _writer.ReadStoredAsync(key, cancellationToken).ConfigureAwait(false) : null;
                var values = after(stored);
                var write = build(readFirst ? AsRead(values.Keys, stored) : null);
                if (readFirst && stored is null && write.Kind is WriteKind.Update or WriteKind.Delete)
                {
                    return false;
                }

                var claims = new List<(UniqueAttribute Attribute, string Value)>();
                var releases = new List<TransactWriteItem>();
                foreach (var attribute in _attributes)
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

                    var before = stored is not null && stored.TryGetValue(attribute.Name, out var old) ? TextOf(old) : null;
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

                var request = new TransactWriteItemsRequest
                {
                    TransactItems = items,
                    ClientRequestToken = Guid.NewGuid().ToString("N"),
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
                try
                {
                    await _runner.ExecuteAsync(
                        new DynamoOperation("TransactWriteItems", _table, key, Expected: ErrorCategory.TransactionCanceled),
                        ct => _client.TransactWriteItemsAsync(request, ct),
                        cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (DynamoRepositoryException failed) when (failed.InnerException is TransactionCanceledException { CancellationReasons: { Count: > 0 } reasons })
                {
                    if (Failed(reasons, 0))
                    {
                        // The entity's own condition: another writer changed its unique values since the read (read again),
                        // or the write had nothing to do, lost a race or failed the caller's condition.
                        var storedNow = reasons[0].Item is { Count: > 0 } item ? item : null;
                        if (readFirst && storedNow is not null && !SameValues(values.Keys, stored, storedNow) && round < MaxRounds)
                        {
                            RuntimeLog.UniqueValuesChanged(_logger, _entity, _table, PhoneNumber.MaskAll(key.ToString() ?? string.Empty), round);
                            continue;
                        }

                        return new FailedWrite(storedNow, failed).Settle(write with { AppliesOnce = true }, storedNow, _table, _read);
                    }

                    for (var i = 0; i < claims.Count; i++)
                    {
                        if (Failed(reasons, 1 + i))
                        {
                            var (attribute, value) = claims[i];
                            throw new DynamoUniqueValueException(
                                _entity,
                                attribute.Name,
                                attribute.Print is { } print ? print(value) : $"'{value}'",
                                "TransactWriteItems",
                                _table,
                                key.ToString(),
                                failed.Attempts,
                                failed);
                        }
                    }

                    var released = false;
                    for (var i = 1 + claims.Count; i < items.Count; i++)
                    {
                        if (Failed(reasons, i))
                        {
                            // The guard of a value this entity gives up belongs to another: both held the value before it
                            // was declared unique. It stays with its owner.
                            var guard = items[i].Delete.Key[_definition.PartitionKey.Name].S;
                            othersOwn.Add(guard);
                            RuntimeLog.GuardOwnedByAnother(_logger, _entity, _table, PhoneNumber.MaskAll(key.ToString() ?? string.Empty));
                            released = true;
                        }
                    }

                    if (!released || round >= MaxRounds)
                    {
                        throw;
                    }
                }
            }
        }

        /// <summary>The unique values of a put or create: every unique attribute of the item, null where it has none.</summary>
        public Dictionary<string, AttributeValue?> ValuesOf(IReadOnlyDictionary<string, AttributeValue> item)
        {
            var values = new Dictionary<string, AttributeValue?>(_attributes.Count, StringComparer.Ordinal);
            foreach (var attribute in _attributes)
            {
                values[attribute.Name] = Checked(attribute.Name, item.TryGetValue(attribute.Name, out var value) ? value : null);
            }

            return values;
        }

        /// <summary>The unique values of an update: those it sets or removes; other changes to a unique attribute are refused.</summary>
        /// <exception cref="InvalidOperationException">The update changes a unique attribute other than by setting or removing it.</exception>
        public Dictionary<string, AttributeValue?> ValuesOf(EntityUpdate update)
        {
            var values = new Dictionary<string, AttributeValue?>(StringComparer.Ordinal);
            foreach (var attribute in _attributes)
            {
                if (update.Assigns(attribute.Name, out var value))
                {
                    values[attribute.Name] = Checked(attribute.Name, value);
                }
                else if (update.Touches(attribute.Name))
                {
                    throw new InvalidOperationException($"'{attribute.Name}' of {_entity} is unique: an update sets or removes it, nothing else.");
                }
            }

            return values;
        }

        /// <summary>The unique values a delete leaves: none.</summary>
        public Dictionary<string, AttributeValue?> NoValues()
        {
            var values = new Dictionary<string, AttributeValue?>(_attributes.Count, StringComparer.Ordinal);
            foreach (var attribute in _attributes)
            {
                values[attribute.Name] = null;
            }

            return values;
        }

        /// <summary>The text of a stored unique value (S, or N for a number); null for none or a stored NULL.</summary>
        private static string? TextOf(AttributeValue? value) => value?.S ?? value?.N;

        private static bool Failed(List<CancellationReason> reasons, int index)
            => index < reasons.Count && reasons[index]?.Code == "ConditionalCheckFailed";

        private static bool SameValues(IEnumerable<string> attributes, IReadOnlyDictionary<string, AttributeValue>? read, IReadOnlyDictionary<string, AttributeValue> now)
        {
            if (read is null)
            {
                return false;
            }

            foreach (var attribute in attributes)
            {
                var before = read.TryGetValue(attribute, out var a) ? TextOf(a) : null;
                var after = now.TryGetValue(attribute, out var b) ? TextOf(b) : null;
                if (before != after)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The condition that the unique values the write changes are still as read (so the guards given up are the right
        /// ones); when no item was read, that there is still none.
        /// </summary>
        private Condition AsRead(IEnumerable<string> attributes, IReadOnlyDictionary<string, AttributeValue>? stored)
        {
            if (stored is null)
            {
                return !Condition.ItemExists(_definition.PartitionKey.Name);
            }

            Condition? condition = null;
            foreach (var attribute in attributes)
            {
                Condition same = stored.TryGetValue(attribute, out var value) && TextOf(value) is not null
                    ? new Condition.Raw(e => $"{e.Name(attribute)} = {e.Value(value)}")
                    : new Condition.Raw(e => $"attribute_not_exists({e.Name(attribute)})");
                condition = Condition.AllOf(condition, same);
            }

            return condition ?? Condition.ItemExists(_definition.PartitionKey.Name);
        }

        /// <summary>The guard's partition key text, <c>UNIQUE#&lt;entity&gt;#&lt;attribute&gt;#&lt;value&gt;</c>.</summary>
        private string GuardText(string attribute, string value) => $"UNIQUE#{_entity}#{attribute}#{value}";

        /// <summary>The guard item's key: its text as the partition key, and a constant sort key of the table's sort key type.</summary>
        private Dictionary<string, AttributeValue> GuardKey(string text)
        {
            var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [_definition.PartitionKey.Name] = new AttributeValue { S = text } };
            if (_definition.SortKey is { } sort)
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
                    _entity,
                    attribute,
                    $"is too long to be kept unique: its guard item's key 'UNIQUE#{_entity}#{attribute}#…' would be over DynamoDB's {MaxPartitionKeyBytes} bytes (declare a maxLength)");
            }

            return value;
        }

        /// <summary>Puts the guard of <paramref name="value"/>, unless another entity owns it.</summary>
        private TransactWriteItem Claim(string attribute, string value, Dictionary<string, AttributeValue> owner)
        {
            var item = GuardKey(GuardText(attribute, value));
            item[GuardAttribute] = new AttributeValue { S = _entity + "." + attribute };
            item[OwnerPartition] = owner[_definition.PartitionKey.Name];
            if (_definition.SortKey is { } sort)
            {
                item[OwnerSort] = owner[sort.Name];
            }

            return WriteRequests.Put(_table, item, !Condition.ItemExists(_definition.PartitionKey.Name) | OwnedBy(owner), returnStored: false);
        }

        /// <summary>Deletes the guard of a value given up: only while this entity owns it (or it is missing).</summary>
        private TransactWriteItem Release(string attribute, string value, Dictionary<string, AttributeValue> owner)
            => WriteRequests.Delete(_table, GuardKey(GuardText(attribute, value)), !Condition.ItemExists(_definition.PartitionKey.Name) | OwnedBy(owner));

        private Condition OwnedBy(Dictionary<string, AttributeValue> owner)
        {
            var partition = owner[_definition.PartitionKey.Name];
            Condition condition = new Condition.Raw(e => $"{e.Name(OwnerPartition)} = {e.Value(partition)}");
            if (_definition.SortKey is { } sort)
            {
                var sortValue = owner[sort.Name];
                condition &= new Condition.Raw(e => $"{e.Name(OwnerSort)} = {e.Value(sortValue)}");
            }

            return condition;
        }
    }
}

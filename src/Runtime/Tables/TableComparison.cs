using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// What <see cref="DynamoTableManager.VerifyAsync"/> compares: a definition against DynamoDB's description of the
    /// live table and its time to live, difference by difference, in a fixed order (keys, billing, capacity, indexes in
    /// declaration order then extra ones, time to live). Values are written as people read them: a key as
    /// <c>name (S)</c>, <c>none</c> for nothing.
    /// </summary>
    internal static class TableComparison
    {
        private const string None = "none";

        public static List<TableDifference> Compare(
            TableDefinition table,
            string name,
            TableDescription live,
            TimeToLiveDescription? timeToLive,
            IDictionary<string, ProvisionedCapacity> overrides)
        {
            var differences = new List<TableDifference>();
            void Differ(string what, string expected, string actual)
            {
                if (expected != actual)
                {
                    differences.Add(new TableDifference(name, what, expected, actual));
                }
            }

            var types = (live.AttributeDefinitions ?? new List<AttributeDefinition>())
                .GroupBy(a => a.AttributeName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().AttributeType?.Value, StringComparer.Ordinal);
            Differ("partition key", Key(table.PartitionKey), LiveKey(live.KeySchema, KeyType.HASH, types));
            Differ("sort key", Key(table.SortKey), LiveKey(live.KeySchema, KeyType.RANGE, types));

            // A table created as provisioned and never switched has no billing mode summary.
            var liveBilling = live.BillingModeSummary?.BillingMode?.Value ?? BillingMode.PROVISIONED.Value;
            Differ("billing mode", table.BillingMode.Value, liveBilling);
            var provisioned = liveBilling == BillingMode.PROVISIONED.Value;
            if (provisioned && table.ResolveCapacity(null, overrides) is { } capacity)
            {
                Differ("capacity", capacity.ToString(), Capacity(live.ProvisionedThroughput));
            }

            var liveIndexes = (live.GlobalSecondaryIndexes ?? new List<GlobalSecondaryIndexDescription>())
                .Select(i => (i.IndexName, Global: true, i.KeySchema, i.Projection, ProvisionedThroughput: (ProvisionedThroughputDescription?)i.ProvisionedThroughput))
                .Concat((live.LocalSecondaryIndexes ?? new List<LocalSecondaryIndexDescription>())
                    .Select(i => (i.IndexName, Global: false, i.KeySchema, i.Projection, ProvisionedThroughput: (ProvisionedThroughputDescription?)null)))
                .ToList();
            var declared = table.Indexes ?? Array.Empty<IndexDefinition>();
            foreach (var index in declared)
            {
                var what = $"index '{index.Name}'";
                var found = liveIndexes.FirstOrDefault(i => i.IndexName == index.Name);
                if (found.IndexName is null || found.Global != index.IsGlobal)
                {
                    Differ(what, Kind(index.IsGlobal), found.IndexName is null ? "missing" : Kind(found.Global));
                    continue;
                }

                Differ(what + " partition key", Key(index.PartitionKey), LiveKey(found.KeySchema, KeyType.HASH, types));
                Differ(what + " sort key", Key(index.SortKey), LiveKey(found.KeySchema, KeyType.RANGE, types));
                Differ(what + " projection", Projection(index.Projection?.Value, index.NonKeyAttributes), Projection(found.Projection?.ProjectionType?.Value, found.Projection?.NonKeyAttributes));
                if (provisioned && table.ResolveCapacity(index, overrides) is { } indexCapacity)
                {
                    Differ(what + " capacity", indexCapacity.ToString(), Capacity(found.ProvisionedThroughput));
                }
            }

            foreach (var extra in liveIndexes.Where(i => declared.All(d => d.Name != i.IndexName)))
            {
                Differ($"index '{extra.IndexName}'", None, Kind(extra.Global));
            }

            var ttlOn = timeToLive?.TimeToLiveStatus == TimeToLiveStatus.ENABLED || timeToLive?.TimeToLiveStatus == TimeToLiveStatus.ENABLING;
            Differ("time to live", table.TtlAttribute ?? None, ttlOn ? timeToLive!.AttributeName ?? "?" : None);
            return differences;
        }

        private static string Kind(bool global) => global ? "global" : "local";

        private static string Key(KeyAttributeDefinition? key) => key is null ? None : $"{key.Name} ({key.Type.Value})";

        private static string LiveKey(List<KeySchemaElement>? schema, KeyType type, Dictionary<string, string?> types)
        {
            var element = schema?.FirstOrDefault(e => e.KeyType == type);
            return element is null ? None : $"{element.AttributeName} ({(types.TryGetValue(element.AttributeName, out var t) ? t : "?")})";
        }

        private static string Projection(string? type, IEnumerable<string>? attributes)
        {
            var names = (attributes ?? Enumerable.Empty<string>()).OrderBy(n => n, StringComparer.Ordinal).ToList();
            return names.Count == 0 ? type ?? "?" : $"{type} ({string.Join(", ", names)})";
        }

        private static string Capacity(ProvisionedThroughputDescription? live)
            => new ProvisionedCapacity(live?.ReadCapacityUnits ?? 0, live?.WriteCapacityUnits ?? 0).ToString();
    }
}

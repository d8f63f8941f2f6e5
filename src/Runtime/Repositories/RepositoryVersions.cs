using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>Reads the version attribute of a stored item, for optimistic-locking checks.</summary>
    internal static class RepositoryVersions
    {
        /// <summary>The version an item holds; 0 when it has none.</summary>
        public static long VersionIn(IReadOnlyDictionary<string, AttributeValue> item, string attribute)
            => item.TryGetValue(attribute, out var value) && long.TryParse(value?.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;

        /// <summary>
        /// Whether a failed version check was a lost race: the stored item (null when DynamoDB returned none)
        /// is at another version than expected, or is gone when <paramref name="missingIsConflict"/>.
        /// </summary>
        public static bool LostRace(IReadOnlyDictionary<string, AttributeValue>? stored, string attribute, long expected, bool missingIsConflict)
            => stored is null ? missingIsConflict : VersionIn(stored, attribute) != expected;
    }
}

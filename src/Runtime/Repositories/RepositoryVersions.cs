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
    }
}

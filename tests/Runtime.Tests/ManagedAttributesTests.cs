using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// <see cref="ManagedAttributes.ShowsCreate"/>: after a create's answer is lost, its retry meets an existing item, which
    /// is the create's own when it differs only in what another client's increment changes since.
    /// </summary>
    public sealed class ManagedAttributesTests
    {
        private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        private static ManagedAttributes Managed()
        {
            var table = new TableDefinition("Account", "accounts", new KeyAttributeDefinition("id", ScalarAttributeType.S), null, BillingMode.PAY_PER_REQUEST);
            static AttributeValue Time(DateTimeOffset at) => new() { S = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            var mapping = new EntityMapping<object, Key>(table, _ => new Key(), _ => new Dictionary<string, AttributeValue>(), _ => new object())
            {
                Counters = new[] { ("logins", 5L) },
                CreatedTimestamps = new (string, Func<DateTimeOffset, AttributeValue>)[] { ("created_at", Time) },
                UpdatedTimestamps = new (string, Func<DateTimeOffset, AttributeValue>)[] { ("updated_at", Time) },
            };
            return ManagedAttributes.Of(mapping, new FakeTimeProvider(Created));
        }

        /// <summary>The item a create stores: its handle, its counter at the start and both timestamps at its time.</summary>
        private static Dictionary<string, AttributeValue> CreatedItem(ManagedAttributes managed, string handle = "ada")
        {
            var item = new Dictionary<string, AttributeValue> { ["id"] = new() { S = "a1" }, ["handle"] = new() { S = handle } };
            managed.Stamp(item);
            return item;
        }

        [Fact]
        public void A_create_followed_by_another_clients_increment_is_still_shown_by_the_stored_item()
        {
            var managed = Managed();
            var stored = CreatedItem(managed);

            // The increment adds to the counter and writes the updated timestamp, later than the create's.
            stored["logins"] = AttributeCodecs.Int64.Write(6);
            stored["updated_at"] = new AttributeValue { S = Created.AddMinutes(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture) };

            Assert.True(managed.ShowsCreate(stored, CreatedItem(managed)));
        }

        [Fact]
        public void An_item_that_differs_in_anything_else_is_another_writers()
        {
            var managed = Managed();
            Assert.False(managed.ShowsCreate(CreatedItem(managed, "grace"), CreatedItem(managed)));
            Assert.False(managed.ShowsCreate(null, CreatedItem(managed)));

            // A creation time of its own is another create's.
            var other = CreatedItem(managed);
            other["created_at"] = new AttributeValue { S = Created.AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            Assert.False(managed.ShowsCreate(other, CreatedItem(managed)));
        }

        private sealed class Key : IDynamoKey
        {
            public Dictionary<string, AttributeValue> ToAttributeMap() => new() { ["id"] = new() { S = "a1" } };
        }
    }
}

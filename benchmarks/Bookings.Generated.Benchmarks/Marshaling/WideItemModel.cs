// STAND-IN, to delete when the generator reads Schemas/wide.tables.json: the types below are written by hand in
// the shape the generator is expected to give them (a record with a Key, required members, defaults, read-only
// collections), so the hand-written and DynamoDBContext benchmarks of the wide item can run today and the
// generated ones can be added without touching them (except for any names the generator spells differently).
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Bookings.Generated.Benchmarks.Wide
{
    /// <summary>The wide item's status (an enum, stored by name).</summary>
    public enum WideStatus
    {
        /// <summary>Not published.</summary>
        Draft,

        /// <summary>Live.</summary>
        Active,

        /// <summary>Done.</summary>
        Closed,
    }

    /// <summary>A nested object of the wide item, stored as a map.</summary>
    public sealed record WideAddress
    {
        /// <summary><c>street</c>.</summary>
        public required string Street { get; init; }

        /// <summary><c>city</c>.</summary>
        public required string City { get; init; }

        /// <summary><c>postal_code</c>.</summary>
        public required string PostalCode { get; init; }

        /// <summary><c>country</c>, default <c>"KR"</c>.</summary>
        public string Country { get; init; } = "KR";
    }

    /// <summary>The wide item's key (STAND-IN for the generated key).</summary>
    public sealed record WideItemKey
    {
        private WideItemKey(string id) => Id = id;

        /// <summary>The <c>id</c> part.</summary>
        public string Id { get; }

        /// <summary>Builds a key; the id must not be empty.</summary>
        public static WideItemKey Create(string id)
            => TryParse(id, out var key) ? key : throw new Runtime.DynamoValidationException("WideItem", "id", "must not be empty");

        /// <summary>Reads a key back from its stored attribute.</summary>
        public static bool TryParse(string? id, [NotNullWhen(true)] out WideItemKey? key)
        {
            key = string.IsNullOrEmpty(id) ? null : new WideItemKey(id);
            return key is not null;
        }
    }

    /// <summary>The wide item (STAND-IN for the generated record): 32 attributes.</summary>
    public sealed record WideItem
    {
        // Each property is the stored attribute of the same name in snake_case (Schemas/wide.tables.json).
        public required WideItemKey Key { get; init; }

        public string Id => Key.Id;

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string Owner { get; init; }

        public string? Email { get; init; }

        public string City { get; init; } = "";

        public string? Note { get; init; }

        public required int Quantity { get; init; }

        public int Priority { get; init; }

        public int? Seats { get; init; }

        public long Views { get; init; }

        public long? Sequence { get; init; }

        public required decimal Price { get; init; }

        public decimal? Discount { get; init; }

        public required double Latitude { get; init; }

        public double? Score { get; init; }

        public required bool Active { get; init; }

        public bool Archived { get; init; }

        public WideStatus Status { get; init; } = WideStatus.Draft;

        public required DateTimeOffset CreatedAt { get; init; }

        public required DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? ShippedOn { get; init; }

        public DateTimeOffset? LastSeen { get; init; }

        public IReadOnlyList<string>? Tags { get; init; }

        public IReadOnlyList<string>? Aliases { get; init; }

        public IReadOnlySet<string>? Labels { get; init; }

        public IReadOnlySet<string>? Regions { get; init; }

        public IReadOnlyDictionary<string, int>? Counters { get; init; }

        public IReadOnlyDictionary<string, int>? Limits { get; init; }

        public IReadOnlyList<int>? Ratings { get; init; }

        public required WideAddress Address { get; init; }

        public WideAddress? BillingAddress { get; init; }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Benchmarks.Wide;
using Bookings.Generated.Runtime;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>
    /// The wide item: 32 attributes with lists, sets, maps, dates (ISO 8601, epoch seconds, a custom pattern), an
    /// enum and a nested object; generated vs hand-written vs <c>DynamoDBContext</c>.
    /// </summary>
    public class WideItemMarshalingBenchmarks : MarshalingBenchmarks<WideItemCase, WideItem, WideItemDocument>
    {
    }

    /// <summary>The wide item shape.</summary>
    public readonly struct WideItemCase : IGeneratedMarshalingCase<WideItem, WideItemDocument>
    {
        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> GeneratedToItem(WideItem entity) => WideItemMarshaller.ToItem(entity);

        /// <inheritdoc/>
        public static WideItem GeneratedFromItem(Dictionary<string, AttributeValue> item) => WideItemMarshaller.FromItem(item);

        /// <inheritdoc/>
        public static WideItem CreateEntity() => new()
        {
            Key = WideItemKey.Create("item-000042"),
            Title = "Dinner for four, window table",
            Summary = "A booking imported from the partner site, confirmed by phone.",
            Owner = "store-20231",
            Email = "owner@example.com",
            City = "Seoul",
            Note = null,
            Quantity = 4,
            Priority = 2,
            Seats = 4,
            Views = 1523,
            Sequence = 9007199254740993,
            Price = 129000.00m,
            Discount = 0.15m,
            Latitude = 37.5665,
            Score = 4.75,
            Active = true,
            Archived = false,
            Status = WideStatus.Active,
            CreatedAt = new DateTimeOffset(2025, 3, 14, 18, 30, 0, TimeSpan.FromHours(9)),
            UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(1741942800),
            ShippedOn = new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero),
            LastSeen = null,
            Tags = ["window", "anniversary", "vegetarian", "late-arrival"],
            Aliases = ["A-42", "partner-884512"],
            Labels = new HashSet<string>(StringComparer.Ordinal) { "vip", "repeat", "phone-confirmed" },
            Regions = new HashSet<string>(StringComparer.Ordinal) { "seoul", "gangnam" },
            Counters = new Dictionary<string, int>(StringComparer.Ordinal) { ["visits"] = 12, ["no_shows"] = 0, ["cancellations"] = 1 },
            Limits = new Dictionary<string, int>(StringComparer.Ordinal) { ["party"] = 8, ["hours"] = 2 },
            Ratings = [5, 4, 5, 5, 3],
            Address = new WideAddress { Street = "110 Sejong-daero", City = "Seoul", PostalCode = "04524" },
            BillingAddress = null,
        };

        /// <inheritdoc/>
        public static WideItemDocument ToDocumentModel(WideItem e) => new()
        {
            Id = e.Id,
            Title = e.Title,
            Summary = e.Summary,
            Owner = e.Owner,
            Email = e.Email,
            City = e.City,
            Note = e.Note,
            Quantity = e.Quantity,
            Priority = e.Priority,
            Seats = e.Seats,
            Views = e.Views,
            Sequence = e.Sequence,
            Price = e.Price,
            Discount = e.Discount,
            Latitude = e.Latitude,
            Score = e.Score,
            Active = e.Active,
            Archived = e.Archived,
            Status = e.Status,
            CreatedAt = e.CreatedAt,
            UpdatedAt = e.UpdatedAt,
            ShippedOn = e.ShippedOn,
            LastSeen = e.LastSeen,
            Tags = e.Tags is null ? null : [.. e.Tags],
            Aliases = e.Aliases is null ? null : [.. e.Aliases],
            Labels = e.Labels is null ? null : new HashSet<string>(e.Labels, StringComparer.Ordinal),
            Regions = e.Regions is null ? null : new HashSet<string>(e.Regions, StringComparer.Ordinal),
            Counters = e.Counters is null ? null : new Dictionary<string, int>(e.Counters, StringComparer.Ordinal),
            Limits = e.Limits is null ? null : new Dictionary<string, int>(e.Limits, StringComparer.Ordinal),
            Ratings = e.Ratings is null ? null : [.. e.Ratings],
            Address = WideAddressDocument.From(e.Address),
            BillingAddress = e.BillingAddress is null ? null : WideAddressDocument.From(e.BillingAddress),
        };

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> HandWrittenToItem(WideItem entity) => WideItemHandWritten.ToItem(entity);

        /// <inheritdoc/>
        public static WideItem HandWrittenFromItem(Dictionary<string, AttributeValue> item) => WideItemHandWritten.FromItem(item);
    }

    /// <summary>
    /// Careful hand-written conversions of the wide item: required values checked, optional ones left out when
    /// absent, empty sets left out (DynamoDB rejects them), dates as ISO 8601 (round-trip "O"), epoch seconds
    /// and yyyy-MM-dd, the enum by name, the address as a map; every read checks the stored type.
    /// </summary>
    public static class WideItemHandWritten
    {
        private const string Entity = "WideItem";
        private const string DateOnlyFormat = "yyyy-MM-dd";

        /// <summary>The item to store.</summary>
        public static Dictionary<string, AttributeValue> ToItem(WideItem e)
        {
            ArgumentNullException.ThrowIfNull(e);
            var key = e.Key ?? throw new DynamoValidationException(Entity, "Key", "is required");
            var item = new Dictionary<string, AttributeValue>(32)
            {
                ["id"] = new AttributeValue { S = key.Id },
                ["title"] = S(e.Title, "title"),
                ["summary"] = S(e.Summary, "summary"),
                ["owner"] = S(e.Owner, "owner"),
                ["city"] = S(e.City, "city"),
                ["quantity"] = N(e.Quantity),
                ["priority"] = N(e.Priority),
                ["views"] = N(e.Views),
                ["price"] = new AttributeValue { N = e.Price.ToString(CultureInfo.InvariantCulture) },
                ["latitude"] = N(e.Latitude, "latitude"),
                ["active"] = new AttributeValue { BOOL = e.Active },
                ["archived"] = new AttributeValue { BOOL = e.Archived },
                ["status"] = new AttributeValue { S = StatusName(e.Status) },
                ["created_at"] = new AttributeValue { S = e.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
                ["updated_at"] = N(e.UpdatedAt.ToUnixTimeSeconds()),
                ["address"] = Address(e.Address ?? throw new DynamoValidationException(Entity, "address", "is required")),
            };

            if (e.Email is { } email) item["email"] = new AttributeValue { S = email };
            if (e.Note is { } note) item["note"] = new AttributeValue { S = note };
            if (e.Seats is { } seats) item["seats"] = N(seats);
            if (e.Sequence is { } sequence) item["sequence"] = N(sequence);
            if (e.Discount is { } discount) item["discount"] = new AttributeValue { N = discount.ToString(CultureInfo.InvariantCulture) };
            if (e.Score is { } score) item["score"] = N(score, "score");
            if (e.ShippedOn is { } shippedOn) item["shipped_on"] = new AttributeValue { S = shippedOn.ToString(DateOnlyFormat, CultureInfo.InvariantCulture) };
            if (e.LastSeen is { } lastSeen) item["last_seen"] = new AttributeValue { S = lastSeen.ToString("O", CultureInfo.InvariantCulture) };
            if (e.Tags is { } tags) item["tags"] = StringList(tags);
            if (e.Aliases is { } aliases) item["aliases"] = StringList(aliases);
            if (e.Labels is { Count: > 0 } labels) item["labels"] = StringSet(labels);
            if (e.Regions is { Count: > 0 } regions) item["regions"] = StringSet(regions);
            if (e.Counters is { } counters) item["counters"] = IntMap(counters);
            if (e.Limits is { } limits) item["limits"] = IntMap(limits);
            if (e.Ratings is { } ratings) item["ratings"] = IntList(ratings);
            if (e.BillingAddress is { } billing) item["billing_address"] = Address(billing);
            return item;
        }

        /// <summary>Reads a stored item; attributes the schema does not declare are dropped.</summary>
        public static WideItem FromItem(Dictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var found = 0;
            var id = Read.String(item, "id", ref found) ?? throw Read.Missing(Entity, "id", null);
            if (!WideItemKey.TryParse(id, out var key))
            {
                throw new DynamoMappingException(Entity, "id", "a non-empty id", "an empty string", null);
            }

            return new WideItem
            {
                Key = key,
                Title = Read.String(item, "title", ref found, key) ?? throw Read.Missing(Entity, "title", key),
                Summary = Read.String(item, "summary", ref found, key) ?? throw Read.Missing(Entity, "summary", key),
                Owner = Read.String(item, "owner", ref found, key) ?? throw Read.Missing(Entity, "owner", key),
                Email = Read.String(item, "email", ref found, key),
                City = Read.String(item, "city", ref found, key) ?? "",
                Note = Read.String(item, "note", ref found, key),
                Quantity = Read.Int32(item, "quantity", ref found, key) ?? throw Read.Missing(Entity, "quantity", key),
                Priority = Read.Int32(item, "priority", ref found, key) ?? 0,
                Seats = Read.Int32(item, "seats", ref found, key),
                Views = Read.Int64(item, "views", ref found, key) ?? 0,
                Sequence = Read.Int64(item, "sequence", ref found, key),
                Price = Read.Decimal(item, "price", ref found, key) ?? throw Read.Missing(Entity, "price", key),
                Discount = Read.Decimal(item, "discount", ref found, key),
                Latitude = Read.Double(item, "latitude", ref found, key) ?? throw Read.Missing(Entity, "latitude", key),
                Score = Read.Double(item, "score", ref found, key),
                Active = Read.Bool(item, "active", ref found, key) ?? throw Read.Missing(Entity, "active", key),
                Archived = Read.Bool(item, "archived", ref found, key) ?? false,
                Status = Read.String(item, "status", ref found, key) is { } status ? ParseStatus(status, key) : WideStatus.Draft,
                CreatedAt = Iso(Read.String(item, "created_at", ref found, key) ?? throw Read.Missing(Entity, "created_at", key), "created_at", key),
                UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(Read.Int64(item, "updated_at", ref found, key) ?? throw Read.Missing(Entity, "updated_at", key)),
                ShippedOn = Read.String(item, "shipped_on", ref found, key) is { } shippedOn ? DateOnly(shippedOn, key) : null,
                LastSeen = Read.String(item, "last_seen", ref found, key) is { } lastSeen ? Iso(lastSeen, "last_seen", key) : null,
                Tags = StringList(Read.Find(item, "tags", ref found), "tags", key),
                Aliases = StringList(Read.Find(item, "aliases", ref found), "aliases", key),
                // DynamoDB stores no empty set: an absent set reads as empty, as the generated code does.
                Labels = StringSet(Read.Find(item, "labels", ref found), "labels", key) ?? new HashSet<string>(StringComparer.Ordinal),
                Regions = StringSet(Read.Find(item, "regions", ref found), "regions", key) ?? new HashSet<string>(StringComparer.Ordinal),
                Counters = IntMap(Read.Find(item, "counters", ref found), "counters", key),
                Limits = IntMap(Read.Find(item, "limits", ref found), "limits", key),
                Ratings = IntList(Read.Find(item, "ratings", ref found), "ratings", key),
                Address = Address(Read.Find(item, "address", ref found), "address", key) ?? throw Read.Missing(Entity, "address", key),
                BillingAddress = Address(Read.Find(item, "billing_address", ref found), "billing_address", key),
            };
        }

        private static AttributeValue S(string? value, string name)
            => new() { S = value ?? throw new DynamoValidationException(Entity, name, "is required") };

        private static AttributeValue N(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

        private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

        private static AttributeValue N(double value, string name)
            => double.IsFinite(value)
                ? new() { N = value.ToString("R", CultureInfo.InvariantCulture) }
                : throw new DynamoValidationException(Entity, name, "must be a finite number");

        private static string StatusName(WideStatus status) => status switch
        {
            WideStatus.Draft => "Draft",
            WideStatus.Active => "Active",
            WideStatus.Closed => "Closed",
            _ => throw new DynamoValidationException(Entity, "status", "is not a declared WideStatus"),
        };

        private static WideStatus ParseStatus(string text, object key) => text switch
        {
            "Draft" => WideStatus.Draft,
            "Active" => WideStatus.Active,
            "Closed" => WideStatus.Closed,
            _ => throw new DynamoMappingException(Entity, "status", "a WideStatus name", "another string", key.ToString()),
        };

        private static AttributeValue StringList(IReadOnlyList<string> values)
        {
            var list = new List<AttributeValue>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                list.Add(new AttributeValue { S = values[i] ?? throw new DynamoValidationException(Entity, "list", "holds a null") });
            }

            return new AttributeValue { L = list };
        }

        private static AttributeValue IntList(IReadOnlyList<int> values)
        {
            var list = new List<AttributeValue>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                list.Add(N(values[i]));
            }

            return new AttributeValue { L = list };
        }

        private static AttributeValue StringSet(IReadOnlySet<string> values)
        {
            var set = new List<string>(values.Count);
            foreach (var value in values)
            {
                set.Add(value);
            }

            return new AttributeValue { SS = set };
        }

        private static AttributeValue IntMap(IReadOnlyDictionary<string, int> values)
        {
            var map = new Dictionary<string, AttributeValue>(values.Count, StringComparer.Ordinal);
            foreach (var pair in values)
            {
                map[pair.Key] = N(pair.Value);
            }

            return new AttributeValue { M = map };
        }

        private static AttributeValue Address(WideAddress address) => new()
        {
            M = new Dictionary<string, AttributeValue>(4, StringComparer.Ordinal)
            {
                ["street"] = S(address.Street, "address.street"),
                ["city"] = S(address.City, "address.city"),
                ["postal_code"] = S(address.PostalCode, "address.postal_code"),
                ["country"] = S(address.Country, "address.country"),
            },
        };

        private static DateTimeOffset Iso(string text, string name, object key)
            => DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : throw new DynamoMappingException(Entity, name, "an ISO 8601 time", "another string", key.ToString());

        private static DateTimeOffset DateOnly(string text, object key)
            => DateTimeOffset.TryParseExact(text, DateOnlyFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new DynamoMappingException(Entity, "shipped_on", "a date yyyy-MM-dd", "another string", key.ToString());

        private static List<string>? StringList(AttributeValue? value, string name, object key)
        {
            if (value is null)
            {
                return null;
            }

            var stored = value.L ?? throw new DynamoMappingException(Entity, name, "a list (L)", "another type", key.ToString());
            var list = new List<string>(stored.Count);
            foreach (var element in stored)
            {
                list.Add(element.S ?? throw new DynamoMappingException(Entity, name, "a list of strings", "another element type", key.ToString()));
            }

            return list;
        }

        private static List<int>? IntList(AttributeValue? value, string name, object key)
        {
            if (value is null)
            {
                return null;
            }

            var stored = value.L ?? throw new DynamoMappingException(Entity, name, "a list (L)", "another type", key.ToString());
            var list = new List<int>(stored.Count);
            foreach (var element in stored)
            {
                list.Add(element.N is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new DynamoMappingException(Entity, name, "a list of ints", "another element", key.ToString()));
            }

            return list;
        }

        private static HashSet<string>? StringSet(AttributeValue? value, string name, object key)
        {
            if (value is null)
            {
                return null;
            }

            var stored = value.SS ?? throw new DynamoMappingException(Entity, name, "a string set (SS)", "another type", key.ToString());
            return new HashSet<string>(stored, StringComparer.Ordinal);
        }

        private static Dictionary<string, int>? IntMap(AttributeValue? value, string name, object key)
        {
            if (value is null)
            {
                return null;
            }

            var stored = value.M ?? throw new DynamoMappingException(Entity, name, "a map (M)", "another type", key.ToString());
            var map = new Dictionary<string, int>(stored.Count, StringComparer.Ordinal);
            foreach (var pair in stored)
            {
                map[pair.Key] = pair.Value.N is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new DynamoMappingException(Entity, name, "a map of ints", "another value", key.ToString());
            }

            return map;
        }

        private static WideAddress? Address(AttributeValue? value, string name, object key)
        {
            if (value is null)
            {
                return null;
            }

            var map = value.M ?? throw new DynamoMappingException(Entity, name, "a map (M)", "another type", key.ToString());
            var found = 0;
            return new WideAddress
            {
                Street = Read.String(map, "street", ref found, key) ?? throw Read.Missing(Entity, name + ".street", key),
                City = Read.String(map, "city", ref found, key) ?? throw Read.Missing(Entity, name + ".city", key),
                PostalCode = Read.String(map, "postal_code", ref found, key) ?? throw Read.Missing(Entity, name + ".postal_code", key),
                Country = Read.String(map, "country", ref found, key) ?? "KR",
            };
        }
    }

    /// <summary>The wide item as a <c>DynamoDBContext</c> class: V2 conversion for the collections, converters for the dates and the enum.</summary>
    [DynamoDBTable("wide_item")]
    public sealed class WideItemDocument
    {
        // Each property is the stored attribute named in its [DynamoDBProperty].
        [DynamoDBHashKey("id")] public string Id { get; set; } = "";
        [DynamoDBProperty("title")] public string Title { get; set; } = "";
        [DynamoDBProperty("summary")] public string Summary { get; set; } = "";
        [DynamoDBProperty("owner")] public string Owner { get; set; } = "";
        [DynamoDBProperty("email")] public string? Email { get; set; }
        [DynamoDBProperty("city")] public string City { get; set; } = "";
        [DynamoDBProperty("note")] public string? Note { get; set; }
        [DynamoDBProperty("quantity")] public int Quantity { get; set; }
        [DynamoDBProperty("priority")] public int Priority { get; set; }
        [DynamoDBProperty("seats")] public int? Seats { get; set; }
        [DynamoDBProperty("views")] public long Views { get; set; }
        [DynamoDBProperty("sequence")] public long? Sequence { get; set; }
        [DynamoDBProperty("price")] public decimal Price { get; set; }
        [DynamoDBProperty("discount")] public decimal? Discount { get; set; }
        [DynamoDBProperty("latitude")] public double Latitude { get; set; }
        [DynamoDBProperty("score")] public double? Score { get; set; }
        [DynamoDBProperty("active")] public bool Active { get; set; }
        [DynamoDBProperty("archived")] public bool Archived { get; set; }
        [DynamoDBProperty("status", typeof(WideStatusConverter))] public WideStatus Status { get; set; }
        [DynamoDBProperty("created_at", typeof(IsoTimeConverter))] public DateTimeOffset CreatedAt { get; set; }
        [DynamoDBProperty("updated_at", typeof(EpochSecondsConverter))] public DateTimeOffset UpdatedAt { get; set; }
        [DynamoDBProperty("shipped_on", typeof(DateOnlyConverter))] public DateTimeOffset? ShippedOn { get; set; }
        [DynamoDBProperty("last_seen", typeof(IsoTimeConverter))] public DateTimeOffset? LastSeen { get; set; }
        [DynamoDBProperty("tags")] public List<string>? Tags { get; set; }
        [DynamoDBProperty("aliases")] public List<string>? Aliases { get; set; }
        [DynamoDBProperty("labels")] public HashSet<string>? Labels { get; set; }
        [DynamoDBProperty("regions")] public HashSet<string>? Regions { get; set; }
        [DynamoDBProperty("counters")] public Dictionary<string, int>? Counters { get; set; }
        [DynamoDBProperty("limits")] public Dictionary<string, int>? Limits { get; set; }
        [DynamoDBProperty("ratings")] public List<int>? Ratings { get; set; }
        [DynamoDBProperty("address")] public WideAddressDocument? Address { get; set; }
        [DynamoDBProperty("billing_address")] public WideAddressDocument? BillingAddress { get; set; }
    }

    /// <summary>The nested address as a <c>DynamoDBContext</c> class (stored as a map).</summary>
    public sealed class WideAddressDocument
    {
        // Each property is the stored attribute named in its [DynamoDBProperty].
        [DynamoDBProperty("street")] public string Street { get; set; } = "";
        [DynamoDBProperty("city")] public string City { get; set; } = "";
        [DynamoDBProperty("postal_code")] public string PostalCode { get; set; } = "";
        [DynamoDBProperty("country")] public string Country { get; set; } = "KR";

        /// <summary>The same data as a <see cref="WideAddress"/>.</summary>
        public static WideAddressDocument From(WideAddress address) => new()
        {
            Street = address.Street,
            City = address.City,
            PostalCode = address.PostalCode,
            Country = address.Country,
        };
    }

    /// <summary>DateTimeOffset as ISO 8601 (round-trip "O"), for <c>DynamoDBContext</c>.</summary>
    public sealed class IsoTimeConverter : IPropertyConverter
    {
        /// <inheritdoc/>
        public DynamoDBEntry? ToEntry(object value)
            => value is DateTimeOffset time ? new Primitive(time.ToString("O", CultureInfo.InvariantCulture)) : null;

        /// <inheritdoc/>
        public object? FromEntry(DynamoDBEntry entry)
            => entry is Primitive { Value: string text } ? DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>DateTimeOffset as epoch seconds (N), for <c>DynamoDBContext</c>.</summary>
    public sealed class EpochSecondsConverter : IPropertyConverter
    {
        /// <inheritdoc/>
        public DynamoDBEntry? ToEntry(object value)
            => value is DateTimeOffset time ? new Primitive(time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), saveAsNumeric: true) : null;

        /// <inheritdoc/>
        public object? FromEntry(DynamoDBEntry entry)
            => entry is Primitive primitive ? DateTimeOffset.FromUnixTimeSeconds(primitive.AsLong()) : null;
    }

    /// <summary>DateTimeOffset as yyyy-MM-dd, for <c>DynamoDBContext</c>.</summary>
    public sealed class DateOnlyConverter : IPropertyConverter
    {
        /// <inheritdoc/>
        public DynamoDBEntry? ToEntry(object value)
            => value is DateTimeOffset time ? new Primitive(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

        /// <inheritdoc/>
        public object? FromEntry(DynamoDBEntry entry)
            => entry is Primitive { Value: string text }
                ? DateTimeOffset.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : null;
    }

    /// <summary>The status by name, for <c>DynamoDBContext</c>.</summary>
    public sealed class WideStatusConverter : IPropertyConverter
    {
        /// <inheritdoc/>
        public DynamoDBEntry ToEntry(object value) => new Primitive(((WideStatus)value).ToString());

        /// <inheritdoc/>
        public object FromEntry(DynamoDBEntry entry) => Enum.Parse<WideStatus>(entry.AsString());
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Benchmarks.Wide;
using Bookings.Generated.Runtime;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>
    /// STAND-IN for the wide item, scalar attributes only: 34 attributes of every scalar type the schema
    /// language has today (Schemas/wide-scalar.tables.json), generated vs hand-written vs <c>DynamoDBContext</c>.
    /// The real wide item, with lists, maps, sets, dates and a nested object, is
    /// <see cref="WideItemMarshalingBenchmarks"/>, whose generated half waits for those types.
    /// </summary>
    public class WideScalarMarshalingBenchmarks : MarshalingBenchmarks<WideScalarCase, WideScalar, WideScalarDocument>
    {
    }

    /// <summary>The wide scalar item shape.</summary>
    public readonly struct WideScalarCase : IGeneratedMarshalingCase<WideScalar, WideScalarDocument>
    {
        /// <inheritdoc/>
        public static WideScalar CreateEntity() => new()
        {
            Key = WideScalarKey.Create("item-000042"),
            Title = "Dinner for four, window table",
            Summary = "A booking imported from the partner site, confirmed by phone.",
            Owner = "store-20231",
            Email = "owner@example.com",
            City = "Seoul",
            Country = "KR",
            PostalCode = "04524",
            Category = "restaurant",
            Source = "import",
            Note = null,
            Quantity = 4,
            Priority = 2,
            Rank = 17,
            Retries = 0,
            Seats = 4,
            Floor = null,
            CreatedEpoch = 1741939200,
            UpdatedEpoch = 1741942800,
            Views = 1523,
            BytesStored = 48213,
            Sequence = 9007199254740993,
            ExpiresAt = null,
            Price = 129000.00m,
            Discount = 0.15m,
            Tax = 11727.27m,
            Balance = null,
            Latitude = 37.5665,
            Longitude = 126.978,
            Score = 4.75,
            Active = true,
            Verified = true,
            Archived = false,
            Featured = false,
        };

        /// <inheritdoc/>
        public static WideScalarDocument ToDocumentModel(WideScalar e) => new()
        {
            Id = e.Id,
            Title = e.Title,
            Summary = e.Summary,
            Owner = e.Owner,
            Email = e.Email,
            City = e.City,
            Country = e.Country,
            PostalCode = e.PostalCode,
            Category = e.Category,
            Source = e.Source,
            Note = e.Note,
            Quantity = e.Quantity,
            Priority = e.Priority,
            Rank = e.Rank,
            Retries = e.Retries,
            Seats = e.Seats,
            Floor = e.Floor,
            CreatedEpoch = e.CreatedEpoch,
            UpdatedEpoch = e.UpdatedEpoch,
            Views = e.Views,
            BytesStored = e.BytesStored,
            Sequence = e.Sequence,
            ExpiresAt = e.ExpiresAt,
            Price = e.Price,
            Discount = e.Discount,
            Tax = e.Tax,
            Balance = e.Balance,
            Latitude = e.Latitude,
            Longitude = e.Longitude,
            Score = e.Score,
            Active = e.Active,
            Verified = e.Verified,
            Archived = e.Archived,
            Featured = e.Featured,
        };

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> HandWrittenToItem(WideScalar entity) => WideScalarHandWritten.ToItem(entity);

        /// <inheritdoc/>
        public static WideScalar HandWrittenFromItem(Dictionary<string, AttributeValue> item) => WideScalarHandWritten.FromItem(item);

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> GeneratedToItem(WideScalar entity) => WideScalarMarshaller.ToItem(entity);

        /// <inheritdoc/>
        public static WideScalar GeneratedFromItem(Dictionary<string, AttributeValue> item) => WideScalarMarshaller.FromItem(item);
    }

    /// <summary>Careful hand-written conversions of the generated <see cref="WideScalar"/> record, with the generated marshaller's checks.</summary>
    public static class WideScalarHandWritten
    {
        private const string Entity = "WideScalar";

        /// <summary>The item to store; optional attributes without a value are left out.</summary>
        public static Dictionary<string, AttributeValue> ToItem(WideScalar e)
        {
            ArgumentNullException.ThrowIfNull(e);
            var key = e.Key ?? throw new DynamoValidationException(Entity, "Key", "is required");
            var item = new Dictionary<string, AttributeValue>(34)
            {
                ["id"] = new AttributeValue { S = key.Id },
                ["title"] = S(e.Title, "title"),
                ["summary"] = S(e.Summary, "summary"),
                ["owner"] = S(e.Owner, "owner"),
                ["email"] = S(e.Email, "email"),
                ["city"] = S(e.City, "city"),
                ["country"] = S(e.Country, "country"),
                ["postal_code"] = S(e.PostalCode, "postal_code"),
                ["quantity"] = N(e.Quantity),
                ["priority"] = N(e.Priority),
                ["rank"] = N(e.Rank),
                ["retries"] = N(e.Retries),
                ["created_epoch"] = N(e.CreatedEpoch),
                ["updated_epoch"] = N(e.UpdatedEpoch),
                ["views"] = N(e.Views),
                ["bytes_stored"] = N(e.BytesStored),
                ["price"] = N(e.Price),
                ["discount"] = N(e.Discount),
                ["latitude"] = N(e.Latitude, "latitude"),
                ["longitude"] = N(e.Longitude, "longitude"),
                ["active"] = new AttributeValue { BOOL = e.Active },
                ["verified"] = new AttributeValue { BOOL = e.Verified },
                ["archived"] = new AttributeValue { BOOL = e.Archived },
                ["featured"] = new AttributeValue { BOOL = e.Featured },
            };

            if (e.Category is { } category) item["category"] = new AttributeValue { S = category };
            if (e.Source is { } source) item["source"] = new AttributeValue { S = source };
            if (e.Note is { } note) item["note"] = new AttributeValue { S = note };
            if (e.Seats is { } seats) item["seats"] = N(seats);
            if (e.Floor is { } floor) item["floor"] = N(floor);
            if (e.Sequence is { } sequence) item["sequence"] = N(sequence);
            if (e.ExpiresAt is { } expiresAt) item["expires_at"] = N(expiresAt);
            if (e.Tax is { } tax) item["tax"] = N(tax);
            if (e.Balance is { } balance) item["balance"] = N(balance);
            if (e.Score is { } score) item["score"] = N(score, "score");
            return item;
        }

        /// <summary>Reads a stored item; attributes the schema does not declare are dropped, as the generated code does.</summary>
        public static WideScalar FromItem(Dictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var found = 0;
            var id = Read.String(item, "id", ref found) ?? throw Read.Missing(Entity, "id", null);
            if (!WideScalarKey.TryParse(id, out var key))
            {
                throw new DynamoMappingException(Entity, "id", "a key of the form {id}", "a value that does not fit it", null);
            }

            return new WideScalar
            {
                Key = key,
                Title = Read.String(item, "title", ref found, key) ?? throw Read.Missing(Entity, "title", key),
                Summary = Read.String(item, "summary", ref found, key) ?? throw Read.Missing(Entity, "summary", key),
                Owner = Read.String(item, "owner", ref found, key) ?? throw Read.Missing(Entity, "owner", key),
                Email = Read.String(item, "email", ref found, key) ?? throw Read.Missing(Entity, "email", key),
                City = Read.String(item, "city", ref found, key) ?? "",
                Country = Read.String(item, "country", ref found, key) ?? "",
                PostalCode = Read.String(item, "postal_code", ref found, key) ?? "",
                Category = Read.String(item, "category", ref found, key),
                Source = Read.String(item, "source", ref found, key),
                Note = Read.String(item, "note", ref found, key),
                Quantity = Read.Int32(item, "quantity", ref found, key) ?? throw Read.Missing(Entity, "quantity", key),
                Priority = Read.Int32(item, "priority", ref found, key) ?? throw Read.Missing(Entity, "priority", key),
                Rank = Read.Int32(item, "rank", ref found, key) ?? 0,
                Retries = Read.Int32(item, "retries", ref found, key) ?? 0,
                Seats = Read.Int32(item, "seats", ref found, key),
                Floor = Read.Int32(item, "floor", ref found, key),
                CreatedEpoch = Read.Int64(item, "created_epoch", ref found, key) ?? throw Read.Missing(Entity, "created_epoch", key),
                UpdatedEpoch = Read.Int64(item, "updated_epoch", ref found, key) ?? throw Read.Missing(Entity, "updated_epoch", key),
                Views = Read.Int64(item, "views", ref found, key) ?? 0,
                BytesStored = Read.Int64(item, "bytes_stored", ref found, key) ?? 0,
                Sequence = Read.Int64(item, "sequence", ref found, key),
                ExpiresAt = Read.Int64(item, "expires_at", ref found, key),
                Price = Read.Decimal(item, "price", ref found, key) ?? throw Read.Missing(Entity, "price", key),
                Discount = Read.Decimal(item, "discount", ref found, key) ?? throw Read.Missing(Entity, "discount", key),
                Tax = Read.Decimal(item, "tax", ref found, key),
                Balance = Read.Decimal(item, "balance", ref found, key),
                Latitude = Read.Double(item, "latitude", ref found, key) ?? throw Read.Missing(Entity, "latitude", key),
                Longitude = Read.Double(item, "longitude", ref found, key) ?? throw Read.Missing(Entity, "longitude", key),
                Score = Read.Double(item, "score", ref found, key),
                Active = Read.Bool(item, "active", ref found, key) ?? throw Read.Missing(Entity, "active", key),
                Verified = Read.Bool(item, "verified", ref found, key) ?? false,
                Archived = Read.Bool(item, "archived", ref found, key) ?? false,
                Featured = Read.Bool(item, "featured", ref found, key) ?? false,
            };
        }

        private static AttributeValue S(string? value, string name)
            => new() { S = value ?? throw new DynamoValidationException(Entity, name, "is required") };

        private static AttributeValue N(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

        private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

        private static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

        private static AttributeValue N(double value, string name)
            => double.IsFinite(value)
                ? new() { N = value.ToString("R", CultureInfo.InvariantCulture) }
                : throw new DynamoValidationException(Entity, name, "must be a finite number");
    }

    /// <summary>The wide scalar item as a <c>DynamoDBContext</c> class.</summary>
    [DynamoDBTable("wide_scalar")]
    public sealed class WideScalarDocument
    {
        [DynamoDBHashKey("id")] public string Id { get; set; } = "";
        [DynamoDBProperty("title")] public string Title { get; set; } = "";
        [DynamoDBProperty("summary")] public string Summary { get; set; } = "";
        [DynamoDBProperty("owner")] public string Owner { get; set; } = "";
        [DynamoDBProperty("email")] public string Email { get; set; } = "";
        [DynamoDBProperty("city")] public string City { get; set; } = "";
        [DynamoDBProperty("country")] public string Country { get; set; } = "";
        [DynamoDBProperty("postal_code")] public string PostalCode { get; set; } = "";
        [DynamoDBProperty("category")] public string? Category { get; set; }
        [DynamoDBProperty("source")] public string? Source { get; set; }
        [DynamoDBProperty("note")] public string? Note { get; set; }
        [DynamoDBProperty("quantity")] public int Quantity { get; set; }
        [DynamoDBProperty("priority")] public int Priority { get; set; }
        [DynamoDBProperty("rank")] public int Rank { get; set; }
        [DynamoDBProperty("retries")] public int Retries { get; set; }
        [DynamoDBProperty("seats")] public int? Seats { get; set; }
        [DynamoDBProperty("floor")] public int? Floor { get; set; }
        [DynamoDBProperty("created_epoch")] public long CreatedEpoch { get; set; }
        [DynamoDBProperty("updated_epoch")] public long UpdatedEpoch { get; set; }
        [DynamoDBProperty("views")] public long Views { get; set; }
        [DynamoDBProperty("bytes_stored")] public long BytesStored { get; set; }
        [DynamoDBProperty("sequence")] public long? Sequence { get; set; }
        [DynamoDBProperty("expires_at")] public long? ExpiresAt { get; set; }
        [DynamoDBProperty("price")] public decimal Price { get; set; }
        [DynamoDBProperty("discount")] public decimal Discount { get; set; }
        [DynamoDBProperty("tax")] public decimal? Tax { get; set; }
        [DynamoDBProperty("balance")] public decimal? Balance { get; set; }
        [DynamoDBProperty("latitude")] public double Latitude { get; set; }
        [DynamoDBProperty("longitude")] public double Longitude { get; set; }
        [DynamoDBProperty("score")] public double? Score { get; set; }
        [DynamoDBProperty("active")] public bool Active { get; set; }
        [DynamoDBProperty("verified")] public bool Verified { get; set; }
        [DynamoDBProperty("archived")] public bool Archived { get; set; }
        [DynamoDBProperty("featured")] public bool Featured { get; set; }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Catalog;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Every attribute type of <c>catalog.tables.json</c> against DynamoDB Local: written with the generated code
    /// and read with the raw low-level client (exact stored types and text), written raw and read typed, and
    /// rejected or reported with the path inside the value when it does not fit.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class AttributeTypeRoundTripTests
    {
        private static readonly DateTimeOffset Created = new(2026, 11, 22, 9, 30, 15, 123, TimeSpan.FromHours(9));

        private readonly DynamoDbFixture _fixture;

        public AttributeTypeRoundTripTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(ProductRepository Products, string Table)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, new[] { ProductTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            return (new ProductRepository(_fixture.Client, options, GuardedLogs.For<ProductRepository>()), options.TableNames[ProductTable.Definition.EntityName]);
        }

        /// <summary>
        /// Writes, with the low-level client, a minimal valid product whose <paramref name="attribute"/> holds
        /// <paramref name="value"/>, and returns the mapping error reading it with the generated code raises.
        /// </summary>
        private async Task<DynamoMappingException> ReadMisfitAsync(ProductRepository products, string table, string id, string attribute, AttributeValue value)
        {
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["product_id"] = new() { S = id },
                    ["title"] = new() { S = "x" },
                    ["price"] = new() { N = "1" },
                    ["created_at"] = new() { S = "2026-11-22T01:02:03Z" },
                    [attribute] = value,
                },
            });
            return await Assert.ThrowsAsync<DynamoMappingException>(() => products.GetAsync(ProductKey.Create(id)));
        }

        private static Product FullProduct(string id) => new()
        {
            Key = ProductKey.Create(id),
            Title = "Linen shirt",
            Status = ProductStatus.Active,
            Price = 39.90m,
            Rating = 4.25,
            Stock = 12,
            Views = 9_000_000_000L,
            Featured = true,
            Thumbnail = new byte[] { 0, 1, 2, 254, 255 },
            CreatedAt = Created,
            UpdatedAt = new DateTime(2026, 11, 22, 0, 30, 15, DateTimeKind.Utc),
            LaunchDate = new DateOnly(2026, 12, 1),
            LegacyTime = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero),
            LocalTime = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(-5)),
            ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Tags = new HashSet<string> { "summer", "linen" },
            Sizes = new HashSet<int> { 90, 95, 100 },
            Weights = new HashSet<decimal> { 0.25m, 1.5m },
            Checksums = new[] { new byte[] { 1, 2 }, new byte[] { 3 } },
            Channels = new[] { Channel.Web, Channel.WalkIn },
            History = new[] { new DateOnly(2026, 1, 2), new DateOnly(2026, 3, 4) },
            Scores = new[] { 0.1, 2.5e-10 },
            Matrix = new IReadOnlyList<int>[] { new[] { 1, 2 }, Array.Empty<int>() },
            Warehouse = new Address { Line1 = "1 Main St", City = "Seoul", Postcode = "04524", ContactPhone = "010-1234-5678" },
            Addresses = new[] { new Address { Line1 = "2 Side St", City = "Busan" } },
            Dimensions = new Dimension { WidthCm = 30.5m, HeightCm = 70m, Labels = new[] { "M" } },
            Specs = new Dictionary<string, string> { ["fabric"] = "linen", ["fit"] = "regular" },
            StockByStore = new Dictionary<string, int> { ["gangnam"] = 3, ["hongdae"] = 0 },
            LabelsByLocale = new Dictionary<string, IReadOnlyList<string>> { ["ko"] = new[] { "셔츠" }, ["en"] = Array.Empty<string>() },
            OwnerPhone = "01098765432",
            ApiSecret = "s3cr3t-value",
        };

        [Fact]
        public async Task Every_type_is_stored_as_its_DynamoDB_type_and_reads_back_equal()
        {
            var (products, table) = await CreateAsync("types-write");
            var product = FullProduct("P1");
            await products.PutAsync(product);

            var raw = (await _fixture.Client.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = new Dictionary<string, AttributeValue> { ["product_id"] = new() { S = "P1" } },
                ConsistentRead = true,
            })).Item;

            Assert.Equal("active", raw["status"].S);
            Assert.Equal("39.9", raw["price"].N);                                      // DynamoDB normalises numbers
            Assert.Equal("4.25", raw["rating"].N);
            Assert.Equal("9000000000", raw["views"].N);
            Assert.True(raw["featured"].BOOL);
            Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, raw["thumbnail"].B.ToArray());
            Assert.Equal("2026-11-22T00:30:15.1230000+00:00", raw["created_at"].S);      // ISO 8601, converted to the declared UTC
            Assert.Equal("1795307415", raw["updated_at"].N);                             // epoch seconds
            Assert.Equal("2026-12-01", raw["launch_date"].S);
            Assert.Equal("2026-11-22 09:00:00", raw["legacy_time"].S);                   // the legacy pattern, in +09:00
            Assert.Equal("2026-11-22T10:00:00.0000000-05:00", raw["local_time"].S);      // "keep": its own offset
            Assert.Equal("1798761600", raw["expires_at"].N);                             // the TTL attribute
            Assert.Equal(new[] { "linen", "summer" }, raw["tags"].SS.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { "100", "90", "95" }, raw["sizes"].NS.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { "0.25", "1.5" }, raw["weights"].NS.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal("12", raw["stock"].N);
            Assert.Equal(new[] { "0102", "03" }, raw["checksums"].BS.Select(b => Convert.ToHexString(b.ToArray())).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { "web", "walk-in" }, raw["channels"].L.Select(v => v.S));
            Assert.Equal(new[] { "2026-01-02", "2026-03-04" }, raw["history"].L.Select(v => v.S));
            Assert.Equal(2, raw["matrix"].L.Count);
            Assert.Empty(raw["matrix"].L[1].L);
            Assert.Equal("Seoul", raw["warehouse"].M["city"].S);
            Assert.Equal("010-1234-5678", raw["warehouse"].M["contact_phone"].S);        // normalised inside a nested object too
            Assert.Equal("Busan", raw["addresses"].L[0].M["city"].S);
            Assert.False(raw["addresses"].L[0].M.ContainsKey("postcode"));
            Assert.Equal("30.5", raw["dimensions"].M["width_cm"].N);
            Assert.Equal("linen", raw["specs"].M["fabric"].S);
            Assert.Equal("0", raw["stock_by_store"].M["hongdae"].N);
            Assert.Empty(raw["labels_by_locale"].M["en"].L);
            Assert.True(raw["notes"].NULL);                                               // writeNull
            Assert.Equal("010-9876-5432", raw["owner_phone"].S);

            var back = await products.GetAsync(product.Key);
            Assert.NotNull(back);
            Assert.Equal(product.CreatedAt, back.CreatedAt);
            Assert.Equal(TimeSpan.Zero, back.CreatedAt.Offset);
            Assert.Equal(product.UpdatedAt, back.UpdatedAt);
            Assert.Equal(DateTimeKind.Utc, back.UpdatedAt!.Value.Kind);
            Assert.Equal(product.LegacyTime, back.LegacyTime);
            Assert.Equal(TimeSpan.FromHours(9), back.LegacyTime!.Value.Offset);
            Assert.Equal(TimeSpan.FromHours(-5), back.LocalTime!.Value.Offset);
            Assert.Equal(product.Thumbnail, back.Thumbnail);
            Assert.Equal(product.Tags.OrderBy(t => t), back.Tags.OrderBy(t => t));
            Assert.Equal(product.Sizes.OrderBy(t => t), back.Sizes.OrderBy(t => t));
            Assert.Equal(product.Weights.OrderBy(t => t), back.Weights.OrderBy(t => t));
            Assert.Equal(product.Checksums.Select(Convert.ToBase64String).OrderBy(t => t), back.Checksums.Select(Convert.ToBase64String).OrderBy(t => t));
            Assert.Equal(product.Channels, back.Channels);
            Assert.Equal(product.History, back.History);
            Assert.Equal(product.Scores, back.Scores);
            Assert.Equal(new[] { 1, 2 }, back.Matrix![0]);
            Assert.Equal(product.Warehouse! with { ContactPhone = "010-1234-5678" }, back.Warehouse);
            Assert.Equal(product.Addresses![0], back.Addresses![0]);
            Assert.Equal(product.Dimensions!.WidthCm, back.Dimensions!.WidthCm);
            Assert.Equal(product.Specs, back.Specs);
            Assert.Equal(product.StockByStore, back.StockByStore);
            Assert.Equal(new[] { "셔츠" }, back.LabelsByLocale!["ko"]);
            Assert.Null(back.Notes);
            Assert.Equal(ProductStatus.Active, back.Status);
            Assert.Equal(9_000_000_000L, back.Views);

            var printed = back.ToString();
            Assert.DoesNotContain("s3cr3t", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("9876", printed, StringComparison.Ordinal);
            Assert.Contains("Tags = [2 items]", printed, StringComparison.Ordinal);
            Assert.Contains("Thumbnail = <5 bytes>", printed, StringComparison.Ordinal);
        }

        [Fact]
        public void A_printed_item_shows_every_absent_value_as_null_and_an_empty_text_as_empty()
        {
            var product = new Product { Key = ProductKey.Create("P12"), Title = "x", Price = 1m, CreatedAt = Created, Notes = string.Empty };
            var printed = product.ToString();

            // Absent numbers, dates, records and bytes alike; before, some printed "null" and others nothing.
            foreach (var absent in new[] { "Rating", "UpdatedAt", "LaunchDate", "LegacyTime", "LocalTime", "ExpiresAt", "Warehouse", "Dimensions", "Thumbnail", "OwnerPhone", "ApiSecret", "Channels" })
            {
                Assert.Contains($"{absent} = null,", printed, StringComparison.Ordinal);
            }

            Assert.Contains("Notes = ,", printed, StringComparison.Ordinal);
            Assert.Contains("Stock = 0, ", printed, StringComparison.Ordinal);
            Assert.Contains("CreatedAt = 2026-11-22T09:30:15.1230000+09:00, ", printed, StringComparison.Ordinal);

            var present = (product with { Rating = 4.5, LaunchDate = new DateOnly(2026, 12, 1), UpdatedAt = new DateTime(2026, 11, 22, 0, 30, 15, DateTimeKind.Utc) }).ToString();
            Assert.Contains("Rating = 4.5, ", present, StringComparison.Ordinal);
            Assert.Contains("LaunchDate = 2026-12-01, ", present, StringComparison.Ordinal);
            Assert.Contains("UpdatedAt = 2026-11-22T00:30:15.0000000Z, ", present, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Items_written_by_another_writer_read_typed_with_defaults_and_empty_sets()
        {
            var (products, table) = await CreateAsync("types-read");
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["product_id"] = new() { S = "P2" },
                    ["title"] = new() { S = "Cap" },
                    ["price"] = new() { N = "12" },
                    ["created_at"] = new() { S = "2026-11-22T01:02:03Z" },
                    ["legacy_time"] = new() { S = "2026-11-22 10:11:12" },
                    ["local_time"] = new() { S = "2026-11-22T10:11:12+09:00" },
                    ["rating"] = new() { NULL = true },
                    ["warehouse"] = new() { M = new Dictionary<string, AttributeValue> { ["line1"] = new() { S = "3 Hill Rd" }, ["city"] = new() { S = "Jeju" } } },
                    ["customer_note"] = new() { S = "kept" },
                },
            });

            var product = await products.GetAsync(ProductKey.Create("P2"));

            Assert.NotNull(product);
            Assert.Equal(ProductStatus.Draft, product.Status);                           // the declared default
            Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero), product.CreatedAt);
            Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 11, 12, TimeSpan.FromHours(9)), product.LegacyTime);
            Assert.Equal(TimeSpan.FromHours(9), product.LocalTime!.Value.Offset);
            Assert.Null(product.Rating);                                                  // NULL reads as absent
            Assert.Empty(product.Tags);                                                   // no set stored: empty, never null
            Assert.Empty(product.Checksums);
            Assert.Null(product.Channels);
            Assert.Equal("Jeju", product.Warehouse!.City);
            Assert.Equal("kept", product.ExtraAttributes["customer_note"].S);

            // A read-modify-write keeps the other writer's attribute and stores no empty set.
            await products.PutAsync(product with { Title = "Wool cap" });
            var raw = (await _fixture.Client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["product_id"] = new() { S = "P2" } })).Item;
            Assert.Equal("kept", raw["customer_note"].S);
            Assert.False(raw.ContainsKey("tags"));
        }

        [Fact]
        public async Task Every_type_written_raw_by_another_writer_reads_as_its_exact_typed_value()
        {
            var (products, table) = await CreateAsync("types-read-all");
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["product_id"] = new() { S = "P20" },
                    ["title"] = new() { S = "Raincoat" },
                    ["price"] = new() { N = "59.5" },
                    ["created_at"] = new() { S = "2026-11-22T01:02:03Z" },
                    ["status"] = new() { S = "retired" },
                    ["rating"] = new() { N = "4.25" },
                    ["stock"] = new() { N = "7" },
                    ["views"] = new() { N = "9000000000" },
                    ["featured"] = new() { BOOL = true },
                    ["thumbnail"] = new() { B = new MemoryStream(new byte[] { 0, 16, 255 }) },
                    ["updated_at"] = new() { N = "1795307415" },
                    ["launch_date"] = new() { S = "2026-12-01" },
                    ["expires_at"] = new() { N = "1798761600" },
                    ["tags"] = new() { SS = new List<string> { "rain", "outdoor" } },
                    ["sizes"] = new() { NS = new List<string> { "90", "100" } },
                    ["weights"] = new() { NS = new List<string> { "0.25", "1.5" } },
                    ["checksums"] = new() { BS = new List<MemoryStream> { new(new byte[] { 1, 2 }), new(new byte[] { 3 }) } },
                    ["channels"] = new() { L = new List<AttributeValue> { new() { S = "walk-in" }, new() { S = "app" } } },
                    ["history"] = new() { L = new List<AttributeValue> { new() { S = "2026-01-02" }, new() { S = "2026-03-04" } } },
                    ["scores"] = new() { L = new List<AttributeValue> { new() { N = "0.1" }, new() { N = "2.5E-10" } } },
                    ["matrix"] = new() { L = new List<AttributeValue> { new() { L = new List<AttributeValue> { new() { N = "1" }, new() { N = "2" } } }, new() { L = new List<AttributeValue>() } } },
                    ["addresses"] = new() { L = new List<AttributeValue> { new() { M = new Dictionary<string, AttributeValue> { ["line1"] = new() { S = "2 Side St" }, ["city"] = new() { S = "Busan" }, ["postcode"] = new() { S = "48058" } } } } },
                    ["dimensions"] = new() { M = new Dictionary<string, AttributeValue> { ["width_cm"] = new() { N = "30.5" }, ["height_cm"] = new() { N = "70" }, ["labels"] = new() { L = new List<AttributeValue> { new() { S = "M" } } } } },
                    ["specs"] = new() { M = new Dictionary<string, AttributeValue> { ["fabric"] = new() { S = "nylon" }, ["fit"] = new() { S = "loose" } } },
                    ["stock_by_store"] = new() { M = new Dictionary<string, AttributeValue> { ["gangnam"] = new() { N = "3" }, ["hongdae"] = new() { N = "0" } } },
                    ["labels_by_locale"] = new() { M = new Dictionary<string, AttributeValue> { ["ko"] = new() { L = new List<AttributeValue> { new() { S = "우비" } } }, ["en"] = new() { L = new List<AttributeValue>() } } },
                },
            });

            var product = await products.GetAsync(ProductKey.Create("P20"));

            Assert.NotNull(product);
            Assert.Equal(59.5m, product.Price);
            Assert.Equal(ProductStatus.Retired, product.Status);                         // enum text
            Assert.Equal(4.25, product.Rating);                                           // double
            Assert.Equal(7, product.Stock);                                               // int
            Assert.Equal(9_000_000_000L, product.Views);                                  // long beyond 32 bits
            Assert.True(product.Featured);
            Assert.Equal(new byte[] { 0, 16, 255 }, product.Thumbnail);                   // non-key B
            Assert.Equal(new DateTime(2026, 11, 22, 0, 30, 15, DateTimeKind.Utc), product.UpdatedAt);   // epoch seconds
            Assert.Equal(DateTimeKind.Utc, product.UpdatedAt!.Value.Kind);
            Assert.Equal(new DateOnly(2026, 12, 1), product.LaunchDate);
            Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), product.ExpiresAt);   // epoch seconds (the TTL)
            Assert.Equal(TimeSpan.Zero, product.ExpiresAt!.Value.Offset);
            Assert.Equal(new[] { "outdoor", "rain" }, product.Tags.OrderBy(t => t, StringComparer.Ordinal));   // SS
            Assert.Equal(new[] { 90, 100 }, product.Sizes.OrderBy(s => s));                                   // NS of int
            Assert.Equal(new[] { 0.25m, 1.5m }, product.Weights.OrderBy(w => w));                             // NS of decimal
            Assert.Equal(new[] { "0102", "03" }, product.Checksums.Select(Convert.ToHexString).OrderBy(c => c, StringComparer.Ordinal));   // BS, by content
            Assert.Equal(new[] { Channel.WalkIn, Channel.App }, product.Channels);                           // L of enum text, in order
            Assert.Equal(new[] { new DateOnly(2026, 1, 2), new DateOnly(2026, 3, 4) }, product.History);
            Assert.Equal(new[] { 0.1, 2.5e-10 }, product.Scores);
            Assert.Equal(2, product.Matrix!.Count);
            Assert.Equal(new[] { 1, 2 }, product.Matrix[0]);
            Assert.Empty(product.Matrix[1]);
            Assert.Equal(new[] { new Address { Line1 = "2 Side St", City = "Busan", Postcode = "48058" } }, product.Addresses);
            Assert.Equal(30.5m, product.Dimensions!.WidthCm);
            Assert.Equal(70m, product.Dimensions.HeightCm);
            Assert.Equal(new[] { "M" }, product.Dimensions.Labels);
            Assert.Equal(new Dictionary<string, string> { ["fabric"] = "nylon", ["fit"] = "loose" }, product.Specs);           // map<string>
            Assert.Equal(new Dictionary<string, int> { ["gangnam"] = 3, ["hongdae"] = 0 }, product.StockByStore);            // map<int>
            Assert.Equal(new[] { "en", "ko" }, product.LabelsByLocale!.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "우비" }, product.LabelsByLocale["ko"]);
            Assert.Empty(product.LabelsByLocale["en"]);
        }

        [Fact]
        public async Task Stored_values_of_the_wrong_DynamoDB_type_name_the_attribute()
        {
            var (products, table) = await CreateAsync("types-wrong-type");

            var sizes = await ReadMisfitAsync(products, table, "P21", "sizes", new() { SS = new List<string> { "90" } });
            Assert.Equal("sizes", sizes.Attribute);
            Assert.Equal("a number set (NS)", sizes.Expected);
            Assert.Equal("a string set (SS)", sizes.Found);
            Assert.Contains("'sizes'", sizes.Message, StringComparison.Ordinal);

            var thumbnail = await ReadMisfitAsync(products, table, "P22", "thumbnail", new() { S = "AAEC" });
            Assert.Equal("thumbnail", thumbnail.Attribute);
            Assert.Equal("binary (B)", thumbnail.Expected);
            Assert.Equal("a string (S)", thumbnail.Found);

            var updated = await ReadMisfitAsync(products, table, "P23", "updated_at", new() { S = "2026-11-22T00:30:15Z" });
            Assert.Equal("updated_at", updated.Attribute);                               // epoch seconds are N, not ISO text
            Assert.Equal("a string (S)", updated.Found);
        }

        [Fact]
        public async Task Stored_values_of_the_wrong_shape_name_the_path_inside_the_attribute()
        {
            var (products, table) = await CreateAsync("types-mapping");
            Task<DynamoMappingException> ReadWith(string id, string attribute, AttributeValue value) => ReadMisfitAsync(products, table, id, attribute, value);

            var nested = await ReadWith("P3", "addresses", new() { L = new List<AttributeValue> { new() { M = new Dictionary<string, AttributeValue> { ["line1"] = new() { S = "a" }, ["city"] = new() { N = "5" } } } } });
            Assert.Equal("addresses[0].city", nested.Attribute);
            Assert.Equal("a string (S)", nested.Expected);
            Assert.Equal("Product", nested.Entity);

            var missing = await ReadWith("P4", "warehouse", new() { M = new Dictionary<string, AttributeValue> { ["line1"] = new() { S = "a" } } });
            Assert.Equal("warehouse.city", missing.Attribute);

            var badEnum = await ReadWith("P5", "channels", new() { L = new List<AttributeValue> { new() { S = "web" }, new() { S = "fax" } } });
            Assert.Equal("channels[1]", badEnum.Attribute);
            Assert.Contains("web, app, walk-in", badEnum.Expected, StringComparison.Ordinal);

            var badDate = await ReadWith("P6", "legacy_time", new() { S = "22/11/2026" });
            Assert.Contains("yyyy-MM-dd HH:mm:ss", badDate.Expected, StringComparison.Ordinal);

            var mapValue = await ReadWith("P7", "stock_by_store", new() { M = new Dictionary<string, AttributeValue> { ["gangnam"] = new() { S = "3" } } });
            Assert.Equal("stock_by_store[\"gangnam\"]", mapValue.Attribute);
        }

        [Fact]
        public async Task Invalid_values_are_refused_before_any_request_naming_the_path_and_not_the_value()
        {
            var (products, _) = await CreateAsync("types-validation");
            var good = FullProduct("P8");

            async Task<DynamoValidationException> Refused(Product product)
                => await Assert.ThrowsAsync<DynamoValidationException>(() => products.PutAsync(product));

            Assert.Equal("addresses[1].postcode", (await Refused(good with { Addresses = new[] { good.Addresses![0], new Address { Line1 = "x", City = "y", Postcode = "ABCDE" } } })).Attribute);
            Assert.Equal("warehouse.contact_phone", (await Refused(good with { Warehouse = good.Warehouse! with { ContactPhone = "02-555-0101" } })).Attribute);
            Assert.Equal("title", (await Refused(good with { Title = string.Empty })).Attribute);
            Assert.Equal("price", (await Refused(good with { Price = -1m })).Attribute);
            Assert.Equal("rating", (await Refused(good with { Rating = 5.5 })).Attribute);
            Assert.Equal("scores[0]", (await Refused(good with { Scores = new[] { double.NaN } })).Attribute);
            Assert.Equal("channels[0]", (await Refused(good with { Channels = new[] { (Channel)42 } })).Attribute);
            Assert.Equal("dimensions.width_cm", (await Refused(good with { Dimensions = good.Dimensions! with { WidthCm = -2m } })).Attribute);
            Assert.Equal("checksums[1]", (await Refused(good with { Checksums = new[] { new byte[] { 1 }, new byte[] { 1 } } })).Attribute);
            Assert.Equal("specs[\"fit\"]", (await Refused(good with { Specs = new Dictionary<string, string> { ["fit"] = null! } })).Attribute);

            var local = await Refused(good with { UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local) });
            Assert.Equal("updated_at", local.Attribute);
            Assert.Contains("DateTimeKind.Utc", local.Message, StringComparison.Ordinal);

            var tooLong = await Refused(good with { Title = new string('x', 201) });
            Assert.Contains("between 1 and 200 characters", tooLong.Message, StringComparison.Ordinal);

            Assert.Null(await products.GetAsync(good.Key));                              // nothing was sent
        }

        [Fact]
        public async Task Updates_append_to_lists_and_add_or_delete_set_elements()
        {
            var (products, _) = await CreateAsync("types-update");
            var product = FullProduct("P9") with { Channels = null, Tags = new HashSet<string>() };
            await products.PutAsync(product);

            Assert.True(await products.UpdateAsync(product.Key, new ProductUpdate()
                .AppendToChannels(Channel.App, Channel.Web)
                .AddToTags("new", "sale")
                .DeleteFromSizes(95)
                .SetLaunchDate(new DateOnly(2027, 2, 3))));
            var updated = await products.GetAsync(product.Key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(new[] { Channel.App, Channel.Web }, updated!.Channels);
            Assert.Equal(new[] { "new", "sale" }, updated.Tags.OrderBy(t => t));
            Assert.Equal(new[] { 90, 100 }, updated.Sizes.OrderBy(s => s));
            Assert.Equal(new DateOnly(2027, 2, 3), updated.LaunchDate);

            Assert.True(await products.UpdateAsync(product.Key, new ProductUpdate().AppendToChannels(Channel.WalkIn).SetTags(new HashSet<string>())));
            updated = await products.GetAsync(product.Key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(new[] { Channel.App, Channel.Web, Channel.WalkIn }, updated!.Channels);
            Assert.Empty(updated.Tags);                                                   // an empty set removes the attribute

            Assert.Throws<ArgumentException>(() => new ProductUpdate().AddToTags());
        }

        [Fact]
        public async Task A_delta_is_any_number_and_a_condition_keeps_the_stored_value_in_range()
        {
            var (products, _) = await CreateAsync("types-delta");
            var product = FullProduct("P11") with { Stock = 5, Rating = 4.5 };
            await products.PutAsync(product);

            // stock has "minimum": 0 and rating "minimum": 0, "maximum": 5; a negative delta is a change, not a value.
            Assert.True(await products.UpdateAsync(product.Key, new ProductUpdate().AddStock(-2).AddRating(-1.25).AddPrice(-0.9m)));
            var updated = await products.GetAsync(product.Key, new ReadOptions { ConsistentRead = true });
            Assert.Equal(3, updated!.Stock);
            Assert.Equal(3.25, updated.Rating);
            Assert.Equal(39m, updated.Price);

            // What keeps the stored value in range is a typed condition: taking 2 needs at least 2 in stock.
            Assert.True(await products.UpdateAsync(product.Key, new ProductUpdate().AddStock(-2), new WriteOptions { Condition = ProductFields.Stock.GreaterThanOrEqual(2) }));
            Assert.Equal(1, (await products.GetAsync(product.Key, new ReadOptions { ConsistentRead = true }))!.Stock);
            await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => products.UpdateAsync(product.Key, new ProductUpdate().AddStock(-2), new WriteOptions { Condition = ProductFields.Stock.GreaterThanOrEqual(2) }));
            Assert.Equal(1, (await products.GetAsync(product.Key))!.Stock);

            // A delta is still a number DynamoDB can store; a value still keeps its range.
            Assert.Throws<DynamoValidationException>(() => new ProductUpdate().AddRating(double.NaN));
            Assert.Throws<DynamoValidationException>(() => new ProductUpdate().AddRating(double.NegativeInfinity));
            Assert.Throws<DynamoValidationException>(() => new ProductUpdate().SetStock(-1));
        }

        [Fact]
        public async Task Conditions_compare_dates_and_enums_in_their_stored_form()
        {
            var (products, _) = await CreateAsync("types-conditions");
            var product = FullProduct("P10");
            await products.PutAsync(product);

            Assert.True(await products.UpdateAsync(
                product.Key,
                new ProductUpdate().SetStatus(ProductStatus.Retired),
                new WriteOptions { Condition = ProductFields.CreatedAt.LessThan(Created.AddDays(1)) & ProductFields.Status.Equal(ProductStatus.Active) }));
            Assert.Equal(ProductStatus.Retired, (await products.GetAsync(product.Key, new ReadOptions { ConsistentRead = true }))!.Status);

            await Assert.ThrowsAsync<DynamoConditionFailedException>(() => products.UpdateAsync(
                product.Key,
                new ProductUpdate().SetStatus(ProductStatus.Draft),
                new WriteOptions { Condition = ProductFields.Status.Equal(ProductStatus.Active) }));
        }
    }
}

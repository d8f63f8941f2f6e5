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
            Assert.Equal(2, raw["checksums"].BS.Count);
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
        public async Task Stored_values_of_the_wrong_shape_name_the_path_inside_the_attribute()
        {
            var (products, table) = await CreateAsync("types-mapping");
            async Task<DynamoMappingException> ReadWith(string id, string attribute, AttributeValue value)
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

            var updated = await products.UpdateAsync(product.Key, new ProductUpdate()
                .AppendToChannels(Channel.App, Channel.Web)
                .AddToTags("new", "sale")
                .DeleteFromSizes(95)
                .SetLaunchDate(new DateOnly(2027, 2, 3)));
            Assert.Equal(new[] { Channel.App, Channel.Web }, updated!.Channels);
            Assert.Equal(new[] { "new", "sale" }, updated.Tags.OrderBy(t => t));
            Assert.Equal(new[] { 90, 100 }, updated.Sizes.OrderBy(s => s));
            Assert.Equal(new DateOnly(2027, 2, 3), updated.LaunchDate);

            updated = await products.UpdateAsync(product.Key, new ProductUpdate().AppendToChannels(Channel.WalkIn).SetTags(new HashSet<string>()));
            Assert.Equal(new[] { Channel.App, Channel.Web, Channel.WalkIn }, updated!.Channels);
            Assert.Empty(updated.Tags);                                                   // an empty set removes the attribute

            Assert.Throws<ArgumentException>(() => new ProductUpdate().AddToTags());
        }

        [Fact]
        public async Task Conditions_compare_dates_and_enums_in_their_stored_form()
        {
            var (products, _) = await CreateAsync("types-conditions");
            var product = FullProduct("P10");
            await products.PutAsync(product);

            var outcome = await products.UpdateAsync(
                product.Key,
                new ProductUpdate().SetStatus(ProductStatus.Retired),
                ProductFields.CreatedAt.LessThan(Created.AddDays(1)) & ProductFields.Status.Equal(ProductStatus.Active));
            Assert.Equal(ProductStatus.Retired, outcome!.Status);

            await Assert.ThrowsAsync<DynamoConditionFailedException>(() => products.UpdateAsync(
                product.Key,
                new ProductUpdate().SetStatus(ProductStatus.Draft),
                ProductFields.Status.Equal(ProductStatus.Active)));
        }
    }
}

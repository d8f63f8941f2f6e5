// catalog.tables.json: Every attribute type as a codec (binary, dates in each format and time-zone mode, enums,
// objects, lists, sets, maps, nested), written (empty sets left out, writeNull), read with defaults, checked against
// length and range rules, and printed; a date TTL.

// Product.Status
/// <summary>Stored as <c>status</c>; defaults to <c>global::Catalog.ProductStatus.Draft</c>.</summary>
public ProductStatus Status { get; init; } = global::Catalog.ProductStatus.Draft;

// Product.Tags
/// <summary>Stored as <c>tags</c>; defaults to <c>new global::System.Collections.Generic.HashSet&lt;string&gt;()</c>.</summary>
public global::System.Collections.Generic.IReadOnlySet<string> Tags { get; init; } = new global::System.Collections.Generic.HashSet<string>();

// Product.Checksums
/// <summary>Stored as <c>checksums</c>; defaults to <c>global::System.Array.Empty&lt;byte[]&gt;()</c>.</summary>
public global::System.Collections.Generic.IReadOnlyList<byte[]> Checksums { get; init; } = global::System.Array.Empty<byte[]>();

// Product.ToString
/// <summary>Prints the item with personal data masked and secrets left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Product {{ Key = {Key}, Title = {Title}, Status = {Status}, Price = {Price}, Rating = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Rating))}, Stock = {Stock}, Views = {Views}, Featured = {Featured}, Thumbnail = {(global::Bookings.Generated.Runtime.Internal.Summary.Bytes(Thumbnail))}, CreatedAt = {CreatedAt:o}, UpdatedAt = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(UpdatedAt, "o"))}, LaunchDate = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(LaunchDate, "yyyy-MM-dd"))}, LegacyTime = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(LegacyTime, "o"))}, LocalTime = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(LocalTime, "o"))}, ExpiresAt = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(ExpiresAt, "o"))}, Tags = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Tags))}, Sizes = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Sizes))}, Weights = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Weights))}, Checksums = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Checksums))}, Channels = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Channels))}, History = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(History))}, Scores = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Scores))}, Matrix = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Matrix))}, Warehouse = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Warehouse))}, Addresses = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Addresses))}, Dimensions = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Dimensions))}, Specs = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(Specs))}, StockByStore = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(StockByStore))}, LabelsByLocale = {(global::Bookings.Generated.Runtime.Internal.Summary.Items(LabelsByLocale))}, Notes = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Notes))}, OwnerPhone = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(OwnerPhone))}, ApiSecret = {(global::Bookings.Generated.Runtime.Internal.Redact.Secret(ApiSecret))}, ExtraAttributes = {(global::Bookings.Generated.Runtime.Internal.ExtraAttributes.Describe(ExtraAttributes))} }}");

// ProductMarshaller.*Codec
private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<ProductStatus> StatusCodec =
    global::Catalog.ProductStatusValues.Codec;

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<byte[]> ThumbnailCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Binary;

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateTimeOffset> CreatedAtCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(global::System.TimeSpan.Zero));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateTime> UpdatedAtCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTime(global::Bookings.Generated.Runtime.Internal.DateFormat.EpochSeconds(global::System.TimeSpan.Zero));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateOnly> LaunchDateCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateOnly(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(global::System.TimeSpan.Zero));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateTimeOffset> LegacyTimeCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.Pattern("yyyy-MM-dd HH:mm:ss", global::System.TimeSpan.FromMinutes(540)));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateTimeOffset> LocalTimeCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(null));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.DateTimeOffset> ExpiresAtCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateTimeOffset(global::Bookings.Generated.Runtime.Internal.DateFormat.EpochSeconds(global::System.TimeSpan.Zero));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlySet<string>> TagsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Set(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.String);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlySet<int>> SizesCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Set(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Int32);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlySet<decimal>> WeightsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Set(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Decimal);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<byte[]>> ChecksumsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.BinarySet;

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<Channel>> ChannelsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Catalog.ChannelValues.Codec);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<global::System.DateOnly>> HistoryCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.DateOnly(global::Bookings.Generated.Runtime.Internal.DateFormat.Iso8601(global::System.TimeSpan.Zero)));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<double>> ScoresCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Double);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<int>>> MatrixCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Int32));

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<Address> WarehouseCodec =
    global::Catalog.AddressMarshaller.Codec;

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<Address>> AddressesCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Catalog.AddressMarshaller.Codec);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<Dimension> DimensionsCodec =
    global::Catalog.DimensionMarshaller.Codec;

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyDictionary<string, string>> SpecsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Map(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.String);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyDictionary<string, int>> StockByStoreCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Map(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Int32);

private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>> LabelsByLocaleCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Map(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.String));

// ProductMarshaller.ToItem
/// <summary>The item to store: validated and normalised, with extra attributes kept.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Product product)
{
    global::System.ArgumentNullException.ThrowIfNull(product);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(product.Key, "Product", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(32 + (product.ExtraAttributes?.Count ?? 0))
    {
        ["product_id"] = new() { S = key.ProductId },
        ["title"] = TitleValue(product.Title),
        ["status"] = StatusValue(product.Status),
        ["price"] = PriceValue(product.Price),
        ["stock"] = StockValue(product.Stock),
        ["views"] = new() { N = product.Views.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        ["featured"] = new() { BOOL = product.Featured },
        ["created_at"] = CreatedAtValue(product.CreatedAt),
    };

    if (product.Rating is { } ratingGiven)
    {
        item["rating"] = RatingValue(ratingGiven);
    }

    if (product.Thumbnail is { } thumbnailGiven)
    {
        item["thumbnail"] = ThumbnailValue(thumbnailGiven);
    }

    if (product.UpdatedAt is { } updatedAtGiven)
    {
        item["updated_at"] = UpdatedAtValue(updatedAtGiven);
    }

    if (product.LaunchDate is { } launchDateGiven)
    {
        item["launch_date"] = LaunchDateValue(launchDateGiven);
    }

    if (product.LegacyTime is { } legacyTimeGiven)
    {
        item["legacy_time"] = LegacyTimeValue(legacyTimeGiven);
    }

    if (product.LocalTime is { } localTimeGiven)
    {
        item["local_time"] = LocalTimeValue(localTimeGiven);
    }

    if (product.ExpiresAt is { } expiresAtGiven)
    {
        item["expires_at"] = ExpiresAtValue(expiresAtGiven);
    }

    if (product.Tags is { Count: > 0 } tagsGiven)
    {
        item["tags"] = TagsValue(tagsGiven);
    }

    if (product.Sizes is { Count: > 0 } sizesGiven)
    {
        item["sizes"] = SizesValue(sizesGiven);
    }

    if (product.Weights is { Count: > 0 } weightsGiven)
    {
        item["weights"] = WeightsValue(weightsGiven);
    }

    if (product.Checksums is { Count: > 0 } checksumsGiven)
    {
        item["checksums"] = ChecksumsValue(checksumsGiven);
    }

    if (product.Channels is { } channelsGiven)
    {
        item["channels"] = ChannelsValue(channelsGiven);
    }

    if (product.History is { } historyGiven)
    {
        item["history"] = HistoryValue(historyGiven);
    }

    if (product.Scores is { } scoresGiven)
    {
        item["scores"] = ScoresValue(scoresGiven);
    }

    if (product.Matrix is { } matrixGiven)
    {
        item["matrix"] = MatrixValue(matrixGiven);
    }

    if (product.Warehouse is { } warehouseGiven)
    {
        item["warehouse"] = WarehouseValue(warehouseGiven);
    }

    if (product.Addresses is { } addressesGiven)
    {
        item["addresses"] = AddressesValue(addressesGiven);
    }

    if (product.Dimensions is { } dimensionsGiven)
    {
        item["dimensions"] = DimensionsValue(dimensionsGiven);
    }

    if (product.Specs is { } specsGiven)
    {
        item["specs"] = SpecsValue(specsGiven);
    }

    if (product.StockByStore is { } stockByStoreGiven)
    {
        item["stock_by_store"] = StockByStoreValue(stockByStoreGiven);
    }

    if (product.LabelsByLocale is { } labelsByLocaleGiven)
    {
        item["labels_by_locale"] = LabelsByLocaleValue(labelsByLocaleGiven);
    }

    if (product.Notes is { } notesGiven)
    {
        item["notes"] = NotesValue(notesGiven);
    }
    else
    {
        item["notes"] = new() { NULL = true };
    }

    if (product.OwnerPhone is { } ownerPhoneGiven)
    {
        item["owner_phone"] = OwnerPhoneValue(ownerPhoneGiven);
    }

    if (product.ApiSecret is { } apiSecretGiven)
    {
        item["api_secret"] = ApiSecretValue(apiSecretGiven);
    }

    global::Bookings.Generated.Runtime.Internal.ExtraAttributes.CopyTo(product.ExtraAttributes, item, DeclaredAttributes);
    return item;
}

// ProductMarshaller.FromItem
/// <summary>Reads a stored item as a <see cref="Product"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoMappingException">A required attribute is missing, has another type, or the key does not fit its template.</exception>
public static Product FromItem(global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> item)
{
    var reader = new global::Bookings.Generated.Runtime.Internal.ItemReader(item, "Product");
    var productId = reader.String("product_id") ?? throw reader.Missing("product_id", "a string (S)");
    var key = global::Catalog.ProductKey.TryParse(productId, out var parsed)
        ? parsed
        : throw reader.InvalidKey("product_id", "product_id = {product_id}");
    reader.SetKey(key);
    return new Product
    {
        Key = key,
        Title = reader.String("title") ?? throw reader.Missing("title", "a string (S)"),
        Status = reader.ReadValue("status", StatusCodec) ?? global::Catalog.ProductStatus.Draft,
        Price = reader.Decimal("price") ?? throw reader.Missing("price", "a number (N)"),
        Rating = reader.Double("rating"),
        Stock = reader.Int32("stock") ?? 0,
        Views = reader.Int64("views") ?? 0L,
        Featured = reader.Boolean("featured") ?? false,
        Thumbnail = reader.Read("thumbnail", ThumbnailCodec),
        CreatedAt = reader.ReadValue("created_at", CreatedAtCodec) ?? throw reader.Missing("created_at", "a date (S or N)"),
        UpdatedAt = reader.ReadValue("updated_at", UpdatedAtCodec),
        LaunchDate = reader.ReadValue("launch_date", LaunchDateCodec),
        LegacyTime = reader.ReadValue("legacy_time", LegacyTimeCodec),
        LocalTime = reader.ReadValue("local_time", LocalTimeCodec),
        ExpiresAt = reader.ReadValue("expires_at", ExpiresAtCodec),
        Tags = reader.Read("tags", TagsCodec) ?? new global::System.Collections.Generic.HashSet<string>(),
        Sizes = reader.Read("sizes", SizesCodec) ?? new global::System.Collections.Generic.HashSet<int>(),
        Weights = reader.Read("weights", WeightsCodec) ?? new global::System.Collections.Generic.HashSet<decimal>(),
        Checksums = reader.Read("checksums", ChecksumsCodec) ?? global::System.Array.Empty<byte[]>(),
        Channels = reader.Read("channels", ChannelsCodec),
        History = reader.Read("history", HistoryCodec),
        Scores = reader.Read("scores", ScoresCodec),
        Matrix = reader.Read("matrix", MatrixCodec),
        Warehouse = reader.Read("warehouse", WarehouseCodec),
        Addresses = reader.Read("addresses", AddressesCodec),
        Dimensions = reader.Read("dimensions", DimensionsCodec),
        Specs = reader.Read("specs", SpecsCodec),
        StockByStore = reader.Read("stock_by_store", StockByStoreCodec),
        LabelsByLocale = reader.Read("labels_by_locale", LabelsByLocaleCodec),
        Notes = reader.String("notes"),
        OwnerPhone = reader.String("owner_phone"),
        ApiSecret = reader.String("api_secret"),
        ExtraAttributes = reader.Extras(DeclaredAttributes),
    };
}

// ProductMarshaller.TitleValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue TitleValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Length(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Product", "title"), 1, 200, "Product", "title") };

// ProductMarshaller.PriceValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue PriceValue(decimal value)
    => new() { N = global::Bookings.Generated.Runtime.Internal.InputValidation.Range(value, 0m, null, "Product", "price").ToString(global::System.Globalization.CultureInfo.InvariantCulture) };

// ProductMarshaller.RatingValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue RatingValue(double value)
    => new() { N = global::Bookings.Generated.Runtime.Internal.InputValidation.Range(global::Bookings.Generated.Runtime.Internal.InputValidation.Finite(value, "Product", "rating"), 0d, 5d, "Product", "rating").ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) };

// ProductMarshaller.CreatedAtValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue CreatedAtValue(global::System.DateTimeOffset value)
    => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(CreatedAtCodec, value, "Product", "created_at");

// ProductMarshaller.ThumbnailValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue ThumbnailValue(byte[]? value)
    => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(ThumbnailCodec, value!, "Product", "thumbnail");

// ProductMarshaller.TagsValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue TagsValue(global::System.Collections.Generic.IReadOnlySet<string>? value)
    => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(TagsCodec, value!, "Product", "tags");

// ProductTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "Product",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("product_id", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    null,
    global::Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
    TtlAttribute: "expires_at");

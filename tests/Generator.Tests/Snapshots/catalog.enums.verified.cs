// catalog.tables.json: An enum and its codec of stored text; a value that is no C# name (walk-in).

// ProductStatus
/// <summary>Where a product is in its life. Stored as the text of each value; see <see cref="ProductStatusValues"/>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public enum ProductStatus
{
    /// <summary>Stored as <c>draft</c>.</summary>
    Draft,
    /// <summary>Stored as <c>active</c>.</summary>
    Active,
    /// <summary>Stored as <c>retired</c>.</summary>
    Retired,
}

// ProductStatusValues
/// <summary>Converts <see cref="ProductStatus"/> to and from its stored text, with no reflection.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class ProductStatusValues
{
    /// <summary>The codec generated marshallers use.</summary>
    public static global::Bookings.Generated.Runtime.Internal.EnumCodec<ProductStatus> Codec { get; } = new(new global::System.Collections.Generic.KeyValuePair<ProductStatus, string>[]
    {
        new(global::Catalog.ProductStatus.Draft, "draft"),
        new(global::Catalog.ProductStatus.Active, "active"),
        new(global::Catalog.ProductStatus.Retired, "retired"),
    });

    /// <summary>The stored text of <paramref name="value"/>.</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="value"/> is not a declared member.</exception>
    public static string ToStored(ProductStatus value) => value switch
    {
        global::Catalog.ProductStatus.Draft => "draft",
        global::Catalog.ProductStatus.Active => "active",
        global::Catalog.ProductStatus.Retired => "retired",
        _ => throw new global::System.ArgumentOutOfRangeException("value", value, null),
    };

    /// <summary>Reads stored text; false when it is not one of the declared values.</summary>
    public static bool TryParse(string? text, out ProductStatus value) => Codec.TryParse(text, out value);
}

// Channel
/// <summary>Stored as the text of each value; see <see cref="ChannelValues"/>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public enum Channel
{
    /// <summary>Stored as <c>web</c>.</summary>
    Web,
    /// <summary>Stored as <c>app</c>.</summary>
    App,
    /// <summary>Stored as <c>walk-in</c>.</summary>
    WalkIn,
}

// catalog.tables.json: Updates of collections: a set set (empty removes it), added to and deleted from, a set of
// binary; a list appended to and removed; a delta on a number with a range.

// ProductUpdate.SetTags
/// <summary>Sets <c>tags</c>. Null or an empty set removes it, since DynamoDB stores no empty set.</summary>
public ProductUpdate SetTags(global::System.Collections.Generic.IReadOnlySet<string>? value)
    => value is null || value.Count == 0 ? Remove<ProductUpdate>("tags") : Set<ProductUpdate>("tags", global::Catalog.ProductMarshaller.TagsValue(value));

// ProductUpdate.AddToTags
/// <summary>Adds <paramref name="values"/> to the set <c>tags</c>.</summary>
public ProductUpdate AddToTags(params string[] values)
{
    global::System.ArgumentNullException.ThrowIfNull(values);
    if (values.Length == 0)
    {
        throw new global::System.ArgumentException("Give at least one value; DynamoDB has no empty sets.", "values");
    }
    return AddToSet<ProductUpdate>("tags", global::Catalog.ProductMarshaller.TagsValue(new global::System.Collections.Generic.HashSet<string>(values)));
}

// ProductUpdate.DeleteFromTags
/// <summary>Deletes <paramref name="values"/> from the set <c>tags</c>.</summary>
public ProductUpdate DeleteFromTags(params string[] values)
{
    global::System.ArgumentNullException.ThrowIfNull(values);
    if (values.Length == 0)
    {
        throw new global::System.ArgumentException("Give at least one value; DynamoDB has no empty sets.", "values");
    }
    return DeleteFromSet<ProductUpdate>("tags", global::Catalog.ProductMarshaller.TagsValue(new global::System.Collections.Generic.HashSet<string>(values)));
}

// ProductUpdate.AddToChecksums
/// <summary>Adds <paramref name="values"/> to the set <c>checksums</c>.</summary>
public ProductUpdate AddToChecksums(params byte[][] values)
{
    global::System.ArgumentNullException.ThrowIfNull(values);
    if (values.Length == 0)
    {
        throw new global::System.ArgumentException("Give at least one value; DynamoDB has no empty sets.", "values");
    }
    return AddToSet<ProductUpdate>("checksums", global::Catalog.ProductMarshaller.ChecksumsValue(values));
}

// ProductUpdate.AppendToChannels
/// <summary>Appends <paramref name="values"/> to <c>channels</c> (a missing list counts as empty). Not retried blindly after an ambiguous failure.</summary>
public ProductUpdate AppendToChannels(params Channel[] values)
    => Append<ProductUpdate>("channels", global::Catalog.ProductMarshaller.ChannelsValue(values ?? throw new global::System.ArgumentNullException("values")));

// ProductUpdate.RemoveChannels
/// <summary>Removes <c>channels</c>.</summary>
public ProductUpdate RemoveChannels() => Remove<ProductUpdate>("channels");

// ProductUpdate.AddStock
/// <summary>Adds <paramref name="delta"/> to <c>stock</c> (a missing value counts as 0). The delta may be any number, negative to subtract: <c>stock</c>'s range limits stored values, so keep the result in it with a condition on the update (<c>ProductFields.Stock.GreaterThanOrEqual(…)</c>). Not retried blindly after an ambiguous failure.</summary>
public ProductUpdate AddStock(int delta) => Add<ProductUpdate>("stock", new() { N = delta.ToString(global::System.Globalization.CultureInfo.InvariantCulture) });

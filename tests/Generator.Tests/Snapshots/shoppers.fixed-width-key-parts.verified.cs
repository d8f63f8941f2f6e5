// shoppers.tables.json: A long key part written in ten digits (CART#{line_no}, "format": "D10"): zero-padded on write,
// refused when negative or too long by its check method, and read back only from exactly ten digits; its sort-key
// comparisons say nothing of text order; a computed index key (LINE#{line_no}) pads it as the table's key does.

// CartItemKey.TryParse
/// <summary>Reads a key back from its stored key attributes; false when they do not fit the templates or the parts are invalid.</summary>
public static bool TryParse(string? pk, string? sk, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CartItemKey? result)
{
    result = PkTemplate.Split(pk) is [var email]
        && global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(email, EmailPattern, null, out _)
        && SkTemplate.Split(sk) is [var lineNoText]
        && global::Bookings.Generated.Runtime.Internal.InputValidation.TryParseFixedWidth(lineNoText, 10, out long lineNo)
        ? new(email, lineNo, pk, sk)
        : null;
    return result is not null;
}

// CartItemKey.SortKeyValue
/// <summary>The stored <c>sk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue SortKeyValue(long lineNo)
    => new() { S = string.Concat("CART#", ValidLineNo(lineNo).ToString("D10", global::System.Globalization.CultureInfo.InvariantCulture)) };

// CartItemKey.ValidLineNo
private static long ValidLineNo(long lineNo)
    => global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidFixedWidth(lineNo, 10, out var problem) ? lineNo : throw new global::Bookings.Generated.Runtime.DynamoValidationException("CartItem", "line_no", problem);

// CartItemSortKey.Between
/// <summary>The sort key lies between the two made from these parts, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(long lowLineNo, long highLineNo)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(CartItemKey.SortKeyValue(lowLineNo), CartItemKey.SortKeyValue(highLineNo));

// CartItemBySkuSortKey.Between
/// <summary>The index sort key lies between the given values, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(long lowLineNo, long highLineNo)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("LINE#", global::Bookings.Generated.Runtime.Internal.InputValidation.FixedWidth(lowLineNo, 10, "CartItem", "line_no"))), global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("LINE#", global::Bookings.Generated.Runtime.Internal.InputValidation.FixedWidth(highLineNo, 10, "CartItem", "line_no"))));

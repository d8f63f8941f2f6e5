// catalog.tables.json: A declared object type: a record with masking, and its map codec with length, pattern and phone
// rules; a list in an object.

// Address
/// <summary>A postal address. Stored as a map (M). <c>ToString()</c> masks personal data and leaves secrets out.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed partial record Address
{
    /// <summary>Stored as <c>line1</c>; required.</summary>
    public required string Line1 { get; init; }

    /// <summary>Stored as <c>city</c>; required.</summary>
    public required string City { get; init; }

    /// <summary>Stored as <c>postcode</c>; optional (null when absent).</summary>
    public string? Postcode { get; init; }

    /// <summary>Stored as <c>contact_phone</c>; optional (null when absent). A phone number: normalised on write, masked when printed.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>Prints the item with personal data masked and secrets left out.</summary>
    public override string ToString()
        => string.Create(
            global::System.Globalization.CultureInfo.InvariantCulture,
            $"Address {{ Line1 = {Line1}, City = {City}, Postcode = {(global::Bookings.Generated.Runtime.Summary.Value(Postcode))}, ContactPhone = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(ContactPhone))} }}");
}

// AddressMarshaller
/// <summary>Converts <see cref="Address"/> to and from a stored map, with no reflection.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class AddressMarshaller
{
    /// <summary>The codec marshallers of enclosing types use.</summary>
    public static global::Bookings.Generated.Runtime.ObjectCodec<global::Catalog.Address> Codec { get; } = new AddressCodec();

    private static readonly global::Bookings.Generated.Runtime.TextPattern PostcodePattern = new("^[0-9]{5}$");

    /// <summary>The stored map of <paramref name="value"/>, validated.</summary>
    public static global::Amazon.DynamoDBv2.Model.AttributeValue ToAttributeValue(global::Catalog.Address value) => global::Bookings.Generated.Runtime.AttributeCodecs.Write(Codec, value, "Address", string.Empty);

    /// <summary>The stored form of <c>line1</c>, validated; used when storing it, in conditions and in updates.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static global::Amazon.DynamoDBv2.Model.AttributeValue Line1Value(string? value)
    {
        var text = global::Bookings.Generated.Runtime.InputValidation.NotNull(value, "Address", "line1");
        global::Bookings.Generated.Runtime.InputValidation.Length(text, null, 100, "Address", "line1");
        return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = text };
    }

    /// <summary>The stored form of <c>city</c>, validated; used when storing it, in conditions and in updates.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static global::Amazon.DynamoDBv2.Model.AttributeValue CityValue(string? value)
    {
        var text = global::Bookings.Generated.Runtime.InputValidation.NotNull(value, "Address", "city");
        return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = text };
    }

    /// <summary>The stored form of <c>postcode</c>, validated; used when storing it, in conditions and in updates.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static global::Amazon.DynamoDBv2.Model.AttributeValue PostcodeValue(string? value)
    {
        var text = global::Bookings.Generated.Runtime.InputValidation.NotNull(value, "Address", "postcode");
        global::Bookings.Generated.Runtime.InputValidation.Matches(text, PostcodePattern, "Address", "postcode");
        return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = text };
    }

    /// <summary>The stored form of <c>contact_phone</c>, validated and normalised; used when storing it, in conditions and in updates.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static global::Amazon.DynamoDBv2.Model.AttributeValue ContactPhoneValue(string? value)
    {
        var text = global::Bookings.Generated.Runtime.InputValidation.Phone(value, "Address", "contact_phone");
        return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = text };
    }

    [global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
    private sealed class AddressCodec : global::Bookings.Generated.Runtime.ObjectCodec<global::Catalog.Address>
    {
        protected override global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToMap(global::Catalog.Address address)
        {
            var map = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(4)
            {
                ["line1"] = Line1Value(address.Line1),
                ["city"] = CityValue(address.City),
            };

            if (address.Postcode is { } postcodeGiven)
            {
                map["postcode"] = PostcodeValue(postcodeGiven);
            }

            if (address.ContactPhone is { } contactPhoneGiven)
            {
                map["contact_phone"] = ContactPhoneValue(contactPhoneGiven);
            }

            return map;
        }

        protected override global::Catalog.Address ReadMembers(global::Bookings.Generated.Runtime.ItemReader reader)
            => new global::Catalog.Address
            {
                Line1 = reader.String("line1") ?? throw reader.Missing("line1", "a string (S)"),
                City = reader.String("city") ?? throw reader.Missing("city", "a string (S)"),
                Postcode = reader.String("postcode"),
                ContactPhone = reader.String("contact_phone"),
            };
    }
}

// DimensionMarshaller.Labels*
private static readonly global::Bookings.Generated.Runtime.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<string>> LabelsCodec =
    global::Bookings.Generated.Runtime.AttributeCodecs.List(global::Bookings.Generated.Runtime.AttributeCodecs.String);

/// <summary>The stored form of <c>labels</c>, validated; used when storing it, in conditions and in updates.</summary>
[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
internal static global::Amazon.DynamoDBv2.Model.AttributeValue LabelsValue(global::System.Collections.Generic.IReadOnlyList<string>? value)
    => global::Bookings.Generated.Runtime.AttributeCodecs.Write(LabelsCodec, value!, "Dimension", "labels");

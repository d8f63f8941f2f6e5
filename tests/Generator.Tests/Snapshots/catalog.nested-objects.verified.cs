// catalog.tables.json: A declared object type: a record with masking, and its map codec with length, pattern and phone
// rules; a list in an object.

// Address
/// <summary>A postal address. Stored as a map (M).</summary>
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
        => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Address {{ Line1 = {Line1}, City = {City}, Postcode = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Postcode))}, ContactPhone = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(ContactPhone))} }}");
}

// AddressMarshaller
/// <summary>Converts <see cref="Address"/> to and from a stored map, with no reflection.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public static partial class AddressMarshaller
{
    // First, so that a type reachable from its own members finds its codec already set.
    /// <summary>The codec marshallers of enclosing types use.</summary>
    public static global::Bookings.Generated.Runtime.Internal.ObjectCodec<Address> Codec { get; } = new AddressCodec();

    private static readonly global::Bookings.Generated.Runtime.Internal.TextPattern PostcodePattern = new("^[0-9]{5}$");

    /// <summary>The stored map of <paramref name="value"/>, validated.</summary>
    public static global::Amazon.DynamoDBv2.Model.AttributeValue ToAttributeValue(Address value) => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(Codec, value, "Address", string.Empty);

    internal static global::Amazon.DynamoDBv2.Model.AttributeValue Line1Value(string? value)
        => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Length(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Address", "line1"), null, 100, "Address", "line1") };

    internal static global::Amazon.DynamoDBv2.Model.AttributeValue CityValue(string? value)
        => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Address", "city") };

    internal static global::Amazon.DynamoDBv2.Model.AttributeValue PostcodeValue(string? value)
        => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Matches(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Address", "postcode"), PostcodePattern, "Address", "postcode") };

    internal static global::Amazon.DynamoDBv2.Model.AttributeValue ContactPhoneValue(string? value)
        => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Phone(value, "Address", "contact_phone") };

    [global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
    private sealed class AddressCodec : global::Bookings.Generated.Runtime.Internal.ObjectCodec<Address>
    {
        protected override global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToMap(Address address)
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

        protected override Address ReadMembers(global::Bookings.Generated.Runtime.Internal.ItemReader reader)
            => new Address
            {
                Line1 = reader.String("line1") ?? throw reader.Missing("line1", "a string (S)"),
                City = reader.String("city") ?? throw reader.Missing("city", "a string (S)"),
                Postcode = reader.String("postcode"),
                ContactPhone = reader.String("contact_phone"),
            };
    }
}

// DimensionMarshaller.Labels*
private static readonly global::Bookings.Generated.Runtime.Internal.AttributeCodec<global::System.Collections.Generic.IReadOnlyList<string>> LabelsCodec =
    global::Bookings.Generated.Runtime.Internal.AttributeCodecs.List(global::Bookings.Generated.Runtime.Internal.AttributeCodecs.String);

internal static global::Amazon.DynamoDBv2.Model.AttributeValue LabelsValue(global::System.Collections.Generic.IReadOnlyList<string>? value)
    => global::Bookings.Generated.Runtime.Internal.AttributeCodecs.Write(LabelsCodec, value!, "Dimension", "labels");

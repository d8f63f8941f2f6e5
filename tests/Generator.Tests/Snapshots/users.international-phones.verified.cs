// users.tables.json: An E.164 key part and attribute: validated and normalised by the E.164 check, masked to the last
// four digits when printed; a Korean phone beside them keeps its own.

// ContactKey.ValidPhone
private static string ValidPhone(string? phone)
    => global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidE164Phone(phone, out var normalized, out var problem) ? normalized : throw new global::Bookings.Generated.Runtime.DynamoValidationException("Contact", "phone", problem);

// ContactKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"ContactKey {{ Phone = {(global::Bookings.Generated.Runtime.PhoneNumber.MaskE164(Phone))} }}");

// ContactMarshaller.KoreanPhoneValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue KoreanPhoneValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Phone(value, "Contact", "korean_phone") };

// UserMarshaller.PhoneValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue PhoneValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.E164Phone(value, "User", "phone") };

// User.ToString
/// <summary>Prints the item with personal data masked and secrets left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"User {{ Key = {Key}, Username = {Username}, Email = {(global::Bookings.Generated.Runtime.Internal.Redact.Personal(Email))}, Phone = {(global::Bookings.Generated.Runtime.PhoneNumber.MaskE164(Phone))}, DisplayName = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(DisplayName))} }}");

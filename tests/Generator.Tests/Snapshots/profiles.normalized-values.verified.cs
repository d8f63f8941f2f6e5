// profiles.tables.json: A key part trimmed and lowercased by the key's builders (not by TryParse); an attribute trimmed
// and lowercased, one uppercased before its pattern is checked; an index queried by a normalised argument.

// ProfileKey.Email
/// <summary>The <c>email</c> part: trimmed and lowercased by Create, kept as stored by TryParse.</summary>
public string Email { get; }

// ProfileKey.ValidEmail
private static string ValidEmail(string? email)
{
    var normalized = email?.Trim().ToLowerInvariant();
    return global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(normalized, null, null, out var problem) ? normalized : throw new global::Bookings.Generated.Runtime.DynamoValidationException("Profile", "email", problem);
}

// ProfileMarshaller.HandleValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue HandleValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.KeyText(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Profile", "handle").Trim().ToLowerInvariant(), "Profile", "handle") };

// ProfileMarshaller.CountryValue
internal static global::Amazon.DynamoDBv2.Model.AttributeValue CountryValue(string? value)
    => new() { S = global::Bookings.Generated.Runtime.Internal.InputValidation.Matches(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Profile", "country").ToUpperInvariant(), CountryPattern, "Profile", "country") };

// ProfileRepository.QueryByHandleAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<Profile> QueryByHandleAsync(string handle, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(ProfileTable.ByHandleIndex, global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.HandleValue(handle), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Profile by_handle partition {{ Handle = {handle} }}"), options, ProfileMarshaller.FromItem, cancellationToken);

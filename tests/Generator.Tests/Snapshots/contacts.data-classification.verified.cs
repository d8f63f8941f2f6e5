// contacts.tables.json: Data classification attributes from "sensitive": on the entity's attributes, the key's parts
// and the entity's properties that read them, a composed key holding a personal or secret part (personal or secret as a
// whole) and a nested object's property; none on plain values.

// Contact.Pk
/// <summary>The stored <c>pk</c> key attribute, from <see cref="Key"/>.</summary>
[global::Bookings.Generated.Runtime.Compliance.PersonalData]
public string Pk => Key.Pk;

// Contact.Phone
/// <summary>The stored <c>phone</c> key attribute, from <see cref="Key"/>.</summary>
[global::Bookings.Generated.Runtime.Compliance.PhoneData]
public string Phone => Key.Phone;

// Contact.Name
/// <summary>Stored as <c>name</c>; required. Personal data: masked when printed.</summary>
[global::Bookings.Generated.Runtime.Compliance.PersonalData]
public required string Name { get; init; }

// Contact.Notes
/// <summary>Stored as <c>notes</c>; optional (null when absent).</summary>
public string? Notes { get; init; }

// ContactKey.Owner
/// <summary>The <c>owner</c> part.</summary>
[global::Bookings.Generated.Runtime.Compliance.PersonalData]
public string Owner { get; }

// ContactKey.Pk
/// <summary>The stored <c>pk</c> value: <c>OWNER#{owner}</c>.</summary>
[global::Bookings.Generated.Runtime.Compliance.PersonalData]
public string Pk { get; }

// ContactKey.Phone
/// <summary>The <c>phone</c> part: normalised to 010-XXXX-XXXX by Create, kept as stored by TryParse.</summary>
[global::Bookings.Generated.Runtime.Compliance.PhoneData]
public string Phone { get; }

// Address.City
/// <summary>Stored as <c>city</c>; required.</summary>
public required string City { get; init; }

// Address.ContactPhone
/// <summary>Stored as <c>contact_phone</c>; optional (null when absent). A phone number: normalised on write, masked when printed.</summary>
[global::Bookings.Generated.Runtime.Compliance.PhoneData]
public string? ContactPhone { get; init; }

// ApiToken.OwnerId
/// <summary>The stored <c>owner_id</c> key attribute, from <see cref="Key"/>.</summary>
public string OwnerId => Key.OwnerId;

// ApiToken.Sk
/// <summary>The stored <c>sk</c> key attribute, from <see cref="Key"/>.</summary>
[global::Bookings.Generated.Runtime.Compliance.SecretData]
public string Sk => Key.Sk;

// ApiTokenKey.Token
/// <summary>The <c>token</c> part.</summary>
[global::Bookings.Generated.Runtime.Compliance.SecretData]
public string Token { get; }

// ApiTokenKey.Sk
/// <summary>The stored <c>sk</c> value: <c>TOKEN#{token}</c>.</summary>
[global::Bookings.Generated.Runtime.Compliance.SecretData]
public string Sk { get; }

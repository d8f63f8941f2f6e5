// accounts.tables.json: An attribute named by a C# keyword (class) with a default of backslashes, quotes and a
// non-ASCII letter; an optional int; a csharpName on a personal attribute; a description with & < >.

// Account
/// <summary>An item of the <c>accounts.v2</c> table. A customer account &amp; its &lt;profile&gt;.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed partial record Account
{
    /// <summary>The item's key. Key attributes and the attributes that feed them are read from it.</summary>
    public required AccountKey Key { get; init; }

    /// <summary>The stored <c>pk</c> key attribute, from <see cref="Key"/>.</summary>
    public string Pk => Key.Pk;

    /// <summary>The stored <c>sk</c> key attribute, from <see cref="Key"/>.</summary>
    public string Sk => Key.Sk;

    /// <summary>The stored <c>tenant</c> attribute, from <see cref="Key"/>. The tenant, also stored on its own.</summary>
    public string Tenant => Key.Tenant;

    /// <summary>Stored as <c>mobile</c>; required. A phone number: normalised on write, masked when printed.</summary>
    public required string Mobile { get; init; }

    /// <summary>Stored as <c>display_name</c>; optional (null when absent). Personal data: masked when printed.</summary>
    public string? Nickname { get; init; }

    /// <summary>Stored as <c>password_hash</c>; required. A secret: never printed.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Stored as <c>class</c>; defaults to <c>"C:\\temp \"quoted\" é"</c>.</summary>
    public string Class { get; init; } = "C:\\temp \"quoted\" é";

    /// <summary>Stored as <c>visits</c>; optional (null when absent).</summary>
    public int? Visits { get; init; }

    /// <summary>Stored as <c>active</c>; defaults to <c>true</c>.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Attributes the schema does not declare, as stored; written back unchanged, so a read-modify-write through this SDK never deletes what another writer added.</summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ExtraAttributes { get; init; } = global::Bookings.Generated.Runtime.Internal.ExtraAttributes.Empty;

    /// <summary>Prints the item with personal data masked and secrets left out.</summary>
    public override string ToString()
        => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Account {{ Key = {Key}, Mobile = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(Mobile))}, Nickname = {(global::Bookings.Generated.Runtime.Internal.Redact.Personal(Nickname))}, PasswordHash = {(global::Bookings.Generated.Runtime.Internal.Redact.Secret(PasswordHash))}, Class = {Class}, Visits = {(global::Bookings.Generated.Runtime.Internal.Summary.Value(Visits))}, Active = {Active}, ExtraAttributes = {(global::Bookings.Generated.Runtime.Internal.ExtraAttributes.Describe(ExtraAttributes))} }}");
}

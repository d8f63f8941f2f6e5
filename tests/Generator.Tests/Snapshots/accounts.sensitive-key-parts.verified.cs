// accounts.tables.json: A personal key part masked and a secret key part left out when a key prints; two text parts
// between literals (TENANT#{tenant}#USER#{user}), each refusing the literal that follows it.

// AccountKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(
        global::System.Globalization.CultureInfo.InvariantCulture,
        $"AccountKey {{ Tenant = {Tenant}, User = {(global::Bookings.Generated.Runtime.Redact.Personal(User))} }}");

// AccountKey.PartitionKeyValue
/// <summary>The stored <c>pk</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue PartitionKeyValue(string tenant, string user)
{
    string problem;

    if (!global::Bookings.Generated.Runtime.InputValidation.IsValidKeyText(tenant, TenantPattern, "#USER#", out problem))
    {
        throw new global::Bookings.Generated.Runtime.DynamoValidationException("Account", "tenant", problem);
    }

    if (!global::Bookings.Generated.Runtime.InputValidation.IsValidKeyText(user, UserPattern, null, out problem))
    {
        throw new global::Bookings.Generated.Runtime.DynamoValidationException("Account", "user", problem);
    }

    return new global::Amazon.DynamoDBv2.Model.AttributeValue { S = string.Concat("TENANT#", tenant, "#USER#", user) };
}

// DeviceKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(
        global::System.Globalization.CultureInfo.InvariantCulture,
        $"DeviceKey {{ DeviceId = {DeviceId}, TokenId = {(global::Bookings.Generated.Runtime.Redact.Secret(TokenId))} }}");

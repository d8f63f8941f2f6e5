// accounts.tables.json: A personal key part masked and a secret key part left out when a key prints; two text parts
// between literals (TENANT#{tenant}#USER#{user}), each refusing the literal that follows it.

// AccountKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"AccountKey {{ Tenant = {Tenant}, User = {(global::Bookings.Generated.Runtime.Internal.Redact.Personal(User))} }}");

// AccountKey.Valid*
private static string ValidTenant(string? tenant)
    => global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(tenant, TenantPattern, "#USER#", out var problem) ? tenant : throw new global::Bookings.Generated.Runtime.DynamoValidationException("Account", "tenant", problem);

private static string ValidUser(string? user)
    => global::Bookings.Generated.Runtime.Internal.InputValidation.IsValidKeyText(user, UserPattern, null, out var problem) ? user : throw new global::Bookings.Generated.Runtime.DynamoValidationException("Account", "user", problem);

// DeviceKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"DeviceKey {{ DeviceId = {DeviceId}, TokenId = {(global::Bookings.Generated.Runtime.Internal.Redact.Secret(TokenId))} }}");

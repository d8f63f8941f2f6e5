// users.tables.json: Unique attributes, plain, personal and an E.164 phone, each with the printer its exception masks
// the value with; beside a shared table's discriminator; a unique attribute's update methods are Set and Remove only.

// UserRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<User, UserKey> Mapping = new(
    UserTable.Definition,
    static user => user.Key,
    UserMarshaller.ToItem,
    UserMarshaller.FromItem)
{
    UniqueAttributes = new[]
    {
        new global::Bookings.Generated.Runtime.Internal.UniqueAttribute("username"),
        new global::Bookings.Generated.Runtime.Internal.UniqueAttribute("email", static value => (global::Bookings.Generated.Runtime.Internal.Redact.Personal(value))),
        new global::Bookings.Generated.Runtime.Internal.UniqueAttribute("phone", static value => (global::Bookings.Generated.Runtime.PhoneNumber.MaskE164(value))),
    },
};

// TeamRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Team, TeamKey> Mapping = new(
    TeamTable.Definition,
    static team => team.Key,
    TeamMarshaller.ToItem,
    TeamMarshaller.FromItem)
{
    Discriminator = ("_type", "Team"),
    SortKeyPrefix = "TEAM#",
    UniqueAttributes = new[]
    {
        new global::Bookings.Generated.Runtime.Internal.UniqueAttribute("slug"),
    },
};

// UserUpdate
/// <summary>
/// Typed changes to a stored <see cref="User"/>, for <c>UserRepository.UpdateAsync</c>.
/// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed class UserUpdate : global::Bookings.Generated.Runtime.EntityUpdate
{
    /// <summary>Sets <c>username</c>. The value is unique: the update reads the item and moves the value's guard item in the same transaction; a value another User holds raises <see cref="global::Bookings.Generated.Runtime.DynamoUniqueValueException"/>.</summary>
    public UserUpdate SetUsername(string value) => Set<UserUpdate>("username", global::Bookings.Generated.Integration.Tests.Users.UserMarshaller.UsernameValue(value));

    /// <summary>Sets <c>email</c>. The value is unique: the update reads the item and moves the value's guard item in the same transaction; a value another User holds raises <see cref="global::Bookings.Generated.Runtime.DynamoUniqueValueException"/>.</summary>
    public UserUpdate SetEmail(string value) => Set<UserUpdate>("email", global::Bookings.Generated.Integration.Tests.Users.UserMarshaller.EmailValue(value));

    /// <summary>Removes <c>email</c>. The value is unique: the update reads the item and releases the value's guard item in the same transaction.</summary>
    public UserUpdate RemoveEmail() => Remove<UserUpdate>("email");

    /// <summary>Sets <c>phone</c>. The value is unique: the update reads the item and moves the value's guard item in the same transaction; a value another User holds raises <see cref="global::Bookings.Generated.Runtime.DynamoUniqueValueException"/>.</summary>
    public UserUpdate SetPhone(string value) => Set<UserUpdate>("phone", global::Bookings.Generated.Integration.Tests.Users.UserMarshaller.PhoneValue(value));

    /// <summary>Removes <c>phone</c>. The value is unique: the update reads the item and releases the value's guard item in the same transaction.</summary>
    public UserUpdate RemovePhone() => Remove<UserUpdate>("phone");

    /// <summary>Sets <c>display_name</c>.</summary>
    public UserUpdate SetDisplayName(string value) => Set<UserUpdate>("display_name", global::Bookings.Generated.Integration.Tests.Users.UserMarshaller.DisplayNameValue(value));

    /// <summary>Sets <c>display_name</c> only if the item does not have it yet.</summary>
    public UserUpdate SetDisplayNameIfNotExists(string value) => SetIfNotExists<UserUpdate>("display_name", global::Bookings.Generated.Integration.Tests.Users.UserMarshaller.DisplayNameValue(value));

    /// <summary>Removes <c>display_name</c>.</summary>
    public UserUpdate RemoveDisplayName() => Remove<UserUpdate>("display_name");
}

// profiles.tables.json: Counters (long with a start, int from 0) with their increments and their start as the default;
// created and updated timestamps (a datetimeoffset, a datetime written in UTC) named in the mapping with the attributes
// a put sent as an update removes; no update method for any of them.

// Profile.Visits
/// <summary>Stored as <c>visits</c>; defaults to <c>100L</c>. A counter: puts leave the stored value as it is; change it with the repository's <c>IncrementVisitsAsync</c>.</summary>
public long Visits { get; init; } = 100L;

// Profile.CreatedAt
/// <summary>Stored as <c>created_at</c>; optional (null when absent). Written by the SDK when the item is first stored, with the time of the options' <c>TimeProvider</c>; what the entity holds is not stored.</summary>
public global::System.DateTimeOffset? CreatedAt { get; init; }

// ProfileRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Profile, ProfileKey> Mapping = new(
    ProfileTable.Definition,
    static profile => profile.Key,
    ProfileMarshaller.ToItem,
    ProfileMarshaller.FromItem)
{
    Counters = new (string, long)[] { ("visits", 100L), ("likes", 0) },
    CreatedTimestamps = new (string, global::System.Func<global::System.DateTimeOffset, global::Amazon.DynamoDBv2.Model.AttributeValue>)[] { ("created_at", static now => ProfileMarshaller.CreatedAtValue(now)) },
    UpdatedTimestamps = new (string, global::System.Func<global::System.DateTimeOffset, global::Amazon.DynamoDBv2.Model.AttributeValue>)[] { ("updated_at", static now => ProfileMarshaller.UpdatedAtValue(now)) },
    StoredAttributes = new[] { "handle", "country", "nickname", "visits", "likes", "created_at", "updated_at" },
};

// ProfileRepository.IncrementVisitsAsync
/// <inheritdoc/>
public global::System.Threading.Tasks.Task<long?> IncrementVisitsAsync(ProfileKey key, long by = 1, global::System.Threading.CancellationToken cancellationToken = default)
    => IncrementCounterAsync(key, "visits", by, cancellationToken);

// ProfileRepository.IncrementLikesAsync
/// <inheritdoc/>
public global::System.Threading.Tasks.Task<int?> IncrementLikesAsync(ProfileKey key, int by = 1, global::System.Threading.CancellationToken cancellationToken = default)
    => IncrementCounterAsync(key, "likes", by, cancellationToken);

// ProfileUpdate
/// <summary>
/// Typed changes to a stored <see cref="Profile"/>, for <c>ProfileRepository.UpdateAsync</c>.
/// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed class ProfileUpdate : global::Bookings.Generated.Runtime.EntityUpdate
{
    /// <summary>Sets <c>handle</c>.</summary>
    public ProfileUpdate SetHandle(string value) => Set<ProfileUpdate>("handle", global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.HandleValue(value));

    /// <summary>Sets <c>country</c>.</summary>
    public ProfileUpdate SetCountry(string value) => Set<ProfileUpdate>("country", global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.CountryValue(value));

    /// <summary>Sets <c>country</c> only if the item does not have it yet.</summary>
    public ProfileUpdate SetCountryIfNotExists(string value) => SetIfNotExists<ProfileUpdate>("country", global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.CountryValue(value));

    /// <summary>Removes <c>country</c>.</summary>
    public ProfileUpdate RemoveCountry() => Remove<ProfileUpdate>("country");

    /// <summary>Sets <c>nickname</c>.</summary>
    public ProfileUpdate SetNickname(string value) => Set<ProfileUpdate>("nickname", global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.NicknameValue(value));

    /// <summary>Sets <c>nickname</c> only if the item does not have it yet.</summary>
    public ProfileUpdate SetNicknameIfNotExists(string value) => SetIfNotExists<ProfileUpdate>("nickname", global::Bookings.Generated.Integration.Tests.Profiles.ProfileMarshaller.NicknameValue(value));

    /// <summary>Removes <c>nickname</c>.</summary>
    public ProfileUpdate RemoveNickname() => Remove<ProfileUpdate>("nickname");
}

// TallyRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Tally, TallyKey> Mapping = new(
    TallyTable.Definition,
    static tally => tally.Key,
    TallyMarshaller.ToItem,
    TallyMarshaller.FromItem,
    "version",
    static tally => tally.Version)
{
    Counters = new (string, long)[] { ("hits", 5) },
    UpdatedTimestamps = new (string, global::System.Func<global::System.DateTimeOffset, global::Amazon.DynamoDBv2.Model.AttributeValue>)[] { ("touched", static now => TallyMarshaller.TouchedValue(now.UtcDateTime)) },
    StoredAttributes = new[] { "label", "hits", "version", "touched" },
};

// shop.tables.json: A version attribute: the repository's mapping names it, the item defaults it to 0, and the update
// type has no way to set it.

// Counter.Version
/// <summary>Stored as <c>version</c>; defaults to <c>0L</c>.</summary>
public long Version { get; init; } = 0L;

// CounterRepository.Mapping
private static readonly global::Bookings.Generated.Runtime.Internal.EntityMapping<Counter, CounterKey> Mapping = new(
    CounterTable.Definition,
    static counter => counter.Key,
    CounterMarshaller.ToItem,
    CounterMarshaller.FromItem,
    "version",
    static counter => counter.Version);

// CounterUpdate
/// <summary>
/// Typed changes to a stored <see cref="Counter"/>, for <c>CounterRepository.UpdateAsync</c>.
/// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Bookings.Generated.Generator", "{generator-version}")]
public sealed class CounterUpdate : global::Bookings.Generated.Runtime.EntityUpdate
{
    /// <summary>Sets <c>count</c>.</summary>
    public CounterUpdate SetCount(long value) => Set<CounterUpdate>("count", new() { N = value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Sets <c>count</c> only if the item does not have it yet.</summary>
    public CounterUpdate SetCountIfNotExists(long value) => SetIfNotExists<CounterUpdate>("count", new() { N = value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Adds <paramref name="delta"/> to <c>count</c> (a missing value counts as 0). The delta may be negative, to subtract. Not retried blindly after an ambiguous failure.</summary>
    public CounterUpdate AddCount(long delta) => Add<CounterUpdate>("count", new() { N = delta.ToString(global::System.Globalization.CultureInfo.InvariantCulture) });
}

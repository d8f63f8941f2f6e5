using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// How generated <c>ToString()</c> methods print collections and bytes: by size only, so a printed entity
    /// stays one short line and never spells out elements that may hold personal data.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Summary
    {
        /// <summary>Prints <c>[3 items]</c>, or <c>null</c>.</summary>
        public static string Items<T>(IReadOnlyCollection<T>? values)
            => values is null ? "null" : "[" + values.Count.ToString(CultureInfo.InvariantCulture) + (values.Count == 1 ? " item]" : " items]");

        /// <summary>Prints <c>&lt;16 bytes&gt;</c>, or <c>null</c>.</summary>
        public static string Bytes(byte[]? value)
            => value is null ? "null" : "<" + value.Length.ToString(CultureInfo.InvariantCulture) + " bytes>";

        /// <summary>
        /// Prints an optional number, enum or date in the invariant culture (in <paramref name="format"/> when given),
        /// or <c>null</c> when it is absent, as every absent value prints (an interpolation hole would print nothing).
        /// </summary>
        public static string Value<T>(T? value, string? format = null)
            where T : struct, System.IFormattable
            => value is { } present ? present.ToString(format, CultureInfo.InvariantCulture) : "null";

        /// <summary>Prints an optional boolean, or <c>null</c>.</summary>
        public static string Value(bool? value) => value is { } present ? present.ToString(CultureInfo.InvariantCulture) : "null";

        /// <summary>Prints optional text or a nested record (which masks its own personal data), or <c>null</c>.</summary>
        public static string Value(object? value) => value?.ToString() ?? "null";
    }
}

using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// How generated <c>ToString()</c> methods print sensitive values; a service's own logs mask through the
    /// Bookings.Generated.Compliance redactors, which call it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Redact
    {
        /// <summary>What is printed in place of a secret: nothing of the value, not even its length.</summary>
        public const string SecretPlaceholder = "***";

        /// <summary>Personal data such as a name: the first character and <c>***</c> (<c>K***</c>).</summary>
        public static string Personal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            if (value.Length == 0)
            {
                return string.Empty;
            }

            // Keep a whole first character: half of a surrogate pair would print as a broken glyph.
            var first = char.IsHighSurrogate(value[0]) && value.Length > 1 ? 2 : 1;
            return string.Concat(System.MemoryExtensions.AsSpan(value, 0, first), "***");
        }

        /// <summary>Personal data that is not text: never printed.</summary>
        public static string Personal<T>(T value) => value is null ? "null" : SecretPlaceholder;

        /// <summary>A secret: never printed, whatever it holds.</summary>
        public static string Secret<T>(T value) => value is null ? "null" : SecretPlaceholder;
    }
}

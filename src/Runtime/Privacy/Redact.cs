namespace Bookings.Generated.Runtime
{
    /// <summary>How generated <c>ToString()</c> methods print sensitive values.</summary>
    public static class Redact
    {
        /// <summary>What is printed in place of a secret: nothing of the value, not even its length.</summary>
        public const string SecretPlaceholder = "***";

        /// <summary>Personal data such as a name: the first character and <c>***</c> (<c>K***</c>).</summary>
        public static string Personal(string? value)
            => value is null ? "null" : value.Length == 0 ? string.Empty : value.Substring(0, 1) + "***";

        /// <summary>Personal data that is not text: never printed.</summary>
        public static string Personal<T>(T value) => value is null ? "null" : SecretPlaceholder;

        /// <summary>A secret: never printed, whatever it holds.</summary>
        public static string Secret<T>(T value) => value is null ? "null" : SecretPlaceholder;
    }
}

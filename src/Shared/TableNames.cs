// Compiled into both the generator and the runtime, so a descriptor's table names (checked at compile time) and
// the options' table names and prefix (checked at start-up) follow one rule.
namespace Bookings.Generated
{
    /// <summary>DynamoDB's rule for table and index names: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.</summary>
    internal static class TableNames
    {
        /// <summary>Whether <paramref name="name"/> is a valid table or index name.</summary>
        public static bool IsValid(string name) => name.Length >= 3 && name.Length <= 255 && HasOnlyAllowedCharacters(name);

        /// <summary>Whether every character may appear in a table name (for a prefix, which has no length rule of its own).</summary>
        public static bool HasOnlyAllowedCharacters(string text)
        {
            foreach (var c in text)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

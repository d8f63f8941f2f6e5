// Compiled into both the generator and the runtime, so the descriptor check of a date pattern (compile time) and
// the date codec that uses it (run time) agree on whether it carries an offset.
namespace Bookings.Generated
{
    /// <summary>Facts about custom .NET date and time format patterns.</summary>
    internal static class DatePatterns
    {
        /// <summary>Whether a pattern holds an offset specifier (<c>z</c>, <c>K</c>) outside quoted or escaped text.</summary>
        public static bool HasZone(string pattern)
        {
            var quote = '\0';
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == '\\')
                {
                    i++;
                }
                else if (c == 'z' || c == 'K')
                {
                    return true;
                }
            }

            return false;
        }
    }
}

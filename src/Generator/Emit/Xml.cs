namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Escapes descriptor text for XML doc comments.</summary>
    internal static class Xml
    {
        public static string Escape(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        // Line breaks of any kind would end the comment line; other control characters are not valid XML.
                        builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c);
                        break;
                }
            }

            return builder.ToString();
        }
    }
}

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Escapes descriptor text for XML doc comments.</summary>
    internal static class Xml
    {
        public static string Escape(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        // Line breaks of any kind would end the comment line; other control characters, U+FFFE,
                        // U+FFFF and surrogates without their pair are not valid XML.
                        builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\uFFFE' || c == '\uFFFF' || IsLoneSurrogate(text, i) ? ' ' : c);
                        break;
                }
            }

            return builder.ToString();
        }

        private static bool IsLoneSurrogate(string text, int i)
            => char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Escapes descriptor text for XML doc comments.</summary>
    internal static class Xml
    {
        public static string Escape(string text)
            => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
    }
}

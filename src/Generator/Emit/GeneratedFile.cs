namespace Bookings.Generated.Generator.Emit
{
    /// <summary>One generated source file: its unique hint name and its text.</summary>
    internal sealed record GeneratedFile(string HintName, string Source);
}

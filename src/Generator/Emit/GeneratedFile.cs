namespace Bookings.Generated.Generator.Emit
{
    /// <summary>One generated source file: its unique hint name, its text, and the full names of the types it declares.</summary>
    internal sealed record GeneratedFile(string HintName, string Source, Model.EquatableArray<string> Types);
}

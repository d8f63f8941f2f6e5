namespace Bookings.Generated.Runtime.Tests.Support
{
    /// <summary>An update type of the tests' own: the runtime's base, whose changes this assembly may add directly.</summary>
    internal sealed class TestUpdate : EntityUpdate
    {
    }
}

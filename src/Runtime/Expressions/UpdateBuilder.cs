namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Changes the runtime makes itself, outside any generated update type (the one attribute of
    /// <c>SetAttributeAsync</c>); out of user code's reach, like every way of writing an attribute by name.
    /// </summary>
    internal sealed class UpdateBuilder : EntityUpdate
    {
    }
}

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The conditions of one write (<c>PutAsync</c>, <c>UpdateAsync</c>, <c>DeleteAsync</c> and their transaction items).
    /// Checked at the call, before anything is sent; the runtime never changes it, so one instance can serve many calls.
    /// </summary>
    public sealed class WriteOptions
    {
        /// <summary>
        /// A condition the stored item must meet for the write to happen, built from the entity's <c>…Fields</c>
        /// (<c>BookingFields.ConfirmSms.Equal(false)</c>). A failed one raises <see cref="DynamoConditionFailedException"/>
        /// with the stored item, except on an item that does not exist, where an update or delete returns false.
        /// </summary>
        public Condition? Condition { get; init; }

        /// <summary>
        /// For an entity with a version attribute (optimistic locking): the version the stored item must still be at, as it
        /// was read. Required by <c>UpdateAsync</c>, <c>DeleteAsync</c>, <c>TransactUpdate</c> and <c>TransactDelete</c> of
        /// such an entity, refused for any other entity; a successful update leaves the item at this version plus one.
        /// <c>PutAsync</c> and <c>TransactPut</c> take the version from the entity itself, so they refuse this.
        /// </summary>
        public long? ExpectedVersion { get; init; }
    }
}

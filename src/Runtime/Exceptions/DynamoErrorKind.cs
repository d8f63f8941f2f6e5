namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// What kind of failure a <see cref="DynamoRepositoryException"/> reports, for a caller that branches on it:
    /// <c>catch (DynamoRepositoryException e) when (e.Kind == DynamoErrorKind.Throttled)</c>. Failures that carry data a
    /// caller acts on have a type of their own (<see cref="DynamoConditionFailedException"/>,
    /// <see cref="DynamoValidationException"/>, …) and the kind <see cref="Failed"/> unless a member says otherwise.
    /// </summary>
    public enum DynamoErrorKind
    {
        /// <summary>
        /// Any failure not of another kind: DynamoDB refused the request (a failed condition, a request it found
        /// invalid, an error of no known kind), or input was refused before sending. The exception's type and message
        /// say which; whether anything was applied is what the type documents.
        /// </summary>
        Failed = 0,

        /// <summary>
        /// DynamoDB kept throttling the request after every allowed retry. Nothing of the call was applied (a throttled
        /// request is never applied). Back off and send it again later; lower the request rate or raise the capacity.
        /// </summary>
        Throttled,

        /// <summary>
        /// A network failure, timeout or server error (5xx) that did not clear within the retries, the overall timeout
        /// (<c>Retry:MaxElapsed</c>), or a retry the circuit breaker refused after an attempt that failed that way. A write
        /// may have been applied: read before writing again unless the write is idempotent. Check the endpoint and network.
        /// </summary>
        Transient,

        /// <summary>
        /// The credentials in use may not perform the operation, or were not recognised. Nothing was applied. Fix the
        /// credentials or the IAM policy; retrying does not help.
        /// </summary>
        AccessDenied,

        /// <summary>
        /// The table does not exist (or is not active yet) in the account and region in use. Nothing was applied. Create
        /// it (for example with <see cref="DynamoTableManager.EnsureTablesAsync"/>) or fix the table name prefix or region.
        /// </summary>
        TableNotFound,

        /// <summary>
        /// The table's circuit breaker is open after sustained service failures (5xx, dropped connections, timeouts), so
        /// the call failed fast. Nothing of the call was applied: no attempt was sent
        /// (<see cref="DynamoRepositoryException.Attempts"/> is 0), or every attempt sent was throttled. The call may be
        /// sent again after <see cref="DynamoRepositoryException.RetryAfter"/>, when a probe request is let through. A
        /// call whose earlier attempt may have been applied before the circuit refused its retry is
        /// <see cref="Transient"/> instead, the breaker's exception inside.
        /// </summary>
        CircuitOpen,

        /// <summary>
        /// A <see cref="DynamoValidationException"/>: the item is larger than DynamoDB's 400 KB item limit, so it was
        /// refused before any request was sent; nothing was applied. The message names the key (masked), the item's size
        /// and its largest attribute (<see cref="DynamoValidationException.Attribute"/>). Store less in the item.
        /// </summary>
        ItemTooLarge,
    }
}

using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// What kind of failure an exception from the AWS client is, which decides retry and exception type.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum ErrorCategory
    {
        /// <summary>Not recognised: not retried, raised as <see cref="DynamoRepositoryException"/>.</summary>
        Other,

        /// <summary>Throughput exceeded, throttling, request limit: retried.</summary>
        Throttling,

        /// <summary>Server errors (5xx), connection failures and timeouts: retried.</summary>
        Transient,

        /// <summary>Credentials missing, unrecognised or not allowed: not retried.</summary>
        AccessDenied,

        /// <summary>The table does not exist: not retried.</summary>
        TableNotFound,

        /// <summary>A write's condition was not met: not retried.</summary>
        ConditionFailed,

        /// <summary>A transaction was cancelled (a condition, a conflict): not retried; the reasons are per item.</summary>
        TransactionCanceled,

        /// <summary>DynamoDB rejected the request as invalid: not retried.</summary>
        Validation,
    }
}

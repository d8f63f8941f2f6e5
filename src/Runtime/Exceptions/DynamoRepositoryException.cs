using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The base of every exception the SDK raises, so a caller can catch one type and branch on its <see cref="Kind"/>
    /// (throttled, transient, access denied, table not found, circuit open). Messages and <see cref="Key"/> never hold
    /// an unmasked phone number or a secret.
    /// </summary>
    public class DynamoRepositoryException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What went wrong, already masked.</param>
        /// <param name="operation">The operation, such as <c>GetItem</c>.</param>
        /// <param name="table">The physical table name, or null.</param>
        /// <param name="key">The item key with personal parts masked, or null.</param>
        /// <param name="attempts">How many times the request was sent (0 when it never was).</param>
        /// <param name="innerException">The underlying exception, or null.</param>
        /// <param name="kind">What kind of failure it is; <see cref="DynamoErrorKind.Failed"/> unless another applies.</param>
        /// <param name="retryAfter">For <see cref="DynamoErrorKind.CircuitOpen"/>: how long until a probe is let through, when known.</param>
        public DynamoRepositoryException(string message, string? operation = null, string? table = null, string? key = null, int attempts = 0, Exception? innerException = null, DynamoErrorKind kind = DynamoErrorKind.Failed, TimeSpan? retryAfter = null)
            : base(PhoneNumber.MaskAll(message), innerException)
        {
            Operation = operation;
            Table = table;
            Key = key is null ? null : PhoneNumber.MaskAll(key);
            Attempts = attempts;
            Kind = kind;
            RetryAfter = retryAfter;
        }

        /// <summary>
        /// What kind of failure this is; each member of <see cref="DynamoErrorKind"/> says whether anything may have been
        /// applied and what to do.
        /// </summary>
        public DynamoErrorKind Kind { get; }

        /// <summary>
        /// For <see cref="DynamoErrorKind.CircuitOpen"/>: how long from the refusal until the table's circuit breaker lets
        /// a probe request through; null when not known or for another kind.
        /// </summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The DynamoDB operation, such as <c>GetItem</c>; null when the error came before any operation.</summary>
        public string? Operation { get; }

        /// <summary>The physical table name, or null.</summary>
        public string? Table { get; }

        /// <summary>The item key as printed by its key type: personal parts masked, secrets omitted.</summary>
        public string? Key { get; }

        /// <summary>How many times the request was sent; 0 when input was rejected before sending.</summary>
        public int Attempts { get; }

        /// <summary>
        /// The AWS request id (<c>x-amzn-RequestId</c>) of the last attempt's answer, what AWS support asks for; null
        /// when no answer came (a dropped connection, a timeout) or nothing was sent. Unless set, it is that of the inner
        /// exception: DynamoDB's error (<see cref="AmazonServiceException.RequestId"/>), or the failure this one reports
        /// (a lost race, a cancelled transaction).
        /// </summary>
        public string? RequestId
        {
            get => _requestId ?? InnerException switch
            {
                AmazonServiceException { RequestId: { Length: > 0 } id } => id,
                DynamoRepositoryException inner => inner.RequestId,
                _ => null,
            };
            internal set => _requestId = value;
        }

        private string? _requestId;

        /// <summary>
        /// Whether an earlier attempt of this call failed in a way that may have applied it (a lost answer, a server
        /// error, a timeout), so this failure may be the retry meeting its own earlier write.
        /// </summary>
        internal bool AfterUncertainAttempt { get; set; }
    }
}

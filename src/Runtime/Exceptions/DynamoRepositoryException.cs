using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// The base of every exception the SDK raises, so a caller can catch one type. Messages and
    /// <see cref="Key"/> never hold an unmasked phone number or a secret.
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
        public DynamoRepositoryException(string message, string? operation = null, string? table = null, string? key = null, int attempts = 0, Exception? innerException = null)
            : base(PhoneNumber.MaskAll(message), innerException)
        {
            Operation = operation;
            Table = table;
            Key = key is null ? null : PhoneNumber.MaskAll(key);
            Attempts = attempts;
        }

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

    /// <summary>DynamoDB kept throttling the request after every allowed retry.</summary>
    public sealed class DynamoThrottledException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoThrottledException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }

    /// <summary>A network failure, timeout or server error that did not clear within the retry budget.</summary>
    public sealed class DynamoTransientException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoTransientException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }

    /// <summary>The credentials in use may not perform the operation, or were not recognised.</summary>
    public sealed class DynamoAccessDeniedException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoAccessDeniedException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }

    /// <summary>The table does not exist (or is not active yet) in the account and region in use.</summary>
    public sealed class DynamoTableNotFoundException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoTableNotFoundException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }

    /// <summary>A condition on a write was not met, for example the item did not exist.</summary>
    public sealed class DynamoConditionFailedException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoConditionFailedException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }

        private StoredItem? _stored;

        /// <summary>
        /// The item as stored when the condition failed, exactly as DynamoDB returned it; null when the item does not
        /// exist or the request did not ask for it.
        /// </summary>
        public IReadOnlyDictionary<string, AttributeValue>? StoredItem => _stored?.Item;

        /// <summary>
        /// <see cref="StoredItem"/> read as the generated entity type, on first use; null when there is no stored item,
        /// or when it does not fit the schema (a legacy row: <see cref="StoredItem"/> still holds it).
        /// </summary>
        public object? CurrentItem => _stored?.Entity;

        /// <summary>The same failure, carrying the item as it was stored when the condition failed.</summary>
        internal DynamoConditionFailedException WithStoredItem(StoredItem? stored)
            => new(Message, Operation, Table, Key, Attempts, InnerException) { _stored = stored, AfterUncertainAttempt = AfterUncertainAttempt };
    }

    /// <summary>
    /// Input was rejected before any request was sent: a missing required value, a key part that does
    /// not match its pattern, a phone number that cannot be normalised. Names the attribute, never its value.
    /// </summary>
    public class DynamoValidationException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type, such as <c>Booking</c>.</param>
        /// <param name="attribute">The stored attribute or key part name.</param>
        /// <param name="problem">What is wrong and what is expected, without the value itself.</param>
        public DynamoValidationException(string entity, string attribute, string problem)
            : base($"Invalid {entity}: '{attribute}' {problem}.")
        {
            Entity = entity;
            Attribute = attribute;
            Problem = problem;
        }

        /// <summary>Creates the exception of a subtype with a message of its own and the item's key.</summary>
        /// <param name="message">What went wrong; masked like every message of the SDK.</param>
        /// <param name="entity">The entity type.</param>
        /// <param name="attribute">The attribute concerned.</param>
        /// <param name="problem">What is wrong and what is expected, without the value itself.</param>
        /// <param name="key">The item's key as printed by its key type, or null.</param>
        protected DynamoValidationException(string message, string entity, string attribute, string problem, string? key)
            : base(message, key: key)
        {
            Entity = entity;
            Attribute = attribute;
            Problem = problem;
        }

        /// <summary>What is wrong and what is expected, without the value itself.</summary>
        public string Problem { get; }

        /// <summary>The entity type whose input was rejected.</summary>
        public string Entity { get; }

        /// <summary>The attribute or key part that was rejected.</summary>
        public string Attribute { get; }
    }

    /// <summary>
    /// A stored item does not fit the schema: a required attribute is missing or has another type.
    /// Raised instead of a <see cref="NullReferenceException"/> or <see cref="InvalidCastException"/> from generated code.
    /// </summary>
    public sealed class DynamoMappingException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type being read.</param>
        /// <param name="attribute">The attribute that could not be mapped.</param>
        /// <param name="expected">The DynamoDB type the schema expects (such as <c>S</c>), or a description.</param>
        /// <param name="found">What the item held instead (a DynamoDB type, or <c>nothing</c>).</param>
        /// <param name="key">The item key, masked, when known.</param>
        public DynamoMappingException(string entity, string attribute, string expected, string found, string? key)
            : base($"Cannot read {entity}{(key is null ? string.Empty : " " + key)}: attribute '{attribute}' should be {expected} but is {found}.", key: key)
        {
            Entity = entity;
            Attribute = attribute;
            Expected = expected;
            Found = found;
        }

        /// <summary>The entity type being read.</summary>
        public string Entity { get; }

        /// <summary>The attribute that could not be mapped.</summary>
        public string Attribute { get; }

        /// <summary>What the schema expects.</summary>
        public string Expected { get; }

        /// <summary>What the stored item held.</summary>
        public string Found { get; }
    }
}

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Another writer changed (or deleted) the item since it was read: its version is not the one this write
    /// expected. Nothing was written; read the item again and reapply the change.
    /// </summary>
    public sealed class DynamoOptimisticLockException : DynamoRepositoryException
    {
        private readonly StoredItem? _stored;

        /// <summary>Creates the exception.</summary>
        /// <param name="operation">The operation, such as <c>TransactWriteItems</c>.</param>
        /// <param name="table">The physical table name.</param>
        /// <param name="key">The item key with personal parts masked, or null.</param>
        /// <param name="expectedVersion">The version the write expected.</param>
        /// <param name="storedItem">The item as stored now, as DynamoDB returned it; null when it no longer exists.</param>
        /// <param name="attempts">How many times the request was sent.</param>
        /// <param name="innerException">The underlying exception, or null.</param>
        public DynamoOptimisticLockException(string operation, string table, string? key, long expectedVersion, IReadOnlyDictionary<string, AttributeValue>? storedItem, int attempts, Exception? innerException)
            : this(operation, table, key, expectedVersion, Runtime.StoredItem.Of(storedItem, null), attempts, innerException)
        {
        }

        internal DynamoOptimisticLockException(string operation, string table, string? key, long expectedVersion, StoredItem? stored, int attempts, Exception? innerException)
            : base($"{operation} on table '{table}'{(key is null ? string.Empty : " for " + key)} lost a race: the item is no longer at version {expectedVersion}{(stored is null ? " (it was deleted)" : string.Empty)}. Read it again and reapply the change.", operation, table, key, attempts, innerException)
        {
            ExpectedVersion = expectedVersion;
            _stored = stored;
        }

        /// <summary>The version the write expected.</summary>
        public long ExpectedVersion { get; }

        /// <summary>The item as stored now, exactly as DynamoDB returned it; null when it no longer exists.</summary>
        public IReadOnlyDictionary<string, AttributeValue>? StoredItem => _stored?.Item;

        /// <summary>
        /// <see cref="StoredItem"/> read as the generated entity type, on first use; null when the item no longer
        /// exists, or when it does not fit the schema (<see cref="StoredItem"/> still holds it).
        /// </summary>
        public object? CurrentItem => _stored?.Entity;
    }
}

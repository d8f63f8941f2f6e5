using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>A network failure, timeout or server error that did not clear within the retry budget.</summary>
    public sealed class DynamoTransientException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoTransientException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }
}

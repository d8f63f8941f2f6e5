using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>DynamoDB kept throttling the request after every allowed retry.</summary>
    public sealed class DynamoThrottledException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoThrottledException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }
}

using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>The credentials in use may not perform the operation, or were not recognised.</summary>
    public sealed class DynamoAccessDeniedException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoAccessDeniedException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }
}

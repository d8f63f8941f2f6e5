using System;

namespace Bookings.Generated.Runtime
{
    /// <summary>The table does not exist (or is not active yet) in the account and region in use.</summary>
    public sealed class DynamoTableNotFoundException : DynamoRepositoryException
    {
        /// <inheritdoc cref="DynamoRepositoryException(string, string, string, string, int, Exception)"/>
        public DynamoTableNotFoundException(string message, string? operation, string? table, string? key, int attempts, Exception? innerException)
            : base(message, operation, table, key, attempts, innerException)
        {
        }
    }
}

namespace Bookings.Generated.Runtime
{
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
}

using System.Globalization;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Input was rejected before any request was sent: a missing required value, a key part that does
    /// not match its pattern, a phone number that cannot be normalised, an item over DynamoDB's 400 KB limit (of kind
    /// <see cref="DynamoErrorKind.ItemTooLarge"/>). Names the attribute, never its value.
    /// </summary>
    public class DynamoValidationException : DynamoRepositoryException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type, such as <c>Booking</c>.</param>
        /// <param name="attribute">The stored attribute or key part name.</param>
        /// <param name="problem">What is wrong and what is expected, without the value itself.</param>
        public DynamoValidationException(string entity, string attribute, string problem)
            : this($"Invalid {entity}: '{attribute}' {problem}.", entity, attribute, problem, null, DynamoErrorKind.Failed)
        {
        }

        private DynamoValidationException(string message, string entity, string attribute, string problem, string? key, DynamoErrorKind kind)
            : base(message, key: key, kind: kind)
        {
            Entity = entity;
            Attribute = attribute;
            Problem = problem;
        }

        /// <summary>What is wrong and what is expected, without the value itself.</summary>
        public string Problem { get; }

        /// <summary>The entity type whose input was rejected.</summary>
        public string Entity { get; }

        /// <summary>The attribute or key part that was rejected; for <see cref="DynamoErrorKind.ItemTooLarge"/>, the item's largest.</summary>
        public string Attribute { get; }

        /// <summary>
        /// An item larger than DynamoDB's 400 KB item limit (<see cref="ItemSize.MaxBytes"/>), which DynamoDB would refuse,
        /// of kind <see cref="DynamoErrorKind.ItemTooLarge"/>: names the item's key (masked), its size and its largest attribute.
        /// </summary>
        internal static DynamoValidationException ItemTooLarge(string entity, string? key, long size, string largestAttribute, long largestAttributeSize)
        {
            var problem = string.Format(
                CultureInfo.InvariantCulture,
                "the item is {0:N0} bytes, over DynamoDB's item size limit of {1:N0} bytes (400 KB); its largest attribute is '{2}' ({3:N0} bytes)",
                size,
                ItemSize.MaxBytes,
                largestAttribute,
                largestAttributeSize);
            return new($"Invalid {entity}{(key is null ? string.Empty : " " + key)}: {problem}.", entity, largestAttribute, problem, key, DynamoErrorKind.ItemTooLarge);
        }
    }
}

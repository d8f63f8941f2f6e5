using System.Globalization;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// An item is larger than DynamoDB's 400 KB item limit (<see cref="ItemSize.MaxBytes"/>), so DynamoDB would refuse
    /// it: refused before any request was sent. Names the item's key (masked), its size and its largest attribute.
    /// </summary>
    public sealed class DynamoItemTooLargeException : DynamoValidationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="entity">The entity type, such as <c>Booking</c>.</param>
        /// <param name="key">The item's key as printed by its key type (personal parts masked), or null.</param>
        /// <param name="size">The item's size in bytes, as DynamoDB counts it.</param>
        /// <param name="largestAttribute">The name of the item's largest attribute.</param>
        /// <param name="largestAttributeSize">That attribute's size in bytes, its name included.</param>
        public DynamoItemTooLargeException(string entity, string? key, long size, string largestAttribute, long largestAttributeSize)
            : base(
                $"Invalid {entity}{(key is null ? string.Empty : " " + key)}: {Describe(size, largestAttribute, largestAttributeSize)}.",
                entity,
                largestAttribute,
                Describe(size, largestAttribute, largestAttributeSize),
                key)
        {
            Size = size;
            LargestAttributeSize = largestAttributeSize;
        }

        /// <summary>The item's size in bytes, as DynamoDB counts it.</summary>
        public long Size { get; }

        /// <summary>DynamoDB's limit, <see cref="ItemSize.MaxBytes"/>.</summary>
        public int Limit => ItemSize.MaxBytes;

        /// <summary>The size of the largest attribute (<see cref="DynamoValidationException.Attribute"/>) in bytes, its name included.</summary>
        public long LargestAttributeSize { get; }

        private static string Describe(long size, string? largestAttribute, long largestAttributeSize)
            => string.Format(
                CultureInfo.InvariantCulture,
                "the item is {0:N0} bytes, over DynamoDB's item size limit of {1:N0} bytes (400 KB); its largest attribute is '{2}' ({3:N0} bytes)",
                size,
                ItemSize.MaxBytes,
                largestAttribute,
                largestAttributeSize);
    }
}

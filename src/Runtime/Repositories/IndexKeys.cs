using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Helpers for index keys that generated code computes from a template: parts are taken from their stored
    /// form, so a computed key holds exactly the text (normalised phone numbers, invariant numbers) that the
    /// item stores and that a query builds.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class IndexKeys
    {
        /// <summary>The text of a stored string or number.</summary>
        public static string Text(AttributeValue stored)
        {
            System.ArgumentNullException.ThrowIfNull(stored);
            return stored.S ?? stored.N ?? throw new System.ArgumentException("An index key part is stored as a string or a number.", nameof(stored));
        }

        /// <summary>
        /// The stored text of attribute <paramref name="name"/> of <paramref name="item"/>; false when it is absent
        /// or NULL, which leaves the computed key out (a sparse index).
        /// </summary>
        public static bool TryText(System.Collections.Generic.IReadOnlyDictionary<string, AttributeValue> item, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
        {
            System.ArgumentNullException.ThrowIfNull(item);
            text = item.TryGetValue(name, out var stored) && stored is not null && stored.NULL != true ? stored.S ?? stored.N : null;
            return text is not null;
        }

        /// <summary>A computed index key value (S).</summary>
        public static AttributeValue Value(string text) => new() { S = text ?? throw new System.ArgumentNullException(nameof(text)) };
    }
}

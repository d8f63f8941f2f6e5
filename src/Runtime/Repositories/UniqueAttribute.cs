using System;
using System.ComponentModel;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// An attribute declared <c>"unique": true</c>: its stored name, and how its stored text is printed in a
    /// <see cref="DynamoUniqueValueException"/> (masked as the entity's <c>ToString()</c> prints it).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class UniqueAttribute
    {
        /// <summary>Creates the description of one unique attribute.</summary>
        /// <param name="name">The stored attribute name.</param>
        /// <param name="print">Prints the stored text (a phone masked, personal data shortened, a secret left out); null prints it as it is.</param>
        public UniqueAttribute(string name, Func<string, string>? print = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            Name = name;
            Print = print;
        }

        /// <summary>The stored attribute name.</summary>
        public string Name { get; }

        /// <summary>Prints the stored text as the SDK may show it; null prints it as it is.</summary>
        public Func<string, string>? Print { get; }
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The data classification attributes (Microsoft.Extensions.Compliance) written on sensitive properties, so a
    /// service's own <c>[LogProperties]</c> logging masks them as the SDK does. They live in the optional
    /// Bookings.Generated.Compliance package: the generator writes them only into a compilation that references it.
    /// </summary>
    internal static class Classification
    {
        /// <summary>The namespace of the taxonomy's attributes.</summary>
        public const string Namespace = "Bookings.Generated.Runtime.Compliance";

        /// <summary>The type whose presence in the compilation switches the attributes on.</summary>
        public const string ProbeType = Namespace + ".PhoneDataAttribute";

        /// <summary>The attribute line to write above a property of <paramref name="sensitivity"/> (with its line break), or nothing.</summary>
        public static string Attribute(bool classify, Sensitivity sensitivity)
            => !classify ? string.Empty : sensitivity switch
            {
                Sensitivity.Phone => $"[global::{Namespace}.PhoneData]\n",
                Sensitivity.Personal => $"[global::{Namespace}.PersonalData]\n",
                Sensitivity.Secret => $"[global::{Namespace}.SecretData]\n",
                _ => string.Empty,
            };

        /// <summary>
        /// How a key's stored value is classified: as its one part when it is a single part; a composed value holding a
        /// sensitive part is personal (the text is no phone number to mask as one) or secret, whichever is stronger.
        /// </summary>
        public static Sensitivity OfKey(KeyModel key)
        {
            if (key.IsSinglePart)
            {
                return key.Parts[0].Sensitivity;
            }

            var parts = key.Parts.Select(p => p.Sensitivity).ToList();
            return parts.Contains(Sensitivity.Secret) ? Sensitivity.Secret
                : parts.Any(s => s is Sensitivity.Phone or Sensitivity.Personal) ? Sensitivity.Personal
                : Sensitivity.None;
        }
    }
}

using System;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// What the descriptors of a project have in common: types two descriptors would both generate (DDB007), and hint
    /// names that differ from another only in case. Usually both are empty.
    /// </summary>
    /// <param name="Duplicates">Full names of types more than one descriptor generates; no descriptor emits a file that declares one.</param>
    /// <param name="CaseVariants">Hint names that equal another ignoring case, in ordinal order.</param>
    internal sealed record HintNameClashes(EquatableArray<string> Duplicates, EquatableArray<string> CaseVariants)
    {
        /// <summary>
        /// The hint name to add a file under: <paramref name="hintName"/>, or, when another differs from it only in case,
        /// it numbered by its place among those spellings (<c>Shop.ThingGSI1SortKey.1.g.cs</c>,
        /// <c>Shop.ThingGsi1SortKey.2.g.cs</c>), since hint names are compared ignoring case. A number cannot be a type
        /// name, so no other file has such a name.
        /// </summary>
        public string UniqueHintName(string hintName)
        {
            if (!CaseVariants.Contains(hintName))
            {
                return hintName;
            }

            var place = CaseVariants.Where(name => string.Equals(name, hintName, StringComparison.OrdinalIgnoreCase)).ToList().IndexOf(hintName) + 1;
            var stem = hintName.Substring(0, hintName.Length - SchemaEmitter.HintSuffix.Length);
            return $"{stem}.{place.ToString(System.Globalization.CultureInfo.InvariantCulture)}{SchemaEmitter.HintSuffix}";
        }
    }
}

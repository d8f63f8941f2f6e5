using Microsoft.Extensions.Compliance.Classification;

namespace Bookings.Generated.Runtime.Compliance
{
    /// <summary>
    /// The data classifications of the descriptor's <c>"sensitive"</c> values, in the <c>Bookings.Generated</c>
    /// taxonomy. Generated entity and key properties carry them as <see cref="PhoneDataAttribute"/>,
    /// <see cref="PersonalDataAttribute"/> and <see cref="SecretDataAttribute"/>;
    /// <see cref="DynamoRedactionBuilderExtensions.SetDynamoRedactors"/> maps each to the redactor that masks it as the SDK does.
    /// </summary>
    public static class DynamoDataClassifications
    {
        /// <summary>The taxonomy's name: <c>Bookings.Generated</c>.</summary>
        public const string TaxonomyName = "Bookings.Generated";

        /// <summary>A phone number (<c>"sensitive": "phone"</c>): redacted as <c>010-****-5678</c>.</summary>
        public static DataClassification Phone { get; } = new(TaxonomyName, nameof(Phone));

        /// <summary>Personal data such as a name (<c>"sensitive": "personal"</c>): redacted as <c>K***</c>.</summary>
        public static DataClassification Personal { get; } = new(TaxonomyName, nameof(Personal));

        /// <summary>A secret such as a session cookie (<c>"sensitive": "secret"</c>): erased, not even its length shown.</summary>
        public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));
    }
}

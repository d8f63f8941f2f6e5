using System;
using Microsoft.Extensions.Compliance.Redaction;

namespace Bookings.Generated.Runtime.Compliance
{
    /// <summary>Registers the redactors of <see cref="DynamoDataClassifications"/>.</summary>
    public static class DynamoRedactionBuilderExtensions
    {
        /// <summary>
        /// Maps each of <see cref="DynamoDataClassifications"/> to the redactor that masks it as the SDK does:
        /// phones as <c>010-****-5678</c>, personal data as <c>K***</c>, secrets erased (<c>***</c>). Other
        /// classifications keep whatever the builder maps them to.
        /// </summary>
        /// <example><code>
        /// services.AddRedaction(redaction => redaction.SetDynamoRedactors());
        /// services.AddLogging(logging => logging.EnableRedaction());
        /// </code></example>
        public static IRedactionBuilder SetDynamoRedactors(this IRedactionBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder
                .SetRedactor<PhoneRedactor>(DynamoDataClassifications.Phone)
                .SetRedactor<PersonalRedactor>(DynamoDataClassifications.Personal)
                .SetRedactor<SecretRedactor>(DynamoDataClassifications.Secret);
        }
    }
}

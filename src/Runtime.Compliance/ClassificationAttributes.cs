using System;
using Microsoft.Extensions.Compliance.Classification;

namespace Bookings.Generated.Runtime.Compliance
{
    /// <summary>Classifies a phone number (<see cref="DynamoDataClassifications.Phone"/>); the generator writes it for <c>"sensitive": "phone"</c>.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PhoneDataAttribute : DataClassificationAttribute
    {
        /// <summary>Classifies the member as <see cref="DynamoDataClassifications.Phone"/>.</summary>
        public PhoneDataAttribute()
            : base(DynamoDataClassifications.Phone)
        {
        }
    }

    /// <summary>Classifies personal data (<see cref="DynamoDataClassifications.Personal"/>); the generator writes it for <c>"sensitive": "personal"</c>.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PersonalDataAttribute : DataClassificationAttribute
    {
        /// <summary>Classifies the member as <see cref="DynamoDataClassifications.Personal"/>.</summary>
        public PersonalDataAttribute()
            : base(DynamoDataClassifications.Personal)
        {
        }
    }

    /// <summary>Classifies a secret (<see cref="DynamoDataClassifications.Secret"/>); the generator writes it for <c>"sensitive": "secret"</c>.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class SecretDataAttribute : DataClassificationAttribute
    {
        /// <summary>Classifies the member as <see cref="DynamoDataClassifications.Secret"/>.</summary>
        public SecretDataAttribute()
            : base(DynamoDataClassifications.Secret)
        {
        }
    }
}

using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>The runtime's checks and forms of a phone number of each region, for every emitter that writes one.</summary>
    internal static class Phones
    {
        /// <summary>The <c>InputValidation</c> method that normalises the phone or throws.</summary>
        public static string Normalize(Sensitivity sensitivity) => sensitivity == Sensitivity.PhoneE164 ? "E164Phone" : "Phone";

        /// <summary>The <c>InputValidation</c> method that normalises the phone without throwing.</summary>
        public static string IsValid(Sensitivity sensitivity) => sensitivity == Sensitivity.PhoneE164 ? "IsValidE164Phone" : "IsValidPhone";

        /// <summary>The <c>PhoneNumber</c> method that masks the phone for printing.</summary>
        public static string Mask(Sensitivity sensitivity) => sensitivity == Sensitivity.PhoneE164 ? "MaskE164" : "Mask";

        /// <summary>The stored form, for XML docs.</summary>
        public static string Form(Sensitivity sensitivity) => sensitivity == Sensitivity.PhoneE164 ? "E.164 (+447911123456)" : "010-XXXX-XXXX";
    }
}

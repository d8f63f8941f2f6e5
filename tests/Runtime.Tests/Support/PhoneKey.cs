namespace Bookings.Generated.Runtime.Tests.Support
{
    /// <summary>A key like a generated one: it holds a raw phone number but prints it masked.</summary>
    internal sealed class PhoneKey
    {
        public PhoneKey(string phone) => Phone = phone;

        public string Phone { get; }

        public override string ToString() => "SmsKey { Phone = " + PhoneNumber.Mask(Phone) + " }";
    }
}

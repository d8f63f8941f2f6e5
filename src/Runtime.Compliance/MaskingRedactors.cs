using System;
using Microsoft.Extensions.Compliance.Redaction;

namespace Bookings.Generated.Runtime.Compliance
{
    /// <summary>
    /// A redactor that writes the SDK's own mask of a value, so a service's logs and the SDK's print the same text.
    /// The masks are computed by <see cref="PhoneNumber"/> and <see cref="Runtime.Internal.Redact"/>, never restated here.
    /// </summary>
    internal abstract class MaskingRedactor : Redactor
    {
        /// <summary>The mask of <paramref name="value"/>.</summary>
        protected abstract string Mask(string value);

        public override int GetRedactedLength(ReadOnlySpan<char> input) => Mask(input.ToString()).Length;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            var masked = Mask(source.ToString());
            masked.AsSpan().CopyTo(destination);
            return masked.Length;
        }
    }

    /// <summary>
    /// <c>010-1234-5678</c> → <c>010-****-5678</c>, <c>+447911123456</c> → <c>+********3456</c>; text that is not a phone
    /// number is masked whole.
    /// </summary>
    internal sealed class PhoneRedactor : MaskingRedactor
    {
        /// <summary>
        /// Masks the number before the first <c>:</c>. Redaction-enabled logging appends <c>:</c> and the tag's name to
        /// each value it redacts (LoggerRedactionOptions.ApplyDiscriminator, on by default), so that a hashing redactor
        /// gives the same value different hashes in different fields; a phone number has no <c>:</c> of its own, and
        /// the whole text would not read as one. A number starting with <c>+</c> is masked as the SDK masks an E.164
        /// number (a <c>"phoneRegion": "E164"</c> value is normalised to one); any other as a Korean number (the
        /// <c>"KR"</c> region's normal form has no <c>+</c>).
        /// </summary>
        protected override string Mask(string value)
        {
            var discriminator = value.IndexOf(':', StringComparison.Ordinal);
            var number = discriminator < 0 ? value : value.Substring(0, discriminator);
            return number.StartsWith('+') ? PhoneNumber.MaskE164(number) : PhoneNumber.Mask(number);
        }
    }

    /// <summary><c>Kim</c> → <c>K***</c>.</summary>
    internal sealed class PersonalRedactor : MaskingRedactor
    {
        protected override string Mask(string value) => Bookings.Generated.Runtime.Internal.Redact.Personal(value);
    }

    /// <summary>Any secret → <c>***</c>: nothing of it, not even its length.</summary>
    internal sealed class SecretRedactor : MaskingRedactor
    {
        protected override string Mask(string value) => Bookings.Generated.Runtime.Internal.Redact.SecretPlaceholder;
    }
}

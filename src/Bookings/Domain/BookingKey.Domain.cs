using Bookings.Generated.Runtime;

namespace Bookings
{
    /// <summary>Hand-written helpers beside the generated key: building a key from a legacy <c>booking_num</c>.</summary>
    public sealed partial record BookingKey
    {
        /// <summary>What a <c>booking_num</c> must be, for problems that name it.</summary>
        internal const string BookingNumberShape = "must be '{biz_id}_{book_id}' with both parts numeric, for example 1051707_12345";

        /// <summary>
        /// Builds a key from a stored <c>booking_num</c> (<c>{biz_id}_{book_id}</c>, such as <c>1051707_12345</c>)
        /// and a phone in any accepted spelling, which is normalised to <c>010-XXXX-XXXX</c>.
        /// </summary>
        /// <exception cref="DynamoValidationException">
        /// The phone (named <c>phone</c>) or the booking number (named <c>booking_num</c>, whichever part is wrong) is
        /// invalid; the message never holds the value.
        /// </exception>
        public static BookingKey FromBookingNumber(string bookingNum, string phone)
            // SortKeyValue checks and normalises the phone; TryParse splits booking_num and checks both parts.
            => TryParse(bookingNum, SortKeyValue(phone).S, out var key)
                ? key
                : throw new DynamoValidationException("Booking", "booking_num", BookingNumberShape);
    }
}

using System;
using System.Diagnostics.CodeAnalysis;
using Bookings.Generated.Runtime;

namespace Bookings
{
    /// <summary>Hand-written helpers beside the generated key: building a key from a legacy <c>booking_num</c>.</summary>
    public sealed partial record BookingKey
    {
        /// <summary>
        /// Builds a key from a stored <c>booking_num</c> (<c>{biz_id}_{book_id}</c>, such as <c>1051707_12345</c>)
        /// and a phone in any accepted spelling, which is normalised to <c>010-XXXX-XXXX</c>.
        /// </summary>
        /// <exception cref="DynamoValidationException">The booking number or the phone is invalid; the message names which, never the value.</exception>
        public static BookingKey FromBookingNumber(string bookingNum, string phone)
        {
            if (!TrySplitBookingNumber(bookingNum, out var bizId, out var bookId))
            {
                throw new DynamoValidationException("Booking", "booking_num", "must be '{biz_id}_{book_id}' with both parts numeric, for example 1051707_12345");
            }

            return Create(bizId, bookId, phone);
        }

        /// <summary>
        /// Builds a key that keeps the phone exactly as given (no normalisation), for items the legacy system
        /// stored before phones were normalised (<c>01012345678</c>). False when the parts are invalid.
        /// </summary>
        public static bool TryFromStoredSpelling(string? bookingNum, string? phone, [NotNullWhen(true)] out BookingKey? key)
            => TryParse(bookingNum, phone, out key);

        /// <summary>
        /// Splits <c>booking_num</c> at its first <c>_</c> into <c>biz_id</c> and <c>book_id</c>. Only the shape is
        /// checked here (both parts present); <see cref="Create"/> validates the parts.
        /// </summary>
        public static bool TrySplitBookingNumber(string? bookingNum, out string bizId, out string bookId)
        {
            bizId = string.Empty;
            bookId = string.Empty;
            var separator = bookingNum?.IndexOf('_', StringComparison.Ordinal) ?? -1;
            if (bookingNum is null || separator <= 0 || separator == bookingNum.Length - 1)
            {
                return false;
            }

            bizId = bookingNum.Substring(0, separator);
            bookId = bookingNum.Substring(separator + 1);
            return true;
        }

        /// <summary>
        /// The store (<c>biz_id</c>) of a stored <c>booking_num</c> as the legacy scan computed it: the text before
        /// the first <c>_</c>, or the whole value when there is none.
        /// </summary>
        public static string BizIdOf(string bookingNum)
        {
            ArgumentNullException.ThrowIfNull(bookingNum);
            var separator = bookingNum.IndexOf('_', StringComparison.Ordinal);
            return separator < 0 ? bookingNum : bookingNum.Substring(0, separator);
        }
    }
}

using System;
using System.Diagnostics.CodeAnalysis;

namespace Bookings
{
    /// <summary>
    /// Conversions between the generated <see cref="BookingFlag"/> (the boolean attributes of the schema), the names the
    /// legacy <c>update_flag</c> and the CLI accept, and the update that sets a flag.
    /// </summary>
    public static class BookingFlags
    {
        /// <summary>The stored attribute names of the flags, in declaration order.</summary>
        public static readonly string[] AttributeNames =
        {
            BookingTable.Attributes.ConfirmSms,
            BookingTable.Attributes.RemindSms,
            BookingTable.Attributes.OptionSms,
        };

        /// <summary>The stored attribute name of a flag (<c>confirm_sms</c>, <c>remind_sms</c>, <c>option_sms</c>).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="flag"/> is not a defined flag.</exception>
        public static string AttributeName(this BookingFlag flag) => flag switch
        {
            BookingFlag.ConfirmSms => BookingTable.Attributes.ConfirmSms,
            BookingFlag.RemindSms => BookingTable.Attributes.RemindSms,
            BookingFlag.OptionSms => BookingTable.Attributes.OptionSms,
            _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a booking flag."),
        };

        /// <summary>
        /// Reads a flag from its stored name (<c>confirm_sms</c>), its short name (<c>confirm</c>) or its C#
        /// name (<c>ConfirmSms</c>), ignoring case.
        /// </summary>
        /// <returns>False when <paramref name="text"/> names no flag.</returns>
        public static bool TryParse(string? text, [NotNullWhen(true)] out BookingFlag? flag)
        {
            flag = (text ?? string.Empty).Trim().ToUpperInvariant() switch
            {
                "CONFIRM_SMS" or "CONFIRM" or "CONFIRMSMS" => BookingFlag.ConfirmSms,
                "REMIND_SMS" or "REMIND" or "REMINDSMS" => BookingFlag.RemindSms,
                "OPTION_SMS" or "OPTION" or "OPTIONSMS" => BookingFlag.OptionSms,
                _ => null,
            };
            return flag is not null;
        }

        /// <summary>Sets the flag on <paramref name="update"/>: the update's own <c>Set…</c> for it.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="flag"/> is not a defined flag.</exception>
        public static BookingUpdate SetFlag(this BookingUpdate update, BookingFlag flag, bool value)
        {
            ArgumentNullException.ThrowIfNull(update);
            return flag switch
            {
                BookingFlag.ConfirmSms => update.SetConfirmSms(value),
                BookingFlag.RemindSms => update.SetRemindSms(value),
                BookingFlag.OptionSms => update.SetOptionSms(value),
                _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a booking flag."),
            };
        }

        /// <summary>The flag's value on a booking.</summary>
        public static bool Get(this Booking booking, BookingFlag flag)
        {
            ArgumentNullException.ThrowIfNull(booking);
            return flag switch
            {
                BookingFlag.ConfirmSms => booking.ConfirmSms,
                BookingFlag.RemindSms => booking.RemindSms,
                BookingFlag.OptionSms => booking.OptionSms,
                _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a booking flag."),
            };
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;

namespace Bookings
{
    /// <summary>The window of booking times of one store's bookings still waiting for their option SMS.</summary>
    /// <param name="BizId">The store: the part of <c>booking_num</c> before the first <c>_</c>.</param>
    /// <param name="Start">The earliest booking time.</param>
    /// <param name="End">The latest booking time.</param>
    /// <param name="BookingCount">How many bookings the window covers.</param>
    public sealed record OptionWindow(string BizId, DateTime Start, DateTime End, int BookingCount)
    {
        /// <summary><see cref="Start"/> as the legacy output printed it: <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
        public string StartTime => Start.ToString(UnnotifiedOptions.TimeFormat, CultureInfo.InvariantCulture);

        /// <summary><see cref="End"/> as the legacy output printed it: <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
        public string EndTime => End.ToString(UnnotifiedOptions.TimeFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>A booking the option scan could not use; its phone is masked, so it is safe to print or log.</summary>
    /// <param name="BookingNum">The stored <c>booking_num</c> (not personal data).</param>
    /// <param name="MaskedPhone">The phone as <c>010-****-5678</c>.</param>
    /// <param name="Reason">Why it was skipped, without the offending value.</param>
    public sealed record SkippedBooking(string BookingNum, string MaskedPhone, string Reason);

    /// <summary>
    /// The result of the scan for bookings still waiting for their option SMS (<c>option_sms</c> false):
    /// one window per store in ascending <c>biz_id</c> order, and the bookings skipped because their
    /// <c>booking_time</c> could not be read.
    /// </summary>
    public sealed partial class UnnotifiedOptions
    {
        /// <summary>The legacy booking time format, <c>yyyy-MM-dd HH:mm:ss</c> (Python's <c>%Y-%m-%d %H:%M:%S</c>).</summary>
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        private UnnotifiedOptions(IReadOnlyList<OptionWindow> windows, IReadOnlyList<SkippedBooking> skipped)
        {
            Windows = windows;
            Skipped = skipped;
        }

        /// <summary>One window per store, ordered by <c>biz_id</c> (ordinal string order, as the legacy Python sorted its dictionary keys).</summary>
        public IReadOnlyList<OptionWindow> Windows { get; }

        /// <summary>Bookings left out because their <c>booking_time</c> is missing or unparseable, in scan order.</summary>
        public IReadOnlyList<SkippedBooking> Skipped { get; }

        /// <summary>
        /// The legacy output shape: <c>{ biz_id: { "start_time": …, "end_time": … } }</c> in ascending <c>biz_id</c>
        /// order (enumerate the returned list, or build an ordered dictionary from it).
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, (string StartTime, string EndTime)>> ToLegacyShape()
        {
            var shape = new List<KeyValuePair<string, (string, string)>>(Windows.Count);
            foreach (var window in Windows)
            {
                shape.Add(new(window.BizId, (window.StartTime, window.EndTime)));
            }

            return shape;
        }

        /// <summary>
        /// Builds the result from raw items (as a scan returns them). Items whose <c>option_sms</c> is true are
        /// ignored; an item without <c>option_sms</c> counts as not notified (the SDK reads it as false).
        /// </summary>
        public static UnnotifiedOptions FromItems(IEnumerable<IReadOnlyDictionary<string, AttributeValue>> items)
        {
            ArgumentNullException.ThrowIfNull(items);
            var builder = new Builder();
            foreach (var item in items)
            {
                builder.Add(item);
            }

            return builder.Build();
        }

        /// <summary>Accumulates scanned items one by one (so a scan never holds the whole table), then builds the result.</summary>
        public sealed class Builder
        {
            private readonly SortedDictionary<string, OptionWindow> _windows = new(StringComparer.Ordinal);
            private readonly List<SkippedBooking> _skipped = new();

            /// <summary>Adds one raw item; items whose <c>option_sms</c> is true are ignored.</summary>
            public void Add(IReadOnlyDictionary<string, AttributeValue> item)
            {
                ArgumentNullException.ThrowIfNull(item);
                if (item.TryGetValue(BookingTable.Attributes.OptionSms, out var flag) && flag?.BOOL == true)
                {
                    return;
                }

                var bookingNum = item.TryGetValue(BookingTable.Attributes.BookingNum, out var numValue) ? numValue?.S ?? "?" : "?";
                var phone = item.TryGetValue(BookingTable.Attributes.Phone, out var phoneValue) ? phoneValue?.S : null;
                var time = item.TryGetValue(BookingTable.Attributes.BookingTime, out var timeValue) ? timeValue?.S : null;
                if (time is null)
                {
                    _skipped.Add(new SkippedBooking(bookingNum, PhoneNumber.Mask(phone), "booking_time is missing or not a string"));
                    return;
                }

                if (!TryParseBookingTime(time, out var at))
                {
                    _skipped.Add(new SkippedBooking(bookingNum, PhoneNumber.Mask(phone), $"booking_time is not a valid '{TimeFormat}' date and time"));
                    return;
                }

                // The store as the legacy scan computed it, booking_num.split('_')[0]: stored keys that do not parse still count.
                var bizId = bookingNum.Split('_', 2)[0];
                _windows[bizId] = _windows.TryGetValue(bizId, out var window)
                    ? window with
                    {
                        Start = at < window.Start ? at : window.Start,
                        End = at > window.End ? at : window.End,
                        BookingCount = window.BookingCount + 1,
                    }
                    : new OptionWindow(bizId, at, at, 1);
            }

            /// <summary>The result so far.</summary>
            public UnnotifiedOptions Build() => new(new List<OptionWindow>(_windows.Values), new List<SkippedBooking>(_skipped));
        }

        /// <summary>
        /// Reads a <c>booking_time</c> the way the legacy scan did, with Python's
        /// <c>strptime(text, '%Y-%m-%d %H:%M:%S')</c>: a four-digit year and one- or two-digit month, day, hour,
        /// minute and second, forming a real date and time (<c>2025-10-20 9:05:00</c> is accepted,
        /// <c>2025-10-20 25:00:00</c> and <c>2025/10/20 10:00</c> are not).
        /// </summary>
        public static bool TryParseBookingTime(string? text, out DateTime value)
        {
            value = default;
            var match = text is null ? null : LegacyTimePattern().Match(text);
            if (match is null || !match.Success)
            {
                return false;
            }

            int Part(int group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            int year = Part(1), month = Part(2), day = Part(3), hour = Part(4), minute = Part(5), second = Part(6);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
            return true;
        }

        [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}) ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})$", RegexOptions.CultureInvariant)]
        private static partial Regex LegacyTimePattern();
    }
}

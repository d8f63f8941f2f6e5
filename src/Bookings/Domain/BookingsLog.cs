using Microsoft.Extensions.Logging;

namespace Bookings
{
    /// <summary>
    /// Log events of the hand-written booking and session services (IDs 2001–2099; the runtime uses 1001–1099).
    /// Every argument is masked or free of personal data.
    /// </summary>
    internal static partial class BookingsLog
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Option scan skipped booking {BookingNum} {Phone}: {Reason}")]
        public static partial void OptionScanSkipped(ILogger logger, string bookingNum, string phone, string reason);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Option scan on {Table}: {Stores} store(s) waiting for option SMS, {Skipped} booking(s) skipped")]
        public static partial void OptionScanDone(ILogger logger, string table, int stores, int skipped);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Session {SessionId} expired at {ExpiresAt} (epoch seconds); treated as absent")]
        public static partial void SessionExpired(ILogger logger, string sessionId, long expiresAt);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Booking {BookingNum} not found under the normalised phone {Phone}; trying the spelling as given")]
        public static partial void TryingStoredSpelling(ILogger logger, string bookingNum, string phone);
    }
}

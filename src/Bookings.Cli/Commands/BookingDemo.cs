using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli.Commands
{
    /// <summary>The demo's steps, each printed as it happens. Everything printed is masked by the SDK.</summary>
    internal sealed class BookingDemo(IAmazonDynamoDB client, DynamoRepositoryOptions options, ILoggerFactory loggers)
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var tables = new DynamoTableManager(client, options, loggers.CreateLogger<DynamoTableManager>());
            var created = await tables.EnsureTablesAsync(BookingsSchema.Tables, cancellationToken).ConfigureAwait(false);
            Step("Tables", created.Count == 0 ? "all tables already exist" : $"created {string.Join(", ", created)}");

            var bookings = new BookingRepository(client, options, loggers.CreateLogger<BookingRepository>());
            var samples = new[]
            {
                // Phones in both forms the legacy system produced; the key normalises them.
                new Booking { Key = BookingKey.Create("1051707", "12345", "01012345678"), Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" },
                new Booking { Key = BookingKey.Create("1051707", "12346", "010-9876-5432"), Name = "Lee Min", BookingTime = "2025-10-20 16:00:00", RemindSms = true },
                new Booking { Key = BookingKey.Create("2040001", "501", "010 5555 0101"), Name = "Park Ji", BookingTime = "2025-10-21 10:15:00" },
            };
            foreach (var booking in samples)
            {
                await bookings.PutAsync(booking, cancellationToken: cancellationToken).ConfigureAwait(false);
                Step("Put", booking.ToString());
            }

            var first = samples[0].Key;
            var read = await bookings.GetAsync(first, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Get", read?.ToString() ?? $"{first} is absent");

            var missing = BookingKey.Create("1051707", "99999", "010-0000-0000");
            var absent = await bookings.GetAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Get", absent is null ? $"{missing} is absent, as expected" : $"unexpectedly found {absent}");

            var flipped = await bookings.UpdateAsync(first, new BookingUpdate().SetConfirmSms(true), cancellationToken: cancellationToken).ConfigureAwait(false);
            var afterFlip = await bookings.GetAsync(first, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Flag", flipped ? $"confirm_sms set; now ConfirmSms = {afterFlip?.ConfirmSms}" : "the booking was not found");

            var flagOnMissing = await bookings.UpdateAsync(missing, new BookingUpdate().SetConfirmSms(true), cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Flag", flagOnMissing ? "unexpectedly updated a missing booking" : "confirm_sms on a missing booking: not found, nothing created");

            var sessions = new SessionRepository(client, options, loggers.CreateLogger<SessionRepository>());
            var sessionKey = SessionKey.Create("1");
            var session = new Session { Key = sessionKey, Cookies = "[{\"name\":\"NID_AUT\",\"value\":\"demo-secret-cookie\"}]" };
            await sessions.PutAsync(session, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Session", $"saved {session}");
            var storedSession = await sessions.GetAsync(sessionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Session", storedSession is null ? "not found" : $"read {storedSession} ({storedSession.Cookies.Length} characters of cookies, not printed)");
            var deleted = await sessions.DeleteAsync(sessionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var afterDelete = await sessions.GetAsync(sessionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            Step("Session", deleted && afterDelete is null ? "deleted; a read now finds nothing" : "delete did not take effect");
        }

        private static void Step(string step, string text) => Console.WriteLine($"{step,-8} {text}");
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bookings
{
    /// <summary>
    /// The legacy Lambda's booking operations on the <c>sms</c> table, on top of the generated
    /// <see cref="BookingRepository"/>: <c>get_booking</c>, <c>create_booking</c>, <c>update_flag</c> and the
    /// <c>reservation_not_confirm</c> scan. Missing items are <c>null</c> / <c>false</c>, never exceptions;
    /// failures are the SDK's <see cref="DynamoRepositoryException"/> subtypes, with phones masked.
    /// </summary>
    /// <remarks>
    /// Methods taking a <c>booking_num</c> and a phone look the item up under the normalised phone
    /// (<c>010-XXXX-XXXX</c>) first and, when that finds nothing and the phone was given in another spelling
    /// (<c>01012345678</c>), under the spelling as given, so items the legacy system stored before phones were
    /// normalised are still found, read, flagged and deleted.
    /// </remarks>
    public sealed class BookingService
    {
        private readonly ILogger _logger;

        /// <summary>Creates the service.</summary>
        /// <param name="client">The DynamoDB client; the caller owns it.</param>
        /// <param name="options">Table names, retries and read consistency; defaults when null.</param>
        /// <param name="loggers">Where logs go (phones masked); nothing is logged when null.</param>
        public BookingService(IAmazonDynamoDB client, DynamoRepositoryOptions? options = null, ILoggerFactory? loggers = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            _logger = (ILogger?)loggers?.CreateLogger<BookingService>() ?? NullLogger.Instance;
            Repository = new BookingRepository(client, options, loggers?.CreateLogger<BookingRepository>());
        }

        /// <summary>The generated repository underneath, for everything else (batches, queries, conditional writes, raw scans).</summary>
        public IBookingRepository Repository { get; }

        /// <summary>The physical name of the booking table.</summary>
        public string TableName => Repository.TableName;

        /// <summary>Legacy <c>get_booking(prefix, phone)</c>: the booking, or null when there is none.</summary>
        /// <param name="bookingNum">The stored <c>booking_num</c>, <c>{biz_id}_{book_id}</c>.</param>
        /// <param name="phone">The phone in any accepted spelling.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="DynamoValidationException">The booking number or phone is invalid (nothing was sent).</exception>
        /// <exception cref="DynamoMappingException">The stored item does not fit the schema; <see cref="GetStoredBookingAsync"/> reads it as stored.</exception>
        public Task<Booking?> GetBookingAsync(string bookingNum, string phone, CancellationToken cancellationToken = default)
            => FindAsync(bookingNum, phone, key => Repository.GetAsync(key, cancellationToken: cancellationToken));

        /// <summary>
        /// The booking's item exactly as stored, found as <see cref="GetBookingAsync"/> finds it, or null when there is none:
        /// for display, so an item the legacy system stored in a shape the schema refuses is still shown.
        /// </summary>
        /// <exception cref="DynamoValidationException">The booking number or phone is invalid (nothing was sent).</exception>
        public Task<IReadOnlyDictionary<string, AttributeValue>?> GetStoredBookingAsync(string bookingNum, string phone, CancellationToken cancellationToken = default)
            => FindAsync(bookingNum, phone, key => Repository.GetStoredAsync(key, cancellationToken: cancellationToken));

        /// <summary>
        /// Legacy <c>create_booking(record)</c>: stores the booking in the legacy shape (all eight declared
        /// attributes, flags false and <c>option_time</c> empty unless set, extra attributes at the top level,
        /// phone normalised). Like the legacy <c>put_item</c>, it <b>overwrites</b> an existing booking with the same
        /// key; use <see cref="CreateBookingIfAbsentAsync"/> to keep an existing one.
        /// </summary>
        /// <exception cref="DynamoValidationException">A value is invalid (nothing was sent).</exception>
        public Task CreateBookingAsync(Booking booking, CancellationToken cancellationToken = default)
            => Repository.PutAsync(booking, cancellationToken: cancellationToken);

        /// <summary>Stores the booking only when no booking has its key.</summary>
        /// <returns>True when it was created, false when a booking with that key already exists (left unchanged).</returns>
        public Task<bool> CreateBookingIfAbsentAsync(Booking booking, CancellationToken cancellationToken = default)
            => Repository.CreateAsync(booking, cancellationToken);

        /// <summary>
        /// Legacy <c>update_flag(prefix, phone, flag_name, value)</c>: sets one flag on an existing booking.
        /// </summary>
        /// <returns>True when the booking exists and was updated; false when it does not exist (nothing is created).</returns>
        /// <exception cref="DynamoValidationException">The booking number or phone is invalid (nothing was sent).</exception>
        public async Task<bool> UpdateFlagAsync(string bookingNum, string phone, BookingFlag flag, bool value = true, CancellationToken cancellationToken = default)
        {
            var key = BookingKey.FromBookingNumber(bookingNum, phone);
            if (await UpdateFlagAsync(key, flag, value, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            return AsGiven(bookingNum, phone, key) is { } asGiven
                && await UpdateFlagAsync(asGiven, flag, value, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sets one flag on the booking with this exact key (the update's <c>Set…</c> of that flag, alone); false when it does
        /// not exist (nothing is created). Nothing is read back, so a legacy item with an attribute the schema would refuse
        /// is still flagged.
        /// </summary>
        public Task<bool> UpdateFlagAsync(BookingKey key, BookingFlag flag, bool value = true, CancellationToken cancellationToken = default)
            => Repository.UpdateAsync(key, new BookingUpdate().SetFlag(flag, value), cancellationToken: cancellationToken);

        /// <summary>Deletes a booking; false when there was none.</summary>
        /// <exception cref="DynamoValidationException">The booking number or phone is invalid (nothing was sent).</exception>
        public async Task<bool> DeleteBookingAsync(string bookingNum, string phone, CancellationToken cancellationToken = default)
        {
            var key = BookingKey.FromBookingNumber(bookingNum, phone);
            if (await Repository.DeleteAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            return AsGiven(bookingNum, phone, key) is { } asGiven
                && await Repository.DeleteAsync(asGiven, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Legacy <c>reservation_not_confirm</c>: scans for bookings whose option SMS was not sent
        /// (<c>option_sms</c> false or absent) and returns, per store, the earliest and latest booking time, stores
        /// in ascending order. A booking whose <c>booking_time</c> cannot be parsed is skipped, logged (masked) and
        /// listed in <see cref="UnnotifiedOptions.Skipped"/>; it does not fail the scan.
        /// </summary>
        /// <remarks>
        /// Reads items as stored (<see cref="IDynamoRepository{TEntity, TKey, TUpdate}.ScanStoredAsync"/>, only the attributes it
        /// needs), so items the legacy system wrote in shapes the schema would reject are reported rather than failing the
        /// whole scan. A full table scan, like the legacy one.
        /// </remarks>
        public async Task<UnnotifiedOptions> ScanUnnotifiedOptionsAsync(CancellationToken cancellationToken = default)
        {
            var scan = new ScanOptions
            {
                Filter = BookingFields.OptionSms.NotExists() | BookingFields.OptionSms.Equal(false),
                Attributes = new[] { BookingTable.Attributes.BookingNum, BookingTable.Attributes.Phone, BookingTable.Attributes.BookingTime, BookingTable.Attributes.OptionSms },
            };

            var builder = new UnnotifiedOptions.Builder();
            await foreach (var item in Repository.ScanStoredAsync(scan, cancellationToken).ConfigureAwait(false))
            {
                builder.Add(item);
            }

            var result = builder.Build();
            foreach (var skipped in result.Skipped)
            {
                BookingsLog.OptionScanSkipped(_logger, skipped.BookingNum, skipped.MaskedPhone, skipped.Reason);
            }

            BookingsLog.OptionScanDone(_logger, TableName, result.Windows.Count, result.Skipped.Count);
            return result;
        }

        /// <summary>Reads under the normalised key, then, when that finds nothing, under the phone as the caller spelled it.</summary>
        private async Task<T?> FindAsync<T>(string bookingNum, string phone, Func<BookingKey, Task<T?>> read)
            where T : class
        {
            var key = BookingKey.FromBookingNumber(bookingNum, phone);
            var found = await read(key).ConfigureAwait(false);
            if (found is null && AsGiven(bookingNum, phone, key) is { } asGiven)
            {
                found = await read(asGiven).ConfigureAwait(false);
            }

            return found;
        }

        /// <summary>The key with the phone as the caller spelled it, when that differs from the normalised key.</summary>
        private BookingKey? AsGiven(string bookingNum, string phone, BookingKey normalised)
        {
            if (!BookingKey.TryParse(bookingNum, phone, out var asGiven) || asGiven.Phone == normalised.Phone)
            {
                return null;
            }

            BookingsLog.TryingStoredSpelling(_logger, bookingNum, PhoneNumber.Mask(phone));
            return asGiven;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Create-if-absent, batches, scans and partition queries of the generated repositories.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class RepositorySurfaceTests
    {
        private readonly DynamoDbFixture _fixture;

        public RepositorySurfaceTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static Booking Sample(string bookId, int n) => new()
        {
            Key = BookingKey.Create("1051707", bookId, $"010-5555-{n:D4}"),
            Name = "Customer " + n,
            BookingTime = "2025-10-20 14:30:00",
        };

        [Fact]
        public async Task Create_never_overwrites_an_existing_booking()
        {
            var options = await BookingTables.CreateAsync(_fixture, "create-if-absent");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var booking = Sample("1", 1);

            Assert.True(await repository.CreateAsync(booking));
            Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true)));
            Assert.False(await repository.CreateAsync(booking));

            var stored = await repository.GetAsync(booking.Key);
            Assert.True(stored?.ConfirmSms);
        }

        [Fact]
        public async Task Put_many_get_many_delete_many()
        {
            var options = await BookingTables.CreateAsync(_fixture, "many");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 120).Select(n => Sample((n % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), n)).ToList();

            await repository.PutManyAsync(bookings);
            var read = await repository.GetManyAsync(bookings.Select(b => b.Key).Append(Sample("404", 9999).Key));
            Assert.Equal(120, read.Count);
            Assert.Equal(bookings.OrderBy(b => b.Key.ToString()), read.OrderBy(b => b.Key.ToString()));

            await repository.DeleteManyAsync(bookings.Take(100).Select(b => b.Key));
            var left = await repository.GetManyAsync(bookings.Select(b => b.Key));
            Assert.Equal(20, left.Count);
        }

        [Fact]
        public async Task Put_many_with_one_invalid_entity_writes_nothing()
        {
            var options = await BookingTables.CreateAsync(_fixture, "many-invalid");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 80).Select(n => Sample("1", n)).ToList();
            bookings[70] = bookings[70] with { BookingTime = "20 Oct 2025" };   // in the third batch of 25

            var error = await Assert.ThrowsAsync<DynamoValidationException>(() => repository.PutManyAsync(bookings));
            Assert.Contains("booking_time", error.Message);

            // Every entity is checked before the first request, so the batches before the bad one were not sent either.
            Assert.Empty(await repository.GetManyAsync(bookings.Select(b => b.Key)));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public async Task Scan_returns_every_item_once_whatever_the_segments_and_pages(int segments)
        {
            var options = await BookingTables.CreateAsync(_fixture, "scan-" + segments);
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 250).Select(n => Sample((n % 25).ToString(System.Globalization.CultureInfo.InvariantCulture), n)).ToList();
            await repository.PutManyAsync(bookings);

            var scanned = new List<Booking>();
            await foreach (var booking in repository.ScanAsync(new ScanOptions { Segments = segments }))
            {
                scanned.Add(booking);
            }

            Assert.Equal(250, scanned.Count);
            Assert.Equal(250, scanned.Select(b => b.Key).Distinct().Count());

            // Pages of 7 items: every segment ends its first page early, so the items after it come only by following LastEvaluatedKey.
            var reads = new DynamoReads(_fixture.Client, new DynamoOperationRunner(options, GuardedLogs.For<DynamoReads>()), new ContinuationTokens(options.ContinuationTokenKey));
            var request = new Amazon.DynamoDBv2.Model.ScanRequest { TableName = repository.TableName, Limit = 7, ConsistentRead = true };
            var paged = new List<Booking>();
            await foreach (var item in reads.ScanAllAsync(request, segments))
            {
                paged.Add(BookingMarshaller.FromItem(item));
            }

            Assert.Equal(bookings.OrderBy(b => b.Key.ToString(), System.StringComparer.Ordinal), paged.OrderBy(b => b.Key.ToString(), System.StringComparer.Ordinal));
        }

        [Fact]
        public async Task Scans_and_queries_filter_with_typed_conditions()
        {
            var options = await BookingTables.CreateAsync(_fixture, "filters");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var bookings = Enumerable.Range(0, 40).Select(n => Sample((n % 4).ToString(System.Globalization.CultureInfo.InvariantCulture), n) with { OptionSms = n % 3 == 0 }).ToList();
            await repository.PutManyAsync(bookings);

            var waiting = new List<Booking>();
            await foreach (var booking in repository.ScanAsync(new ScanOptions { Filter = BookingFields.OptionSms.Equal(false), Segments = 2 }))
            {
                waiting.Add(booking);
            }

            Assert.Equal(bookings.Count(b => !b.OptionSms), waiting.Count);
            Assert.All(waiting, b => Assert.False(b.OptionSms));

            var page = await repository.QueryPageAsync("1051707", "0", pageSize: 100, options: new QueryOptions { Filter = BookingFields.OptionSms.Equal(true) });
            Assert.Equal(bookings.Count(b => b.Key.BookId == "0" && b.OptionSms), page.Items.Count);
        }

        [Fact]
        public async Task Query_reads_one_partition_lazily_and_in_pages_with_tokens()
        {
            var options = await BookingTables.CreateAsync(_fixture, "query");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var partition = Enumerable.Range(0, 23).Select(n => Sample("77", n)).ToList();
            await repository.PutManyAsync(partition.Concat(Enumerable.Range(100, 5).Select(n => Sample("78", n))));

            var all = new List<Booking>();
            await foreach (var booking in repository.QueryAsync("1051707", "77", new QueryOptions { PageSize = 4 }))
            {
                all.Add(booking);
            }

            Assert.Equal(partition.Select(b => b.Key.Phone).OrderBy(p => p, System.StringComparer.Ordinal), all.Select(b => b.Key.Phone));

            var descending = new List<Booking>();
            await foreach (var booking in repository.QueryAsync("1051707", "77", new QueryOptions { Descending = true }))
            {
                descending.Add(booking);
            }

            Assert.Equal(all.AsEnumerable().Reverse(), descending);

            var paged = new List<Booking>();
            string? token = null;
            var pages = 0;
            do
            {
                var page = await repository.QueryPageAsync("1051707", "77", pageSize: 5, continuationToken: token);
                paged.AddRange(page.Items);
                token = page.ContinuationToken;
                pages++;
            }
            while (token is not null);

            Assert.Equal(all, paged);
            Assert.InRange(pages, 5, 6);
        }

        [Fact]
        public async Task A_continuation_token_from_another_table_or_a_tampered_one_is_rejected_before_sending()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tokens");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            await repository.PutManyAsync(Enumerable.Range(0, 3).Select(n => Sample("5", n)));
            var first = await repository.QueryPageAsync("1051707", "5", pageSize: 1);
            Assert.NotNull(first.ContinuationToken);

            var otherOptions = await BookingTables.CreateAsync(_fixture, "tokens-other");
            otherOptions.ContinuationTokenKey = options.ContinuationTokenKey;
            var other = new BookingRepository(_fixture.Client, otherOptions, GuardedLogs.For<BookingRepository>());
            await Assert.ThrowsAsync<DynamoValidationException>(() => other.QueryPageAsync("1051707", "5", 1, first.ContinuationToken));

            var tampered = first.ContinuationToken!.Substring(0, first.ContinuationToken.Length - 2) + "xx";
            await Assert.ThrowsAsync<DynamoValidationException>(() => repository.QueryPageAsync("1051707", "5", 1, tampered));
        }

        [Fact]
        public void Invalid_partition_parts_fail_at_the_call()
        {
            var repository = new BookingRepository(_fixture.Client, null, GuardedLogs.For<BookingRepository>());
            var error = Assert.Throws<DynamoValidationException>(() => repository.QueryAsync("10_51707", "77"));
            Assert.Equal("biz_id", error.Attribute);
        }
    }
}

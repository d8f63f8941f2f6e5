using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Transactions over items of both generated tables.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class TransactionTests
    {
        private readonly DynamoDbFixture _fixture;

        public TransactionTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static Booking Sample(string bookId) => new()
        {
            Key = BookingKey.Create("1051707", bookId, "01012345678"),
            Name = "Kim Soo",
            BookingTime = "2025-10-20 14:30:00",
        };

        [Fact]
        public async Task A_transaction_writes_items_of_several_tables_together()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tx-commit");
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var sessions = new SessionRepository(_fixture.Client, options, GuardedLogs.For<SessionRepository>());
            var existing = Sample("1");
            await bookings.PutAsync(existing);

            await new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>()).WriteAsync(new[]
            {
                bookings.TransactPut(Sample("2"), new WriteOptions { Condition = !BookingFields.BookingNum.Exists() }),
                bookings.TransactUpdate(existing.Key, new BookingUpdate().SetConfirmSms(true), new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) }),
                sessions.TransactPut(new Session { Key = SessionKey.Create("1"), Cookies = "[]" }),
            });

            Assert.NotNull(await bookings.GetAsync(Sample("2").Key));
            Assert.True((await bookings.GetAsync(existing.Key))?.ConfirmSms);
            Assert.Equal("[]", (await sessions.GetAsync(SessionKey.Create("1")))?.Cookies);
        }

        [Fact]
        public async Task A_cancelled_transaction_writes_nothing_and_says_why_per_item()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tx-cancel");
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var existing = Sample("1");
            await bookings.PutAsync(existing with { ConfirmSms = true });

            var items = new[]
            {
                bookings.TransactPut(Sample("3")),
                bookings.TransactConditionCheck(existing.Key, BookingFields.ConfirmSms.Equal(false)),
                bookings.TransactDelete(Sample("4").Key),
            };
            var error = await Assert.ThrowsAsync<DynamoTransactionCanceledException>(
                () => new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>()).WriteAsync(items));

            Assert.Equal(new[] { "None", "ConditionalCheckFailed", "None" }, error.Reasons.Select(r => r.Code));
            Assert.Same(items[1], error.Reasons.Single(r => r.CausedCancellation).Item);
            Assert.Contains("010-****-5678", error.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("1234", error.Message, System.StringComparison.Ordinal);
            Assert.Null(await bookings.GetAsync(Sample("3").Key));
        }

        [Fact]
        public async Task An_update_in_a_transaction_never_creates_a_missing_item()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tx-missing");
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());

            var error = await Assert.ThrowsAsync<DynamoTransactionCanceledException>(
                () => new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>()).WriteAsync(new[] { bookings.TransactUpdate(Sample("9").Key, new BookingUpdate().SetConfirmSms(true)) }));
            Assert.Equal("ConditionalCheckFailed", error.Reasons[0].Code);
            Assert.Null(await bookings.GetAsync(Sample("9").Key));
        }

        [Fact]
        public async Task The_same_idempotency_token_makes_a_repeat_a_no_op()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tx-idempotent");
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            await bookings.PutAsync(Sample("1") with { });
            var transactions = new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>());
            var update = new BookingUpdate().SetOptionTime("once");

            await transactions.WriteAsync(new[] { bookings.TransactUpdate(Sample("1").Key, update) }, "token-1");
            await bookings.UpdateAsync(Sample("1").Key, new BookingUpdate().SetOptionTime("changed since"));
            await transactions.WriteAsync(new[] { bookings.TransactUpdate(Sample("1").Key, update) }, "token-1");

            Assert.Equal("changed since", (await bookings.GetAsync(Sample("1").Key))?.OptionTime);
        }

        [Fact]
        public async Task A_transactional_read_returns_items_of_several_tables_at_one_moment()
        {
            var options = await BookingTables.CreateAsync(_fixture, "tx-get");
            var bookings = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var sessions = new SessionRepository(_fixture.Client, options, GuardedLogs.For<SessionRepository>());
            await bookings.PutAsync(Sample("1"));
            await sessions.PutAsync(new Session { Key = SessionKey.Create("s1"), Cookies = "[]" });

            var booking = bookings.TransactGet(Sample("1").Key);
            var session = sessions.TransactGet(SessionKey.Create("s1"));
            var missing = bookings.TransactGet(Sample("404").Key);
            Assert.Throws<System.InvalidOperationException>(() => booking.Item);

            await new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>()).GetAsync(new TransactionRead[] { booking, session, missing });

            Assert.Equal("Kim Soo", booking.Item?.Name);
            Assert.Equal("[]", session.Item?.Cookies);
            Assert.Null(missing.Item);
            Assert.DoesNotContain("1234", booking.ToString(), System.StringComparison.Ordinal);   // the phone in the key is masked
        }
    }
}

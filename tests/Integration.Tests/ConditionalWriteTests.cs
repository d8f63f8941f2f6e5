using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>Typed conditions and updates through the generated repositories.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class ConditionalWriteTests
    {
        private readonly DynamoDbFixture _fixture;

        public ConditionalWriteTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(BookingRepository Repository, Booking Booking)> StoredAsync(string test)
        {
            var options = await BookingTables.CreateAsync(_fixture, test);
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var booking = new Booking { Key = BookingKey.Create("1051707", "1", "01012345678"), Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" };
            await repository.PutAsync(booking);
            return (repository, booking);
        }

        [Fact]
        public async Task A_typed_update_changes_only_what_it_names_and_says_it_found_the_item()
        {
            var (repository, booking) = await StoredAsync("update");

            Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true).SetOptionTime("2025-10-20T15:00:00+09:00")));

            Assert.Equal(booking with { ConfirmSms = true, OptionTime = "2025-10-20T15:00:00+09:00" }, await repository.GetAsync(booking.Key, new ReadOptions { ConsistentRead = true }));
        }

        [Fact]
        public async Task An_update_of_a_missing_item_returns_false_and_creates_nothing()
        {
            var (repository, _) = await StoredAsync("update-missing");
            var missing = BookingKey.Create("1051707", "404", "01012345678");

            Assert.False(await repository.UpdateAsync(missing, new BookingUpdate().SetConfirmSms(true)));
            Assert.False(await repository.UpdateAsync(missing, new BookingUpdate().SetConfirmSms(true), new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) }));
            Assert.Null(await repository.GetAsync(missing));
        }

        [Fact]
        public async Task A_failed_condition_carries_the_stored_item_and_changes_nothing()
        {
            var (repository, booking) = await StoredAsync("condition-failed");
            await repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true));

            var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => repository.UpdateAsync(booking.Key, new BookingUpdate().SetName("Lee"), new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) }));

            var current = Assert.IsType<Booking>(failed.CurrentItem);
            Assert.True(current.ConfirmSms);
            Assert.Equal("Kim Soo", current.Name);
            Assert.DoesNotContain("1234", failed.Message, System.StringComparison.Ordinal);
            Assert.Equal("Kim Soo", (await repository.GetAsync(booking.Key))?.Name);
        }

        [Fact]
        public async Task Conditional_put_and_delete_check_the_stored_item()
        {
            var (repository, booking) = await StoredAsync("conditional-put-delete");

            await repository.PutAsync(booking with { RemindSms = true }, new WriteOptions { Condition = BookingFields.RemindSms.Equal(false) });
            var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => repository.PutAsync(booking with { Name = "Other" }, new WriteOptions { Condition = BookingFields.RemindSms.Equal(false) }));
            Assert.True(Assert.IsType<Booking>(failed.CurrentItem).RemindSms);

            await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => repository.DeleteAsync(booking.Key, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(true) }));
            Assert.True(await repository.DeleteAsync(booking.Key, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) & BookingFields.Name.BeginsWith("Kim") }));
            Assert.False(await repository.DeleteAsync(booking.Key, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) }));
        }

        [Fact]
        public async Task A_condition_on_a_phone_field_compares_the_normalised_form()
        {
            var (repository, booking) = await StoredAsync("phone-condition");

            Assert.True(await repository.UpdateAsync(booking.Key, new BookingUpdate().SetRemindSms(true), new WriteOptions { Condition = BookingFields.Phone.Equal("010-1234-5678") & BookingFields.OptionTime.Equal(string.Empty) }));
            Assert.True((await repository.GetAsync(booking.Key, new ReadOptions { ConsistentRead = true }))?.RemindSms);
        }

        [Fact]
        public async Task An_expected_version_is_refused_for_an_entity_without_one_before_anything_is_sent()
        {
            var (repository, booking) = await StoredAsync("no-version");
            var versioned = new WriteOptions { ExpectedVersion = 1 };

            await Assert.ThrowsAsync<System.ArgumentException>(() => repository.UpdateAsync(booking.Key, new BookingUpdate().SetConfirmSms(true), versioned));
            await Assert.ThrowsAsync<System.ArgumentException>(() => repository.DeleteAsync(booking.Key, versioned));
            await Assert.ThrowsAsync<System.ArgumentException>(() => repository.PutAsync(booking with { Name = "Lee" }, versioned));
            Assert.Throws<System.ArgumentException>(() => repository.TransactUpdate(booking.Key, new BookingUpdate().SetConfirmSms(true), versioned));
            Assert.Throws<System.ArgumentException>(() => repository.TransactDelete(booking.Key, versioned));

            // The options were not changed, and nothing was written.
            Assert.Equal(1, versioned.ExpectedVersion);
            Assert.Equal(booking, await repository.GetAsync(booking.Key, new ReadOptions { ConsistentRead = true }));
        }
    }
}

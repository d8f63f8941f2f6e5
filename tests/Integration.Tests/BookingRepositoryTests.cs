using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    [Collection(DynamoDbCollection.Name)]
    public sealed class BookingRepositoryTests
    {
        private readonly DynamoDbFixture _fixture;

        public BookingRepositoryTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Put_get_update_get_delete_get_round_trip()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(Put_get_update_get_delete_get_round_trip));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var key = BookingKey.Create("1051707", "12345", "01012345678");
            var booking = new Booking { Key = key, Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" };

            await repository.PutAsync(booking);
            var stored = await repository.GetAsync(key);
            Assert.Equal(booking, stored);
            Assert.Equal(booking, await repository.GetAsync(key, new ReadOptions { ConsistentRead = true }));

            Assert.True(await repository.UpdateAsync(key, new BookingUpdate().SetConfirmSms(true)));
            var updated = await repository.GetAsync(key);
            Assert.NotNull(updated);
            Assert.True(updated.ConfirmSms);
            Assert.Equal(booking with { ConfirmSms = true }, updated);

            Assert.True(await repository.DeleteAsync(key));
            Assert.Null(await repository.GetAsync(key));
            Assert.False(await repository.DeleteAsync(key));
        }

        [Fact]
        public async Task Stored_item_has_the_legacy_shape_with_exact_attribute_types()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(Stored_item_has_the_legacy_shape_with_exact_attribute_types));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            await repository.PutAsync(new Booking { Key = BookingKey.Create("1051707", "12345", "010 1234 5678"), Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" });

            var raw = await _fixture.Client.GetItemAsync(new GetItemRequest
            {
                TableName = repository.TableName,
                Key = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_12345" },
                    ["phone"] = new() { S = "010-1234-5678" },
                },
            });

            var item = raw.Item;
            Assert.Equal(
                new[] { "booking_num", "booking_time", "confirm_sms", "name", "option_sms", "option_time", "phone", "remind_sms" },
                Sorted(item.Keys));
            Assert.Equal("1051707_12345", item["booking_num"].S);
            Assert.Equal("010-1234-5678", item["phone"].S);
            Assert.Equal("Kim Soo", item["name"].S);
            Assert.Equal("2025-10-20 14:30:00", item["booking_time"].S);
            Assert.False(item["confirm_sms"].BOOL);
            Assert.False(item["remind_sms"].BOOL);
            Assert.False(item["option_sms"].BOOL);
            Assert.Equal(string.Empty, item["option_time"].S);
        }

        [Fact]
        public async Task Extra_attributes_survive_a_read_modify_write()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(Extra_attributes_survive_a_read_modify_write));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var key = BookingKey.Create("1051707", "777", "010-2222-3333");
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = repository.TableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_777" },
                    ["phone"] = new() { S = "010-2222-3333" },
                    ["name"] = new() { S = "Choi" },
                    ["booking_time"] = new() { S = "2025-10-22 09:00:00" },
                    ["confirm_sms"] = new() { BOOL = false },
                    ["remind_sms"] = new() { BOOL = false },
                    ["option_sms"] = new() { BOOL = false },
                    ["option_time"] = new() { S = string.Empty },
                    ["customer_id"] = new() { S = "C-42" },
                    ["visit_count"] = new() { N = "7" },
                },
            });

            var read = await repository.GetAsync(key);
            Assert.NotNull(read);
            Assert.Equal("C-42", read.ExtraAttributes["customer_id"].S);
            await repository.PutAsync(read with { RemindSms = true });

            var raw = await _fixture.Client.GetItemAsync(repository.TableName, key.ToAttributeMap());
            Assert.Equal("C-42", raw.Item["customer_id"].S);
            Assert.Equal("7", raw.Item["visit_count"].N);
            Assert.True(raw.Item["remind_sms"].BOOL);
        }

        [Fact]
        public async Task A_key_read_back_keeps_the_stored_phone_spelling_so_it_addresses_the_same_item()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(A_key_read_back_keeps_the_stored_phone_spelling_so_it_addresses_the_same_item));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var legacyKey = new Dictionary<string, AttributeValue>
            {
                ["booking_num"] = new() { S = "1051707_900" },
                ["phone"] = new() { S = "01099998888" },
            };
            var item = new Dictionary<string, AttributeValue>(legacyKey)
            {
                ["name"] = new() { S = "Legacy" },
                ["booking_time"] = new() { S = "2025-10-22 09:00:00" },
            };
            await _fixture.Client.PutItemAsync(new PutItemRequest { TableName = repository.TableName, Item = item });

            Assert.True(BookingKey.TryParse("1051707_900", "01099998888", out var key));
            Assert.Equal("01099998888", key.Phone);
            var read = await repository.GetAsync(key);
            Assert.NotNull(read);
            Assert.True(await repository.UpdateAsync(read.Key, new BookingUpdate().SetConfirmSms(true)));

            var raw = await _fixture.Client.GetItemAsync(repository.TableName, legacyKey);
            Assert.True(raw.Item["confirm_sms"].BOOL);
            var scan = await _fixture.Client.ScanAsync(new ScanRequest { TableName = repository.TableName });
            Assert.Equal(1, scan.Count);
        }

        [Fact]
        public async Task Flag_update_of_a_missing_booking_returns_false_and_creates_nothing()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(Flag_update_of_a_missing_booking_returns_false_and_creates_nothing));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var key = BookingKey.Create("1051707", "404", "01000000000");

            Assert.False(await repository.UpdateAsync(key, new BookingUpdate().SetOptionSms(true)));

            var raw = await _fixture.Client.GetItemAsync(repository.TableName, key.ToAttributeMap());
            Assert.True(raw.Item is null || raw.Item.Count == 0);
        }

        [Fact]
        public async Task A_stored_item_of_the_wrong_shape_raises_a_mapping_exception_with_a_masked_key()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(A_stored_item_of_the_wrong_shape_raises_a_mapping_exception_with_a_masked_key));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = repository.TableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = "1051707_5" },
                    ["phone"] = new() { S = "010-4444-5555" },
                    ["name"] = new() { S = "Han" },
                    ["booking_time"] = new() { S = "2025-10-22 09:00:00" },
                    ["confirm_sms"] = new() { S = "yes" },
                },
            });

            var error = await Assert.ThrowsAsync<DynamoMappingException>(
                () => repository.GetAsync(BookingKey.Create("1051707", "5", "010-4444-5555")));
            Assert.Equal("confirm_sms", error.Attribute);
            Assert.Contains("010-****-5555", error.Message);
            Assert.DoesNotContain("4444", error.Message);
        }

        [Fact]
        public async Task Invalid_input_is_rejected_before_any_request()
        {
            var options = await BookingTables.CreateAsync(_fixture, nameof(Invalid_input_is_rejected_before_any_request));
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());

            var phone = Assert.Throws<DynamoValidationException>(() => BookingKey.Create("1051707", "1", "02-123-4567"));
            Assert.Equal("phone", phone.Attribute);
            Assert.DoesNotContain("123-4567", phone.Message);

            var bizId = Assert.Throws<DynamoValidationException>(() => BookingKey.Create("10_51707", "1", "01012345678"));
            Assert.Equal("biz_id", bizId.Attribute);

            var booking = new Booking { Key = BookingKey.Create("1051707", "1", "01012345678"), Name = null!, BookingTime = "2025-10-20 14:30:00" };
            var name = await Assert.ThrowsAsync<DynamoValidationException>(() => repository.PutAsync(booking));
            Assert.Equal("name", name.Attribute);

            var time = await Assert.ThrowsAsync<DynamoValidationException>(() => repository.PutAsync(booking with { Name = "Kim", BookingTime = "20 Oct 2025" }));
            Assert.Equal("booking_time", time.Attribute);
            Assert.Null(await repository.GetAsync(booking.Key));
        }

        [Fact]
        public async Task A_missing_table_raises_table_not_found()
        {
            var options = new DynamoRepositoryOptions();
            options.TableNames[BookingTable.Definition.EntityName] = _fixture.UniqueTableName("never-created");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());

            var error = await DynamoAssert.ThrowsAsync(DynamoErrorKind.TableNotFound, 
                () => repository.GetAsync(BookingKey.Create("1", "2", "01012345678")));
            Assert.Equal("GetItem", error.Operation);
            Assert.DoesNotContain("1234", error.Message);
        }

        private static string[] Sorted(IEnumerable<string> names)
        {
            var list = new List<string>(names);
            list.Sort(System.StringComparer.Ordinal);
            return list.ToArray();
        }
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Integration.Tests.Users;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Phones beyond Korea (<c>"phoneRegion": "E164"</c>, users.tables.json): normalised to E.164 on write, in attributes
    /// and key parts alike, refused before any request when they are not such a number, and masked to their last four
    /// digits in ToString, keys, exceptions and logs. A Korean phone beside them keeps its own form.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class InternationalPhoneTests
    {
        private const string Spelled = "+1 (415) 555-0100";
        private const string Stored = "+14155550100";
        private readonly DynamoDbFixture _fixture;

        public InternationalPhoneTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task An_international_phone_is_stored_in_E164_and_masked_wherever_it_is_printed()
        {
            var options = await FreshTables.CreateAsync(_fixture, "phone-e164", UsersSchema.Tables.Where(t => t.TableName == "contacts"), GuardedLogs.For<DynamoTableManager>());
            var contacts = new ContactRepository(_fixture.Client, options, GuardedLogs.For<ContactRepository>());

            var key = ContactKey.Create(Spelled);
            Assert.Equal(Stored, key.Phone);
            await contacts.PutAsync(new Contact { Key = key, Name = "Grace Hopper", KoreanPhone = "01012345678" });

            var stored = await contacts.GetStoredAsync(ContactKey.Create(Stored), new ReadOptions { ConsistentRead = true });
            Assert.Equal("PHONE#" + Stored, stored!["pk"].S);
            Assert.Equal("010-1234-5678", stored["korean_phone"].S);

            var contact = await contacts.GetAsync(key, new ReadOptions { ConsistentRead = true });
            Assert.Equal("ContactKey { Phone = +*******0100 }", key.ToString());
            Assert.Contains("+*******0100", contact!.ToString(), StringComparison.Ordinal);
            Assert.Contains("010-****-5678", contact.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("555", contact.ToString(), StringComparison.Ordinal);

            var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => contacts.UpdateAsync(key, new ContactUpdate().SetName("Grace"), new WriteOptions { Condition = ContactFields.Name.Equal("someone else") }));
            Assert.DoesNotContain(Stored, failed.Message, StringComparison.Ordinal);
            Assert.Contains(GuardedLogs.Lines, line => line.Contains("+*******0100", StringComparison.Ordinal));
            Assert.DoesNotContain(GuardedLogs.Lines, line => line.Contains(Stored, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("01012345678")]       // a Korean number without its country code
        [InlineData("+0441234567890")]    // no country code starts with 0
        [InlineData("+1234567")]          // 7 digits: too short
        [InlineData("+1234567890123456")] // 16 digits: too long
        [InlineData("+44 7911 12345x")]
        public void A_number_that_is_not_E164_is_refused_before_any_request(string phone)
        {
            var refused = Assert.Throws<DynamoValidationException>(() => ContactKey.Create(phone));
            Assert.Equal("phone", refused.Attribute);
            Assert.Contains("international phone number", refused.Message, StringComparison.Ordinal);
            Assert.Throws<DynamoValidationException>(() => UserMarshaller.ToItem(new User { Key = UserKey.Create("u1"), Username = "ada", Phone = phone }));
        }
    }
}

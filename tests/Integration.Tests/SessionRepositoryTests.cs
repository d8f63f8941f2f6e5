using System.Threading.Tasks;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    [Collection(DynamoDbCollection.Name)]
    public sealed class SessionRepositoryTests
    {
        private const string Cookies = "[{\"name\":\"NID_AUT\",\"value\":\"cookie-value-that-must-not-print\"}]";
        private readonly DynamoDbFixture _fixture;

        public SessionRepositoryTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Put_get_update_get_delete_get_round_trip()
        {
            var options = await BookingTables.CreateAsync(_fixture, "session-round-trip");
            var repository = new SessionRepository(_fixture.Client, options, GuardedLogs.For<SessionRepository>());
            var key = SessionKey.Create("1");

            await repository.PutAsync(new Session { Key = key, Cookies = Cookies });
            var stored = await repository.GetAsync(key);
            Assert.NotNull(stored);
            Assert.Equal(Cookies, stored.Cookies);

            Assert.True(await repository.UpdateAsync(key, new SessionUpdate().SetCookies("[]")));
            Assert.Equal("[]", (await repository.GetAsync(key))?.Cookies);

            Assert.True(await repository.DeleteAsync(key));
            Assert.Null(await repository.GetAsync(key));
        }

        [Fact]
        public async Task Save_overwrites_without_merging()
        {
            var options = await BookingTables.CreateAsync(_fixture, "session-overwrite");
            var repository = new SessionRepository(_fixture.Client, options, GuardedLogs.For<SessionRepository>());
            var key = SessionKey.Create("1");

            await repository.PutAsync(new Session { Key = key, Cookies = Cookies });
            await repository.PutAsync(new Session { Key = key, Cookies = "[]" });

            Assert.Equal("[]", (await repository.GetAsync(key))?.Cookies);
        }

        [Fact]
        public void Cookies_never_print()
        {
            var session = new Session { Key = SessionKey.Create("1"), Cookies = Cookies };
            Assert.DoesNotContain("cookie-value", session.ToString());
            Assert.DoesNotContain("NID_AUT", session.ToString());
        }
    }
}

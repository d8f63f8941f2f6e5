using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Tests
{
    /// <summary>The legacy session operations through <see cref="SessionService"/>, against DynamoDB Local.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class SessionServiceTests
    {
        private const string Cookies = "[{\"name\":\"NID_AUT\",\"value\":\"secret-cookie-value-1\"},{\"name\":\"NID_SES\",\"value\":\"secret-cookie-value-2\"}]";
        private readonly DynamoDbFixture _fixture;

        public SessionServiceTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Save_get_delete_cycle_with_the_default_id()
        {
            var options = await TestTables.CreateAsync(_fixture, "session-cycle");
            var logs = new FakeLogCollector();
            using var loggers = TestLogs.Factory(logs);
            var service = new SessionService(_fixture.Client, options, loggers: loggers);

            Assert.Null(await service.GetSessionAsync());
            var saved = await service.SaveSessionAsync(Cookies);
            Assert.Equal("1", saved.Id);
            Assert.Null(saved.ExpiresAt);

            var read = await service.GetSessionAsync();
            Assert.NotNull(read);
            Assert.Equal(Cookies, read.Cookies);
            Assert.True(await service.DeleteSessionAsync());
            Assert.False(await service.DeleteSessionAsync());
            Assert.Null(await service.GetSessionAsync());

            Assert.DoesNotContain("secret-cookie", read.ToString(), StringComparison.Ordinal);
            Assert.All(logs.GetSnapshot(), record => Assert.DoesNotContain("secret-cookie", record.Message, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Save_overwrites_without_merging_and_ids_are_independent()
        {
            var options = await TestTables.CreateAsync(_fixture, "session-overwrite");
            var service = new SessionService(_fixture.Client, options, new SessionServiceOptions { Lifetime = TimeSpan.FromHours(1) });
            var plain = new SessionService(_fixture.Client, options);

            await service.SaveSessionAsync(Cookies);
            await plain.SaveSessionAsync("[]");
            await plain.SaveSessionAsync("[{\"name\":\"other\",\"value\":\"x\"}]", "user-42");

            var raw = await _fixture.Client.GetItemAsync(new GetItemRequest
            {
                TableName = service.TableName,
                Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = "1" } },
                ConsistentRead = true,
            });
            Assert.Equal(new[] { "cookies", "id" }, raw.Item.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("[]", raw.Item["cookies"].S);
            Assert.Equal("[]", (await service.GetSessionAsync())!.Cookies);
            Assert.Contains("other", (await service.GetSessionAsync("user-42"))!.Cookies, StringComparison.Ordinal);
        }

        [Fact]
        public async Task With_a_lifetime_save_writes_expires_at_and_get_treats_an_expired_session_as_absent()
        {
            var options = await TestTables.CreateAsync(_fixture, "session-expiry");
            var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero));
            var service = new SessionService(_fixture.Client, options, new SessionServiceOptions { Lifetime = TimeSpan.FromMinutes(30), TimeProvider = clock });

            var saved = await service.SaveSessionAsync(Cookies);
            var expected = clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds();
            Assert.Equal(expected, saved.ExpiresAt);
            var raw = await _fixture.Client.GetItemAsync(new GetItemRequest
            {
                TableName = service.TableName,
                Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = "1" } },
                ConsistentRead = true,
            });
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), raw.Item["expires_at"].N);

            clock.Advance(TimeSpan.FromMinutes(29));
            Assert.NotNull(await service.GetSessionAsync());

            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Null(await service.GetSessionAsync());

            // Still stored (DynamoDB's TTL removes it later), but never handed out; a new save revives it.
            Assert.NotNull(await service.Repository.GetAsync(SessionKey.Create("1")));
            await service.SaveSessionAsync(Cookies);
            Assert.NotNull(await service.GetSessionAsync());

            // A service without a lifetime still honours an expiry that is stored.
            var noLifetime = new SessionService(_fixture.Client, options, new SessionServiceOptions { TimeProvider = new FakeTimeProvider(clock.GetUtcNow().AddHours(1)) });
            Assert.Null(await noLifetime.GetSessionAsync());
        }

        [Fact]
        public void A_non_positive_lifetime_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new SessionService(_fixture.Client, null, new SessionServiceOptions { Lifetime = TimeSpan.Zero }));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>A service's set-up: options from configuration, validated, and the generated repositories from the container.</summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class DependencyInjectionTests
    {
        private readonly DynamoDbFixture _fixture;

        public DependencyInjectionTests(DynamoDbFixture fixture) => _fixture = fixture;

        private static IConfiguration Configuration(Dictionary<string, string?> values)
            => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        [Fact]
        public async Task Repositories_come_from_the_container_with_options_bound_from_configuration()
        {
            var prefix = _fixture.UniqueTableName("di") + "-";
            var configuration = Configuration(new()
            {
                ["DynamoDb:ServiceUrl"] = _fixture.Endpoint.AbsoluteUri,
                ["DynamoDb:Region"] = "us-east-1",
                ["DynamoDb:AccessKeyId"] = "local",
                ["DynamoDb:SecretAccessKey"] = "local",
                ["DynamoDb:TableNamePrefix"] = prefix,
                ["DynamoDb:TableNames:Session"] = prefix + "sessions-override",
                ["DynamoDb:Retry:MaxAttempts"] = "3",
                ["DynamoDb:Retry:BaseDelay"] = "00:00:00.010",
                ["DynamoDb:ContinuationTokenKey"] = Convert.ToBase64String(new byte[32]),
            });

            // One call registers the client, the runtime and the schema's repositories.
            await using var provider = new ServiceCollection()
                .AddBookingsRepositories(configuration.GetSection("DynamoDb"))
                .BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value;
            Assert.Equal(3, options.Retry.MaxAttempts);
            Assert.Equal(TimeSpan.FromMilliseconds(10), options.Retry.BaseDelay);

            await provider.GetRequiredService<DynamoTableManager>().EnsureTablesAsync(BookingsSchema.Tables);
            var bookings = provider.GetRequiredService<IBookingRepository>();
            var sessions = provider.GetRequiredService<ISessionRepository>();
            Assert.Equal(prefix + "sms", bookings.TableName);
            Assert.Equal(prefix + "sessions-override", sessions.TableName);
            Assert.Same(bookings, provider.GetRequiredService<IBookingRepository>());

            var booking = new Booking { Key = BookingKey.Create("1", "2", "01012345678"), Name = "Kim", BookingTime = "2025-10-20 14:30:00" };
            await bookings.PutAsync(booking);
            Assert.Equal(booking, await bookings.GetAsync(booking.Key));
        }

        [Fact]
        public void Invalid_settings_fail_at_start_up_with_messages_that_name_them()
        {
            var configuration = Configuration(new()
            {
                ["DynamoDb:AccessKeyId"] = "AKIAEXAMPLE",
                ["DynamoDb:TableNamePrefix"] = "bad prefix/",
                ["DynamoDb:ServiceUrl"] = "localhost:8000",
                ["DynamoDb:Retry:MaxAttempts"] = "0",
                ["DynamoDb:Retry:AttemptTimeout"] = "00:00:00",
                ["DynamoDb:Retry:Budget"] = "0",
                ["DynamoDb:CircuitBreaker:FailureRatio"] = "1.5",
            });
            using var provider = new ServiceCollection().AddDynamoRepositories(configuration.GetSection("DynamoDb")).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value);
            var message = string.Join("\n", error.Failures);
            Assert.Contains("AccessKeyId and SecretAccessKey go together", message, StringComparison.Ordinal);
            Assert.Contains("TableNamePrefix 'bad prefix/'", message, StringComparison.Ordinal);
            Assert.Contains("ServiceUrl 'localhost:8000' is not an absolute http:// or https:// URL", message, StringComparison.Ordinal);
            Assert.Contains("Retry:MaxAttempts is 0", message, StringComparison.Ordinal);
            Assert.Contains("Retry:AttemptTimeout must be more than 10 ms", message, StringComparison.Ordinal);
            Assert.Contains("Retry:Budget is 0", message, StringComparison.Ordinal);
            Assert.Contains("CircuitBreaker:FailureRatio is 1.5", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(3, 0, 1)]
        [InlineData(0, 3, 1)]
        [InlineData(0, 0, 0)]
        public void A_registered_client_that_retries_by_itself_is_warned_about_once(int maxErrorRetry, int maxStaleConnectionRetries, int warnings)
        {
            var config = new AmazonDynamoDBConfig { ServiceURL = _fixture.Endpoint.AbsoluteUri, AuthenticationRegion = "us-east-1", MaxErrorRetry = maxErrorRetry, MaxStaleConnectionRetries = maxStaleConnectionRetries };
            using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
            var services = new ServiceCollection().AddFakeLogging().AddSingleton<IAmazonDynamoDB>(client);
            using var provider = services.AddBookingsRepositories(Configuration(new() { ["TableNamePrefix"] = "warn-" })).BuildServiceProvider();

            provider.GetRequiredService<IBookingRepository>();
            provider.GetRequiredService<ISessionRepository>();
            provider.GetRequiredService<DynamoTableManager>();

            var warned = provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 1103).ToList();
            Assert.Equal(warnings, warned.Count);
            Assert.All(warned, r =>
            {
                Assert.Equal(LogLevel.Warning, r.Level);
                Assert.Contains("MaxErrorRetry = 0 and MaxStaleConnectionRetries = 0", r.Message, StringComparison.Ordinal);
            });
        }
    }
}

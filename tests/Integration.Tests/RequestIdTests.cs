using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Every failure names the AWS request id of its last attempt (what AWS support asks for), in the exception and in
    /// the failure log lines: against DynamoDB Local's own answers, and through the fault proxy, which records the id of
    /// every answer it sends.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class RequestIdTests
    {
        private readonly DynamoDbFixture _fixture;

        public RequestIdTests(DynamoDbFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task DynamoDB_Local_answers_give_their_request_id_to_the_exception_and_the_log_line()
        {
            var options = await BookingTables.CreateAsync(_fixture, "request-ids");
            var logs = new FakeLogCollector();
            var repository = new BookingRepository(_fixture.Client, options, new FakeLogger<BookingRepository>(logs));
            var booking = BookingTables.Sample(1);
            await repository.PutAsync(booking);

            // A failed condition: an outcome the caller handles (1005, Debug).
            var failed = await Assert.ThrowsAsync<DynamoConditionFailedException>(
                () => repository.PutAsync(booking with { Name = "Other" }, new WriteOptions { Condition = BookingFields.RemindSms.Equal(true) }));

            Assert.False(string.IsNullOrEmpty(failed.RequestId));
            Assert.Equal(failed.RequestId, Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1005).GetStructuredStateValue("request_id"));

            // A missing table: an error (1004, Error).
            options.TableNames[BookingTable.Definition.EntityName] = _fixture.UniqueTableName("request-ids-missing");
            var missing = await DynamoAssert.ThrowsAsync(DynamoErrorKind.TableNotFound, 
                () => new BookingRepository(_fixture.Client, options, new FakeLogger<BookingRepository>(logs)).GetAsync(booking.Key));

            Assert.False(string.IsNullOrEmpty(missing.RequestId));
            Assert.NotEqual(failed.RequestId, missing.RequestId);
            var line = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1004);
            Assert.Equal(LogLevel.Error, line.Level);
            Assert.Equal(missing.RequestId, line.GetStructuredStateValue("request_id"));
            Assert.Contains("(request id " + missing.RequestId + ")", line.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(3, new[] { FaultKind.ProvisionedThroughputExceeded, FaultKind.DropConnection, FaultKind.DropConnection })]
        [InlineData(2, new[] { FaultKind.DropConnection, FaultKind.ProvisionedThroughputExceeded, FaultKind.ProvisionedThroughputExceeded })]
        public async Task The_exception_and_each_line_carry_the_id_of_their_attempt_and_none_when_no_answer_came(int seed, FaultKind[] faults)
        {
            var options = await BookingTables.CreateAsync(_fixture, "request-ids-proxy");
            options.Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            var plan = new FaultPlan { Seed = seed, ProvisionedThroughputExceededRate = 0.5, DropConnectionRate = 0.5, OnlyOperations = new HashSet<string> { "GetItem" } };
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, plan);
            using var client = proxy.CreateClient();
            var logs = new FakeLogCollector();
            var repository = new BookingRepository(client, options, new FakeLogger<BookingRepository>(logs));

            var error = await Assert.ThrowsAnyAsync<DynamoRepositoryException>(() => repository.GetAsync(BookingTables.Sample(1).Key));

            var sent = proxy.Stats.Requests;
            Assert.Equal(faults, sent.Select(r => r.Fault));
            Assert.Equal(sent[^1].RequestId, error.RequestId);
            Assert.Equal(faults[^1] == FaultKind.DropConnection, error.RequestId is null);
            var lines = logs.GetSnapshot().Where(r => r.Id.Id is 1003 or 1004).ToList();
            Assert.Equal([1003, 1003, 1004], lines.Select(r => r.Id.Id));
            Assert.Equal(sent.Select(r => r.RequestId ?? "-"), lines.Select(r => r.GetStructuredStateValue("request_id")));
        }
    }
}

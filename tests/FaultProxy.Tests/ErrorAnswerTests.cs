using System;
using System.Net;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Testing.FaultProxy.Tests;

/// <summary>
/// Injected error answers reach the caller as the exceptions the AWS SDK v4 raises for the real service's
/// answers (the client does not retry: MaxErrorRetry 0).
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ErrorAnswerTests
{
    private readonly DynamoDbFixture _fixture;

    public ErrorAnswerTests(DynamoDbFixture fixture)
    {
        _fixture = fixture;
    }

    public enum Answer
    {
        ProvisionedThroughputExceeded,
        Throttling,
        RequestLimitExceeded,
        InternalServerError,
        ServiceUnavailable,
    }

    [Theory]
    [InlineData(Answer.ProvisionedThroughputExceeded, typeof(ProvisionedThroughputExceededException), "ProvisionedThroughputExceededException", 400)]
    [InlineData(Answer.Throttling, typeof(ThrottlingException), "ThrottlingException", 400)]
    [InlineData(Answer.RequestLimitExceeded, typeof(RequestLimitExceededException), "RequestLimitExceeded", 400)]
    [InlineData(Answer.InternalServerError, typeof(InternalServerErrorException), "InternalServerError", 500)]
    [InlineData(Answer.ServiceUnavailable, typeof(AmazonDynamoDBException), "ServiceUnavailable", 503)]
    public async Task A_data_plane_call_raises_the_typed_exception(Answer answer, Type expectedType, string errorCode, int status)
    {
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "error-" + answer);
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, PlanFor(answer));
        using AmazonDynamoDBClient client = proxy.CreateClient();

        AmazonServiceException exception = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => client.PutItemAsync(TestTables.Put(table, "a")));

        Assert.IsType(expectedType, exception, exactMatch: true);
        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Matches("^[0-9A-Z]{52}$", exception.RequestId);
        Assert.Contains("fault injected by FaultInjectingProxy, request #1", exception.Message, StringComparison.Ordinal);
        Assert.IsType<HttpErrorResponseException>(exception.InnerException);

        FaultProxyStats stats = proxy.Stats;
        Assert.Equal(exception.RequestId, Assert.Single(stats.Requests).RequestId);
        Assert.Equal(1, stats.TotalRequests);
        Assert.Equal(0, stats.Forwarded);
        Assert.Equal(1, stats.Faults);
        Assert.Equal(1, stats.Count(KindOf(answer)));

        // Not forwarded: nothing was written.
        Assert.Empty(await TestTables.ScanKeysAsync(_fixture.Client, table));
    }

    [Theory]
    [InlineData(Answer.ProvisionedThroughputExceeded, "ProvisionedThroughputExceededException")]
    [InlineData(Answer.Throttling, "ThrottlingException")]
    [InlineData(Answer.RequestLimitExceeded, "RequestLimitExceeded")]
    public async Task A_control_plane_call_whose_model_lacks_the_error_raises_the_base_exception_with_the_code(Answer answer, string errorCode)
    {
        // DescribeTable does not list these errors, so the SDK raises the base AmazonDynamoDBException.
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, PlanFor(answer));
        using AmazonDynamoDBClient client = proxy.CreateClient();

        var exception = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.DescribeTableAsync(new DescribeTableRequest { TableName = "any" }));

        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task The_SDK_own_retries_can_absorb_injected_faults()
    {
        // With MaxErrorRetry 2 and at most two faults, the SDK retries the 500s itself and the call succeeds:
        // this is why the proxy's clients default to MaxErrorRetry 0.
        string table = await TestTables.CreateAsync(_fixture.Client, _fixture, "sdk-retries");
        await using var proxy = await FaultInjectingProxy.StartAsync(
            _fixture.Endpoint,
            new FaultPlan { InternalServerErrorRate = 1, MaxFaults = 2 });
        using AmazonDynamoDBClient client = proxy.CreateClient(maxErrorRetry: 2);

        await client.PutItemAsync(TestTables.Put(table, "a"));

        FaultProxyStats stats = proxy.Stats;
        Assert.Equal(3, stats.TotalRequests);
        Assert.Equal(2, stats.InternalServerError);
        Assert.Equal(1, stats.Forwarded);
        Assert.Equal(["a"], await TestTables.ScanKeysAsync(_fixture.Client, table));
    }

    [Fact]
    public async Task A_DynamoDB_client_left_at_its_defaults_makes_four_attempts()
    {
        // AWSSDK.Core 4.1 made the 2026 retry behaviour the default: a DynamoDB client whose MaxErrorRetry is not
        // set retries a 500 three times (four attempts, 25 ms base backoff); 4.0 retried it ten times from a 1 s
        // base. This is what a user's own client does unless it sets MaxErrorRetry = 0 as the runtime's do
        // (docs/runtime.md); AWS_MAX_ATTEMPTS would override it, so the test needs it unset.
        Assert.Null(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS"));
        await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan { InternalServerErrorRate = 1 });
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = proxy.Endpoint.AbsoluteUri,
            AuthenticationRegion = FaultInjectingProxy.Region,
            IgnoreConfiguredEndpointUrls = true,
            MaxStaleConnectionRetries = 0,
        };
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);

        await Assert.ThrowsAsync<InternalServerErrorException>(() => client.GetItemAsync(new GetItemRequest { TableName = "any", Key = TestTables.Key("a") }));

        Assert.Equal(4, proxy.Stats.TotalRequests);
        Assert.Equal(4, proxy.Stats.InternalServerError);
    }

    private static FaultPlan PlanFor(Answer answer) => answer switch
    {
        Answer.ProvisionedThroughputExceeded => new FaultPlan { ProvisionedThroughputExceededRate = 1 },
        Answer.Throttling => new FaultPlan { ThrottlingRate = 1 },
        Answer.RequestLimitExceeded => new FaultPlan { RequestLimitExceededRate = 1 },
        Answer.InternalServerError => new FaultPlan { InternalServerErrorRate = 1 },
        _ => new FaultPlan { ServiceUnavailableRate = 1 },
    };

    private static FaultKind KindOf(Answer answer) => answer switch
    {
        Answer.ProvisionedThroughputExceeded => FaultKind.ProvisionedThroughputExceeded,
        Answer.Throttling => FaultKind.Throttling,
        Answer.RequestLimitExceeded => FaultKind.RequestLimitExceeded,
        Answer.InternalServerError => FaultKind.InternalServerError,
        _ => FaultKind.ServiceUnavailable,
    };
}

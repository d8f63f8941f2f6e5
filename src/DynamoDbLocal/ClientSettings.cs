using System;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>Builds SDK client configurations for an explicit endpoint.</summary>
internal static class ClientSettings
{
    /// <summary>The dummy key id and secret DynamoDB Local accepts (it checks only that a signature is present).</summary>
    internal const string LocalKey = "local";

    internal static AWSCredentials LocalCredentials() => new BasicAWSCredentials(LocalKey, LocalKey);

    internal static AmazonDynamoDBConfig CreateConfig(Uri endpoint, string region, int? maxErrorRetry)
    {
        var config = new AmazonDynamoDBConfig
        {
            // ServiceURL and RegionEndpoint are mutually exclusive: set only ServiceURL, and give the
            // signing region explicitly, since it cannot be derived from a loopback URL.
            ServiceURL = endpoint.AbsoluteUri,
            AuthenticationRegion = region,
            // AWS_ENDPOINT_URL(_DYNAMODB) in the environment must not redirect an explicit endpoint.
            IgnoreConfiguredEndpointUrls = true,
        };

        if (maxErrorRetry is int retries)
        {
            config.MaxErrorRetry = retries;
        }

        return config;
    }
}

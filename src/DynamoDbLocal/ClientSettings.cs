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

    /// <summary>
    /// A configuration whose client does not retry by itself: the runtime's <c>DynamoOperationRunner</c> owns
    /// retries, and SDK retries underneath it would multiply attempts and resend writes that must not be
    /// repeated (an ADD after a timeout, for one). That includes the SDK's separate stale-connection resends.
    /// </summary>
    internal static AmazonDynamoDBConfig CreateConfig(Uri endpoint, string region)
    {
        var config = new AmazonDynamoDBConfig
        {
            // ServiceURL and RegionEndpoint are mutually exclusive: set only ServiceURL, and give the
            // signing region explicitly, since it cannot be derived from a loopback URL.
            ServiceURL = endpoint.AbsoluteUri,
            AuthenticationRegion = region,
            // AWS_ENDPOINT_URL(_DYNAMODB) in the environment must not redirect an explicit endpoint.
            IgnoreConfiguredEndpointUrls = true,
            MaxErrorRetry = 0,
            MaxStaleConnectionRetries = 0,
        };

        return config;
    }
}

using System;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Builds the low-level client generated repositories use, from <see cref="DynamoRepositoryOptions"/>; the service
    /// collection registers it (a client of one's own is registered before <c>Add…Repositories</c>).
    /// </summary>
    internal static class DynamoClientFactory
    {
        /// <summary>
        /// A client for the configured region or endpoint. Its own retries are off (<c>MaxErrorRetry</c> and
        /// <c>MaxStaleConnectionRetries</c> are 0): the runtime retries with backoff, and retries underneath it
        /// would multiply attempts and resend writes that must not be repeated. Without explicit keys the AWS
        /// default credential chain is used, so one service runs against DynamoDB Local and AWS alike.
        /// </summary>
        public static IAmazonDynamoDB Create(DynamoRepositoryOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var config = new AmazonDynamoDBConfig { MaxErrorRetry = 0, MaxStaleConnectionRetries = 0 };
            if (!string.IsNullOrEmpty(options.ServiceUrl))
            {
                config.ServiceURL = options.ServiceUrl;
                config.AuthenticationRegion = string.IsNullOrEmpty(options.Region) ? "us-east-1" : options.Region;
            }
            else if (!string.IsNullOrEmpty(options.Region))
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
            }

            return string.IsNullOrEmpty(options.AccessKeyId)
                ? new AmazonDynamoDBClient(config)
                : new AmazonDynamoDBClient(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
        }
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using Microsoft.Extensions.Options;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Checks <see cref="DynamoRepositoryOptions"/> at start-up; each failure names the setting and says what
    /// to write instead, and never echoes a secret.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DynamoRepositoryOptionsValidator : IValidateOptions<DynamoRepositoryOptions>
    {
        /// <inheritdoc/>
        public ValidateOptionsResult Validate(string? name, DynamoRepositoryOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var failures = new List<string>();
            if (string.IsNullOrEmpty(options.AccessKeyId) != string.IsNullOrEmpty(options.SecretAccessKey))
            {
                failures.Add("AccessKeyId and SecretAccessKey go together: set both, or neither to use the AWS default credential chain.");
            }

            if (options.ServiceUrl is { Length: > 0 } url
                && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"ServiceUrl '{url}' is not an absolute http:// or https:// URL (for example http://localhost:8000).");
            }

            if (options.Region is { Length: > 0 } region && !IsRegionName(region))
            {
                failures.Add($"Region '{region}' is not a region name (for example ap-northeast-2).");
            }

            if (options.TableNamePrefix is { Length: > 0 } prefix && !TableNames.HasOnlyAllowedCharacters(prefix))
            {
                failures.Add($"TableNamePrefix '{prefix}' has characters DynamoDB table names cannot hold; use letters, digits, '_', '-' and '.'.");
            }

            foreach (var pair in options.TableNames)
            {
                if (pair.Value is null || !TableNames.IsValid(pair.Value))
                {
                    failures.Add($"TableNames:{pair.Key} '{pair.Value}' is not a DynamoDB table name (3 to 255 letters, digits, '_', '-' and '.').");
                }
            }

            foreach (var pair in options.Capacities)
            {
                if (pair.Value is null || pair.Value.Read < 1 || pair.Value.Write < 1)
                {
                    failures.Add($"Capacities:{pair.Key} is {(pair.Value is null ? "empty" : $"{pair.Value.Read} read and {pair.Value.Write} write units")}; each must be 1 or more (default 5).");
                }
            }

            AddResilienceFailures(options, failures);

            if (options.Batch is null || options.Batch.MaxConcurrency < 1 || options.Batch.MaxRounds < 1)
            {
                failures.Add("Batch:MaxConcurrency and Batch:MaxRounds must be 1 or more.");
            }

            if (options.ContinuationTokenKey is null || options.ContinuationTokenKey.Length < 32)
            {
                failures.Add("ContinuationTokenKey must be at least 32 bytes (base64 in configuration).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>
        /// The checks of <see cref="DynamoRepositoryOptions.Retry"/> and <see cref="DynamoRepositoryOptions.CircuitBreaker"/>,
        /// which runners also make when they are created without the service collection.
        /// </summary>
        internal static void AddResilienceFailures(DynamoRepositoryOptions options, List<string> failures)
        {
            if (options.Retry is null)
            {
                failures.Add("Retry must be set.");
            }
            else
            {
                if (options.Retry.MaxAttempts < 1)
                {
                    failures.Add($"Retry:MaxAttempts is {options.Retry.MaxAttempts}; it counts the first attempt, so use 1 or more.");
                }

                if (options.Retry.BaseDelay < TimeSpan.Zero || options.Retry.MaxDelay < options.Retry.BaseDelay)
                {
                    failures.Add("Retry:BaseDelay must be zero or more and no more than Retry:MaxDelay (for example 00:00:00.050 and 00:00:02).");
                }

                // Polly's timeouts take more than 10 ms and less than a day.
                if (!IsTimeout(options.Retry.MaxElapsed))
                {
                    failures.Add("Retry:MaxElapsed, the overall timeout, must be more than 10 ms and less than a day (for example 00:00:10).");
                }

                if (!IsTimeout(options.Retry.AttemptTimeout))
                {
                    failures.Add("Retry:AttemptTimeout must be more than 10 ms and less than a day (for example 00:00:05).");
                }

                if (options.Retry.Budget < 1)
                {
                    failures.Add($"Retry:Budget is {options.Retry.Budget}; it is the retries the operations on one table may make in a burst, so use 1 or more (for example 100).");
                }
            }

            if (options.CircuitBreaker is null)
            {
                failures.Add("CircuitBreaker must be set (CircuitBreaker:Enabled false turns it off).");
            }
            else if (options.CircuitBreaker.Enabled)
            {
                var breaker = options.CircuitBreaker;
                if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
                {
                    failures.Add($"CircuitBreaker:FailureRatio is {breaker.FailureRatio}; use a share above 0 and up to 1 (for example 0.5).");
                }

                if (breaker.MinimumThroughput < 2)
                {
                    failures.Add($"CircuitBreaker:MinimumThroughput is {breaker.MinimumThroughput}; use 2 or more (for example 20).");
                }

                if (breaker.SamplingDuration <= TimeSpan.FromMilliseconds(500) || breaker.BreakDuration <= TimeSpan.FromMilliseconds(500))
                {
                    failures.Add("CircuitBreaker:SamplingDuration and CircuitBreaker:BreakDuration must be more than half a second (for example 00:00:30 and 00:00:05).");
                }
            }
        }

        private static bool IsTimeout(TimeSpan timeout) => timeout > TimeSpan.FromMilliseconds(10) && timeout < TimeSpan.FromDays(1);

        private static bool IsRegionName(string region)
        {
            foreach (var c in region)
            {
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            return region.Contains('-', StringComparison.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using Amazon.DynamoDBv2.Model;
using Bookings.Cli;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Tests.Cli
{
    /// <summary>The CLI's exit code and fix for each kind of SDK failure (a script branches on the code).</summary>
    public sealed class CliErrorsTests
    {
        [Theory]
        [InlineData(DynamoErrorKind.TableNotFound, false, ExitCodes.Failure, "bookings tables ensure")]
        [InlineData(DynamoErrorKind.AccessDenied, false, ExitCodes.Failure, "AWS credentials")]
        [InlineData(DynamoErrorKind.Throttled, false, ExitCodes.Failure, "DynamoDB is throttling")]
        [InlineData(DynamoErrorKind.Transient, true, ExitCodes.Unavailable, "Check that DynamoDB is running")]
        [InlineData(DynamoErrorKind.Transient, false, ExitCodes.Failure, "A network or server error")]
        [InlineData(DynamoErrorKind.CircuitOpen, false, ExitCodes.Failure, "See the message above")]
        [InlineData(DynamoErrorKind.Failed, false, ExitCodes.Failure, "See the message above")]
        public void Each_kind_of_failure_has_its_exit_code_and_fix(DynamoErrorKind kind, bool noConnection, int exitCode, string fix)
        {
            var failure = new DynamoRepositoryException(
                "GetItem on table 'sms' failed.", "GetItem", "sms", innerException: noConnection ? new HttpRequestException("refused") : null, kind: kind);

            var error = CliErrors.Describe(failure, context: null);

            Assert.Equal(exitCode, error.ExitCode);
            Assert.Equal("GetItem on table 'sms' failed.", error.Message);
            Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
        }

        [Fact]
        public void An_item_too_large_is_a_usage_error_as_every_refused_input_is()
        {
            var item = new Dictionary<string, AttributeValue> { ["memo"] = new() { S = new string('x', ItemSize.MaxBytes) } };
            var tooLarge = Assert.Throws<DynamoValidationException>(() => ItemSize.EnsureWithinLimit("Booking", "key", item));

            Assert.Equal(ExitCodes.Usage, CliErrors.Describe(tooLarge, context: null).ExitCode);
        }
    }
}

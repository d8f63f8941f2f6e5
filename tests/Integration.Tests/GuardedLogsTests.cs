using System;
using System.Linq;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    public sealed class GuardedLogsTests
    {
        [Fact]
        public void The_guard_rejects_unmasked_numbers_and_secrets_and_accepts_masked_ones()
        {
            Assert.Throws<InvalidOperationException>(() => GuardedLogs.Check("GetItem for 010-1234-5678"));
            Assert.Throws<InvalidOperationException>(() => GuardedLogs.Check("GetItem for 01012345678"));
            Assert.Throws<InvalidOperationException>(() => GuardedLogs.Check("cookies [NID_AUT]"));
            GuardedLogs.Check("GetItem for BookingKey { Phone = 010-****-5678 } succeeded");
            Assert.DoesNotContain(GuardedLogs.Lines, line => line.Contains("010-1234-5678", StringComparison.Ordinal));
        }

        [Fact]
        public void An_AWS_request_id_whose_digits_look_like_a_phone_is_not_one_but_the_rest_of_its_line_is_still_checked()
        {
            // Request ids are 52 letters and digits, and now and then hold a run such as 01012345678.
            const string RequestId = "7Q4KD01012345678ABCDEFGHJKLMNPQRSTVWXYZ23456789ABCDE";
            var logger = GuardedLogs.For<GuardedLogsTests>();

            logger.LogWarning("GetItem failed (request id {request_id})", RequestId);

            Assert.Contains("GetItem failed (request id <REQUEST-ID>)", GuardedLogs.Lines);
            Assert.Throws<InvalidOperationException>(() => GuardedLogs.Check(GuardedLogs.WithoutRequestId("GetItem for 010-1234-5678 failed (request id " + RequestId + ")", RequestId)));
        }
    }
}

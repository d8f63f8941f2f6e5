using System;
using System.Linq;
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
    }
}

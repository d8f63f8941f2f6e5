using System.Threading;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// A token bucket shared by every operation on one table of one <see cref="DynamoRepositoryOptions"/> instance (the
    /// AWS SDK's retry quota, which its own retries would bring, is off with them): a retry, or a batch's extra round,
    /// takes a token, a successful attempt gives back a fifth of one, up to the capacity. Under throttling that outlasts
    /// the bucket only first attempts are sent, so many callers back off together instead of multiplying the load.
    /// </summary>
    internal sealed class RetryBudget
    {
        // Counted in fifths of a retry, so a success refunds one unit and a retry costs five (the AWS SDK's ratio).
        private const long RetryCost = 5;
        private readonly long _capacity;
        private long _units;

        public RetryBudget(int retries)
        {
            _capacity = retries * RetryCost;
            _units = _capacity;
        }

        /// <summary>Retries the bucket holds now, for tests and logs.</summary>
        public double Available => Interlocked.Read(ref _units) / (double)RetryCost;

        /// <summary>Takes the token a retry needs; false when the budget is spent.</summary>
        public bool TryTake()
        {
            while (true)
            {
                var units = Interlocked.Read(ref _units);
                if (units < RetryCost)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _units, units - RetryCost, units) == units)
                {
                    return true;
                }
            }
        }

        /// <summary>Gives back a fifth of a retry for a successful attempt, up to the capacity.</summary>
        public void Refund()
        {
            while (true)
            {
                var units = Interlocked.Read(ref _units);
                if (units >= _capacity || Interlocked.CompareExchange(ref _units, units + 1, units) == units)
                {
                    return;
                }
            }
        }
    }
}

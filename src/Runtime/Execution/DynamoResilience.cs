using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// What every operation of one <see cref="DynamoRepositoryOptions"/> instance shares: the retry budget, the clock and a
    /// Polly pipeline per table (its circuit breaker is the table's). Settings are read once, when the first runner of the
    /// options asks; options given new <see cref="RetryOptions"/> or <see cref="CircuitBreakerOptions"/> get a new one.
    /// </summary>
    internal sealed class DynamoResilience
    {
        private static readonly ResiliencePropertyKey<OperationAttempts> AttemptsKey = new("Bookings.Generated.Attempts");
        private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.Ordinal);
        private readonly RetryPolicy _delays;
        private readonly int _maxAttempts;
        private readonly TimeSpan _overall;
        private readonly TimeSpan _attemptTimeout;
        private readonly CircuitBreakerOptions? _breaker;

        private DynamoResilience(RetryOptions retry, CircuitBreakerOptions breaker, TimeProvider time)
        {
            Retry = retry;
            BreakerOptions = breaker;
            Time = time;
            _delays = new RetryPolicy(retry);
            _maxAttempts = retry.MaxAttempts;
            _overall = retry.MaxElapsed;
            _attemptTimeout = retry.AttemptTimeout;
            Budget = new RetryBudget(retry.Budget);
            _breaker = breaker.Enabled
                ? new CircuitBreakerOptions { FailureRatio = breaker.FailureRatio, MinimumThroughput = breaker.MinimumThroughput, SamplingDuration = breaker.SamplingDuration, BreakDuration = breaker.BreakDuration }
                : null;
        }

        public RetryOptions Retry { get; }

        public CircuitBreakerOptions BreakerOptions { get; }

        public TimeProvider Time { get; }

        public RetryBudget Budget { get; }

        /// <summary>The options' shared state, made when first asked for and again when the options were given new settings.</summary>
        public static DynamoResilience For(DynamoRepositoryOptions options)
        {
            var retry = options.Retry;
            var breaker = options.CircuitBreaker;
            var time = options.TimeProvider ?? TimeProvider.System;
            while (true)
            {
                var current = Volatile.Read(ref options.Resilience);
                if (current is not null && ReferenceEquals(current.Retry, retry) && ReferenceEquals(current.BreakerOptions, breaker) && ReferenceEquals(current.Time, time))
                {
                    return current;
                }

                // The start-up checks, for options that did not come through the service collection.
                var failures = new List<string>();
                DynamoRepositoryOptionsValidator.AddResilienceFailures(options, failures);
                if (failures.Count > 0)
                {
                    throw new ArgumentException(string.Join(" ", failures), nameof(options));
                }

                var made = new DynamoResilience(retry, breaker, time);
                if (Interlocked.CompareExchange(ref options.Resilience, made, current) == current)
                {
                    return made;
                }
            }
        }

        /// <summary>Runs one operation's attempts through its table's pipeline.</summary>
        public async ValueTask<TResponse> ExecuteAsync<TResponse>(OperationAttempts attempts, Func<CancellationToken, Task<TResponse>> send, ILogger logger, CancellationToken cancellationToken)
        {
            var pipeline = _pipelines.GetOrAdd(attempts.Operation.Table, static (table, state) => state.Self.Build(table, state.Logger), (Self: this, Logger: logger));
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(AttemptsKey, attempts);
            try
            {
                return await pipeline.ExecuteAsync(
                    static async (context, state) =>
                    {
                        state.Attempts.Count++;
                        return await state.Send(context.CancellationToken).ConfigureAwait(false);
                    },
                    context,
                    (Attempts: attempts, Send: send)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        // Outermost first: the overall timeout, the retries, the table's breaker (it counts single attempts), and the
        // attempt timeout around each request.
        private ResiliencePipeline Build(string table, ILogger logger)
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = Time };
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = _overall,
                OnTimeout = static args =>
                {
                    AttemptsOf(args.Context).TimedOut = true;
                    return default;
                },
            });
            if (_maxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _maxAttempts - 1,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = static args => new ValueTask<TimeSpan?>(AttemptsOf(args.Context).NextDelay),
                    OnRetry = static args =>
                    {
                        AttemptsOf(args.Context).Retrying(args.Outcome.Exception!, args.RetryDelay);
                        return default;
                    },
                });
            }

            if (_breaker is { } breaker)
            {
                builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = breaker.FailureRatio,
                    MinimumThroughput = breaker.MinimumThroughput,
                    SamplingDuration = breaker.SamplingDuration,
                    BreakDuration = breaker.BreakDuration,
                    ShouldHandle = static args => new ValueTask<bool>(
                        args.Outcome.Exception is { } failure
                        && !args.Context.CancellationToken.IsCancellationRequested
                        && RetryPolicy.Classify(failure) == ErrorCategory.Transient),
                    OnOpened = args =>
                    {
                        RuntimeLog.CircuitOpened(logger, table, RuntimeLog.ErrorCode(args.Outcome.Exception!), args.BreakDuration.TotalSeconds);
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        RuntimeLog.CircuitHalfOpened(logger, table);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        RuntimeLog.CircuitClosed(logger, table);
                        return default;
                    },
                });
            }

            builder.AddTimeout(_attemptTimeout);
            return builder.Build();
        }

        // Whether an attempt's failure is retried: the category allows it (caller's cancellation and an open circuit never
        // are), a retry is left, its delay ends within the overall timeout, and the shared budget has a token for it. A
        // success refunds the budget. The delay is drawn here, because whether it fits is part of the decision.
        private bool ShouldRetry(Exception? failure, ResilienceContext context)
        {
            if (failure is null)
            {
                Budget.Refund();
                return false;
            }

            if (context.CancellationToken.IsCancellationRequested || failure is BrokenCircuitException)
            {
                return false;
            }

            var attempts = AttemptsOf(context);
            var category = RetryPolicy.Classify(failure);
            attempts.Failed(failure, category);
            if (!RetryPolicy.IsRetriable(category) || attempts.Count >= _maxAttempts)
            {
                return false;
            }

            var delay = _delays.GetDelay(attempts.Count, Random.Shared);
            if (Time.GetElapsedTime(attempts.Started) + delay > _overall)
            {
                return false;
            }

            if (!Budget.TryTake())
            {
                attempts.BudgetSpent = true;
                return false;
            }

            attempts.NextDelay = delay;
            return true;
        }

        private static OperationAttempts AttemptsOf(ResilienceContext context) => context.Properties.GetValue(AttemptsKey, null!);
    }
}

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
    /// What every operation of one <see cref="DynamoRepositoryOptions"/> instance shares: the clock, and per table a Polly
    /// pipeline (its circuit breaker is the table's) and a retry budget, so a throttled hot table spends only its own
    /// retries, never those another table needs. Settings are read once, when the first runner of the options asks;
    /// options given new <see cref="RetryOptions"/> or <see cref="CircuitBreakerOptions"/> get a new one.
    /// </summary>
    internal sealed class DynamoResilience
    {
        private static readonly ResiliencePropertyKey<OperationAttempts> AttemptsKey = new("Bookings.Generated.Attempts");
        private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(1);
        private readonly ConcurrentDictionary<string, Table> _tables = new(StringComparer.Ordinal);
        private readonly RetryPolicy _delays;
        private readonly int _maxAttempts;
        private readonly TimeSpan _overall;
        private readonly TimeSpan _attemptTimeout;
        private readonly int _retryBudget;
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
            _retryBudget = retry.Budget;
            _breaker = breaker.Enabled
                ? new CircuitBreakerOptions { FailureRatio = breaker.FailureRatio, MinimumThroughput = breaker.MinimumThroughput, SamplingDuration = breaker.SamplingDuration, BreakDuration = breaker.BreakDuration }
                : null;
        }

        public RetryOptions Retry { get; }

        public CircuitBreakerOptions BreakerOptions { get; }

        public TimeProvider Time { get; }

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

        /// <summary>The retry budget of <paramref name="table"/>, which its operations' retries and its batches' extra rounds take from.</summary>
        public RetryBudget BudgetOf(string table) => TableOf(table).Budget;

        /// <summary>Runs one operation's attempts through its table's pipeline.</summary>
        public async ValueTask<TResponse> ExecuteAsync<TResponse>(OperationAttempts attempts, Func<CancellationToken, Task<TResponse>> send, CancellationToken cancellationToken)
        {
            var table = TableOf(attempts.Operation.Table);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(AttemptsKey, attempts);
            try
            {
                var response = await table.Pipeline.ExecuteAsync(
                    static (context, state) =>
                    {
                        state.Attempts.Count++;
                        return new ValueTask<TResponse>(state.Send(context.CancellationToken));
                    },
                    context,
                    (Attempts: attempts, Send: send)).ConfigureAwait(false);

                // The operation's one successful attempt gives a fifth of a retry back to the table's budget (with or
                // without retries, since a batch's extra rounds take from it too).
                table.Budget.Refund();
                return response;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Table TableOf(string table) => _tables.GetOrAdd(table, static (name, self) => self.Build(name), this);

        // Outermost first: the retries, the table's breaker (it counts single attempts), and the timeout around each
        // attempt. One timeout serves both limits: an attempt gets Retry:AttemptTimeout or what is left of Retry:MaxElapsed,
        // whichever is shorter, and no retry is scheduled whose wait ends past MaxElapsed (ShouldRetry), so the operation
        // ends by then without a second timeout wrapped around the whole pipeline, which cost every request its own layer.
        // Breaker events are logged through the logger of the operation whose outcome caused them (its OperationAttempts),
        // not of whichever runner built the pipeline.
        private Table Build(string table)
        {
            var budget = new RetryBudget(_retryBudget);
            var builder = new ResiliencePipelineBuilder { TimeProvider = Time };
            if (_maxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _maxAttempts - 1,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context, budget)),
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
                        && !AttemptsOf(args.Context).TimedOut
                        && RetryPolicy.Classify(failure) == ErrorCategory.Transient),
                    OnOpened = args =>
                    {
                        var failure = args.Outcome.Exception!;
                        RuntimeLog.CircuitOpened(AttemptsOf(args.Context).Logger, table, RuntimeLog.ErrorCode(failure), args.BreakDuration.TotalSeconds, RuntimeLog.RequestIdField(OperationTelemetry.RequestIdOf(failure)));
                        return default;
                    },
                    OnHalfOpened = args =>
                    {
                        RuntimeLog.CircuitHalfOpened(AttemptsOf(args.Context).Logger, table);
                        return default;
                    },
                    OnClosed = args =>
                    {
                        RuntimeLog.CircuitClosed(AttemptsOf(args.Context).Logger, table);
                        return default;
                    },
                });
            }

            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptTimeout(AttemptsOf(args.Context))),
                OnTimeout = static args =>
                {
                    var attempts = AttemptsOf(args.Context);
                    attempts.TimedOut = attempts.EndsAtDeadline;
                    return default;
                },
            });
            return new Table(builder.Build(), budget);
        }

        // The attempt's timeout: the attempt timeout, or what is left of the overall one when that is shorter (at least a
        // millisecond: Polly runs an attempt with no timeout at all when given zero).
        private TimeSpan AttemptTimeout(OperationAttempts attempts)
        {
            var left = _overall - Time.GetElapsedTime(attempts.Started);
            attempts.EndsAtDeadline = left <= _attemptTimeout;
            return attempts.EndsAtDeadline ? (left > MinimumTimeout ? left : MinimumTimeout) : _attemptTimeout;
        }

        // Whether an attempt's failure is retried: the category allows it (caller's cancellation and an open circuit never
        // are), a retry is left, its delay ends before the overall timeout, and the table's budget has a token for it. The
        // delay is drawn here, because whether it fits is part of the decision.
        private bool ShouldRetry(Exception? failure, ResilienceContext context, RetryBudget budget)
        {
            if (failure is null)
            {
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
            if (Time.GetElapsedTime(attempts.Started) + delay >= _overall)
            {
                return false;
            }

            if (!budget.TryTake())
            {
                attempts.BudgetSpent = true;
                return false;
            }

            attempts.NextDelay = delay;
            return true;
        }

        private static OperationAttempts AttemptsOf(ResilienceContext context) => context.Properties.GetValue(AttemptsKey, null!);

        /// <summary>One table's pipeline and retry budget.</summary>
        private sealed record Table(ResiliencePipeline Pipeline, RetryBudget Budget);
    }
}

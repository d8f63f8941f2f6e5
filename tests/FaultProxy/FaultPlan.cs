using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bookings.Generated.Testing;

/// <summary>
/// What a <see cref="FaultInjectingProxy"/> does to the requests it receives: for each request one
/// <see cref="FaultKind"/> is drawn with the rates below from a <see cref="Random"/> seeded with
/// <see cref="Seed"/> (the draws are serialised, so a single client sending requests one at a time
/// sees the same sequence on every run). The rates of the faults that apply to a request must add up
/// to at most 1; the remainder is the chance of forwarding it unchanged.
/// </summary>
/// <remarks>
/// The proxy is bounded: after <see cref="MaxRequests"/> requests it answers every further request
/// with HTTP 503 (and records and logs nothing), and after <see cref="MaxLifetime"/> it stops by itself.
/// </remarks>
public sealed record FaultPlan
{
    /// <summary>The plan that forwards everything unchanged.</summary>
    public static FaultPlan PassThrough { get; } = new();

    /// <summary>Rate (0..1) of HTTP 400 <c>ProvisionedThroughputExceededException</c> answers.</summary>
    public double ProvisionedThroughputExceededRate { get; init; }

    /// <summary>Rate (0..1) of HTTP 400 <c>ThrottlingException</c> answers.</summary>
    public double ThrottlingRate { get; init; }

    /// <summary>Rate (0..1) of HTTP 400 <c>RequestLimitExceeded</c> answers.</summary>
    public double RequestLimitExceededRate { get; init; }

    /// <summary>Rate (0..1) of HTTP 500 <c>InternalServerError</c> answers.</summary>
    public double InternalServerErrorRate { get; init; }

    /// <summary>Rate (0..1) of HTTP 503 <c>ServiceUnavailable</c> answers.</summary>
    public double ServiceUnavailableRate { get; init; }

    /// <summary>
    /// Rate (0..1) of requests whose connection is closed after the request was read, without any
    /// answer (see <see cref="ResetOnDrop"/>). The request is not forwarded.
    /// </summary>
    public double DropConnectionRate { get; init; }

    /// <summary>
    /// Rate (0..1) of requests that are forwarded, and whose connection is then closed (see <see cref="ResetOnDrop"/>)
    /// once upstream has answered, instead of passing the answer on: the write is applied, and the client cannot
    /// know it.
    /// </summary>
    public double DropAfterForwardRate { get; init; }

    /// <summary>
    /// Rate (0..1) of requests that are forwarded, and answered with HTTP 500 <c>InternalServerError</c> once
    /// upstream has answered, whatever upstream said: the write is applied, and the client is told it failed.
    /// </summary>
    public double InternalServerErrorAfterForwardRate { get; init; }

    /// <summary>
    /// Rate (0..1) of requests that are held for <see cref="DelayBy"/> and then forwarded (so the write
    /// is applied even though the client, whose timeout is shorter, has given up).
    /// </summary>
    public double DelayRate { get; init; }

    /// <summary>
    /// Rate (0..1) of <c>BatchWriteItem</c> and <c>BatchGetItem</c> requests of which only a part is forwarded;
    /// the rest (<see cref="UnprocessedFraction"/> of the items or keys, the last ones) is returned in
    /// <c>UnprocessedItems</c> or <c>UnprocessedKeys</c>. Ignored for other operations.
    /// </summary>
    public double PartialBatchRate { get; init; }

    /// <summary>
    /// Rate (0..1) of <c>TransactWriteItems</c> requests answered, without forwarding, with HTTP 400
    /// <c>TransactionCanceledException</c> whose one cancellation reason is <see cref="TransactionCancellationReason"/>.
    /// Ignored for other operations.
    /// </summary>
    public double TransactionCanceledRate { get; init; }

    /// <summary>
    /// The reason code of an injected transaction cancellation: <c>TransactionConflict</c> (default: another transaction
    /// holds an item, contention a client retries), <c>ValidationError</c> (DynamoDB refuses the request), …
    /// </summary>
    public string TransactionCancellationReason { get; init; } = "TransactionConflict";

    /// <summary>
    /// The share (0..1) of a partially processed batch's items returned as unprocessed, rounded to the
    /// nearest whole item (25 items × 0.4 = 10). Default 0.5.
    /// </summary>
    public double UnprocessedFraction { get; init; } = 0.5;

    /// <summary>How long a delayed request is held before it is forwarded. Default 5 s.</summary>
    public TimeSpan DelayBy { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The seed of the random draws. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The operations faults are injected into, by name (<c>PutItem</c>) or full target
    /// (<c>DynamoDB_20120810.PutItem</c>), case-insensitively; <c>null</c> (the default) for all.
    /// Other operations are forwarded unchanged and draw no random number.
    /// </summary>
    public IReadOnlySet<string>? OnlyOperations { get; init; }

    /// <summary>
    /// The most faults injected in all; once reached, everything is forwarded. <c>null</c> (the default)
    /// for no limit. Useful for "fail twice, then succeed" retry tests.
    /// </summary>
    public int? MaxFaults { get; init; }

    /// <summary>
    /// The most requests handled (1..1,000,000, default 10,000). Every later request is answered with
    /// HTTP 503 <c>ServiceUnavailable</c>, is not forwarded, logged or recorded, and only counted in
    /// <see cref="FaultProxyStats.OverLimit"/>.
    /// </summary>
    public int MaxRequests { get; init; } = 10_000;

    /// <summary>How long the proxy runs before it stops by itself (at most 1 hour). Default 5 minutes.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a dropped connection is reset (TCP RST, "connection reset by peer") rather than closed
    /// normally (FIN, "response ended prematurely"). Default <c>false</c>.
    /// </summary>
    public bool ResetOnDrop { get; init; }

    /// <summary>
    /// Receives one line per handled request (for example <c>#3 PutItem: ProvisionedThroughputExceeded</c>),
    /// for instance to write to a test's output. Called concurrently; exceptions it throws are ignored.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>Checks the plan; <see cref="FaultInjectingProxy.StartAsync"/> calls it.</summary>
    /// <exception cref="ArgumentException">A rate or fraction is outside 0..1 or not a number, the rates add up to more than 1, or a limit is out of range.</exception>
    public void Validate()
    {
        CheckUnit(ProvisionedThroughputExceededRate, nameof(ProvisionedThroughputExceededRate));
        CheckUnit(ThrottlingRate, nameof(ThrottlingRate));
        CheckUnit(RequestLimitExceededRate, nameof(RequestLimitExceededRate));
        CheckUnit(InternalServerErrorRate, nameof(InternalServerErrorRate));
        CheckUnit(ServiceUnavailableRate, nameof(ServiceUnavailableRate));
        CheckUnit(DropConnectionRate, nameof(DropConnectionRate));
        CheckUnit(DelayRate, nameof(DelayRate));
        CheckUnit(DropAfterForwardRate, nameof(DropAfterForwardRate));
        CheckUnit(InternalServerErrorAfterForwardRate, nameof(InternalServerErrorAfterForwardRate));
        CheckUnit(PartialBatchRate, nameof(PartialBatchRate));
        CheckUnit(TransactionCanceledRate, nameof(TransactionCanceledRate));
        CheckUnit(UnprocessedFraction, nameof(UnprocessedFraction));

        // A batch and a transaction each take the common rates and their own.
        double sum = Math.Max(RateSum(includePartialBatch: true, includeTransactionCanceled: false), RateSum(includePartialBatch: false, includeTransactionCanceled: true));
        if (sum > 1 + 1e-9)
        {
            throw new ArgumentException(
                "The fault rates add up to " + sum.ToString("0.###", CultureInfo.InvariantCulture) + ", more than 1.", "plan");
        }

        if (DelayBy < TimeSpan.Zero || DelayBy > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("DelayBy must be between 0 and 10 minutes.", "plan");
        }

        if (MaxRequests < 1 || MaxRequests > 1_000_000)
        {
            throw new ArgumentException("MaxRequests must be between 1 and 1,000,000.", "plan");
        }

        if (MaxFaults is < 0)
        {
            throw new ArgumentException("MaxFaults must not be negative.", "plan");
        }

        if (MaxLifetime <= TimeSpan.Zero || MaxLifetime > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("MaxLifetime must be positive and at most 1 hour.", "plan");
        }
    }

    /// <summary>The rates in the order the draw walks them (the order of <see cref="FaultKind"/>).</summary>
    internal IEnumerable<(FaultKind Kind, double Rate)> Rates(bool includePartialBatch, bool includeTransactionCanceled)
    {
        yield return (FaultKind.ProvisionedThroughputExceeded, ProvisionedThroughputExceededRate);
        yield return (FaultKind.Throttling, ThrottlingRate);
        yield return (FaultKind.RequestLimitExceeded, RequestLimitExceededRate);
        yield return (FaultKind.InternalServerError, InternalServerErrorRate);
        yield return (FaultKind.ServiceUnavailable, ServiceUnavailableRate);
        yield return (FaultKind.DropConnection, DropConnectionRate);
        yield return (FaultKind.Delay, DelayRate);
        yield return (FaultKind.DropAfterForward, DropAfterForwardRate);
        yield return (FaultKind.InternalServerErrorAfterForward, InternalServerErrorAfterForwardRate);
        if (includePartialBatch)
        {
            yield return (FaultKind.PartialBatch, PartialBatchRate);
        }

        if (includeTransactionCanceled)
        {
            yield return (FaultKind.TransactionCanceled, TransactionCanceledRate);
        }
    }

    private double RateSum(bool includePartialBatch, bool includeTransactionCanceled)
    {
        double sum = 0;
        foreach ((FaultKind _, double rate) in Rates(includePartialBatch, includeTransactionCanceled))
        {
            sum += rate;
        }

        return sum;
    }

    private static void CheckUnit(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentException(name + " must be between 0 and 1.", "plan");
        }
    }
}

/// <summary>What the proxy did with a request.</summary>
public enum FaultKind
{
    /// <summary>Forwarded unchanged.</summary>
    None = 0,

    /// <summary>HTTP 400, <c>__type</c> …#ProvisionedThroughputExceededException.</summary>
    ProvisionedThroughputExceeded,

    /// <summary>HTTP 400, <c>__type</c> …#ThrottlingException.</summary>
    Throttling,

    /// <summary>HTTP 400, <c>__type</c> …#RequestLimitExceeded.</summary>
    RequestLimitExceeded,

    /// <summary>HTTP 500, <c>__type</c> …#InternalServerError.</summary>
    InternalServerError,

    /// <summary>HTTP 503, <c>__type</c> …#ServiceUnavailable.</summary>
    ServiceUnavailable,

    /// <summary>The connection was closed (or reset) without an answer; nothing forwarded.</summary>
    DropConnection,

    /// <summary>Held for <see cref="FaultPlan.DelayBy"/>, then forwarded.</summary>
    Delay,

    /// <summary>A <c>BatchWriteItem</c> of which only the first items were forwarded; the rest came back unprocessed.</summary>
    PartialBatch,

    /// <summary>Forwarded; once upstream answered, the connection was closed (or reset) instead of answering.</summary>
    DropAfterForward,

    /// <summary>Forwarded; once upstream answered, HTTP 500 <c>InternalServerError</c> was sent instead of its answer.</summary>
    InternalServerErrorAfterForward,

    /// <summary>A <c>TransactWriteItems</c> answered with HTTP 400 <c>TransactionCanceledException</c> (<see cref="FaultPlan.TransactionCancellationReason"/>); nothing forwarded.</summary>
    TransactionCanceled,
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Bookings.Generated.Testing;

/// <summary>One request the proxy handled (within <see cref="FaultPlan.MaxRequests"/>).</summary>
/// <param name="Sequence">1 for the first request the proxy received, and so on.</param>
/// <param name="Operation">The DynamoDB operation from <c>X-Amz-Target</c> (<c>PutItem</c>), or <c>""</c> if the header was missing.</param>
/// <param name="Fault">What the proxy did.</param>
public sealed record ProxiedRequest(int Sequence, string Operation, FaultKind Fault)
{
    /// <summary>
    /// The request id (<c>x-amzn-RequestId</c>) of the answer the client got: upstream's for a forwarded request, the
    /// proxy's own for an injected error; null while the request is in flight, and when the client got no answer
    /// (a dropped connection) or one without an id.
    /// </summary>
    public string? RequestId { get; init; }
}

/// <summary>A snapshot of a <see cref="FaultInjectingProxy"/>'s counters.</summary>
public sealed class FaultProxyStats
{
    private readonly int[] _byFault;

    internal FaultProxyStats(
        int totalRequests,
        int forwarded,
        int overLimit,
        int upstreamFailures,
        int unprocessedItems,
        int[] byFault,
        IReadOnlyList<ProxiedRequest> requests)
    {
        TotalRequests = totalRequests;
        Forwarded = forwarded;
        OverLimit = overLimit;
        UpstreamFailures = upstreamFailures;
        UnprocessedItems = unprocessedItems;
        _byFault = byFault;
        Requests = requests;
    }

    /// <summary>Requests handled, faulted or not (those beyond <see cref="FaultPlan.MaxRequests"/> excluded).</summary>
    public int TotalRequests { get; }

    /// <summary>
    /// Requests sent upstream: the unchanged ones, the delayed ones and the partial batches (the
    /// delayed ones count once they are sent).
    /// </summary>
    public int Forwarded { get; }

    /// <summary>Requests answered with 503 because <see cref="FaultPlan.MaxRequests"/> was reached.</summary>
    public int OverLimit { get; }

    /// <summary>Forwarded requests for which upstream could not be reached (answered with 502).</summary>
    public int UpstreamFailures { get; }

    /// <summary>Items and keys returned in <c>UnprocessedItems</c> or <c>UnprocessedKeys</c> by partial batches, in all.</summary>
    public int UnprocessedItems { get; }

    /// <summary>Every handled request in order of arrival.</summary>
    public IReadOnlyList<ProxiedRequest> Requests { get; }

    /// <summary>Faults injected in all (every kind but <see cref="FaultKind.None"/>).</summary>
    public int Faults => _byFault.Skip(1).Sum();

    /// <summary>Requests answered with <c>ProvisionedThroughputExceededException</c>.</summary>
    public int ProvisionedThroughputExceeded => Count(FaultKind.ProvisionedThroughputExceeded);

    /// <summary>Requests answered with <c>ThrottlingException</c>.</summary>
    public int Throttling => Count(FaultKind.Throttling);

    /// <summary>Requests answered with <c>RequestLimitExceeded</c>.</summary>
    public int RequestLimitExceeded => Count(FaultKind.RequestLimitExceeded);

    /// <summary>Requests answered with 500 <c>InternalServerError</c>.</summary>
    public int InternalServerError => Count(FaultKind.InternalServerError);

    /// <summary>Requests answered with 503 <c>ServiceUnavailable</c> by the plan (not by the request limit).</summary>
    public int ServiceUnavailable => Count(FaultKind.ServiceUnavailable);

    /// <summary>Requests whose connection was dropped.</summary>
    public int Dropped => Count(FaultKind.DropConnection);

    /// <summary>Requests delayed.</summary>
    public int Delayed => Count(FaultKind.Delay);

    /// <summary>Batch writes partially processed.</summary>
    public int PartialBatches => Count(FaultKind.PartialBatch);

    /// <summary>Requests forwarded whose connection was then dropped instead of answered.</summary>
    public int DroppedAfterForward => Count(FaultKind.DropAfterForward);

    /// <summary>Requests forwarded and then answered with 500 <c>InternalServerError</c> instead of upstream's answer.</summary>
    public int InternalServerErrorAfterForward => Count(FaultKind.InternalServerErrorAfterForward);

    /// <summary>Transactions answered with an injected cancellation.</summary>
    public int TransactionsCanceled => Count(FaultKind.TransactionCanceled);

    /// <summary>Requests handled with <paramref name="kind"/> (<see cref="FaultKind.None"/>: forwarded unchanged).</summary>
    /// <param name="kind">The fault kind.</param>
    /// <returns>The count.</returns>
    public int Count(FaultKind kind)
    {
        int index = (int)kind;
        return index >= 0 && index < _byFault.Length ? _byFault[index] : 0;
    }

    /// <summary>Requests handled per operation.</summary>
    /// <returns>Operation name → count.</returns>
    public IReadOnlyDictionary<string, int> ByOperation() =>
        new ReadOnlyDictionary<string, int>(
            Requests.GroupBy(r => r.Operation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    /// <summary>A one-line summary for test output.</summary>
    /// <returns>For example <c>total 4, forwarded 2, ProvisionedThroughputExceeded 2</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>
        {
            "total " + TotalRequests.ToString(CultureInfo.InvariantCulture),
            "forwarded " + Forwarded.ToString(CultureInfo.InvariantCulture),
        };
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            if (kind != FaultKind.None && Count(kind) > 0)
            {
                parts.Add(kind + " " + Count(kind).ToString(CultureInfo.InvariantCulture));
            }
        }

        if (OverLimit > 0)
        {
            parts.Add("over limit " + OverLimit.ToString(CultureInfo.InvariantCulture));
        }

        if (UpstreamFailures > 0)
        {
            parts.Add("upstream failures " + UpstreamFailures.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(", ", parts);
    }
}

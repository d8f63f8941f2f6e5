using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Bookings.Generated.Testing;

/// <summary>
/// An HTTP/1.1 proxy on <c>127.0.0.1</c> that forwards DynamoDB requests to an upstream endpoint
/// (DynamoDB Local) and injects faults into some of them as its <see cref="FaultPlan"/> says:
/// throttling and 5xx error answers, dropped connections, delays, partially processed
/// <c>BatchWriteItem</c> and <c>BatchGetItem</c> calls, and answers lost after the request was applied
/// (the connection dropped, or a 500 sent, once upstream has answered). Point an SDK client at <see cref="Endpoint"/> (see <see cref="CreateClient"/>).
/// </summary>
/// <remarks>
/// <para>
/// The proxy is bounded: after <see cref="FaultPlan.MaxRequests"/> requests it answers 503 to everything,
/// and after <see cref="FaultPlan.MaxLifetime"/> it stops by itself (closes its listener and every
/// connection). It serves at most 128 connections at once. Everything runs on the thread pool;
/// <see cref="DisposeAsync"/> cancels all work and returns once it has finished.
/// </para>
/// <para>
/// Requests are forwarded byte for byte with their headers (the upstream host is set by the forwarding
/// client, so the SigV4 signature no longer matches: use an upstream that does not check signatures,
/// such as DynamoDB Local). Answers are copied back byte for byte, with <c>x-amz-crc32</c>.
/// </para>
/// </remarks>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    /// <summary>The signing region of the clients from <see cref="CreateClient"/>: <c>us-east-1</c>.</summary>
    public const string Region = "us-east-1";

    /// <summary>The content type of DynamoDB's JSON protocol: <c>application/x-amz-json-1.0</c>.</summary>
    public const string JsonContentType = "application/x-amz-json-1.0";

    private const int MaxConnections = 128;
    private const string DynamoDbErrorPrefix = "com.amazonaws.dynamodb.v20120810#";

    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Request headers that belong to one hop and are not forwarded (the forwarding client sets its own).</summary>
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Expect", "Content-Length",
    };

    private readonly FaultPlan _plan;
    private readonly TcpListener _listener;
    private readonly HttpClient _upstreamClient;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly List<ProxiedRequest> _requests = new();
    private readonly int[] _byFault = new int[Enum.GetValues<FaultKind>().Length];
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly Task _run;

    private long _nextConnectionId;
    private int _received;
    private int _faultsInjected;
    private int _forwarded;
    private int _overLimit;
    private int _upstreamFailures;
    private int _unprocessedItems;
    private int _disposed;

    private FaultInjectingProxy(Uri upstream, FaultPlan plan, TcpListener listener)
    {
        Upstream = upstream;
        _plan = plan;
        _listener = listener;
        _random = new Random(plan.Seed);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Endpoint = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        _upstreamClient = new HttpClient(
            new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
            },
            disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        _stop.CancelAfter(plan.MaxLifetime);
        _run = Task.Run(RunAsync);
    }

    /// <summary>Where clients send requests: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Where requests are forwarded.</summary>
    public Uri Upstream { get; }

    /// <summary>The plan the proxy follows.</summary>
    public FaultPlan Plan => _plan;

    /// <summary>Completes once the proxy has stopped (disposed, or <see cref="FaultPlan.MaxLifetime"/> elapsed) and all its work has ended.</summary>
    public Task Stopped => _run;

    /// <summary>Whether the proxy has stopped.</summary>
    public bool IsStopped => _run.IsCompleted;

    /// <summary>A snapshot of the counters and of the requests handled so far.</summary>
    public FaultProxyStats Stats
    {
        get
        {
            lock (_gate)
            {
                return new FaultProxyStats(
                    _requests.Count,
                    Volatile.Read(ref _forwarded),
                    Volatile.Read(ref _overLimit),
                    Volatile.Read(ref _upstreamFailures),
                    Volatile.Read(ref _unprocessedItems),
                    (int[])_byFault.Clone(),
                    _requests.ToArray());
            }
        }
    }

    /// <summary>
    /// Starts a proxy on a free loopback port that forwards to <paramref name="upstream"/>.
    /// </summary>
    /// <param name="upstream">The DynamoDB endpoint to forward to, an absolute http(s) URL (for example DynamoDB Local's).</param>
    /// <param name="plan">What to inject; validated here.</param>
    /// <param name="cancellationToken">Cancels the start (not the running proxy: dispose it, or let <see cref="FaultPlan.MaxLifetime"/> end it).</param>
    /// <returns>The running proxy; dispose it when done.</returns>
    /// <exception cref="ArgumentException"><paramref name="upstream"/> is not an absolute http(s) URL, or the plan is invalid.</exception>
    public static Task<FaultInjectingProxy> StartAsync(Uri upstream, FaultPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(plan);
        if (!upstream.IsAbsoluteUri || (upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The upstream must be an absolute http:// or https:// URL.", nameof(upstream));
        }

        plan.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 128);
        return Task.FromResult(new FaultInjectingProxy(upstream, plan, listener));
    }

    /// <summary>
    /// A client configuration for the proxy: <c>ServiceURL</c> = <see cref="Endpoint"/>, signing region
    /// <see cref="Region"/>, endpoint variables from the environment ignored.
    /// </summary>
    /// <param name="maxErrorRetry">How often the SDK itself retries; 0 (the default) so that its retries do not hide faults.</param>
    /// <param name="timeout">The SDK's HTTP timeout per attempt (<see cref="ClientConfig.Timeout"/>), or <c>null</c> for the SDK default.</param>
    /// <param name="maxStaleConnectionRetries">
    /// How often the SDK silently resends a request whose connection was closed or reset without an answer
    /// (<see cref="ClientConfig.MaxStaleConnectionRetries"/>; these retries do not count against
    /// <paramref name="maxErrorRetry"/>, and the SDK's own default is 10). 0 (the default) so that a dropped
    /// connection surfaces after one attempt.
    /// </param>
    /// <returns>A new configuration.</returns>
    public AmazonDynamoDBConfig CreateConfig(int maxErrorRetry = 0, TimeSpan? timeout = null, int maxStaleConnectionRetries = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrorRetry);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStaleConnectionRetries);
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = Endpoint.AbsoluteUri,
            AuthenticationRegion = Region,
            IgnoreConfiguredEndpointUrls = true,
            MaxErrorRetry = maxErrorRetry,
            MaxStaleConnectionRetries = maxStaleConnectionRetries,
        };
        if (timeout is TimeSpan value)
        {
            config.Timeout = value;
        }

        return config;
    }

    /// <summary>A low-level client for the proxy with dummy credentials and <see cref="CreateConfig"/>; the caller disposes it.</summary>
    /// <param name="maxErrorRetry">How often the SDK itself retries; 0 (the default) so that its retries do not hide faults.</param>
    /// <param name="timeout">The SDK's HTTP timeout per attempt, or <c>null</c> for the SDK default.</param>
    /// <param name="maxStaleConnectionRetries">The SDK's silent resends after a dropped connection; see <see cref="CreateConfig"/>.</param>
    /// <returns>A new client.</returns>
    public AmazonDynamoDBClient CreateClient(int maxErrorRetry = 0, TimeSpan? timeout = null, int maxStaleConnectionRetries = 0) =>
        new(new BasicAWSCredentials("local", "local"), CreateConfig(maxErrorRetry, timeout, maxStaleConnectionRetries));

    /// <summary>Stops the proxy: closes the listener and every connection, cancels delayed and forwarded requests, and waits for them.</summary>
    /// <returns>A task that completes when the proxy has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Stopped already (MaxLifetime).
            }
        }

        await _run.ConfigureAwait(false);
    }

    /// <summary>Describes the proxy.</summary>
    /// <returns>For example <c>FaultInjectingProxy http://127.0.0.1:40000/ → http://127.0.0.1:8000/ (total 3, forwarded 3)</c>.</returns>
    public override string ToString() => "FaultInjectingProxy " + Endpoint + " → " + Upstream + " (" + Stats + ")";

    private async Task RunAsync()
    {
        CancellationToken stopping = _stop.Token;
        try
        {
            while (true)
            {
                Socket socket = await _listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
                if (_connections.Count >= MaxConnections)
                {
                    socket.Dispose();
                    continue;
                }

                long id = ++_nextConnectionId;
                Task connection = Task.Run(() => ServeConnectionAsync(id, socket, stopping), CancellationToken.None);
                _connections.TryAdd(id, connection);
                if (connection.IsCompleted)
                {
                    _connections.TryRemove(id, out _);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            // Whatever ended the loop, everything else stops too.
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }

            _listener.Stop();
            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
            _upstreamClient.Dispose();
            _stop.Dispose();
        }
    }

    private async Task ServeConnectionAsync(long id, Socket socket, CancellationToken stopping)
    {
        try
        {
            socket.NoDelay = true;
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var connection = new Http11Connection(stream);
            while (!stopping.IsCancellationRequested)
            {
                IncomingRequest? request;
                try
                {
                    request = await connection.ReadRequestAsync(stopping).ConfigureAwait(false);
                }
                catch (MalformedRequestException exception)
                {
                    await connection.WriteResponseAsync(
                        400,
                        "Bad Request",
                        [new("Content-Type", "text/plain")],
                        Encoding.UTF8.GetBytes(exception.Message),
                        close: true,
                        stopping).ConfigureAwait(false);
                    return;
                }

                if (request is null)
                {
                    return;
                }

                bool keepOpen = await HandleAsync(connection, socket, request, stopping).ConfigureAwait(false);
                if (!keepOpen || request.WantsClose)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The proxy is stopping, or the client went away.
        }
        catch (Exception exception)
        {
            Log("connection error: " + exception);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    /// <summary>Handles one request; returns whether the connection stays open.</summary>
    private async Task<bool> HandleAsync(Http11Connection connection, Socket socket, IncomingRequest request, CancellationToken stopping)
    {
        bool close = request.WantsClose;
        int sequence = Interlocked.Increment(ref _received);
        if (sequence > _plan.MaxRequests)
        {
            Interlocked.Increment(ref _overLimit);
            await WriteErrorAsync(
                null, connection, 503, "Service Unavailable", DynamoDbErrorPrefix + "ServiceUnavailable",
                "The fault proxy's request limit (" + _plan.MaxRequests.ToString(CultureInfo.InvariantCulture) + ") was reached.",
                close, stopping).ConfigureAwait(false);
            return true;
        }

        string operation = OperationOf(request);
        bool isBatchGet = string.Equals(operation, "BatchGetItem", StringComparison.Ordinal);
        bool isBatch = isBatchGet || string.Equals(operation, "BatchWriteItem", StringComparison.Ordinal);
        FaultKind fault = Decide(operation, isBatch, string.Equals(operation, "TransactWriteItems", StringComparison.Ordinal));

        BatchSplit? split = null;
        if (fault == FaultKind.PartialBatch)
        {
            split = BatchSplit.TryCreate(request.Body, _plan.UnprocessedFraction, isBatchGet);
            if (split is null)
            {
                // Nothing to leave unprocessed (or not a batch the proxy understands): forward it as it is.
                fault = FaultKind.None;
                lock (_gate)
                {
                    _faultsInjected--;
                }
            }
        }

        int index;
        lock (_gate)
        {
            index = _requests.Count;
            _requests.Add(new ProxiedRequest(sequence, operation, fault));
            _byFault[(int)fault]++;
        }

        Log("#" + sequence.ToString(CultureInfo.InvariantCulture) + " " + (operation.Length == 0 ? "(no X-Amz-Target)" : operation) + ": " + fault);
        string note = " (fault injected by FaultInjectingProxy, request #" + sequence.ToString(CultureInfo.InvariantCulture) + ")";

        switch (fault)
        {
            case FaultKind.ProvisionedThroughputExceeded:
                await WriteErrorAsync(
                    index, connection, 400, "Bad Request", DynamoDbErrorPrefix + "ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API." + note,
                    close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.Throttling:
                await WriteErrorAsync(
                    index, connection, 400, "Bad Request", "com.amazon.coral.availability#ThrottlingException",
                    "Rate of requests exceeds the allowed throughput." + note,
                    close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.RequestLimitExceeded:
                await WriteErrorAsync(
                    index, connection, 400, "Bad Request", DynamoDbErrorPrefix + "RequestLimitExceeded",
                    "Throughput exceeds the current throughput limit for your account." + note,
                    close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.InternalServerError:
                await WriteErrorAsync(
                    index, connection, 500, "Internal Server Error", DynamoDbErrorPrefix + "InternalServerError",
                    "Internal server error" + note,
                    close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.ServiceUnavailable:
                await WriteErrorAsync(
                    index, connection, 503, "Service Unavailable", DynamoDbErrorPrefix + "ServiceUnavailable",
                    "The service is currently unavailable or busy." + note,
                    close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.TransactionCanceled:
                await WriteErrorAsync(
                    index, connection, 400, "Bad Request", DynamoDbErrorPrefix + "TransactionCanceledException",
                    "Transaction cancelled, please refer cancellation reasons for specific reasons [" + _plan.TransactionCancellationReason + "]" + note,
                    close, stopping,
                    new JsonArray(new JsonObject { ["Code"] = _plan.TransactionCancellationReason, ["Message"] = "Injected by FaultInjectingProxy" })).ConfigureAwait(false);
                return true;
            case FaultKind.DropConnection:
                Drop(socket);
                return false;
            case FaultKind.Delay:
                await Task.Delay(_plan.DelayBy, stopping).ConfigureAwait(false);
                await ForwardAsync(index, connection, request, request.Body, split: null, close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.PartialBatch:
                await ForwardAsync(index, connection, request, split!.ForwardBody, split, close, stopping).ConfigureAwait(false);
                return true;
            case FaultKind.DropAfterForward:
                if (await ForwardAsync(index, connection, request, request.Body, split: null, close, stopping, answer: false).ConfigureAwait(false))
                {
                    Drop(socket);
                    return false;
                }

                return true;
            case FaultKind.InternalServerErrorAfterForward:
                if (await ForwardAsync(index, connection, request, request.Body, split: null, close, stopping, answer: false).ConfigureAwait(false))
                {
                    await WriteErrorAsync(
                        index, connection, 500, "Internal Server Error", DynamoDbErrorPrefix + "InternalServerError",
                        "Internal server error" + note,
                        close, stopping).ConfigureAwait(false);
                }

                return true;
            default:
                await ForwardAsync(index, connection, request, request.Body, split: null, close, stopping).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>Closes the client's connection without an answer: normally (FIN), or reset (RST) when the plan says so.</summary>
    private void Drop(Socket socket)
    {
        if (_plan.ResetOnDrop)
        {
            // Linger 0: closing sends RST instead of FIN.
            socket.LingerState = new LingerOption(true, 0);
        }

        socket.Close();
    }

    private FaultKind Decide(string operation, bool isBatch, bool isTransaction)
    {
        if (_plan.OnlyOperations is { } only
            && !ContainsIgnoreCase(only, operation)
            && !ContainsIgnoreCase(only, "DynamoDB_20120810." + operation))
        {
            return FaultKind.None;
        }

        lock (_gate)
        {
            if (_plan.MaxFaults is int maxFaults && _faultsInjected >= maxFaults)
            {
                return FaultKind.None;
            }

            double draw = _random.NextDouble();
            double cumulative = 0;
            foreach ((FaultKind kind, double rate) in _plan.Rates(includePartialBatch: isBatch, includeTransactionCanceled: isTransaction))
            {
                cumulative += rate;
                if (draw < cumulative)
                {
                    _faultsInjected++;
                    return kind;
                }
            }

            return FaultKind.None;
        }
    }

    private static bool ContainsIgnoreCase(IReadOnlySet<string> set, string value)
    {
        if (set.Contains(value))
        {
            return true;
        }

        foreach (string item in set)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string OperationOf(IncomingRequest request)
    {
        string? target = request.Header("X-Amz-Target");
        if (string.IsNullOrEmpty(target))
        {
            return string.Empty;
        }

        int dot = target.LastIndexOf('.');
        return dot >= 0 ? target[(dot + 1)..] : target;
    }

    /// <summary>
    /// Sends the request (with <paramref name="body"/>) upstream and copies the answer back, merging a batch split's
    /// unprocessed items; with <paramref name="answer"/> false, upstream's answer is read and thrown away instead, so
    /// the caller can answer in its place. Returns whether upstream answered (when it could not be reached, the client
    /// has been answered 502).
    /// </summary>
    private async Task<bool> ForwardAsync(
        int index,
        Http11Connection connection,
        IncomingRequest request,
        byte[] body,
        BatchSplit? split,
        bool close,
        CancellationToken stopping,
        bool answer = true)
    {
        if (split is { ForwardedCount: 0 })
        {
            // Nothing to send: the whole batch comes back unprocessed.
            var response = new JsonObject { [split.UnprocessedField] = split.Unprocessed.DeepClone() };
            Interlocked.Add(ref _unprocessedItems, split.UnprocessedCount);
            await WriteJsonAsync(index, connection, 200, "OK", Encoding.UTF8.GetBytes(response.ToJsonString()), close, stopping).ConfigureAwait(false);
            return true;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(Upstream, request.Target))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var content = new ByteArrayContent(body);
        foreach ((string name, string value) in request.Headers)
        {
            if (HopByHopHeaders.Contains(name)
                || (split is not null && string.Equals(name, "Accept-Encoding", StringComparison.OrdinalIgnoreCase)))
            {
                // A split batch's answer is rewritten, so it must come back uncompressed.
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Content = content;

        int status;
        string reason;
        var headers = new List<KeyValuePair<string, string>>();
        byte[] responseBody;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            attempt.CancelAfter(UpstreamTimeout);
            Interlocked.Increment(ref _forwarded);
            try
            {
                using HttpResponseMessage response = await _upstreamClient
                    .SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token)
                    .ConfigureAwait(false);
                responseBody = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "Status" : response.ReasonPhrase;
                foreach ((string name, IEnumerable<string> values) in response.Headers)
                {
                    CopyResponseHeader(headers, name, values);
                }

                foreach ((string name, IEnumerable<string> values) in response.Content.Headers)
                {
                    CopyResponseHeader(headers, name, values);
                }
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested
                                              && exception is HttpRequestException or OperationCanceledException or IOException)
            {
                Interlocked.Increment(ref _upstreamFailures);
                Log("upstream " + Upstream + " failed: " + exception.GetType().Name + ": " + exception.Message);
                await WriteErrorAsync(
                    index, connection, 502, "Bad Gateway", "BadGateway",
                    "The fault proxy could not reach its upstream " + Upstream + ": " + exception.Message,
                    close, stopping).ConfigureAwait(false);
                return false;
            }
        }

        if (!answer)
        {
            return true;
        }

        if (split is not null && status == 200)
        {
            responseBody = split.MergeInto(responseBody);
            Interlocked.Add(ref _unprocessedItems, split.UnprocessedCount);
            for (int i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i].Key, "x-amz-crc32", StringComparison.OrdinalIgnoreCase))
                {
                    headers[i] = new(headers[i].Key, Crc32.Compute(responseBody).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        Answered(index, RequestIdIn(headers));
        await connection.WriteResponseAsync(status, reason, headers, responseBody, close, stopping).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Records the request id of the answer about to be sent for the request at <paramref name="index"/> (none for a
    /// request beyond <see cref="FaultPlan.MaxRequests"/>, which is not recorded): before it leaves, so a client that
    /// reads the stats once its call has returned finds it.
    /// </summary>
    private void Answered(int? index, string? requestId)
    {
        if (index is not int at)
        {
            return;
        }

        lock (_gate)
        {
            _requests[at] = _requests[at] with { RequestId = requestId };
        }
    }

    /// <summary>The <c>x-amzn-RequestId</c> of upstream's answer, or null when it has none.</summary>
    private static string? RequestIdIn(List<KeyValuePair<string, string>> headers)
    {
        foreach ((string name, string value) in headers)
        {
            if (string.Equals(name, "x-amzn-RequestId", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static void CopyResponseHeader(List<KeyValuePair<string, string>> headers, string name, IEnumerable<string> values)
    {
        if (string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Connection", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Keep-Alive", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        headers.Add(new(name, string.Join(", ", values)));
    }

    /// <summary>Writes a DynamoDB error answer to the request at <paramref name="index"/> (null: one not recorded).</summary>
    private Task WriteErrorAsync(
        int? index,
        Http11Connection connection,
        int status,
        string reason,
        string type,
        string message,
        bool close,
        CancellationToken stopping,
        JsonArray? cancellationReasons = null)
    {
        var error = new JsonObject { ["__type"] = type, ["message"] = message };
        if (cancellationReasons is not null)
        {
            error["CancellationReasons"] = cancellationReasons;
        }

        return WriteJsonAsync(index, connection, status, reason, Encoding.UTF8.GetBytes(error.ToJsonString()), close, stopping);
    }

    /// <summary>Writes a JSON answer with the headers DynamoDB sends: request id, CRC-32, content type, date.</summary>
    private Task WriteJsonAsync(int? index, Http11Connection connection, int status, string reason, byte[] body, bool close, CancellationToken stopping)
    {
        string requestId = NewRequestId();
        Answered(index, requestId);
        KeyValuePair<string, string>[] headers =
        [
            new("Server", "Server"),
            new("Date", DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture)),
            new("Content-Type", JsonContentType),
            new("x-amzn-RequestId", requestId),
            new("x-amz-crc32", Crc32.Compute(body).ToString(CultureInfo.InvariantCulture)),
        ];
        return connection.WriteResponseAsync(status, reason, headers, body, close, stopping);
    }

    /// <summary>A request id shaped like DynamoDB's: 52 upper-case letters and digits.</summary>
    private static string NewRequestId() =>
        (Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")).ToUpperInvariant()[..52];

    private void Log(string line)
    {
        if (_plan.Log is not { } log)
        {
            return;
        }

        try
        {
            log(line);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A log sink's failure (for example a finished test's output helper) must not break the proxy.
        }
    }

    /// <summary>
    /// A <c>BatchWriteItem</c> or <c>BatchGetItem</c> body split into the entries forwarded (write requests, or keys)
    /// and the ones returned as unprocessed.
    /// </summary>
    private sealed class BatchSplit
    {
        private readonly bool _isGet;

        private BatchSplit(byte[] forwardBody, int forwardedCount, JsonObject unprocessed, int unprocessedCount, bool isGet)
        {
            ForwardBody = forwardBody;
            ForwardedCount = forwardedCount;
            Unprocessed = unprocessed;
            UnprocessedCount = unprocessedCount;
            _isGet = isGet;
        }

        public byte[] ForwardBody { get; }

        public int ForwardedCount { get; }

        /// <summary>
        /// Table name → write requests (DynamoDB's <c>UnprocessedItems</c> shape), or table name → the table's
        /// keys-and-attributes with the unprocessed keys (<c>UnprocessedKeys</c>).
        /// </summary>
        public JsonObject Unprocessed { get; }

        public int UnprocessedCount { get; }

        /// <summary>The response field that carries what was not processed.</summary>
        public string UnprocessedField => _isGet ? "UnprocessedKeys" : "UnprocessedItems";

        /// <summary>
        /// Splits the body: of its n entries (tables in order, each table's write requests or keys in order),
        /// the first n − round(n × fraction) are forwarded. Returns <c>null</c> if nothing would be left
        /// unprocessed or the body is not a batch the proxy understands.
        /// </summary>
        public static BatchSplit? TryCreate(byte[] body, double fraction, bool isGet)
        {
            JsonObject? root;
            try
            {
                root = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }

            if (root?["RequestItems"] is not JsonObject requestItems)
            {
                return null;
            }

            var entries = new List<(string Table, JsonNode Entry)>();
            foreach ((string table, JsonNode? node) in requestItems)
            {
                if (EntriesOf(node, isGet) is not JsonArray array)
                {
                    return null;
                }

                foreach (JsonNode? entry in array)
                {
                    if (entry is null)
                    {
                        return null;
                    }

                    entries.Add((table, entry));
                }
            }

            int unprocessedCount = (int)Math.Round(entries.Count * fraction, MidpointRounding.AwayFromZero);
            if (unprocessedCount <= 0)
            {
                return null;
            }

            int forwardedCount = entries.Count - unprocessedCount;
            var forwarded = new JsonObject();
            var unprocessed = new JsonObject();
            for (int i = 0; i < entries.Count; i++)
            {
                JsonObject target = i < forwardedCount ? forwarded : unprocessed;
                (string table, JsonNode entry) = entries[i];
                if (!target.ContainsKey(table))
                {
                    target[table] = EmptyLike(requestItems[table]!, isGet);
                }

                EntriesOf(target[table], isGet)!.Add(entry.DeepClone());
            }

            var forwardRoot = new JsonObject();
            foreach ((string name, JsonNode? value) in root)
            {
                forwardRoot[name] = name == "RequestItems" ? forwarded : value?.DeepClone();
            }

            return new BatchSplit(Encoding.UTF8.GetBytes(forwardRoot.ToJsonString()), forwardedCount, unprocessed, unprocessedCount, isGet);
        }

        /// <summary>Adds the unprocessed entries to upstream's answer (which may hold unprocessed entries of its own).</summary>
        public byte[] MergeInto(byte[] upstreamBody)
        {
            JsonObject root;
            try
            {
                root = JsonNode.Parse(upstreamBody) as JsonObject ?? new JsonObject();
            }
            catch (JsonException)
            {
                root = new JsonObject();
            }

            if (root[UnprocessedField] is not JsonObject existing)
            {
                existing = new JsonObject();
                root[UnprocessedField] = existing;
            }

            foreach ((string table, JsonNode? node) in Unprocessed)
            {
                if (EntriesOf(existing[table], _isGet) is null)
                {
                    existing[table] = EmptyLike(node!, _isGet);
                }

                JsonArray list = EntriesOf(existing[table], _isGet)!;
                foreach (JsonNode? entry in EntriesOf(node, _isGet)!)
                {
                    list.Add(entry?.DeepClone());
                }
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        /// <summary>A table's entries: its write requests (an array), or the <c>Keys</c> of its keys-and-attributes.</summary>
        private static JsonArray? EntriesOf(JsonNode? tableNode, bool isGet)
            => isGet ? (tableNode as JsonObject)?["Keys"] as JsonArray : tableNode as JsonArray;

        /// <summary>A table's node with no entries: an empty array, or the keys-and-attributes with empty <c>Keys</c>.</summary>
        private static JsonNode EmptyLike(JsonNode tableNode, bool isGet)
        {
            if (!isGet)
            {
                return new JsonArray();
            }

            var copy = new JsonObject();
            foreach ((string name, JsonNode? value) in (JsonObject)tableNode)
            {
                copy[name] = name == "Keys" ? new JsonArray() : value?.DeepClone();
            }

            return copy;
        }
    }
}

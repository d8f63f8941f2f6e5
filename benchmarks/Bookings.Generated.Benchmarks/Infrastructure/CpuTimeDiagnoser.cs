using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// CPU time per operation of the benchmark process (user + kernel, all threads), and of the DynamoDB Local
    /// server when this process started it. Wall time against a database on the same two cores mostly measures
    /// the database and the scheduler; the client's own CPU time is the cost the repository adds or saves.
    /// </summary>
    /// <remarks>
    /// BenchmarkDotNet signals the host right before and right after the measured (actual) workload iterations and
    /// waits for the host to acknowledge, so the process CPU time read then covers exactly those iterations (plus
    /// the forced GC between iterations, which is the same for every benchmark). The result is divided by the
    /// operations those iterations ran.
    /// </remarks>
    public sealed class CpuTimeDiagnoser : IDiagnoser
    {
        private readonly ConcurrentDictionary<BenchmarkCase, (TimeSpan Client, TimeSpan? Server)> _started = new();
        private readonly ConcurrentDictionary<BenchmarkCase, (TimeSpan Client, TimeSpan? Server)> _used = new();
        private readonly Func<TimeSpan?> _serverCpu;

        /// <summary>Creates the diagnoser.</summary>
        /// <param name="serverCpu">The database server's CPU time so far, or null when it is not a local process.</param>
        public CpuTimeDiagnoser(Func<TimeSpan?> serverCpu)
        {
            _serverCpu = serverCpu;
        }

        /// <inheritdoc/>
        public IEnumerable<string> Ids => [nameof(CpuTimeDiagnoser)];

        /// <inheritdoc/>
        public IEnumerable<IExporter> Exporters => [];

        /// <inheritdoc/>
        public IEnumerable<IAnalyser> Analysers => [];

        /// <inheritdoc/>
        public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

        /// <inheritdoc/>
        public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => true;

        /// <inheritdoc/>
        public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            switch (signal)
            {
                case HostSignal.BeforeActualRun:
                    _started[parameters.BenchmarkCase] = (ProcessCpu(parameters.Process), _serverCpu());
                    break;
                case HostSignal.AfterActualRun:
                    var client = ProcessCpu(parameters.Process);
                    var server = _serverCpu();
                    if (_started.TryGetValue(parameters.BenchmarkCase, out var start))
                    {
                        _used[parameters.BenchmarkCase] = (client - start.Client, server - start.Server);
                    }

                    break;
            }
        }

        /// <inheritdoc/>
        public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
        {
            ArgumentNullException.ThrowIfNull(results);
            if (!_used.TryGetValue(results.BenchmarkCase, out var used) || results.TotalOperations <= 0)
            {
                yield break;
            }

            yield return new Metric(ClientCpuDescriptor.Instance, used.Client.Ticks * 100.0 / results.TotalOperations);
            if (used.Server is { } server)
            {
                yield return new Metric(ServerCpuDescriptor.Instance, server.Ticks * 100.0 / results.TotalOperations);
            }
        }

        /// <inheritdoc/>
        public void DisplayResults(ILogger logger)
        {
        }

        /// <inheritdoc/>
        public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

        private static TimeSpan ProcessCpu(Process process)
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        /// <summary>The column of the benchmark process's CPU time per operation.</summary>
        public sealed class ClientCpuDescriptor : IMetricDescriptor
        {
            /// <summary>The one instance.</summary>
            public static readonly ClientCpuDescriptor Instance = new();

            /// <inheritdoc/>
            public string Id => "ClientCpuTime";

            /// <inheritdoc/>
            public string DisplayName => "Client CPU/op";

            /// <inheritdoc/>
            public string Legend => "CPU time (user + kernel, all threads) the benchmark process used per operation";

            /// <inheritdoc/>
            public string NumberFormat => "N1";

            /// <inheritdoc/>
            public UnitType UnitType => UnitType.Time;

            /// <inheritdoc/>
            public string Unit => "ns";

            /// <inheritdoc/>
            public bool TheGreaterTheBetter => false;

            /// <inheritdoc/>
            public int PriorityInCategory => 0;

            /// <inheritdoc/>
            public bool GetIsAvailable(Metric metric) => true;
        }

        /// <summary>The column of the DynamoDB Local process's CPU time per operation.</summary>
        public sealed class ServerCpuDescriptor : IMetricDescriptor
        {
            /// <summary>The one instance.</summary>
            public static readonly ServerCpuDescriptor Instance = new();

            /// <inheritdoc/>
            public string Id => "ServerCpuTime";

            /// <inheritdoc/>
            public string DisplayName => "Server CPU/op";

            /// <inheritdoc/>
            public string Legend => "CPU time the DynamoDB Local process (a JVM on the same machine) used per operation";

            /// <inheritdoc/>
            public string NumberFormat => "N1";

            /// <inheritdoc/>
            public UnitType UnitType => UnitType.Time;

            /// <inheritdoc/>
            public string Unit => "ns";

            /// <inheritdoc/>
            public bool TheGreaterTheBetter => false;

            /// <inheritdoc/>
            public int PriorityInCategory => 1;

            /// <inheritdoc/>
            public bool GetIsAvailable(Metric metric) => true;
        }
    }
}

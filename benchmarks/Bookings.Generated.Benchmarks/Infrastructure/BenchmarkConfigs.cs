using System;
using System.Collections.Generic;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>The jobs of each suite, full and quick.</summary>
    public static class BenchmarkConfigs
    {
        /// <summary>Marshaling: sub-microsecond operations, many invocations per iteration.</summary>
        public static IConfig Marshaling(RunOptions options, CpuTimeDiagnoser cpu)
        {
            var job = options.Quick
                ? Job.Default.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100))
                : Job.Default.WithWarmupCount(5).WithIterationCount(20).WithIterationTime(TimeInterval.FromMilliseconds(250));
            return Common(options, job.WithId(options.Quick ? "Quick" : "Full")).AddDiagnoser(cpu);
        }

        /// <summary>End to end: single requests against DynamoDB Local, with CPU time per operation.</summary>
        public static IConfig EndToEnd(RunOptions options, CpuTimeDiagnoser cpu)
        {
            var job = options.Quick
                ? Job.Default.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(250))
                : Job.Default.WithWarmupCount(4).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(500));
            return Common(options, job.WithId(options.Quick ? "Quick" : "Full")).AddDiagnoser(cpu);
        }

        /// <summary>Batch writes of 10,000 items: seconds per operation, one invocation per iteration.</summary>
        public static IConfig BatchWrite(RunOptions options, CpuTimeDiagnoser cpu)
        {
            var job = Job.Default
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(1)
                .WithIterationCount(options.Quick ? 2 : 6);
            return Common(options, job.WithId(options.Quick ? "Quick" : "Full")).AddDiagnoser(cpu);
        }

        /// <summary>The generator: milliseconds to a second per run.</summary>
        public static IConfig Generator(RunOptions options, CpuTimeDiagnoser cpu)
        {
            var job = options.Quick
                ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(250))
                : Job.Default.WithWarmupCount(3).WithIterationCount(12).WithIterationTime(TimeInterval.FromMilliseconds(500));
            return Common(options, job.WithId(options.Quick ? "Quick" : "Full")).AddDiagnoser(cpu);
        }

        private static ManualConfig Common(RunOptions options, Job job)
        {
            if (options.InProcess)
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }
            else
            {
                // As the project's runtimeconfig sets it for the in-process mode: no thread-pool spinning (docs/benchmarks.md).
                job = job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0"));
            }

            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddLogger(ConsoleLogger.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddColumn(StatisticColumn.Median)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddExporter(MarkdownExporter.GitHub)
                .AddExporter(CsvExporter.Default)
                .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
                .WithArtifactsPath(options.ArtifactsPath)
                .WithOptions(ConfigOptions.DisableLogFile)
                // The machine is shared: under a load average of 20 on its 2 cores, the build of the benchmark project's
                // copy took longer than BenchmarkDotNet's default 2 minutes, which failed every out-of-process benchmark.
                .WithBuildTimeout(TimeSpan.FromMinutes(15));
            if (options.Filters.Count > 0)
            {
                config.AddFilter(new GlobFilter([.. options.Filters]));
            }

            return config;
        }
    }

    /// <summary>What the command line asked for.</summary>
    /// <param name="Quick">The quick mode: fewer iterations and parameter values, in process.</param>
    /// <param name="InProcess">Run the benchmarks in this process instead of one process per benchmark.</param>
    /// <param name="Suites">Which suites to run (a case-insensitive set).</param>
    /// <param name="Filters">BenchmarkDotNet glob filters on the full benchmark names.</param>
    /// <param name="ArtifactsPath">Where BenchmarkDotNet writes its reports, and where the ratio report goes.</param>
    public sealed record RunOptions(bool Quick, bool InProcess, IReadOnlySet<string> Suites, IReadOnlyList<string> Filters, string ArtifactsPath)
    {
        /// <summary>Every suite.</summary>
        public static readonly IReadOnlyList<string> AllSuites = ["marshaling", "e2e", "generator"];

        /// <summary>Whether a suite was asked for.</summary>
        public bool Runs(string suite) => Suites.Contains(suite);
    }
}

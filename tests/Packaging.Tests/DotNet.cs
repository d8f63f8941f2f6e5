using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bookings.Generated.Packaging.Tests
{
    /// <summary>What a finished command printed and returned.</summary>
    public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>The command and everything it printed, for assertion messages.</summary>
        public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s)\n{Output}";
    }

    /// <summary>
    /// Runs the .NET CLI the way a developer would in a shell, isolated from the <c>dotnet test</c> run that hosts
    /// these tests: MSBuild's own environment variables are not passed on, and no build server (MSBuild nodes,
    /// the compiler server) is left behind holding this process's output pipes.
    /// </summary>
    internal static class DotNet
    {
        /// <summary>The dotnet executable that runs these tests (set by the CLI for its children), else the one on PATH.</summary>
        public static string Executable =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        public static async Task<CommandResult> RunAsync(
            string workingDirectory,
            IEnumerable<string> arguments,
            IReadOnlyDictionary<string, string?>? environment = null,
            TimeSpan? timeout = null,
            string? executable = null)
        {
            var start = new ProcessStartInfo(executable ?? Executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in start.Environment.Keys.ToList())
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(name);
                }
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            if (environment is not null)
            {
                foreach (var (name, value) in environment)
                {
                    if (value is null)
                    {
                        start.Environment.Remove(name);
                    }
                    else
                    {
                        start.Environment[name] = value;
                    }
                }
            }

            var commandLine = Path.GetFileName(start.FileName) + " " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            DataReceivedEventHandler append = (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (output)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                lock (output)
                {
                    output.AppendLine($"[killed: still running after {stopwatch.Elapsed.TotalSeconds:0} s]");
                }
            }

            lock (output)
            {
                return new CommandResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
            }
        }
    }
}

using System;
using System.IO;

namespace Bookings.Generated.DynamoDbLocal.Tests;

/// <summary>Writes small scripts that stand in for the java executable, to test failure paths fast.</summary>
internal sealed class FakeJava : IDisposable
{
    private FakeJava(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    public string PidFile => System.IO.Path.Combine(Directory, "pid.txt");

    public string ParentPidFile => System.IO.Path.Combine(Directory, "ppid.txt");

    /// <summary>How often a script created with <c>countRuns: true</c> ran (Unix only).</summary>
    public int Runs
    {
        get
        {
            string file = System.IO.Path.Combine(Directory, "runs.txt");
            return File.Exists(file) ? File.ReadAllLines(file).Length : 0;
        }
    }

    /// <summary>A "java" that prints to stdout and stderr, then exits with <paramref name="exitCode"/>.</summary>
    public static FakeJava ExitingWith(int exitCode, string stdout, string stderr, bool countRuns = false) =>
        Create(
            (countRuns ? "echo run >> \"$(dirname \"$0\")/runs.txt\"\n" : string.Empty)
            + $"echo {stdout}\necho {stderr} >&2\nexit {exitCode}\n",
            $"@echo {stdout}\r\n@echo {stderr} 1>&2\r\n@exit /b {exitCode}\r\n");

    /// <summary>A "java" that prints a line, records its pid and then hangs (never answers).</summary>
    public static FakeJava Hanging(string stdout) =>
        Create(
            $"echo {stdout}\necho $$ > \"$(dirname \"$0\")/pid.txt\"\necho $PPID > \"$(dirname \"$0\")/ppid.txt\"\nexec sleep 60\n",
            $"@echo {stdout}\r\n@ping -n 60 127.0.0.1 > nul\r\n");

    private static FakeJava Create(string shellBody, string cmdBody)
    {
        string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fake-java-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (OperatingSystem.IsWindows())
        {
            string cmd = System.IO.Path.Combine(directory, "java.cmd");
            File.WriteAllText(cmd, cmdBody);
            return new FakeJava(directory, cmd);
        }

        string script = System.IO.Path.Combine(directory, "java");
        File.WriteAllText(script, "#!/bin/sh\n" + shellBody);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FakeJava(directory, script);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

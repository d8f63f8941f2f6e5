using System;
using System.IO;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>Finds the Java executable that runs DynamoDB Local.</summary>
internal static class JavaLocator
{
    internal const string MissingJavaAdvice =
        "DynamoDB Local needs Java 17 or newer (a JRE is enough). Install it (for example "
        + "'apt-get install openjdk-17-jre-headless' on Debian/Ubuntu, 'brew install openjdk@17' on macOS, "
        + "or Eclipse Temurin 17 from https://adoptium.net) and put 'java' on PATH or set JAVA_HOME; "
        + "or set the environment variable DYNAMODB_ENDPOINT to the URL of a running DynamoDB endpoint "
        + "(for example http://localhost:8000) so no local server has to be started.";

    /// <summary>
    /// Returns the Java executable to use: <paramref name="explicitPath"/> if given (it must exist),
    /// else <c>$JAVA_HOME/bin/java</c>, else the first <c>java</c> on <c>PATH</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Java executable was found.</exception>
    internal static string Locate(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (File.Exists(explicitPath))
            {
                return Path.GetFullPath(explicitPath);
            }

            throw new InvalidOperationException(
                $"The Java executable '{explicitPath}' does not exist. " + MissingJavaAdvice);
        }

        string executableName = OperatingSystem.IsWindows() ? "java.exe" : "java";

        string? javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrWhiteSpace(javaHome))
        {
            string candidate = Path.Combine(javaHome, "bin", executableName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string? path = Environment.GetEnvironmentVariable("PATH");
        if (!string.IsNullOrEmpty(path))
        {
            foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string candidate;
                try
                {
                    candidate = Path.Combine(directory.Trim('"'), executableName);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "Java was not found: 'java' is not on PATH"
            + (string.IsNullOrWhiteSpace(javaHome) ? " and JAVA_HOME is not set. " : $" and JAVA_HOME ('{javaHome}') has no bin/{executableName}. ")
            + MissingJavaAdvice);
    }
}

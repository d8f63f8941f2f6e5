using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Registers the runtime: validated options, the DynamoDB client, the table manager, transactions and the start-up
    /// table check (<see cref="DynamoRepositoryOptions.VerifyTablesAtStartup"/>, off by default).
    /// A schema's generated <c>Add…Repositories</c> then registers its repositories on top.
    /// </summary>
    public static class DynamoServiceCollectionExtensions
    {
        // Clients already warned about their own retries (SdkRetriesStacked is logged once per client).
        private static readonly ConditionalWeakTable<IAmazonDynamoDB, object?> Warned = new();

        /// <summary>
        /// Binds <see cref="DynamoRepositoryOptions"/> from <paramref name="configuration"/> (for example the
        /// <c>DynamoDb</c> section), validates them when the host starts, and registers the runtime's services.
        /// A client registered before this call is kept (the caller then owns its retry settings: when the AWS SDK's own
        /// retries are on, one warning, event 1103, names the settings to turn them off, when the first repository,
        /// table manager or transactions is resolved).
        /// </summary>
        public static IServiceCollection AddDynamoRepositories(this IServiceCollection services, IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(configuration);
            services.AddOptions<DynamoRepositoryOptions>().Bind(configuration).ValidateOnStart();
            return AddCore(services);
        }

        /// <summary>Like <see cref="AddDynamoRepositories(IServiceCollection, IConfiguration)"/>, configured in code.</summary>
        public static IServiceCollection AddDynamoRepositories(this IServiceCollection services, Action<DynamoRepositoryOptions> configure)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(configure);
            services.AddOptions<DynamoRepositoryOptions>().Configure(configure).ValidateOnStart();
            return AddCore(services);
        }

        /// <summary>
        /// Registers one generated repository as a singleton (repositories are thread-safe); generated
        /// <c>Add…Repositories</c> methods call this per table. Needs <c>AddDynamoRepositories</c>.
        /// </summary>
        public static IServiceCollection AddRepository<TService, TImplementation>(
            this IServiceCollection services,
            Func<IAmazonDynamoDB, DynamoRepositoryOptions, ILogger<TImplementation>?, TImplementation> create)
            where TService : class
            where TImplementation : class, TService
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(create);
            services.TryAddSingleton<TService>(provider => create(
                Client(provider),
                provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value,
                provider.GetService<ILogger<TImplementation>>()));
            return services;
        }

        /// <summary>
        /// Registers the tables a schema describes, so <see cref="DynamoRepositoryOptions.VerifyTablesAtStartup"/> checks
        /// them when the host starts; generated <c>Add…Repositories</c> methods call this with their schema's tables.
        /// A table registered twice is checked once.
        /// </summary>
        public static IServiceCollection AddTables(this IServiceCollection services, IEnumerable<TableDefinition> tables)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(tables);
            services.AddSingleton(new DescribedTables(tables.ToList()));
            return services;
        }

        private static IServiceCollection AddCore(IServiceCollection services)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoRepositoryOptions>, DynamoRepositoryOptionsValidator>());
            // Timestamps, retries, timeouts and circuit breakers keep time by the service's TimeProvider when it registers one.
            services.AddOptions<DynamoRepositoryOptions>().PostConfigure<IServiceProvider>(static (options, provider) =>
            {
                if (provider.GetService<TimeProvider>() is { } time)
                {
                    options.TimeProvider = time;
                }
            });
            services.TryAddSingleton<IAmazonDynamoDB>(provider => DynamoClientFactory.Create(provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value));
            services.TryAddSingleton(provider => new DynamoTableManager(
                Client(provider),
                provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value,
                provider.GetService<ILogger<DynamoTableManager>>()));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TableVerificationService>(provider => new TableVerificationService(
                provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value,
                provider.GetRequiredService<DynamoTableManager>(),
                provider.GetServices<DescribedTables>())));
            services.TryAddSingleton(provider => new DynamoTransactions(
                Client(provider),
                provider.GetRequiredService<IOptions<DynamoRepositoryOptions>>().Value,
                provider.GetService<ILogger<DynamoTransactions>>()));
            return services;
        }

        // The client, and once per client a warning when it retries by itself (error retries, or resends after a stale
        // pooled connection, which do not count against MaxErrorRetry): its retries would run under each of the runtime's
        // attempts, multiply them and resend writes unseen. Warned rather than changed, because the caller owns that
        // client. Logged when the first repository, table manager or transactions is resolved, not at start-up.
        private static IAmazonDynamoDB Client(IServiceProvider provider)
        {
            var client = provider.GetRequiredService<IAmazonDynamoDB>();
            if (client.Config is { } config && (config.MaxErrorRetry > 0 || config.MaxStaleConnectionRetries > 0) && Warned.TryAdd(client, null))
            {
                var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Bookings.Generated.Runtime");
                if (logger is not null)
                {
                    RuntimeLog.SdkRetriesStacked(logger, config.MaxErrorRetry, config.RetryMode.ToString(), config.MaxStaleConnectionRetries);
                }
            }

            return client;
        }
    }
}

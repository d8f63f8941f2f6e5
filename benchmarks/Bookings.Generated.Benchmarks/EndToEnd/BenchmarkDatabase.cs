using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Bookings.Generated.Benchmarks.Infrastructure;
using Bookings.Generated.Benchmarks.Marshaling;
using Bookings.Generated.DynamoDbLocal;
using Bookings.Generated.Runtime;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// The database of one end-to-end benchmark process: the endpoint in <c>DYNAMODB_ENDPOINT</c> (the host sets it
    /// to the DynamoDB Local it started) or an embedded DynamoDB Local, the booking tables (prefixed
    /// <see cref="BenchmarkSettings.TablePrefix"/>) and the three clients under comparison, all over one
    /// low-level client.
    /// </summary>
    public sealed class BenchmarkDatabase : IAsyncDisposable
    {
        private readonly DynamoDbTarget _target;

        private BenchmarkDatabase(DynamoDbTarget target)
        {
            _target = target;
            Client = target.CreateClient();
            Options = new DynamoRepositoryOptions { TableNamePrefix = BenchmarkSettings.TablePrefix };
            Bookings = new BookingRepository(Client, Options);
            Context = ContextFactory.Create(Client, BenchmarkSettings.TablePrefix);
        }

        /// <summary>The low-level client (retries off, as the fixture configures it).</summary>
        public IAmazonDynamoDB Client { get; }

        /// <summary>The repository options: the table prefix, defaults otherwise.</summary>
        public DynamoRepositoryOptions Options { get; }

        /// <summary>The generated repository, without a logger (as with logging below Information).</summary>
        public BookingRepository Bookings { get; }

        /// <summary>The <c>DynamoDBContext</c>, metadata fetching disabled.</summary>
        public IDynamoDBContext Context { get; }

        /// <summary>The booking table's physical name.</summary>
        public string BookingTable => Bookings.TableName;

        /// <summary>Connects and creates the booking tables if they do not exist.</summary>
        public static async Task<BenchmarkDatabase> OpenAsync()
        {
            var target = await DynamoDbEndpoint.ResolveAsync().ConfigureAwait(false);
            var database = new BenchmarkDatabase(target);
            await new DynamoTableManager(database.Client, database.Options).EnsureTablesAsync(BookingsSchema.Tables).ConfigureAwait(false);
            return database;
        }

        /// <summary>A booking with a valid key: store <c>biz</c>, booking <c>book</c>, the n-th phone number.</summary>
        public static Booking Booking(string biz, string book, int n) => BookingCase.Sample() with
        {
            Key = BookingKey.Create(biz, book, $"010-{1000 + (n / 10000):0000}-{n % 10000:0000}"),
        };

        /// <summary>Bookings 0 to <paramref name="count"/>-1 spread over partitions of 100.</summary>
        public static List<Booking> Bookings100PerPartition(string biz, int count)
        {
            var bookings = new List<Booking>(count);
            for (var i = 0; i < count; i++)
            {
                bookings.Add(Booking(biz, (100000 + (i / 100)).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 100));
            }

            return bookings;
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            Context.Dispose();
            Client.Dispose();
            await _target.DisposeAsync().ConfigureAwait(false);
        }
    }
}

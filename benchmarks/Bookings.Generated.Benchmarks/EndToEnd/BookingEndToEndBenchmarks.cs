using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bookings.Generated.Benchmarks.Marshaling;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// Get, put and a query of 100 items against DynamoDB Local, through the generated repository, through the
    /// low-level client issuing the same requests (same table, key, expressions, consistency and
    /// <c>ReturnConsumedCapacity</c>, items converted by the careful hand-written code), and through
    /// <c>DynamoDBContext</c> (metadata fetching disabled). The raw client is the baseline of each category.
    /// Compare the client CPU time per operation: see docs/benchmarks.md for why not the wall time.
    /// </summary>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class BookingEndToEndBenchmarks
    {
        private const string QueryBiz = "20231";
        private const string QueryBook = "100000";

        private BenchmarkDatabase _database = null!;
        private IAmazonDynamoDB _client = null!;
        private BookingRepository _repository = null!;
        private IDynamoDBContext _context = null!;
        private string _table = null!;
        private Booking _booking = null!;
        private BookingDocument _document = null!;

        /// <summary>Connects, creates the table and stores the item to get and the partition of 100 to query.</summary>
        /// <remarks>Synchronous: BenchmarkDotNet 0.14's in-process toolchain does not wait for an async setup.</remarks>
        [GlobalSetup]
        public void Setup() => SetupAsync().GetAwaiter().GetResult();

        private async Task SetupAsync()
        {
            _database = await BenchmarkDatabase.OpenAsync().ConfigureAwait(false);
            _client = _database.Client;
            _repository = _database.Bookings;
            _context = _database.Context;
            _table = _database.BookingTable;
            _booking = BookingCase.Sample();
            _document = BookingDocument.From(_booking);
            await _repository.PutAsync(_booking).ConfigureAwait(false);
            await _repository.PutManyAsync(BenchmarkDatabase.Bookings100PerPartition(QueryBiz, 100)).ConfigureAwait(false);

            // The three variants read the same data.
            var expected = AttributeMapsOf(_booking);
            Check(expected, AttributeMapsOf(await Repository_Get().ConfigureAwait(false)), "repository get");
            Check(expected, AttributeMapsOf(await Raw_Get().ConfigureAwait(false)), "raw get");
            Check(expected, Infrastructure.ContextFactory.ToItem(Infrastructure.ContextFactory.Context, (await DynamoDBContext_Get().ConfigureAwait(false))!), "DynamoDBContext get");
            if (await Repository_Query100().ConfigureAwait(false) != 100 || await Raw_Query100().ConfigureAwait(false) != 100 || await DynamoDBContext_Query100().ConfigureAwait(false) != 100)
            {
                throw new System.InvalidOperationException("A query did not return the 100 items of its partition.");
            }

            // Every variant's code paths are compiled and tiered up before any of them is measured, so in the quick
            // (in-process) mode the first benchmark does not pay the AWS SDK's warm-up for the others.
            for (var i = 0; i < 60; i++)
            {
                await Raw_Get().ConfigureAwait(false);
                await Repository_Get().ConfigureAwait(false);
                await DynamoDBContext_Get().ConfigureAwait(false);
                await Raw_Put().ConfigureAwait(false);
                await Repository_Put().ConfigureAwait(false);
                await DynamoDBContext_Put().ConfigureAwait(false);
                if (i % 6 == 0)
                {
                    await Raw_Query100().ConfigureAwait(false);
                    await Repository_Query100().ConfigureAwait(false);
                    await DynamoDBContext_Query100().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Disconnects.</summary>
        [GlobalCleanup]
        public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>GetItem through the low-level client, converted by hand-written code.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Get")]
        public async Task<Booking?> Raw_Get()
        {
            var key = _booking.Key;
            var response = await _client.GetItemAsync(new GetItemRequest
            {
                TableName = _table,
                Key = new Dictionary<string, AttributeValue>(2)
                {
                    ["booking_num"] = new AttributeValue { S = key.BookingNum },
                    ["phone"] = new AttributeValue { S = key.Phone },
                },
                ConsistentRead = false,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            }).ConfigureAwait(false);
            return response.Item is { Count: > 0 } item ? BookingHandWritten.FromItem(item) : null;
        }

        /// <summary><c>BookingRepository.GetAsync</c>.</summary>
        [Benchmark, BenchmarkCategory("Get")]
        public Task<Booking?> Repository_Get() => _repository.GetAsync(_booking.Key);

        /// <summary><c>DynamoDBContext.LoadAsync</c>.</summary>
        [Benchmark, BenchmarkCategory("Get")]
        public Task<BookingDocument> DynamoDBContext_Get() => _context.LoadAsync<BookingDocument>(_booking.BookingNum, _booking.Phone);

        /// <summary>PutItem through the low-level client, the item built by hand-written code.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Put")]
        public async Task Raw_Put()
            => await _client.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = BookingHandWritten.ToItem(_booking),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            }).ConfigureAwait(false);

        /// <summary><c>BookingRepository.PutAsync</c>.</summary>
        [Benchmark, BenchmarkCategory("Put")]
        public Task Repository_Put() => _repository.PutAsync(_booking);

        /// <summary><c>DynamoDBContext.SaveAsync</c>, which stores the whole object under its key.</summary>
        [Benchmark, BenchmarkCategory("Put")]
        public Task DynamoDBContext_Put() => _context.SaveAsync(_document);

        /// <summary>A query of one partition of 100 items through the low-level client, every page, converted by hand-written code.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Query100")]
        public async Task<int> Raw_Query100()
        {
            var request = new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "#n0 = :v0",
                ExpressionAttributeNames = new Dictionary<string, string>(1) { ["#n0"] = "booking_num" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(1) { [":v0"] = new AttributeValue { S = QueryBiz + "_" + QueryBook } },
                ScanIndexForward = true,
                ConsistentRead = false,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            var bookings = new List<Booking>();
            while (true)
            {
                var response = await _client.QueryAsync(request).ConfigureAwait(false);
                if (response.Items is { } items)
                {
                    foreach (var item in items)
                    {
                        bookings.Add(BookingHandWritten.FromItem(item));
                    }
                }

                if (response.LastEvaluatedKey is not { Count: > 0 } last)
                {
                    return bookings.Count;
                }

                request.ExclusiveStartKey = last;
            }
        }

        /// <summary><c>BookingRepository.QueryAsync</c>, every item of the partition.</summary>
        [Benchmark, BenchmarkCategory("Query100")]
        public async Task<int> Repository_Query100()
        {
            var bookings = new List<Booking>();
            await foreach (var booking in _repository.QueryAsync(QueryBiz, QueryBook).ConfigureAwait(false))
            {
                bookings.Add(booking);
            }

            return bookings.Count;
        }

        /// <summary><c>DynamoDBContext.QueryAsync(...).GetRemainingAsync()</c>.</summary>
        [Benchmark, BenchmarkCategory("Query100")]
        public async Task<int> DynamoDBContext_Query100()
            => (await _context.QueryAsync<BookingDocument>(QueryBiz + "_" + QueryBook).GetRemainingAsync().ConfigureAwait(false)).Count;

        private static Dictionary<string, AttributeValue> AttributeMapsOf(Booking? booking)
            => BookingHandWritten.ToItem(booking ?? throw new System.InvalidOperationException("The item was not found."));

        private static void Check(Dictionary<string, AttributeValue> expected, Dictionary<string, AttributeValue> actual, string what)
            => Infrastructure.AttributeMaps.AssertSame(expected, actual, what);
    }
}

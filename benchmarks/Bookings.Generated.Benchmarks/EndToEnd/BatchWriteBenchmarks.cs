using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using Bookings.Generated.Benchmarks.Marshaling;

namespace Bookings.Generated.Benchmarks.EndToEnd
{
    /// <summary>
    /// A batch write of 10,000 bookings (100 partitions of 100) against DynamoDB Local: the generated repository's
    /// <c>PutManyAsync</c>, the low-level client sending the same BatchWriteItem requests (25 items each, 4 in
    /// flight, unprocessed items resent), and <c>DynamoDBContext</c>'s batch write. One operation is the whole
    /// batch; throughput is 10,000 divided by its time, compared in docs/benchmarks.md with sequential puts.
    /// </summary>
    public class BatchWriteBenchmarks
    {
        /// <summary>Items per batch.</summary>
        public const int Items = 10_000;

        private const int Concurrency = 4;

        private BenchmarkDatabase _database = null!;
        private IAmazonDynamoDB _client = null!;
        private BookingRepository _repository = null!;
        private IDynamoDBContext _context = null!;
        private string _table = null!;
        private List<Booking> _bookings = null!;
        private List<BookingDocument> _documents = null!;

        /// <summary>Connects, creates the table and builds the 10,000 bookings.</summary>
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
            _bookings = BenchmarkDatabase.Bookings100PerPartition("30000", Items);
            _documents = _bookings.Select(BookingDocument.From).ToList();
        }

        /// <summary>Disconnects.</summary>
        [GlobalCleanup]
        public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>BatchWriteItem through the low-level client, items built by hand-written code.</summary>
        [Benchmark(Baseline = true)]
        public async Task Raw_BatchWrite10k()
        {
            using var gate = new SemaphoreSlim(Concurrency);
            var tasks = new List<Task>(Items / 25 + 1);
            for (var start = 0; start < _bookings.Count; start += 25)
            {
                var writes = new List<WriteRequest>(25);
                for (var i = start; i < Math.Min(start + 25, _bookings.Count); i++)
                {
                    writes.Add(new WriteRequest { PutRequest = new PutRequest { Item = BookingHandWritten.ToItem(_bookings[i]) } });
                }

                await gate.WaitAsync().ConfigureAwait(false);
                tasks.Add(WriteChunkAsync(writes, gate));
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        /// <summary><c>BookingRepository.PutManyAsync</c>.</summary>
        [Benchmark]
        public Task Repository_BatchWrite10k() => _repository.PutManyAsync(_bookings);

        /// <summary><c>DynamoDBContext.CreateBatchWrite</c>, <c>AddPutItems</c>, <c>ExecuteAsync</c>.</summary>
        [Benchmark]
        public Task DynamoDBContext_BatchWrite10k()
        {
            var batch = _context.CreateBatchWrite<BookingDocument>();
            batch.AddPutItems(_documents);
            return batch.ExecuteAsync();
        }

        private async Task WriteChunkAsync(List<WriteRequest> writes, SemaphoreSlim gate)
        {
            try
            {
                for (var round = 1; writes.Count > 0; round++)
                {
                    var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest
                    {
                        RequestItems = new Dictionary<string, List<WriteRequest>>(1) { [_table] = writes },
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    }).ConfigureAwait(false);
                    if (response.UnprocessedItems is null || !response.UnprocessedItems.TryGetValue(_table, out var left) || left is not { Count: > 0 })
                    {
                        return;
                    }

                    if (round == 8)
                    {
                        throw new InvalidOperationException($"{left.Count} writes were still unprocessed after 8 rounds.");
                    }

                    writes = left;
                    await Task.Delay(TimeSpan.FromMilliseconds(25 << round)).ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}

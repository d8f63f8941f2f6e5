using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    [Collection(DynamoDbCollection.Name)]
    public sealed class BatchTests
    {
        private readonly DynamoDbFixture _fixture;

        public BatchTests(DynamoDbFixture fixture) => _fixture = fixture;

        /// <summary>A new booking table and the batch helper over the fixture's client, with the table's retry options.</summary>
        private async Task<(string Table, DynamoBatches Batches)> BatchesOnNewTableAsync(string name)
        {
            var options = await BookingTables.CreateAsync(_fixture, name);
            var batches = new DynamoBatches(_fixture.Client, new DynamoOperationRunner(options, GuardedLogs.For<DynamoBatches>()));
            return (options.TableNames[BookingTable.Definition.EntityName], batches);
        }

        [Fact]
        public async Task A_thousand_item_batch_write_stores_everything_and_batch_get_reads_it_back()
        {
            var (table, batches) = await BatchesOnNewTableAsync("batch-1000");
            var bookings = Enumerable.Range(0, 1000).Select(BookingTables.Sample).ToList();

            // Duplicates of the first ten keys: only their last write may be sent, or DynamoDB rejects the batch.
            var writes = bookings.Select(b => ((object)b.Key, new WriteRequest { PutRequest = new PutRequest { Item = BookingMarshaller.ToItem(b) } }))
                .Concat(bookings.Take(10).Select(b => ((object)b.Key, new WriteRequest { PutRequest = new PutRequest { Item = BookingMarshaller.ToItem(b with { RemindSms = true }) } })))
                .ToList();
            await batches.WriteAsync(table, writes, default);

            var keys = bookings.Select(b => ((object)b.Key, b.Key.ToAttributeMap())).ToList();
            var items = await batches.GetAsync(table, keys, consistentRead: true, default);
            var read = items.Select(BookingMarshaller.FromItem).ToDictionary(b => b.Key);
            Assert.Equal(1000, read.Count);
            Assert.All(bookings.Take(10), b => Assert.True(read[b.Key].RemindSms));
            Assert.All(bookings.Skip(10), b => Assert.Equal(b, read[b.Key]));
        }

        [Fact]
        public async Task A_cancelled_batch_write_starts_no_more_chunks_and_throws_OperationCanceledException()
        {
            var (table, batches) = await BatchesOnNewTableAsync("batch-cancel");
            var bookings = Enumerable.Range(0, 2000).Select(BookingTables.Sample).ToList();
            using var cancellation = new System.Threading.CancellationTokenSource();
            var built = 0;

            // The fourth chunk cancels while its items are built: the chunks in flight end, no further chunk starts.
            WriteRequest Build(Booking booking)
            {
                if (System.Threading.Interlocked.Increment(ref built) == (3 * DynamoBatches.MaxWritesPerRequest) + 1)
                {
                    cancellation.Cancel();
                }

                return new WriteRequest { PutRequest = new PutRequest { Item = BookingMarshaller.ToItem(booking) } };
            }

            await Assert.ThrowsAnyAsync<System.OperationCanceledException>(
                () => batches.WriteAsync(table, bookings.Select(b => ((object)b.Key, b)).ToList(), Build, cancellation.Token));

            Assert.InRange(built, (3 * DynamoBatches.MaxWritesPerRequest) + 1, new BatchOptions().MaxConcurrency * DynamoBatches.MaxWritesPerRequest);
            var stored = await _fixture.Client.ScanAsync(new ScanRequest { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT, ConsistentRead = true });
            Assert.InRange(stored.Count ?? 0, 0, 3 * DynamoBatches.MaxWritesPerRequest);
        }

        [Fact]
        public async Task A_batch_against_a_missing_table_fails_with_a_typed_error()
        {
            var batches = new DynamoBatches(_fixture.Client, new DynamoOperationRunner(null, GuardedLogs.For<DynamoBatches>()));
            var booking = BookingTables.Sample(1);
            var writes = new List<(object, WriteRequest)> { (booking.Key, new WriteRequest { PutRequest = new PutRequest { Item = BookingMarshaller.ToItem(booking) } }) };
            await DynamoAssert.ThrowsAsync(DynamoErrorKind.TableNotFound, () => batches.WriteAsync(_fixture.UniqueTableName("missing"), writes, default));
        }
    }
}

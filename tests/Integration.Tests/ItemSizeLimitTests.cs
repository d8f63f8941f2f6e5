using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// DynamoDB's 400 KB item limit: the runtime's count agrees with DynamoDB Local byte for byte, every write of a
    /// repository refuses an item over it before sending anything, and a batch DynamoDB refuses for one item is
    /// narrowed down to that item while the others are written.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class ItemSizeLimitTests
    {
        private readonly DynamoDbFixture _fixture;

        public ItemSizeLimitTests(DynamoDbFixture fixture) => _fixture = fixture;

        /// <summary>The booking with a <c>memo</c> that makes its item exactly <paramref name="size"/> bytes as <see cref="ItemSize"/> counts it.</summary>
        private static Booking OfSize(Booking booking, long size)
        {
            var memo = new Dictionary<string, AttributeValue> { ["memo"] = new() { S = string.Empty } };
            var without = ItemSize.Of(BookingMarshaller.ToItem(booking with { ExtraAttributes = memo }));
            memo["memo"] = new AttributeValue { S = new string('m', (int)(size - without)) };
            var sized = booking with { ExtraAttributes = memo };
            Assert.Equal(size, ItemSize.Of(BookingMarshaller.ToItem(sized)));
            return sized;
        }

        /// <summary>Values of every kind, each in an item padded by a string to exactly 400 KB and to one byte more.</summary>
        public static TheoryData<string, string> Values() => new()
        {
            { "N", "1" }, { "N", "12" }, { "N", "123" }, { "N", "1.5" }, { "N", "123.4" }, { "N", "0.001" }, { "N", "-1" },
            { "N", "-1.5" }, { "N", "-123.45" }, { "N", "1E+10" }, { "N", "0" }, { "N", "12345678901234567890123456789012345678" },
            { "N", "-1.2345678901234567890123456789012345678" }, { "N", "-1.23456789012345678901234567890123456" }, { "N", "9.9E+125" }, { "N", "1E-130" },
            { "S", "한글 and é" }, { "B", "5" }, { "BOOL", "true" }, { "NULL", "true" }, { "SS", "ab,cde" }, { "NS", "1,-2.5,300" },
            { "L", "3" }, { "M", "2" },
        };

        [Theory]
        [MemberData(nameof(Values))]
        public async Task The_count_agrees_with_DynamoDB_Local_at_the_limit(string type, string sample)
        {
            var table = _fixture.UniqueTableName("size-agree");
            await _fixture.Client.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = new List<KeySchemaElement> { new("pk", KeyType.HASH) },
                AttributeDefinitions = new List<AttributeDefinition> { new("pk", ScalarAttributeType.S) },
            });
            var value = type switch
            {
                "N" => new AttributeValue { N = sample },
                "S" => new AttributeValue { S = sample },
                "B" => new AttributeValue { B = new MemoryStream(new byte[int.Parse(sample, CultureInfo.InvariantCulture)]) },
                "BOOL" => new AttributeValue { BOOL = true },
                "NULL" => new AttributeValue { NULL = true },
                "SS" => new AttributeValue { SS = sample.Split(',').ToList() },
                "NS" => new AttributeValue { NS = sample.Split(',').ToList() },
                "L" => new AttributeValue { L = Enumerable.Range(0, int.Parse(sample, CultureInfo.InvariantCulture)).Select(i => new AttributeValue { N = i.ToString(CultureInfo.InvariantCulture) }).ToList() },
                _ => new AttributeValue { M = Enumerable.Range(0, int.Parse(sample, CultureInfo.InvariantCulture)).ToDictionary(i => "k" + i, _ => new AttributeValue { L = new List<AttributeValue> { new() { S = "x" } } }) },
            };

            Dictionary<string, AttributeValue> Item(string pk, long size)
            {
                var item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = pk }, ["v"] = value, ["pad"] = new() { S = string.Empty } };
                item["pad"] = new AttributeValue { S = new string('p', (int)(size - ItemSize.Of(item))) };
                return item;
            }

            await _fixture.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("at", ItemSize.MaxBytes) });
            var over = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _fixture.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("over", ItemSize.MaxBytes + 1) }));
            Assert.Contains("Item size has exceeded", over.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Every_write_of_a_repository_stores_an_item_at_the_limit_and_refuses_one_byte_more_before_sending()
        {
            var options = await BookingTables.CreateAsync(_fixture, "size-writes");
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, FaultPlan.PassThrough);
            using var client = proxy.CreateClient();
            var repository = new BookingRepository(client, options, GuardedLogs.For<BookingRepository>());
            var transactions = new DynamoTransactions(client, options, GuardedLogs.For<DynamoTransactions>());

            var atLimit = OfSize(BookingTables.Sample(1), ItemSize.MaxBytes);
            await repository.PutAsync(atLimit);
            Assert.Equal(atLimit.ExtraAttributes["memo"].S, (await repository.GetAsync(atLimit.Key, new ReadOptions { ConsistentRead = true }))?.ExtraAttributes["memo"].S);
            Assert.True(await repository.CreateAsync(OfSize(BookingTables.Sample(2), ItemSize.MaxBytes)));
            await repository.PutManyAsync(new[] { OfSize(BookingTables.Sample(3), ItemSize.MaxBytes) });
            await transactions.WriteAsync(new[] { repository.TransactPut(OfSize(BookingTables.Sample(4), ItemSize.MaxBytes)) });
            var sent = proxy.Stats.TotalRequests;

            var over = OfSize(BookingTables.Sample(5), ItemSize.MaxBytes + 1);
            var writes = new Func<Task>[]
            {
                () => repository.PutAsync(over),
                () => repository.PutAsync(over, new WriteOptions { Condition = BookingFields.ConfirmSms.Equal(false) }),
                () => repository.CreateAsync(over),
                () => repository.PutManyAsync(new[] { BookingTables.Sample(6), over }),
                () => transactions.WriteAsync(new[] { repository.TransactPut(BookingTables.Sample(7)), repository.TransactPut(over) }),
            };
            foreach (var write in writes)
            {
                var refused = await Assert.ThrowsAsync<DynamoValidationException>(write);
                Assert.Equal(DynamoErrorKind.ItemTooLarge, refused.Kind);
                Assert.Equal("memo", refused.Attribute);
                Assert.Equal("BookingKey { BizId = 1051707, BookId = 5, Phone = 010-****-0005 }", refused.Key);
                Assert.Contains("409,601 bytes, over DynamoDB's item size limit of 409,600 bytes", refused.Message, StringComparison.Ordinal);
            }

            // Nothing was sent for any of them: the batch's valid booking 6 and the transaction's booking 7 neither.
            Assert.Equal(sent, proxy.Stats.TotalRequests);
            Assert.Null(await repository.GetAsync(over.Key, new ReadOptions { ConsistentRead = true }));
            Assert.Null(await repository.GetAsync(BookingTables.Sample(6).Key, new ReadOptions { ConsistentRead = true }));
        }

        /// <summary>An item DynamoDB refuses, written without the repository's checks.</summary>
        public static TheoryData<string> Refusals() => new() { "over 400 KB", "empty key", "nested too deep" };

        [Theory]
        [MemberData(nameof(Refusals))]
        public async Task A_batch_DynamoDB_refuses_for_one_item_writes_the_other_99_and_names_that_one(string fault)
        {
            var options = await BookingTables.CreateAsync(_fixture, "size-narrow");
            var table = options.TableNames[BookingTable.Definition.EntityName];
            var batches = new DynamoBatches(_fixture.Client, new DynamoOperationRunner(options, GuardedLogs.For<DynamoBatches>()));
            var bookings = Enumerable.Range(1, 100).Select(BookingTables.Sample).ToList();
            var writes = bookings.Select(b => ((object)b.Key, new WriteRequest { PutRequest = new PutRequest { Item = BookingMarshaller.ToItem(b) } })).ToList();
            var bad = bookings[57];
            var item = writes[57].Item2.PutRequest.Item;
            switch (fault)
            {
                case "over 400 KB":
                    item["memo"] = new AttributeValue { S = new string('m', ItemSize.MaxBytes) };
                    break;
                case "empty key":
                    item["booking_num"] = new AttributeValue { S = string.Empty };
                    break;
                default:
                    var nested = new AttributeValue { S = "x" };
                    for (var depth = 0; depth < 40; depth++)
                    {
                        nested = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["a"] = nested } };
                    }

                    item["deep"] = nested;
                    break;
            }

            var error = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(() => batches.WriteAsync(table, writes, default));

            Assert.Equal(new object[] { bad.Key }, error.PendingKeys);
            var rejection = Assert.Single(error.Rejected);
            Assert.Equal(bad.Key, rejection.Key);
            Assert.Contains(
                fault switch { "over 400 KB" => "Item size has exceeded", "empty key" => "empty string", _ => "Nesting Levels" },
                rejection.Reason,
                StringComparison.Ordinal);
            Assert.Null(error.InnerException);
            Assert.Contains("1 item(s) rejected by DynamoDB as invalid: BookingKey { BizId = 1051707, BookId = 58, Phone = 010-****-0058 } (", error.Message, StringComparison.Ordinal);

            var stored = await _fixture.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
            Assert.Equal(
                bookings.Where(b => b != bad).Select(b => b.BookingNum).Order(StringComparer.Ordinal),
                stored.Items.Select(i => BookingMarshaller.FromItem(i).BookingNum).Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_batch_get_DynamoDB_refuses_for_one_key_names_only_that_key()
        {
            var options = await BookingTables.CreateAsync(_fixture, "size-narrow-get");
            var table = options.TableNames[BookingTable.Definition.EntityName];
            var batches = new DynamoBatches(_fixture.Client, new DynamoOperationRunner(options, GuardedLogs.For<DynamoBatches>()));
            var bookings = Enumerable.Range(1, 30).Select(BookingTables.Sample).ToList();
            await new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>()).PutManyAsync(bookings);
            var keys = bookings.Select(b => ((object)b.Key, b.Key.ToAttributeMap())).ToList();
            keys[12].Item2["booking_num"] = new AttributeValue { S = string.Empty };

            var error = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(() => batches.GetAsync(table, keys, consistentRead: true, default));

            Assert.Equal(new object[] { bookings[12].Key }, error.PendingKeys);
            Assert.Contains("empty string", Assert.Single(error.Rejected).Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_repository_batch_names_the_item_DynamoDB_refuses_and_writes_the_rest()
        {
            var options = await BookingTables.CreateAsync(_fixture, "size-narrow-repo");
            var repository = new BookingRepository(_fixture.Client, options, GuardedLogs.For<BookingRepository>());
            var deep = new AttributeValue { S = "x" };
            for (var depth = 0; depth < 40; depth++)
            {
                deep = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["a"] = deep } };
            }

            // Nesting deeper than DynamoDB allows passes the runtime's checks and is refused by DynamoDB itself.
            var bookings = Enumerable.Range(1, 60).Select(BookingTables.Sample).ToList();
            bookings[3] = bookings[3] with { ExtraAttributes = new Dictionary<string, AttributeValue> { ["deep"] = deep } };
            bookings[41] = bookings[41] with { ExtraAttributes = new Dictionary<string, AttributeValue> { ["deep"] = deep } };

            var error = await Assert.ThrowsAsync<DynamoBatchIncompleteException>(() => repository.PutManyAsync(bookings));

            Assert.Equal(new[] { bookings[3].Key, bookings[41].Key }.ToHashSet(), error.PendingKeys.Cast<BookingKey>().ToHashSet());
            Assert.Equal(error.PendingKeys.ToHashSet(), error.Rejected.Select(r => r.Key).ToHashSet());
            Assert.All(error.Rejected, r => Assert.Contains("Nesting Levels", r.Reason, StringComparison.Ordinal));
            foreach (var booking in bookings)
            {
                var stored = await repository.GetAsync(booking.Key, new ReadOptions { ConsistentRead = true });
                Assert.Equal(booking == bookings[3] || booking == bookings[41], stored is null);
            }
        }
    }
}

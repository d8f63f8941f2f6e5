using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Files;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Binary (B) key attributes against DynamoDB Local (<c>files.tables.json</c>): a binary partition key, a
    /// binary sort key queried by range and prefix and paged, and a global index keyed on a binary attribute.
    /// Keys with bytes compare by content, keep their own copy, and refuse empty bytes before any request.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class BinaryKeyTests
    {
        private readonly DynamoDbFixture _fixture;

        public BinaryKeyTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(BlobRepository Blobs, ChunkRepository Chunks, string BlobTable, string ChunkTable)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, FilesSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            return (
                new BlobRepository(_fixture.Client, options, GuardedLogs.For<BlobRepository>()),
                new ChunkRepository(_fixture.Client, options, GuardedLogs.For<ChunkRepository>()),
                options.TableNames[BlobTable.Definition.EntityName],
                options.TableNames[ChunkTable.Definition.EntityName]);
        }

        private static byte[] Digest(string content) => SHA256.HashData(Encoding.UTF8.GetBytes(content));

        /// <summary>An offset as 8 big-endian bytes, so the byte order DynamoDB sorts by is the offset order.</summary>
        private static byte[] Offset(long offset)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(bytes, offset);
            return bytes;
        }

        private static Chunk Chunk(string file, long offset, byte[]? owner = null)
            => new() { Key = ChunkKey.Create(file, Offset(offset)), OwnerToken = owner, Data = new byte[] { (byte)offset } };

        [Fact]
        public async Task The_table_manager_declares_binary_key_attributes_as_B()
        {
            var (_, _, blobTable, chunkTable) = await CreateAsync("bin-create");

            var blobs = (await _fixture.Client.DescribeTableAsync(blobTable)).Table;
            Assert.Equal("B", blobs.AttributeDefinitions.Single(a => a.AttributeName == "digest").AttributeType.Value);
            var chunks = (await _fixture.Client.DescribeTableAsync(chunkTable)).Table;
            Assert.Equal("S", chunks.AttributeDefinitions.Single(a => a.AttributeName == "file_id").AttributeType.Value);
            Assert.Equal("B", chunks.AttributeDefinitions.Single(a => a.AttributeName == "offset").AttributeType.Value);
            Assert.Equal("B", chunks.AttributeDefinitions.Single(a => a.AttributeName == "owner_token").AttributeType.Value);
            Assert.Equal("by_owner", Assert.Single(chunks.GlobalSecondaryIndexes).IndexName);
        }

        [Fact]
        public async Task A_binary_partition_key_is_stored_as_B_and_reads_back_both_ways()
        {
            var (blobs, _, blobTable, _) = await CreateAsync("bin-pk");
            var digest = Digest("hello");
            await blobs.PutAsync(new Blob { Key = BlobKey.Create(digest), Size = 5, ContentType = "text/plain" });

            // Written by the generated code, read by the raw client: the key is B with exactly these bytes.
            var raw = (await _fixture.Client.GetItemAsync(blobTable, new Dictionary<string, AttributeValue> { ["digest"] = new() { B = new MemoryStream(digest) } })).Item;
            Assert.Equal(digest, raw["digest"].B.ToArray());
            Assert.Null(raw["digest"].S);

            // Written by the raw client, read by the generated code.
            var other = Digest("world");
            await _fixture.Client.PutItemAsync(blobTable, new Dictionary<string, AttributeValue>
            {
                ["digest"] = new() { B = new MemoryStream(other) },
                ["size"] = new() { N = "5" },
            });
            var read = await blobs.GetAsync(BlobKey.Create(other));
            Assert.NotNull(read);
            Assert.Equal(other, read.Key.Digest);
            Assert.Equal(5, read.Size);

            Assert.True(await blobs.DeleteAsync(BlobKey.Create(digest)));
            Assert.Null(await blobs.GetAsync(BlobKey.Create(digest)));
        }

        [Fact]
        public void Keys_with_bytes_compare_by_content_and_keep_their_own_copy()
        {
            var bytes = Digest("same");
            var key = BlobKey.Create(bytes);
            var equal = BlobKey.Create(Digest("same"));

            Assert.Equal(key, equal);
            Assert.Equal(key.GetHashCode(), equal.GetHashCode());
            Assert.NotEqual(key, BlobKey.Create(Digest("different")));
            Assert.Single(new HashSet<BlobKey> { key, equal });
            Assert.Equal(ChunkKey.Create("f", Offset(1)), ChunkKey.Create("f", Offset(1)));
            Assert.NotEqual(ChunkKey.Create("f", Offset(1)), ChunkKey.Create("g", Offset(1)));

            // Changing the caller's buffer afterwards changes neither the key nor its hash.
            var hash = key.GetHashCode();
            bytes[0] ^= 0xFF;
            Assert.Equal(equal, key);
            Assert.Equal(hash, key.GetHashCode());

            // Printed by size only, like binary attributes.
            Assert.Equal("BlobKey { Digest = <32 bytes> }", key.ToString());
        }

        [Fact]
        public void Empty_or_missing_key_bytes_are_refused_before_any_request()
        {
            var empty = Assert.Throws<DynamoValidationException>(() => BlobKey.Create(Array.Empty<byte>()));
            Assert.Contains("digest", empty.Message, StringComparison.Ordinal);
            Assert.Contains("must not be empty", empty.Message, StringComparison.Ordinal);
            Assert.Throws<DynamoValidationException>(() => BlobKey.Create(null!));
            Assert.Throws<DynamoValidationException>(() => ChunkSortKey.Equal(Array.Empty<byte>()));
            Assert.Throws<DynamoValidationException>(() => ChunkSortKey.BeginsWith(Array.Empty<byte>()));
            Assert.False(BlobKey.TryParse(null, out _));
            Assert.False(BlobKey.TryParse(Array.Empty<byte>(), out _));
        }

        [Fact]
        public async Task Batches_read_write_and_delete_items_with_binary_keys()
        {
            var (blobs, _, _, _) = await CreateAsync("bin-batch");
            var items = Enumerable.Range(0, 30).Select(i => new Blob { Key = BlobKey.Create(Digest("blob " + i)), Size = i }).ToList();
            await blobs.PutManyAsync(items);

            var keys = items.Select(i => i.Key).Append(BlobKey.Create(Digest("never stored"))).ToList();
            var found = await blobs.GetManyAsync(keys);
            Assert.Equal(30, found.Count);
            Assert.Equal(items.Select(i => i.Size).OrderBy(s => s), found.Select(b => b.Size).OrderBy(s => s));
            Assert.All(found, b => Assert.Equal(Digest("blob " + b.Size), b.Key.Digest));

            await blobs.DeleteManyAsync(items.Take(10).Select(i => i.Key));
            Assert.Equal(20, (await blobs.GetManyAsync(keys)).Count);
        }

        [Fact]
        public async Task A_binary_sort_key_orders_ranges_prefixes_and_pages_by_bytes()
        {
            var (_, chunks, _, _) = await CreateAsync("bin-sk");
            await chunks.PutManyAsync(new[] { 0L, 256, 512, 768, 1024, 70_000 }.Select(o => Chunk("file-1", o)).Append(Chunk("file-2", 0)));

            var all = await chunks.QueryAsync("file-1").ToListAsync();
            Assert.Equal(new long[] { 0, 256, 512, 768, 1024, 70_000 }, all.Select(c => BinaryPrimitives.ReadInt64BigEndian(c.Key.Offset)));

            var range = await chunks.QueryAsync("file-1", new QueryOptions { SortKey = ChunkSortKey.Between(Offset(256), Offset(768)) }).ToListAsync();
            Assert.Equal(new long[] { 256, 512, 768 }, range.Select(c => BinaryPrimitives.ReadInt64BigEndian(c.Key.Offset)));

            var after = await chunks.QueryAsync("file-1", new QueryOptions { SortKey = ChunkSortKey.GreaterThan(Offset(1024)) }).ToListAsync();
            Assert.Equal(70_000, BinaryPrimitives.ReadInt64BigEndian(Assert.Single(after).Key.Offset));

            // Offsets below 65,536 share their first six bytes (all zero): a binary begins_with.
            var small = await chunks.QueryAsync("file-1", new QueryOptions { SortKey = ChunkSortKey.BeginsWith(new byte[6]) }).ToListAsync();
            Assert.Equal(5, small.Count);

            // Page tokens carry the binary sort key of the last item read.
            var pages = new List<Chunk>();
            string? token = null;
            var count = 0;
            do
            {
                var page = await chunks.QueryPageAsync("file-1", pageSize: 4, continuationToken: token);
                pages.AddRange(page.Items);
                token = page.ContinuationToken;
                count++;
            }
            while (token is not null);

            Assert.True(count >= 2);
            Assert.Equal(all.Select(c => c.Key), pages.Select(c => c.Key));
        }

        [Fact]
        public async Task A_global_index_on_a_binary_attribute_finds_keys_and_is_sparse()
        {
            var (_, chunks, _, _) = await CreateAsync("bin-gsi");
            var alice = new byte[] { 1, 2, 3 };
            var bob = new byte[] { 1, 2, 4 };
            await chunks.PutManyAsync(new[]
            {
                Chunk("a", 0, alice),
                Chunk("a", 100, alice),
                Chunk("b", 0, bob),
                Chunk("c", 0),
            });

            var owned = await chunks.QueryByOwnerAsync(alice).ToListAsync();
            Assert.Equal(new[] { ChunkKey.Create("a", Offset(0)), ChunkKey.Create("a", Offset(100)) }, owned);
            Assert.Equal(ChunkKey.Create("a", Offset(100)), Assert.Single(await chunks.QueryByOwnerAsync(alice, new QueryOptions { SortKey = ChunkByOwnerSortKey.GreaterThan(Offset(0)) }).ToListAsync()));
            Assert.Equal(ChunkKey.Create("b", Offset(0)), Assert.Single(await chunks.QueryByOwnerAsync(bob).ToListAsync()));

            var first = await chunks.QueryByOwnerPageAsync(alice, pageSize: 1);
            Assert.NotNull(first.ContinuationToken);
            var second = await chunks.QueryByOwnerPageAsync(alice, pageSize: 1, continuationToken: first.ContinuationToken);
            Assert.Equal(owned, first.Items.Concat(second.Items));

            // The secret owner token never reaches a printed entity.
            var stored = await chunks.GetAsync(ChunkKey.Create("a", Offset(0)));
            Assert.NotNull(stored);
            Assert.Equal(alice, stored.OwnerToken);
            Assert.DoesNotContain("1, 2, 3", stored.ToString(), StringComparison.Ordinal);
        }
    }
}

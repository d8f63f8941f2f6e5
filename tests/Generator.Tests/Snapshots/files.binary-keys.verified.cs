// files.tables.json: Binary (B) keys: bytes in the key, written as B, compared and hashed by content and printed as a
// size; BeginsWith on a binary sort key; a global index on a secret binary attribute, with byte[] conditions on its
// binary sort key.

// BlobKey.ToString
/// <summary>Prints the key parts with personal parts masked and secret parts left out.</summary>
public override string ToString()
    => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"BlobKey {{ Digest = {(global::Bookings.Generated.Runtime.Internal.Summary.Bytes(Digest))} }}");

// ChunkKey.ToAttributeMap
/// <summary>The key as the attribute map a GetItem, UpdateItem or DeleteItem request takes.</summary>
public global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToAttributeMap()
    => new(2) { ["file_id"] = new() { S = FileId }, ["offset"] = new() { B = new global::System.IO.MemoryStream(Offset, writable: false) } };

// ChunkKey.SortKeyValue
/// <summary>The stored <c>offset</c> value for the given parts, validated and normalised like <see cref="Create"/>.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A part is missing or invalid.</exception>
public static global::Amazon.DynamoDBv2.Model.AttributeValue SortKeyValue(byte[] offset)
    => new() { B = new global::System.IO.MemoryStream(ValidOffset(offset), writable: false) };

// ChunkKey.Equals
/// <summary>Whether the other key has the same parts; bytes compare by content.</summary>
public bool Equals(ChunkKey? other)
    => other is not null && (ReferenceEquals(this, other) || (FileId == other.FileId && global::System.MemoryExtensions.SequenceEqual<byte>(Offset, other.Offset)));

// ChunkKey.GetHashCode
/// <summary>A hash of the parts, bytes by content, consistent with <see cref="Equals(ChunkKey?)"/>.</summary>
public override int GetHashCode()
{
    var hash = new global::System.HashCode();
    hash.Add(FileId);
    hash.AddBytes(Offset);
    return hash.ToHashCode();
}

// BlobFields.Digest
/// <summary><c>digest</c>, a key attribute, as stored.</summary>
public static readonly global::Bookings.Generated.Runtime.Field<byte[]> Digest =
    new("digest", static value => new global::Amazon.DynamoDBv2.Model.AttributeValue { B = new global::System.IO.MemoryStream(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(value, "Blob", "digest"), writable: false) });

// ChunkSortKey.BeginsWith
/// <summary>The sort key starts with <paramref name="prefix"/>, taken as given.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(byte[] prefix)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(prefix);

// ChunkByOwnerSortKey.Between
/// <summary>The index sort key lies between the given values, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(byte[] lowOffset, byte[] highOffset)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(new global::Amazon.DynamoDBv2.Model.AttributeValue { B = new global::System.IO.MemoryStream(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(lowOffset, "Chunk", "offset"), writable: false) }, new global::Amazon.DynamoDBv2.Model.AttributeValue { B = new global::System.IO.MemoryStream(global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(highOffset, "Chunk", "offset"), writable: false) });

// ChunkRepository.QueryByOwnerAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<ChunkKey> QueryByOwnerAsync(byte[] ownerToken, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(ChunkTable.ByOwnerIndex, global::Bookings.Generated.Integration.Tests.Files.ChunkMarshaller.OwnerTokenValue(ownerToken), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Chunk by_owner partition {{ OwnerToken = {(global::Bookings.Generated.Runtime.Internal.Redact.Secret(ownerToken))} }}"), options, ChunkMarshaller.KeyFromItem, cancellationToken);

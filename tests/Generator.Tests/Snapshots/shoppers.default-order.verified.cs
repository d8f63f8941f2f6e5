// shoppers.tables.json: An entity and an index declaring "order": "descending": their queries read newest first unless
// QueryOptions.Descending says otherwise.

// IShopperOrderRepository.QueryAsync
/// <summary>Every item of one partition in descending sort-key order (newest first) unless <c>options.Descending</c> is false, read lazily page by page; <c>options.SortKey</c> (from <see cref="ShopperOrderSortKey"/>) reads only the items whose sort key meets it.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A partition key part is invalid; raised at the call, before anything is sent.</exception>
global::System.Collections.Generic.IAsyncEnumerable<ShopperOrder> QueryAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

// ShopperOrderRepository.QueryAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<ShopperOrder> QueryAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadPartitionAsync(ShopperOrderKey.PartitionKeyValue(email), PartitionLabel(email), global::Bookings.Generated.Runtime.Internal.QueryOrder.NewestFirst(options), cancellationToken);

// ShopperOrderRepository.QueryPageAsync
/// <inheritdoc/>
public global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<ShopperOrder>> QueryPageAsync(string email, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadPartitionPageAsync(ShopperOrderKey.PartitionKeyValue(email), PartitionLabel(email), pageSize, continuationToken, global::Bookings.Generated.Runtime.Internal.QueryOrder.NewestFirst(options), cancellationToken);

// ShopperOrderRepository.QueryByStatusAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<ShopperOrder> QueryByStatusAsync(string status, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(ShopperOrderTable.ByStatusIndex, global::Bookings.Generated.Integration.Tests.Shoppers.ShopperOrderMarshaller.StatusValue(status), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"ShopperOrder by_status partition {{ Status = {status} }}"), global::Bookings.Generated.Runtime.Internal.QueryOrder.NewestFirst(options), ShopperOrderMarshaller.FromItem, cancellationToken);

// shop.tables.json: Global and local indexes: computed sparse keys (EMAIL#{email}, PHONE#{phone}) written on put and
// set or removed with their attribute; ALL, KEYS_ONLY and INCLUDE projections (the last two return keys); a local index
// on the table's partition key; typed conditions on index sort keys; a phone masked in the label.

// EmployeeTable.Definition
/// <summary>Keys, indexes and billing mode, enough to create the table.</summary>
public static global::Bookings.Generated.Runtime.TableDefinition Definition { get; } = new(
    "Employee",
    DefaultName,
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    new global::Bookings.Generated.Runtime.KeyAttributeDefinition("sk", global::Amazon.DynamoDBv2.ScalarAttributeType.S),
    global::Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
    Indexes: new global::Bookings.Generated.Runtime.IndexDefinition[]
    {
        new("by_email", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("gsi1_pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S), null, global::Amazon.DynamoDBv2.ProjectionType.ALL),
        new("by_phone", true, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("gsi2_pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S), new global::Bookings.Generated.Runtime.KeyAttributeDefinition("role", global::Amazon.DynamoDBv2.ScalarAttributeType.S), global::Amazon.DynamoDBv2.ProjectionType.KEYS_ONLY),
        new("by_hire_date", false, new global::Bookings.Generated.Runtime.KeyAttributeDefinition("pk", global::Amazon.DynamoDBv2.ScalarAttributeType.S), new global::Bookings.Generated.Runtime.KeyAttributeDefinition("hired_on", global::Amazon.DynamoDBv2.ScalarAttributeType.S), global::Amazon.DynamoDBv2.ProjectionType.INCLUDE, new[] { "name" }),
    });

// EmployeeTable.By*Index
/// <summary>The <c>by_email</c> global secondary index. Sparse: only staff with an email are in it.</summary>
public static global::Bookings.Generated.Runtime.IndexDefinition ByEmailIndex { get; } = Definition.Index("by_email");

/// <summary>The <c>by_phone</c> global secondary index.</summary>
public static global::Bookings.Generated.Runtime.IndexDefinition ByPhoneIndex { get; } = Definition.Index("by_phone");

/// <summary>The <c>by_hire_date</c> local secondary index.</summary>
public static global::Bookings.Generated.Runtime.IndexDefinition ByHireDateIndex { get; } = Definition.Index("by_hire_date");

// EmployeeMarshaller.ToItem
/// <summary>The item to store: validated and normalised.</summary>
/// <exception cref="global::Bookings.Generated.Runtime.DynamoValidationException">A required value is missing or a value is invalid.</exception>
public static global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToItem(Employee employee)
{
    global::System.ArgumentNullException.ThrowIfNull(employee);
    var key = global::Bookings.Generated.Runtime.Internal.InputValidation.NotNull(employee.Key, "Employee", "Key");
    var item = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>(9)
    {
        ["pk"] = new() { S = key.Pk },
        ["sk"] = new() { S = key.Sk },
        ["name"] = NameValue(employee.Name),
        ["role"] = RoleValue(employee.Role),
        ["hired_on"] = HiredOnValue(employee.HiredOn),
    };

    if (employee.Email is { } emailGiven)
    {
        item["email"] = EmailValue(emailGiven);
    }

    if (employee.Phone is { } phoneGiven)
    {
        item["phone"] = PhoneValue(phoneGiven);
    }

    global::Bookings.Generated.Runtime.Internal.IndexKeys.TryText(item, "email", out var emailText);
    global::Bookings.Generated.Runtime.Internal.IndexKeys.TryText(item, "phone", out var phoneText);

    if (emailText is not null)
    {
        item["gsi1_pk"] = global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("EMAIL#", emailText));
    }

    if (phoneText is not null)
    {
        item["gsi2_pk"] = global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("PHONE#", phoneText));
    }

    return item;
}

// EmployeeUpdate.SetEmail
/// <summary>Sets <c>email</c> and the index key <c>gsi1_pk</c> computed from it, in the same request.</summary>
public EmployeeUpdate SetEmail(string value)
{
    var stored = global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.EmailValue(value);
    Set<EmployeeUpdate>("email", stored);
    return Set<EmployeeUpdate>("gsi1_pk", global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("EMAIL#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(stored))));
}

// EmployeeUpdate.RemoveEmail
/// <summary>Removes <c>email</c> and the index key <c>gsi1_pk</c>, so the item leaves the index.</summary>
public EmployeeUpdate RemoveEmail()
{
    Remove<EmployeeUpdate>("email");
    return Remove<EmployeeUpdate>("gsi1_pk");
}

// IEmployeeRepository.QueryBy*
/// <summary>Every entry of one partition of the <c>by_email</c> index, read lazily page by page.</summary>
global::System.Collections.Generic.IAsyncEnumerable<Employee> QueryByEmailAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

/// <summary>One page of a partition of the <c>by_email</c> index, from the place <paramref name="continuationToken"/> marks; a token of another table or index is refused.</summary>
global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<Employee>> QueryByEmailPageAsync(string email, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

/// <summary>Every entry of one partition of the <c>by_phone</c> index (it projects only keys, so keys come back: read the items with <c>GetManyAsync</c>), read lazily page by page; <c>options.SortKey</c> (from <see cref="EmployeeByPhoneSortKey"/>) reads only the entries whose index sort key (<c>role</c>) meets it.</summary>
global::System.Collections.Generic.IAsyncEnumerable<EmployeeKey> QueryByPhoneAsync(string phone, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

/// <summary>One page of a partition of the <c>by_phone</c> index (it projects only keys, so keys come back: read the items with <c>GetManyAsync</c>), from the place <paramref name="continuationToken"/> marks; a token of another table or index is refused.</summary>
global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<EmployeeKey>> QueryByPhonePageAsync(string phone, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

/// <summary>Every entry of one partition of the <c>by_hire_date</c> index (it projects some attributes, so keys come back: read the items with <c>GetManyAsync</c>), read lazily page by page; <c>options.SortKey</c> (from <see cref="EmployeeByHireDateSortKey"/>) reads only the entries whose index sort key (<c>hired_on</c>) meets it.</summary>
global::System.Collections.Generic.IAsyncEnumerable<EmployeeKey> QueryByHireDateAsync(string storeId, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

/// <summary>One page of a partition of the <c>by_hire_date</c> index (it projects some attributes, so keys come back: read the items with <c>GetManyAsync</c>), from the place <paramref name="continuationToken"/> marks; a token of another table or index is refused.</summary>
global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<EmployeeKey>> QueryByHireDatePageAsync(string storeId, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

// EmployeeRepository.QueryByEmailAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<Employee> QueryByEmailAsync(string email, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(EmployeeTable.ByEmailIndex, global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("EMAIL#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.EmailValue(email)))), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Employee by_email partition {{ Email = {email} }}"), options, EmployeeMarshaller.FromItem, cancellationToken);

// EmployeeRepository.QueryByPhoneAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<EmployeeKey> QueryByPhoneAsync(string phone, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(EmployeeTable.ByPhoneIndex, global::Bookings.Generated.Runtime.Internal.IndexKeys.Value(string.Concat("PHONE#", global::Bookings.Generated.Runtime.Internal.IndexKeys.Text(global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.PhoneValue(phone)))), string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"Employee by_phone partition {{ Phone = {(global::Bookings.Generated.Runtime.PhoneNumber.Mask(phone))} }}"), options, EmployeeMarshaller.KeyFromItem, cancellationToken);

// EmployeeRepository.QueryByHireDateAsync
/// <inheritdoc/>
public global::System.Collections.Generic.IAsyncEnumerable<EmployeeKey> QueryByHireDateAsync(string storeId, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexAsync(EmployeeTable.ByHireDateIndex, EmployeeKey.PartitionKeyValue(storeId), PartitionLabel(storeId), options, EmployeeMarshaller.KeyFromItem, cancellationToken);

// EmployeeRepository.QueryByHireDatePageAsync
/// <inheritdoc/>
public global::System.Threading.Tasks.Task<global::Bookings.Generated.Runtime.Page<EmployeeKey>> QueryByHireDatePageAsync(string storeId, int pageSize, string? continuationToken = null, global::Bookings.Generated.Runtime.QueryOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
    => ReadIndexPageAsync(EmployeeTable.ByHireDateIndex, EmployeeKey.PartitionKeyValue(storeId), PartitionLabel(storeId), pageSize, continuationToken, options, EmployeeMarshaller.KeyFromItem, cancellationToken);

// EmployeeByPhoneSortKey.Equal
/// <summary>The index sort key equals the given value.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Equal(string role)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Equal(global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.RoleValue(role));

// EmployeeByPhoneSortKey.BeginsWith
/// <summary>The index sort key starts with <paramref name="prefix"/>.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition BeginsWith(string prefix)
    => global::Bookings.Generated.Runtime.SortKeyCondition.BeginsWith(prefix);

// EmployeeByHireDateSortKey.Between
/// <summary>The index sort key lies between the given values, both included.</summary>
public static global::Bookings.Generated.Runtime.SortKeyCondition Between(global::System.DateOnly lowHiredOn, global::System.DateOnly highHiredOn)
    => global::Bookings.Generated.Runtime.SortKeyCondition.Between(global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.HiredOnValue(lowHiredOn), global::Bookings.Generated.Integration.Tests.Shop.EmployeeMarshaller.HiredOnValue(highHiredOn));

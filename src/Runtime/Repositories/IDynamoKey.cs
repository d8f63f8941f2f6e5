using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>A generated key type: it knows the attribute map a request's <c>Key</c> takes.</summary>
    public interface IDynamoKey
    {
        /// <summary>The key attributes as a GetItem, UpdateItem or DeleteItem request takes them.</summary>
        Dictionary<string, AttributeValue> ToAttributeMap();
    }
}

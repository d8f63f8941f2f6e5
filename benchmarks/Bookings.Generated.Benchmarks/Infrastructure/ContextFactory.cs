using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Bookings.Generated.Benchmarks.Infrastructure
{
    /// <summary>
    /// <c>DynamoDBContext</c> set up the way a careful user would for speed: built with
    /// <c>DynamoDBContextBuilder</c>, table-metadata fetching disabled (no DescribeTable: the key schema comes
    /// from the <c>[DynamoDBHashKey]</c>/<c>[DynamoDBRangeKey]</c> attributes), conversion schema V2 (bools as
    /// BOOL, lists as L, sets as SS, as the generated code and the hand-written code store them) and empty
    /// strings kept (the generated code writes <c>""</c> defaults).
    /// </summary>
    public static class ContextFactory
    {
        /// <summary>The conversion every context here uses.</summary>
        public static readonly DynamoDBEntryConversion Conversion = DynamoDBEntryConversion.V2;

        private static readonly Lazy<IDynamoDBContext> LazyContext = new(() => Create(OfflineClient(), tableNamePrefix: null));

        /// <summary>
        /// A context for conversions only: its client points at a closed port and is never called, because
        /// <c>ToDocument</c>/<c>FromDocument</c> with metadata fetching disabled send nothing.
        /// </summary>
        public static IDynamoDBContext Context => LazyContext.Value;

        /// <summary>A context over a real client, for the end-to-end benchmarks.</summary>
        public static IDynamoDBContext Create(IAmazonDynamoDB client, string? tableNamePrefix)
            => new DynamoDBContextBuilder()
                .WithDynamoDBClient(() => client)
                .ConfigureContext(config =>
                {
                    config.DisableFetchingTableMetadata = true;
                    config.Conversion = Conversion;
                    config.IsEmptyStringValueEnabled = true;
                    config.TableNamePrefix = tableNamePrefix;
                })
                .Build();

        /// <summary><c>context.ToDocument(document).ToAttributeMap(...)</c> with the context's conversion.</summary>
        public static Dictionary<string, AttributeValue> ToItem<TDocument>(IDynamoDBContext context, TDocument document)
            => context.ToDocument(document).ToAttributeMap(Conversion, isEmptyStringValueEnabled: true);

        /// <summary><c>context.FromDocument&lt;T&gt;(Document.FromAttributeMap(item))</c>.</summary>
        public static TDocument FromItem<TDocument>(IDynamoDBContext context, Dictionary<string, AttributeValue> item)
            => context.FromDocument<TDocument>(Document.FromAttributeMap(item));

        private static AmazonDynamoDBClient OfflineClient()
            => new(
                new BasicAWSCredentials("offline", "offline"),
                new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" });
    }
}

using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bookings.Generated.Benchmarks.Infrastructure;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>
    /// One item shape to marshal: a sample entity, careful hand-written conversions of it, and the
    /// <c>DynamoDBContext</c> class that stands for it. Static, so the benchmarks call them directly (a struct
    /// type argument gets its own compiled code, with no virtual or delegate call in the measured path).
    /// </summary>
    /// <typeparam name="TEntity">The entity type the SDK (or the hand-written code) works with.</typeparam>
    /// <typeparam name="TDocument">The same data as a class mapped by <c>DynamoDBContext</c> attributes.</typeparam>
    public interface IMarshalingCase<TEntity, TDocument>
        where TEntity : class
        where TDocument : class
    {
        /// <summary>A realistic entity, the same for every call.</summary>
        static abstract TEntity CreateEntity();

        /// <summary>The same data as the <c>DynamoDBContext</c> class.</summary>
        static abstract TDocument ToDocumentModel(TEntity entity);

        /// <summary>The hand-written to-item: what a careful developer would write without the SDK.</summary>
        static abstract Dictionary<string, AttributeValue> HandWrittenToItem(TEntity entity);

        /// <summary>The hand-written from-item.</summary>
        static abstract TEntity HandWrittenFromItem(Dictionary<string, AttributeValue> item);
    }

    /// <summary>A case that the generator can already produce code for.</summary>
    public interface IGeneratedMarshalingCase<TEntity, TDocument> : IMarshalingCase<TEntity, TDocument>
        where TEntity : class
        where TDocument : class
    {
        /// <summary>The generated marshaller's <c>ToItem</c>.</summary>
        static abstract Dictionary<string, AttributeValue> GeneratedToItem(TEntity entity);

        /// <summary>The generated marshaller's <c>FromItem</c>.</summary>
        static abstract TEntity GeneratedFromItem(Dictionary<string, AttributeValue> item);
    }

    /// <summary>
    /// The hand-written baseline and <c>DynamoDBContext</c> for one item shape, to-item and from-item. Every
    /// variant reads the same entity or the same stored item; the setup checks that they all write and read
    /// the same attributes, so they are compared doing the same work.
    /// </summary>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public abstract class MarshalingBaselineBenchmarks<TCase, TEntity, TDocument>
        where TCase : struct, IMarshalingCase<TEntity, TDocument>
        where TEntity : class
        where TDocument : class
    {
        /// <summary>Category of the to-item benchmarks.</summary>
        public const string ToItemCategory = "ToItem";

        /// <summary>Category of the from-item benchmarks.</summary>
        public const string FromItemCategory = "FromItem";

        private TEntity _entity = null!;
        private TDocument _document = null!;
        private Dictionary<string, AttributeValue> _item = null!;

        /// <summary>The entity every to-item benchmark converts.</summary>
        protected TEntity Entity => _entity;

        /// <summary>The stored item every from-item benchmark reads.</summary>
        protected Dictionary<string, AttributeValue> Item => _item;

        /// <summary>Builds the inputs and checks that all variants agree on them.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _entity = TCase.CreateEntity();
            _document = TCase.ToDocumentModel(_entity);
            _item = TCase.HandWrittenToItem(_entity);

            var context = ContextFactory.Context;
            AttributeMaps.AssertSame(_item, ContextFactory.ToItem(context, _document), "DynamoDBContext to-item");
            AttributeMaps.AssertSame(_item, TCase.HandWrittenToItem(TCase.HandWrittenFromItem(_item)), "hand-written from-item");
            var read = ContextFactory.FromItem<TDocument>(context, _item);
            AttributeMaps.AssertSame(_item, ContextFactory.ToItem(context, read), "DynamoDBContext from-item");
            CheckGenerated();

            // Every variant tiered up before any is measured: in the quick (in-process) mode the variants share one
            // process, and the first one measured would otherwise still be running unoptimised code.
            WarmUp(() => HandWritten_ToItem());
            WarmUp(() => DynamoDBContext_ToItem());
            WarmUp(() => HandWritten_FromItem());
            WarmUp(() => DynamoDBContext_FromItem());
            WarmUpGenerated();
        }

        /// <summary>Runs an action for 300 ms, long enough for the JIT to compile it fully optimised.</summary>
        protected static void WarmUp(System.Action action)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 300)
            {
                for (var i = 0; i < 100; i++)
                {
                    action();
                }
            }
        }

        /// <summary>Warms the generated variants up, where there are any.</summary>
        protected virtual void WarmUpGenerated()
        {
        }

        /// <summary>Hand-written entity → item (the baseline of its category).</summary>
        [Benchmark(Baseline = true), BenchmarkCategory(ToItemCategory)]
        public Dictionary<string, AttributeValue> HandWritten_ToItem() => TCase.HandWrittenToItem(_entity);

        /// <summary><c>DynamoDBContext.ToDocument(...).ToAttributeMap()</c>.</summary>
        [Benchmark, BenchmarkCategory(ToItemCategory)]
        public Dictionary<string, AttributeValue> DynamoDBContext_ToItem() => ContextFactory.ToItem(ContextFactory.Context, _document);

        /// <summary>Hand-written item → entity (the baseline of its category).</summary>
        [Benchmark(Baseline = true), BenchmarkCategory(FromItemCategory)]
        public TEntity HandWritten_FromItem() => TCase.HandWrittenFromItem(_item);

        /// <summary><c>DynamoDBContext.FromDocument&lt;T&gt;(Document.FromAttributeMap(...))</c>.</summary>
        [Benchmark, BenchmarkCategory(FromItemCategory)]
        public TDocument DynamoDBContext_FromItem() => ContextFactory.FromItem<TDocument>(ContextFactory.Context, _item);

        /// <summary>Checks the generated variants against the same item, where there are any.</summary>
        protected virtual void CheckGenerated()
        {
        }
    }

    /// <summary>The baseline and <c>DynamoDBContext</c> benchmarks plus the generated marshaller's.</summary>
    public abstract class MarshalingBenchmarks<TCase, TEntity, TDocument> : MarshalingBaselineBenchmarks<TCase, TEntity, TDocument>
        where TCase : struct, IGeneratedMarshalingCase<TEntity, TDocument>
        where TEntity : class
        where TDocument : class
    {
        /// <summary>The generated <c>…Marshaller.ToItem</c>.</summary>
        [Benchmark, BenchmarkCategory(ToItemCategory)]
        public Dictionary<string, AttributeValue> Generated_ToItem() => TCase.GeneratedToItem(Entity);

        /// <summary>The generated <c>…Marshaller.FromItem</c>.</summary>
        [Benchmark, BenchmarkCategory(FromItemCategory)]
        public TEntity Generated_FromItem() => TCase.GeneratedFromItem(Item);

        /// <inheritdoc/>
        protected override void WarmUpGenerated()
        {
            WarmUp(() => Generated_ToItem());
            WarmUp(() => Generated_FromItem());
        }

        /// <inheritdoc/>
        protected override void CheckGenerated()
        {
            AttributeMaps.AssertSame(Item, TCase.GeneratedToItem(Entity), "generated to-item");
            AttributeMaps.AssertSame(Item, TCase.GeneratedToItem(TCase.GeneratedFromItem(Item)), "generated from-item");
        }
    }
}

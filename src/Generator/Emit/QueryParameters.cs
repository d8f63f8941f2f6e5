using System.Collections.Generic;
using System.Linq;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The parameters of a family of partition queries (a table's, an index's, a shared table's): the partition's parts,
    /// named as the descriptor names them, and the generated ones, which give way when a part has their name (a part
    /// <c>options</c> leaves <c>options1</c> for the query options).
    /// </summary>
    internal sealed class QueryParameters
    {
        public QueryParameters(IEnumerable<(string Type, string Name)> parts)
        {
            var names = new UniqueNames();
            Parts = parts.Select(p => (p.Type, names.Take(p.Name))).ToList();
            Options = names.Take("options");
            PageSize = names.Take("pageSize");
            ContinuationToken = names.Take("continuationToken");
            CancellationToken = names.Take("cancellationToken");
        }

        /// <summary>The partition's parts: their C# types and parameter names, in order.</summary>
        public IReadOnlyList<(string Type, string Name)> Parts { get; }

        public string Options { get; }

        public string PageSize { get; }

        public string ContinuationToken { get; }

        public string CancellationToken { get; }

        /// <summary>The parts as a parameter list, with ", " after it when there are any (a constant partition has none).</summary>
        public string Leading => Parts.Count == 0 ? string.Empty : Declarations + ", ";

        /// <summary>The parts as a parameter list.</summary>
        public string Declarations => string.Join(", ", Parts.Select(p => $"{p.Type} {p.Name}"));

        /// <summary>The parts as arguments, in order.</summary>
        public string Arguments => string.Join(", ", Parts.Select(p => p.Name));

        /// <summary>The trailing <c>QueryOptions? options = null, CancellationToken cancellationToken = default</c>.</summary>
        public string Trailing => $"{Code.Runtime}QueryOptions? {Options} = null, global::System.Threading.CancellationToken {CancellationToken} = default";

        /// <summary>The page parameters, <c>int pageSize, string? continuationToken = null</c>.</summary>
        public string Paging => $"int {PageSize}, string? {ContinuationToken} = null";
    }
}

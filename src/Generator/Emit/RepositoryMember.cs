using System.Collections.Generic;
using System.Linq;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// One member of a generated repository, described once: the interface declares it with its documentation, the class
    /// implements it with <c>inheritdoc</c>, so the two cannot drift apart.
    /// </summary>
    /// <param name="Summary">The XML doc summary.</param>
    /// <param name="Signature">The declaration without <c>public</c> or a body: <c>Task Foo(int bar)</c>, or a property's type and name.</param>
    /// <param name="Body">The expression the class returns.</param>
    /// <param name="Exceptions">XML doc <c>exception</c> elements, written under the summary.</param>
    internal sealed record RepositoryMember(string Summary, string Signature, string Body, params string[] Exceptions)
    {
        /// <summary>A read-only property (<c>string TableName { get; }</c>) rather than a method.</summary>
        public bool IsProperty { get; init; }

        /// <summary>
        /// The constructor every generated repository has: the client, then options and a logger that may be left out.
        /// </summary>
        /// <param name="typeName">The repository class.</param>
        /// <param name="settings">What the options hold, for the parameter's documentation.</param>
        /// <param name="initializer">A base call (<c>: base(…)</c>, given an empty body) or an expression body (<c>=> …;</c>).</param>
        public static string Constructor(string typeName, string settings, string initializer) => $$"""

            /// <summary>Creates the repository.</summary>
            /// <param name="client">The DynamoDB client; the caller owns it.</param>
            /// <param name="options">{{settings}}; defaults when null.</param>
            /// <param name="logger">Where operation logs go, with keys masked; nothing is logged when null.</param>
            public {{typeName}}(
                global::Amazon.DynamoDBv2.IAmazonDynamoDB client,
                {{Runtime}}DynamoRepositoryOptions? options = null,
                global::Microsoft.Extensions.Logging.ILogger<{{typeName}}>? logger = null)
                {{initializer}}{{(initializer.StartsWith(":", System.StringComparison.Ordinal) ? "\n{\n}" : string.Empty)}}
            """;

        /// <summary>The interface's declaration of each member, with its documentation.</summary>
        public static void Declare(SourceWriter w, IEnumerable<RepositoryMember> members)
        {
            foreach (var member in members)
            {
                var exceptions = string.Concat(member.Exceptions.Select(e => "\n/// " + e));
                w.Block($$"""

                    /// <summary>{{member.Summary}}</summary>{{exceptions}}
                    {{member.Signature}}{{(member.IsProperty ? " { get; }" : ";")}}
                    """);
            }
        }

        /// <summary>The class's implementation of each member.</summary>
        public static void Implement(SourceWriter w, IEnumerable<RepositoryMember> members)
        {
            foreach (var member in members)
            {
                w.Block(member.IsProperty
                    ? $$"""

                        /// <inheritdoc/>
                        public {{member.Signature}} => {{member.Body}};
                        """
                    : $$"""

                        /// <inheritdoc/>
                        public {{member.Signature}}
                            => {{member.Body}};
                        """);
            }
        }
    }
}

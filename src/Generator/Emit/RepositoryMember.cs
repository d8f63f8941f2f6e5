using System.Collections.Generic;

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
        /// <param name="w">The writer.</param>
        /// <param name="typeName">The repository class.</param>
        /// <param name="settings">What the options hold, for the parameter's documentation.</param>
        /// <param name="initializer">A base call (<c>: base(…)</c>, given an empty body) or an expression body (<c>=> …;</c>).</param>
        public static void WriteConstructor(SourceWriter w, string typeName, string settings, string initializer)
        {
            w.Summary("Creates the repository.");
            w.Line("/// <param name=\"client\">The DynamoDB client; the caller owns it.</param>");
            w.Line($"/// <param name=\"options\">{settings}; defaults when null.</param>");
            w.Line("/// <param name=\"logger\">Where operation logs go, with keys masked; nothing is logged when null.</param>");
            w.Line($"public {typeName}(");
            w.Indent();
            w.Line("global::Amazon.DynamoDBv2.IAmazonDynamoDB client,");
            w.Line("global::Bookings.Generated.Runtime.DynamoRepositoryOptions? options = null,");
            w.Line($"global::Microsoft.Extensions.Logging.ILogger<{typeName}>? logger = null)");
            w.Line(initializer);
            w.Outdent();
            if (initializer.StartsWith(":", System.StringComparison.Ordinal))
            {
                w.Open();
                w.Close();
            }
        }

        public static void Declare(SourceWriter w, IEnumerable<RepositoryMember> members)
        {
            foreach (var member in members)
            {
                w.Line();
                w.Summary(member.Summary);
                foreach (var exception in member.Exceptions)
                {
                    w.Line("/// " + exception);
                }

                w.Line(member.IsProperty ? member.Signature + " { get; }" : member.Signature + ";");
            }
        }

        public static void Implement(SourceWriter w, IEnumerable<RepositoryMember> members)
        {
            foreach (var member in members)
            {
                w.Line();
                w.Line("/// <inheritdoc/>");
                if (member.IsProperty)
                {
                    w.Line($"public {member.Signature} => {member.Body};");
                    continue;
                }

                w.Line("public " + member.Signature);
                w.Indent().Line($"=> {member.Body};").Outdent();
            }
        }
    }
}

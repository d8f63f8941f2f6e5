using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Sdk;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Cuts named types and members out of generated files, so that a snapshot shows the code of one feature and
    /// moves only when that code does. A selector is <c>Type</c> (the whole declaration) or <c>Type.Member</c>
    /// (every member of that name, overloads together, with its doc comment); <c>*</c> in a member name matches any
    /// text (<c>ProductMarshaller.*Codec</c>). A selector that matches nothing fails, naming what there is, so a
    /// renamed member cannot leave a snapshot silently empty.
    /// </summary>
    internal static class SnapshotCut
    {
        /// <summary>The text of every selection in the given order, each under a <c>// selector</c> line, de-indented.</summary>
        public static string Of(IEnumerable<SyntaxTree> trees, params string[] selectors)
        {
            var types = trees
                .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                .ToList();
            var text = new StringBuilder();
            foreach (var selector in selectors)
            {
                var dot = selector.IndexOf('.', StringComparison.Ordinal);
                var typeName = dot < 0 ? selector : selector.Substring(0, dot);
                var type = FindType(types, typeName);
                IEnumerable<SyntaxNode> selected = new[] { type };
                if (dot >= 0)
                {
                    var pattern = new Regex("^" + Regex.Escape(selector.Substring(dot + 1)).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
                    var members = Members(type).Where(member => Names(member).Any(pattern.IsMatch)).ToList();
                    if (members.Count == 0)
                    {
                        throw new XunitException(
                            $"Snapshot selector '{selector}' matches no member of {typeName}; it has: "
                            + string.Join(", ", Members(type).SelectMany(Names).Distinct()));
                    }

                    selected = members;
                }

                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append("// ").Append(selector).Append('\n');
                text.Append(Dedent(string.Concat(selected.Select(node => node.ToFullString()))));
            }

            return text.ToString();
        }

        private static BaseTypeDeclarationSyntax FindType(List<BaseTypeDeclarationSyntax> types, string name)
        {
            var matches = types.Where(t => t.Identifier.ValueText == name).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new XunitException(
                    $"Snapshot selector names no generated type '{name}'; generated: "
                    + string.Join(", ", types.Select(t => t.Identifier.ValueText).Distinct().OrderBy(n => n, StringComparer.Ordinal))),
                _ => throw new XunitException($"Snapshot selector '{name}' names {matches.Count} generated types."),
            };
        }

        private static IEnumerable<MemberDeclarationSyntax> Members(BaseTypeDeclarationSyntax type)
            => type switch
            {
                TypeDeclarationSyntax declaration => declaration.Members,
                EnumDeclarationSyntax enumeration => enumeration.Members,
                _ => Enumerable.Empty<MemberDeclarationSyntax>(),
            };

        /// <summary>The names a member declares: a field declaration can declare several.</summary>
        private static IEnumerable<string> Names(MemberDeclarationSyntax member)
            => member switch
            {
                BaseTypeDeclarationSyntax type => new[] { type.Identifier.ValueText },
                DelegateDeclarationSyntax @delegate => new[] { @delegate.Identifier.ValueText },
                MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
                ConstructorDeclarationSyntax constructor => new[] { constructor.Identifier.ValueText },
                PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
                EventDeclarationSyntax @event => new[] { @event.Identifier.ValueText },
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
                EnumMemberDeclarationSyntax value => new[] { value.Identifier.ValueText },
                IndexerDeclarationSyntax => new[] { "this" },
                OperatorDeclarationSyntax op => new[] { "operator" + op.OperatorToken.ValueText },
                _ => Enumerable.Empty<string>(),
            };

        /// <summary>Without leading blank lines, trailing white space and the indentation every line shares.</summary>
        private static string Dedent(string text)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd()).ToList();
            while (lines.Count > 0 && lines[0].Length == 0)
            {
                lines.RemoveAt(0);
            }

            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            var indent = lines.Where(line => line.Length > 0).Select(line => line.Length - line.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
            return string.Concat(lines.Select(line => (line.Length == 0 ? line : line.Substring(indent)) + "\n"));
        }
    }
}

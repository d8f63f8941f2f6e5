using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>An additional file (an MSBuild <c>AdditionalFiles</c> item) held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public string Text => _text.ToString();

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

        public override string ToString() => Path;
    }
}

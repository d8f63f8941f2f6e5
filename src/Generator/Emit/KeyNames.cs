using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The C# names inside a key type, all in one scope: its members, then the parameters its methods take for the
    /// parts and the composed keys, then its private members (<c>ValidBizId</c>, template, pattern and codec
    /// fields), then every generated local. Names from the descriptor are taken first and keep their spelling; a
    /// generated name that meets one gets a number. Since no parameter or local repeats a member or another's name
    /// anywhere in the type, none shadows a member a method refers to, and a constructor assigns <c>Id = id</c> without
    /// <c>this.</c>.
    /// </summary>
    internal sealed class KeyNames
    {
        /// <summary>
        /// What every key type has: its public API and what a record declares (a record may not declare <c>Clone</c>).
        /// The descriptor's names may not be these (the parser refuses them); every other name in a key type is made here.
        /// </summary>
        public static readonly string[] Members =
        {
            "Create", "TryParse", "ToAttributeMap", "PartitionKeyValue", "SortKeyValue", "SortKeyPrefix", "ToString", "Equals", "GetHashCode",
            "GetType", "EqualityContract", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize", "ReferenceEquals", "Clone",
        };

        private readonly UniqueNames _names;
        private readonly Dictionary<string, string> _parameters = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _keyParameters = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _checks = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _codecs = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _patterns = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _templates = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _locals = new(System.StringComparer.Ordinal);

        private KeyNames(TableModel table)
        {
            var parts = table.KeyParts;
            _names = new UniqueNames(Members
                .Concat(new[] { table.KeyTypeName })
                .Concat(parts.Select(p => p.PropertyName))
                .Concat(table.ComposedKeys.Select(k => k.PropertyName)));
            foreach (var part in parts)
            {
                _parameters[part.Name] = _names.Take(part.ParameterName);
            }

            foreach (var key in table.ComposedKeys)
            {
                _keyParameters[key.AttributeName] = _names.Take(Parsing.Names.ToParameterName(key.PropertyName));
            }

            foreach (var key in table.ComposedKeys)
            {
                _templates[key.AttributeName] = _names.Take(key.PropertyName + "Template");
            }

            foreach (var part in parts)
            {
                if (part.Pattern is not null)
                {
                    _patterns[part.Name] = _names.Take(part.PropertyName + "Pattern");
                }

                if (part.IsDate)
                {
                    _codecs[part.Name] = _names.Take(part.PropertyName + "Codec");
                }

                if (IsChecked(part))
                {
                    _checks[part.Name] = _names.Take("Valid" + part.PropertyName);
                }
            }
        }

        /// <summary>The names of <paramref name="table"/>'s key type; the same every time, so other types can name its codecs.</summary>
        public static KeyNames Of(TableModel table) => new(table);

        /// <summary>A part checked before use: text or bytes (which may be null), or a date; a number needs no check.</summary>
        public static bool IsChecked(KeyPartModel part) => part.Type is ValueKind.String or ValueKind.Binary || part.IsDate || part.Width is not null;

        /// <summary>The parameter through which methods of the key take <paramref name="part"/>.</summary>
        public string Parameter(KeyPartModel part) => _parameters[part.Name];

        /// <summary>
        /// The parameter through which <c>TryParse</c> and the constructor take the stored text of a key: a composed key's
        /// own, a plain key's part's.
        /// </summary>
        public string KeyParameter(KeyModel key) => key.IsSinglePart ? Parameter(key.Parts[0]) : _keyParameters[key.AttributeName];

        /// <summary>
        /// What an unwanted <c>out</c> argument is written as: <c>_</c>, or <c>var _</c> (always a discard) when a part's
        /// parameter is named <c>_</c>, which a bare <c>_</c> would then mean.
        /// </summary>
        public string Discard => _names.IsFree("_") ? "_" : "var _";

        /// <summary>The private method that checks and normalises a part, throwing when it is invalid.</summary>
        public string Check(KeyPartModel part) => _checks[part.Name];

        /// <summary>The internal field holding the codec of a date part.</summary>
        public string Codec(KeyPartModel part) => _codecs[part.Name];

        /// <summary>The private field holding the pattern of a text part.</summary>
        public string Pattern(KeyPartModel part) => _patterns[part.Name];

        /// <summary>The private field holding a composed key's template, which splits its stored text into its parts.</summary>
        public string Template(KeyModel key) => _templates[key.AttributeName];

        /// <summary>
        /// A generated local, the same name for the same <paramref name="preferred"/> everywhere in the type
        /// (<c>problem</c>, <c>result</c>, <c>createdAtText</c>).
        /// </summary>
        public string Local(string preferred)
        {
            if (!_locals.TryGetValue(preferred, out var name))
            {
                name = _names.Take(preferred);
                _locals.Add(preferred, name);
            }

            return name;
        }

        /// <summary>A generated local belonging to <paramref name="part"/>: its parameter name with a suffix (<c>bizIdText</c>).</summary>
        public string Local(KeyPartModel part, string suffix) => Local(UniqueNames.Bare(Parameter(part)) + suffix);
    }
}

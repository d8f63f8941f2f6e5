using System.Collections.Generic;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// The names of one scope of generated code (a method's parameters and locals, a type's private members), each
    /// unique: a name already taken gets the first free number (<c>options1</c>). Names made from the descriptor are
    /// taken first, so they keep their spelling and the generated ones give way, and no list of reserved names has to
    /// be kept in step with what the emitters write (as Mapperly's <c>UniqueNameBuilder</c>).
    /// </summary>
    internal sealed class UniqueNames
    {
        private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

        /// <summary>A scope where <paramref name="reserved"/> are already taken, as they are (not renamed).</summary>
        public UniqueNames(params string[] reserved)
            : this((IEnumerable<string>)reserved)
        {
        }

        /// <inheritdoc cref="UniqueNames(string[])"/>
        public UniqueNames(IEnumerable<string> reserved)
        {
            foreach (var name in reserved)
            {
                _taken.Add(Bare(name));
            }
        }

        /// <summary>
        /// <paramref name="preferred"/> if it is free, otherwise it with the first number that makes it free; the name
        /// is taken from then on. A keyword keeps its <c>@</c> (<c>@class</c>); with a number it needs none.
        /// </summary>
        public string Take(string preferred)
        {
            var bare = Bare(preferred);
            if (_taken.Add(bare))
            {
                return preferred;
            }

            for (var i = 1; ; i++)
            {
                var candidate = bare + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (_taken.Add(candidate))
                {
                    return candidate;
                }
            }
        }

        /// <summary>Whether <paramref name="name"/> is free (nothing is taken).</summary>
        public bool IsFree(string name) => !_taken.Contains(Bare(name));

        /// <summary>The identifier without the <c>@</c> that escapes a keyword: <c>@class</c> and <c>class</c> are one name.</summary>
        public static string Bare(string name) => name.Length > 0 && name[0] == '@' ? name.Substring(1) : name;
    }
}

using System;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// Builds the path of a value inside an attribute (<c>addresses[2].city</c>) on the error path only:
    /// a nested codec throws with its own part of the path and each enclosing codec prefixes its part,
    /// so successful conversions never build a path string.
    /// </summary>
    internal static class AttributePath
    {
        /// <summary>Joins a parent path and a child path: <c>a</c> + <c>[1]</c> = <c>a[1]</c>, <c>a</c> + <c>b</c> = <c>a.b</c>.</summary>
        public static string Join(string parent, string child)
        {
            if (child.Length == 0)
            {
                return parent;
            }

            if (parent.Length == 0 || child[0] == '[')
            {
                return parent + child;
            }

            return parent + "." + child;
        }

        /// <summary>The same validation problem, one level further out.</summary>
        public static DynamoValidationException Within(DynamoValidationException inner, string entity, string parent)
            => new(entity, Join(parent, inner.Attribute), inner.Problem);

        /// <summary>The same mapping problem, one level further out.</summary>
        public static DynamoMappingException Within(DynamoMappingException inner, string entity, string parent, string? key)
            => new(entity, Join(parent, inner.Attribute), inner.Expected, inner.Found, key);

        /// <summary>A value inside an attribute is invalid; the enclosing codecs add entity and path.</summary>
        public static DynamoValidationException Invalid(string problem) => new(string.Empty, string.Empty, problem);

        /// <summary>A required value inside an attribute is null.</summary>
        public static DynamoValidationException Required() => Invalid(InputValidation.RequiredProblem);

        /// <summary>A stored value inside an attribute has another type.</summary>
        public static DynamoMappingException Mismatch(string expected, AttributeValue found)
            => new(string.Empty, string.Empty, expected, StoredTypes.Describe(found), null);

        /// <summary>Stored text inside an attribute does not fit the C# type.</summary>
        public static DynamoMappingException Unreadable(string expected, string found)
            => new(string.Empty, string.Empty, expected, found, null);

        /// <summary>An index into a collection, as a path part.</summary>
        public static string Index(int index) => "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

        /// <summary>A key of a map, as a path part (quoted, since keys may hold any text).</summary>
        public static string MapKey(string key) => "[\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
    }
}

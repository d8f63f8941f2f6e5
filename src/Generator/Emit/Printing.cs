using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>How generated code prints values: personal data masked, secrets left out, bytes and collections by size.</summary>
    internal static class Printing
    {
        /// <summary>
        /// The interpolation hole's expression that prints a value according to its sensitivity, bytes by their
        /// size only and dates in ISO 8601; parenthesised, since a bare <c>global::</c> would read as a format string.
        /// </summary>
        public static string Printed(string expression, ValueKind kind, Sensitivity sensitivity) => sensitivity switch
        {
            Sensitivity.Phone or Sensitivity.PhoneE164 => $"({Runtime}PhoneNumber.{Phones.Mask(sensitivity)}({expression}))",
            Sensitivity.Personal => $"({Internal}Redact.Personal({expression}))",
            Sensitivity.Secret => $"({Internal}Redact.Secret({expression}))",
            _ when kind == ValueKind.Binary => $"({Internal}Summary.Bytes({expression}))",
            _ when DateFormat(kind) is { } format => $"{expression}:{format}",
            _ => expression,
        };

        /// <summary><c>Name = {value}</c> for a printed record: masked by sensitivity, collections and bytes by size only.</summary>
        public static string PrintedMember(AttributeModel attribute)
        {
            var printed = attribute.Sensitivity != Sensitivity.None
                ? Printed(attribute.PropertyName, attribute.Kind, attribute.Sensitivity)
                : attribute.Kind switch
                {
                    ValueKind.List or ValueKind.Set or ValueKind.Map => $"({Internal}Summary.Items({attribute.PropertyName}))",
                    // An interpolation hole prints a null as nothing; every printer above prints it as null, and so does this.
                    not ValueKind.Binary when attribute.IsNullable => DateFormat(attribute.Kind) is { } format
                        ? $"({Internal}Summary.Value({attribute.PropertyName}, {Literals.String(format)}))"
                        : $"({Internal}Summary.Value({attribute.PropertyName}))",
                    _ => Printed(attribute.PropertyName, attribute.Kind, Sensitivity.None),
                };
            return $"{attribute.PropertyName} = {{{printed}}}";
        }

        /// <summary>A <c>ToString()</c> override that prints <paramref name="members"/> (<c>Name = {hole}</c>) after the type's name.</summary>
        public static string ToStringOverride(string summary, string typeName, IEnumerable<string> members)
        {
            var text = $"{typeName} {{{{ {string.Join(", ", members)} }}}}";
            return $$"""

                /// <summary>{{summary}}</summary>
                public override string ToString()
                    => string.Create({{Invariant}}, $"{{text}}");
                """;
        }

        /// <summary>
        /// The expression that prints a partition for logs (<c>Booking partition { BizId = 1, … }</c>), each part
        /// masked the way the key type prints it; used by table, index and shared-table queries alike.
        /// </summary>
        public static string PartitionLabel(string subject, IEnumerable<(string PropertyName, string ParameterName, ValueKind Kind, Sensitivity Sensitivity)> parts)
        {
            var printed = string.Join(", ", parts.Select(p => $"{p.PropertyName} = {{{Printed(p.ParameterName, p.Kind, p.Sensitivity)}}}"));
            return $"string.Create({Invariant}, $\"{subject} partition {{{{ {printed} }}}}\")";
        }

        /// <summary>The format a date of this kind prints in (ISO 8601, to the day for a date); null for other kinds.</summary>
        private static string? DateFormat(ValueKind kind) => kind switch
        {
            ValueKind.DateTimeOffset or ValueKind.DateTime => "o",
            ValueKind.Date => "yyyy-MM-dd",
            _ => null,
        };
    }
}

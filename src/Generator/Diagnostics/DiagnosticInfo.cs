using System;
using System.Linq;
using Bookings.Generated.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Bookings.Generated.Generator.Diagnostics
{
    /// <summary>A diagnostic as an equatable value: descriptor, position and message arguments.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => new(descriptor, location, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());

        public bool Equals(DiagnosticInfo? other)
            => other is not null
               && string.Equals(Descriptor.Id, other.Descriptor.Id, StringComparison.Ordinal)
               && Equals(Location, other.Location)
               && Arguments.Equals(other.Arguments);

        public override int GetHashCode() => (Descriptor.Id.GetHashCode() * 31) + Arguments.GetHashCode();
    }
}

namespace Bookings.Generated.Generator
{
    /// <summary>Names of the pipeline steps, so tests can assert which steps stayed cached.</summary>
    internal static class TrackingNames
    {
        public const string Descriptors = nameof(Descriptors);
        public const string Parsed = nameof(Parsed);
        public const string Models = nameof(Models);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Clashes = nameof(Clashes);
        public const string ClashReports = nameof(ClashReports);
        public const string Classifies = nameof(Classifies);
    }
}

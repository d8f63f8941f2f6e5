using System;
using System.IO;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>Finds files of the repository from wherever the tests run (bin/, an IDE, CI).</summary>
    internal static class RepoPaths
    {
        private const string SolutionFile = "Bookings.Generated.sln";

        private static readonly Lazy<string> LazyRoot = new(FindRoot);

        /// <summary>The directory holding <c>Bookings.Generated.sln</c>.</summary>
        public static string Root => LazyRoot.Value;

        /// <summary>The real descriptor the Bookings project generates from.</summary>
        public static string BookingsDescriptor => Path.Combine(Root, "schema", "bookings.tables.json");

        /// <summary>The wide descriptor with every attribute type, which the integration tests compile.</summary>
        public static string CatalogDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "catalog.tables.json");

        /// <summary>Provisioned tables (one of one entity, one shared) with capacities, which the integration tests create and verify.</summary>
        public static string WarehouseDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "warehouse.tables.json");
        /// <summary>Counters, timestamps and normalised values (issue 21): the integration tests run this one.</summary>
        public static string ProfilesDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "profiles.tables.json");

        /// <summary>The integration tests' descriptor: composite keys, TTL, versioning and secondary indexes.</summary>
        public static string ShopDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "shop.tables.json");

        /// <summary>The single-table descriptor: three entity types in one table, with a global index.</summary>
        public static string FilesDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "files.tables.json");

        public static string StoresDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "stores.tables.json");

        /// <summary>Date and time parts in key templates: ISO 8601, a date pattern, and a date-time pattern in a declared offset.</summary>
        public static string PurchasesDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "purchases.tables.json");

        public static string ReadingsDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "readings.tables.json");

        /// <summary>A table keyed by a template of one stored attribute (<c>pk</c> = <c>{email}</c>), with a local index.</summary>
        public static string CustomersDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "customers.tables.json");

        public static string UsersDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "users.tables.json");
        /// <summary>A key part declared on a shared table, fixed-width number parts, and queries newest first by default.</summary>
        public static string ShoppersDescriptor => Path.Combine(Root, "tests", "Integration.Tests", "shoppers.tables.json");

        private static string FindRoot()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                    {
                        return directory.FullName;
                    }
                }
            }

            throw new InvalidOperationException($"No {SolutionFile} found above {AppContext.BaseDirectory}.");
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// The emitted code, file by file, against reviewed snapshots in <c>Snapshots/</c>; and proof that it
    /// compiles with no warning in a project as strict as the repository's.
    /// Run with <c>ACCEPT_SNAPSHOTS=1</c> to accept an intended change, then review the diff in git.
    /// </summary>
    public sealed class SnapshotTests
    {
        [Fact]
        public void Bookings_descriptor_generates_one_file_per_type()
        {
            var run = GeneratorHarness.Run(Schemas.BookingsPath, Schemas.Bookings);

            Assertions.NoCrash(run);
            Assert.Equal(
                new[]
                {
                    "Bookings.Booking.g.cs",
                    "Bookings.BookingFields.g.cs",
                    "Bookings.BookingFlag.g.cs",
                    "Bookings.BookingFlags.g.cs",
                    "Bookings.BookingKey.g.cs",
                    "Bookings.BookingMarshaller.g.cs",
                    "Bookings.BookingRepository.g.cs",
                    "Bookings.BookingSortKey.g.cs",
                    "Bookings.BookingTable.g.cs",
                    "Bookings.BookingUpdate.g.cs",
                    "Bookings.BookingsSchema.g.cs",
                    "Bookings.Session.g.cs",
                    "Bookings.SessionFields.g.cs",
                    "Bookings.SessionKey.g.cs",
                    "Bookings.SessionMarshaller.g.cs",
                    "Bookings.SessionRepository.g.cs",
                    "Bookings.SessionTable.g.cs",
                    "Bookings.SessionUpdate.g.cs",
                },
                run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void Bookings_descriptor_matches_snapshots()
            => VerifySnapshots("bookings.", GeneratorHarness.Run(Schemas.BookingsPath, Schemas.Bookings));

        [Fact]
        public void Bookings_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings) }),
                GeneratorHarness.CreateCompilation(BookingsUsage)));

        [Fact]
        public void Orders_descriptor_matches_snapshots()
            => VerifySnapshots("orders.", GeneratorHarness.Run(Schemas.OrdersPath, Schemas.Orders));

        [Fact]
        public void Orders_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.OrdersPath, Schemas.Orders));

        [Fact]
        public void Accounts_descriptor_matches_snapshots()
            => VerifySnapshots("accounts.", GeneratorHarness.Run(Schemas.AccountsPath, Schemas.Accounts));

        [Fact]
        public void Accounts_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.AccountsPath, Schemas.Accounts));

        [Fact]
        public void Telemetry_descriptor_matches_snapshots()
            => VerifySnapshots("telemetry.", GeneratorHarness.Run(Schemas.TelemetryPath, Schemas.Telemetry));

        [Fact]
        public void Telemetry_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.TelemetryPath, Schemas.Telemetry));

        [Fact]
        public void Shop_descriptor_matches_snapshots()
            => VerifySnapshots("shop.", GeneratorHarness.Run(Schemas.ShopPath, Schemas.Shop));

        [Fact]
        public void Shop_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.ShopPath, Schemas.Shop));

        [Fact]
        public void Stores_descriptor_matches_snapshots()
            => VerifySnapshots("stores.", GeneratorHarness.Run(Schemas.StoresPath, Schemas.Stores));

        [Fact]
        public void Stores_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.StoresPath, Schemas.Stores));

        [Fact]
        public void Files_descriptor_matches_snapshots()
            => VerifySnapshots("files.", GeneratorHarness.Run(Schemas.FilesPath, Schemas.Files));

        [Fact]
        public void Files_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.FilesPath, Schemas.Files));

        [Fact]
        public void Purchases_descriptor_matches_snapshots()
            => VerifySnapshots("purchases.", GeneratorHarness.Run(Schemas.PurchasesPath, Schemas.Purchases));

        [Fact]
        public void Purchases_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.PurchasesPath, Schemas.Purchases));

        [Fact]
        public void Readings_descriptor_matches_snapshots()
            => VerifySnapshots("readings.", GeneratorHarness.Run(Schemas.ReadingsPath, Schemas.Readings));

        [Fact]
        public void Readings_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.ReadingsPath, Schemas.Readings));

        [Fact]
        public void Customers_descriptor_matches_snapshots()
            => VerifySnapshots("customers.", GeneratorHarness.Run(Schemas.CustomersPath, Schemas.Customers));

        [Fact]
        public void Customers_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.CustomersPath, Schemas.Customers));

        [Fact]
        public void Catalog_descriptor_matches_snapshots()
            => VerifySnapshots("catalog.", GeneratorHarness.Run(Schemas.CatalogPath, Schemas.Catalog));

        [Fact]
        public void Catalog_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(Schemas.CatalogPath, Schemas.Catalog));

        [Fact]
        public void All_descriptors_together_compile_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(
                new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings),
                new InMemoryAdditionalText(Schemas.AccountsPath, Schemas.Accounts),
                new InMemoryAdditionalText(Schemas.TelemetryPath, Schemas.Telemetry),
                new InMemoryAdditionalText(Schemas.CatalogPath, Schemas.Catalog)));

        [Fact]
        public void Files_not_named_tables_json_are_ignored()
        {
            var run = GeneratorHarness.Run(
                new InMemoryAdditionalText("/repo/schema/bookings.json", Schemas.Bookings),
                new InMemoryAdditionalText("/repo/schema/notes.txt", "not json at all"));

            Assertions.NoCrash(run);
            Assert.Empty(run.Sources);
            Assert.Empty(run.GeneratorDiagnostics);
        }

        private static void VerifySnapshots(string prefix, GeneratorRun run)
        {
            Assertions.NoCrash(run);
            Assert.True(run.GeneratorDiagnostics.IsEmpty, "The generator reported: " + Assertions.Describe(run.GeneratorDiagnostics));
            Snapshot.VerifyAll(
                prefix,
                run.Sources.Select(s => new KeyValuePair<string, string>(s.HintName.Substring(0, s.HintName.Length - ".g.cs".Length), s.Text)));
        }

        /// <summary>Hand-written code using the generated API as the Bookings project would.</summary>
        internal const string BookingsUsage = """
            namespace Consumer
            {
                /// <summary>Uses the generated types.</summary>
                public static class Usage
                {
                    /// <summary>Builds, stores, reads and prints a booking without any network.</summary>
                    public static string Run()
                    {
                        var key = global::Bookings.BookingKey.Create("12", "345", "01012345678");
                        var booking = new global::Bookings.Booking { Key = key, Name = "Kim Minji", BookingTime = "2024-05-06 07:08:09", ConfirmSms = true };
                        var item = global::Bookings.BookingMarshaller.ToItem(booking);
                        var back = global::Bookings.BookingMarshaller.FromItem(item);
                        var session = new global::Bookings.Session { Key = global::Bookings.SessionKey.Create("1"), Cookies = "[{\"name\":\"sid\"}]" };
                        global::Bookings.IBookingRepository? repository = null;
                        _ = repository;
                        return string.Join(
                            "|",
                            item["booking_num"].S,
                            item["phone"].S,
                            item["confirm_sms"].BOOL,
                            item.Count,
                            back == booking,
                            back.ToString(),
                            session.ToString(),
                            global::Bookings.BookingsSchema.Tables.Count,
                            global::Bookings.BookingTable.DefaultName);
                    }
                }
            }
            """;
    }
}

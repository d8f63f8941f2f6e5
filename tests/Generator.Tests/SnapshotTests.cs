using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bookings.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Bookings.Generated.Generator.Tests
{
    /// <summary>
    /// The emitted code against reviewed snapshots in <c>Snapshots/</c>, and proof that the code of every descriptor
    /// compiles with no warning in a project as strict as the repository's.
    /// <para>
    /// Two kinds of snapshot, so that a change to one emitter moves the bookings files and a handful of others:
    /// every file generated for <c>schema/bookings.tables.json</c>, whole (<c>bookings.&lt;hint name&gt;</c>), which is
    /// what a user reads; and for each other descriptor, small snapshots of the features it exists to exercise
    /// (<c>&lt;descriptor&gt;.&lt;feature&gt;</c>, listed in <see cref="Features"/>): only the types and members that
    /// show the feature, cut out of the generated files by <see cref="SnapshotCut"/>, under a first line saying what
    /// they pin. What those descriptors pin beyond that is pinned by the bookings set (the shape of every generated
    /// type), by <see cref="GeneratedCodeBehaviourTests"/> (a constant sort key has no partition queries, updates only
    /// through the update type) and by the integration tests, which compile and run them against DynamoDB Local.
    /// A verified file that no test here claims fails <see cref="Every_snapshot_belongs_to_a_test"/>.
    /// </para>
    /// <para>
    /// Run with <c>ACCEPT_SNAPSHOTS=1</c> to accept an intended change (new snapshots are written, unclaimed ones
    /// deleted), then review the diff in git.
    /// </para>
    /// </summary>
    public sealed class SnapshotTests
    {
        /// <summary>
        /// The feature snapshots of every descriptor but bookings; the name's first part names the descriptor. Until
        /// these, every file of every descriptor was snapshotted whole (190 files); the comments say, per descriptor, where
        /// what its whole files showed is pinned now.
        /// </summary>
        private static readonly Feature[] Features =
        {
            // orders (17 whole files before): value types and typed key parts here. The rest is the shape every table gets,
            // pinned by the bookings set (a second table in the file, a flag type, fields, table, schema, repository); no
            // partition query for the constant sort key by GeneratedCodeBehaviourTests; a key part stored as an attribute
            // by customers.
            new(
                "orders.value-types",
                "Every value type (decimal, int, long, double, bool, string) required, optional and with defaults, one of them "
                + "text that needs escaping; a csharpName; personal, phone and secret attributes; a keyword-named attribute "
                + "(event); a description with & \" < >; reads with their defaults, number checks, and deltas for numbers.",
                "Order",
                "OrderMarshaller.FromItem",
                "OrderMarshaller.CustomerEmailValue",
                "OrderMarshaller.CustomerPhoneValue",
                "OrderMarshaller.ToItem",
                "OrderMarshaller.WeightKgValue",
                "OrderUpdate.AddTotal",
                "OrderUpdate.AddWeightKg"),
            new(
                "orders.typed-key-parts",
                "Number key parts behind a prefix (ORDER#{order_id} as long, LINE#{line_no} as int), parsed back exactly; a "
                + "constant sort key (#META); a text part before a literal of several characters ({tenant}#ORDER#{order_no}), "
                + "which it refuses and which splits the stored key.",
                "OrderKey.TryParse",
                "OrderKey.*Template",
                "OrderLineKey.TryParse",
                "OrderLineKey.PartitionKeyValue",
                "OrderLineKey.*Template"),

            // accounts (17): sensitive key parts and an item's text here; the rest as for orders (Device's keys are made
            // like files', readings' and orders').
            new(
                "accounts.sensitive-key-parts",
                "A personal key part masked and a secret key part left out when a key prints; two text parts between "
                + "literals (TENANT#{tenant}#USER#{user}), each refusing the literal that follows it.",
                "AccountKey.ToString",
                "AccountKey.Valid*",
                "DeviceKey.ToString"),
            new(
                "accounts.item-text",
                "An attribute named by a C# keyword (class) with a default of backslashes, quotes and a non-ASCII letter; an "
                + "optional int; a csharpName on a personal attribute; a description with & < >.",
                "Account"),

            // telemetry (9): a number partition key here; the rest as for bookings.
            new(
                "telemetry.number-key",
                "A number partition key without a template and no sort key: a long in the key, stored and declared as N; "
                + "the schema class named by the descriptor's name.",
                "CounterKey.TryParse",
                "CounterKey.ToAttributeMap",
                "CounterMarshaller.ToItem",
                "CounterMarshaller.FromItem",
                "CounterFields.CounterId",
                "CounterTable.Definition",
                "TelemetrySchema.Tables"),

            // shop (26): indexes, a version, a sort key of several parts here. TTL is pinned by bookings (Session), the index
            // keys an item stores by the integration tests (IndexQueryTests), keys' round trips by KeyTemplatePropertyTests.
            new(
                "shop.secondary-indexes",
                "Global and local indexes: computed sparse keys (EMAIL#{email}, PHONE#{phone}) written on put and set or "
                + "removed with their attribute; ALL, KEYS_ONLY and INCLUDE projections (the last two return keys); a local "
                + "index on the table's partition key; typed conditions on index sort keys; a phone masked in the label.",
                "EmployeeTable.Definition",
                "EmployeeTable.By*Index",
                "EmployeeMarshaller.ToItem",
                "EmployeeUpdate.SetEmail",
                "EmployeeUpdate.RemoveEmail",
                "IEmployeeRepository.QueryBy*",
                "EmployeeRepository.QueryByEmailAsync",
                "EmployeeRepository.QueryByPhoneAsync",
                "EmployeeRepository.QueryByHireDateAsync",
                "EmployeeRepository.QueryByHireDatePageAsync",
                "EmployeeByPhoneSortKey.Equal",
                "EmployeeByPhoneSortKey.BeginsWith",
                "EmployeeByHireDateSortKey.Between"),
            new(
                "shop.optimistic-locking",
                "A version attribute: the repository's mapping names it, the item defaults it to 0, and the update type has "
                + "no way to set it.",
                "Counter.Version",
                "CounterRepository.Mapping",
                "CounterUpdate"),
            new(
                "shop.multi-part-sort-key",
                "A sort key of several typed parts (SHIFT#{date}#{staff_id}): conditions on whole keys, on the left-most "
                + "part, and between left-most parts.",
                "ShiftKey.SortKeyPrefix",
                "ShiftSortKey"),

            // stores (27): the shared table and its entities here. The entities' keys are made like shop's; no partition
            // query for the constant #META sort key is pinned by GeneratedCodeBehaviourTests, the type attribute each
            // entity writes by the integration tests (SingleTableTests).
            new(
                "stores.shared-table",
                "A table shared by three entity types: its definition and type attribute, the closed item type with Match, "
                + "the reader of each item as its type, and partition queries that return every type.",
                "StoresTable",
                "StoresItem",
                "StoresMarshaller",
                "IStoresRepository",
                "StoresRepository"),
            new(
                "stores.entity-in-shared-table",
                "An entity of a shared table: its table is the shared one, its repository is bound to its type (and to its "
                + "sort-key prefix), its record derives from the table's item type, it refuses items of another type, and it "
                + "queries an index declared on it alone.",
                "Store",
                "StoreTable.DefaultName",
                "StoreTable.Definition",
                "StoreRepository.Mapping",
                "StaffRepository.Mapping",
                "StaffRepository.QueryStaffByEmailAsync",
                "StoreMarshaller.FromItem"),

            // files (17): binary keys here; their copies, empty bytes and stored B values by the integration tests
            // (BinaryKeyTests).
            new(
                "files.binary-keys",
                "Binary (B) keys: bytes in the key, written as B, compared and hashed by content and printed as a size; "
                + "BeginsWith on a binary sort key; a global index on a secret binary attribute, with byte[] conditions "
                + "on its binary sort key.",
                "BlobKey.ToString",
                "ChunkKey.ToAttributeMap",
                "ChunkKey.SortKeyValue",
                "ChunkKey.Equals",
                "ChunkKey.GetHashCode",
                "BlobFields.Digest",
                "ChunkSortKey.BeginsWith",
                "ChunkByOwnerSortKey.Between",
                "ChunkRepository.QueryByOwnerAsync"),

            // purchases (18): dates in key templates here. The created_at stored beside the key is pinned by the integration
            // tests (DateKeyQueryTests), keys' round trips by KeyTemplatePropertyTests.
            new(
                "purchases.date-key-parts",
                "Dates in key templates: a stored datetimeoffset in the sort key (ISO 8601, written by the key's codec in "
                + "the key and in conditions), with day prefixes; a date in a pattern in the partition key and a datetime in a "
                + "pattern and an offset in the sort key, parsed back and printed, and a partition query by date; a local "
                + "index on the stored date.",
                "PurchaseKey.CreatedAtCodec",
                "PurchaseFields.CreatedAt",
                "PurchaseSortKey.BeginsWith",
                "PurchaseSortKey.Between",
                "PurchaseByPlacedSortKey.Between",
                "DeliveryKey.DayCodec",
                "DeliveryKey.DueCodec",
                "DeliveryKey.TryParse",
                "DeliveryKey.ToString",
                "DeliveryKey.SortKeyPrefix",
                "DeliveryRepository.QueryAsync",
                "DeliveryRepository.PartitionLabel"),

            // readings (19): dates as keys on their own and in computed index keys here; the index keys stored by the
            // integration tests (DateKeyAttributeTests).
            new(
                "readings.date-sort-key",
                "A stored datetimeoffset sort key without a template: read back and written through the key's codec; "
                + "typed comparisons and day prefixes.",
                "ReadingKey.ReadAtCodec",
                "ReadingKey.TryParse",
                "ReadingKey.ToAttributeMap",
                "ReadingKey.SortKey*",
                "ReadingSortKey"),
            new(
                "readings.dates-in-index-keys",
                "Dates in computed index key templates: AT#{read_at} from the key's date, DAY#{delivered_on} from a stored "
                + "date (set and removed with it), AT#{delivered_at}#{shipment_id} from a date and the key (no update "
                + "method: it needs the key); queried with typed dates; the table's key as an index sort key; an attribute "
                + "that is an index key refuses text a key cannot hold.",
                "ReadingMarshaller.ToItem",
                "ReadingRepository.QueryByInstantAsync",
                "ReadingByInstantSortKey.Equal",
                "ShipmentMarshaller.ToItem",
                "ShipmentMarshaller.CarrierValue",
                "ShipmentUpdate",
                "ShipmentRepository.QueryByDayAsync",
                "ShipmentByCarrierSortKey.Between"),

            // customers (10): a partition key that is one stored attribute here; the stored attributes also by the
            // integration tests (SinglePlaceholderKeyTests).
            new(
                "customers.attribute-as-partition-key",
                "A partition key whose template is one stored attribute ({email}): one property, written to both "
                + "attributes and read back from the key attribute; personal, so masked in partition labels; a local "
                + "index on such a table.",
                "CustomerOrder.Email",
                "CustomerOrderKey.TryParse",
                "CustomerOrderKey.ToAttributeMap",
                "CustomerOrderKey.PartitionKeyValue",
                "CustomerOrderMarshaller.ToItem",
                "CustomerOrderFields.Email",
                "CustomerOrderTable.Definition",
                "CustomerOrderTable.Attributes",
                "CustomerOrderRepository.QueryByPlacedOnAsync",
                "CustomerOrderRepository.PartitionLabel"),

            // shoppers (28): fixed-width number parts and a declared query order here; the key part declared on the table
            // generates what an entity's own would (its effect by KeyPartsAndOrderTests against DynamoDB Local).
            new(
                "shoppers.fixed-width-key-parts",
                "A long key part written in ten digits (CART#{line_no}, \"format\": \"D10\"): zero-padded on write, refused "
                + "when negative or too long by its check method, and read back only from exactly ten digits; its sort-key "
                + "comparisons say nothing of text order; a computed index key (LINE#{line_no}) pads it as the table's key does.",
                "CartItemKey.TryParse",
                "CartItemKey.SortKeyValue",
                "CartItemKey.ValidLineNo",
                "CartItemSortKey.Between",
                "CartItemBySkuSortKey.Between"),
            new(
                "shoppers.default-order",
                "An entity and an index declaring \"order\": \"descending\": their queries read newest first unless "
                + "QueryOptions.Descending says otherwise.",
                "IShopperOrderRepository.QueryAsync",
                "ShopperOrderRepository.QueryAsync",
                "ShopperOrderRepository.QueryPageAsync",
                "ShopperOrderRepository.QueryByStatusAsync"),

            // catalog (13): every attribute type here; round trips of each by the integration tests
            // (AttributeTypeRoundTripTests). Fields and updates of the other types follow the shapes shown here and in
            // the bookings set.
            new(
                "catalog.enums",
                "An enum and its codec of stored text; a value that is no C# name (walk-in).",
                "ProductStatus",
                "ProductStatusValues",
                "Channel"),
            new(
                "catalog.nested-objects",
                "A declared object type: a record with masking, and its map codec with length, pattern and phone rules; a list in an object.",
                "Address",
                "AddressMarshaller",
                "DimensionMarshaller.Labels*"),
            new(
                "catalog.attribute-types",
                "Every attribute type as a codec (binary, dates in each format and time-zone mode, enums, objects, lists, "
                + "sets, maps, nested), written (empty sets left out, writeNull), read with defaults, checked against "
                + "length and range rules, and printed; a date TTL.",
                "Product.Status",
                "Product.Tags",
                "Product.Checksums",
                "Product.ToString",
                "ProductMarshaller.*Codec",
                "ProductMarshaller.ToItem",
                "ProductMarshaller.FromItem",
                "ProductMarshaller.TitleValue",
                "ProductMarshaller.PriceValue",
                "ProductMarshaller.RatingValue",
                "ProductMarshaller.CreatedAtValue",
                "ProductMarshaller.ThumbnailValue",
                "ProductMarshaller.TagsValue",
                "ProductTable.Definition"),
            new(
                "catalog.collection-updates",
                "Updates of collections: a set set (empty removes it), added to and deleted from, a set of binary; a list "
                + "appended to and removed; a delta on a number with a range.",
                "ProductUpdate.SetTags",
                "ProductUpdate.AddToTags",
                "ProductUpdate.DeleteFromTags",
                "ProductUpdate.AddToChecksums",
                "ProductUpdate.AppendToChannels",
                "ProductUpdate.RemoveChannels",
                "ProductUpdate.AddStock"),

            // warehouse (new with provisioned capacity): the table definitions here; the rest is the shape every table
            // gets, pinned by the bookings set and stores; creating and verifying the tables by TableVerificationTests.
            new(
                "warehouse.provisioned-capacity",
                "PROVISIONED tables: the table's capacity, a global index with its own and one that takes the table's, a local "
                + "index (the table's), and a shared table's capacity.",
                "BinTable.Definition",
                "DepotsTable.Definition"),
            // profiles: counters, timestamps and normalised values here; their behaviour in every write path by the
            // integration tests (ManagedValueTests), their misuse by ManagedValueDiagnosticTests.
            new(
                "profiles.managed-values",
                "Counters (long with a start, int from 0) with their increments and their start as the default; created and "
                + "updated timestamps (a datetimeoffset, a datetime written in UTC) named in the mapping with the attributes a "
                + "put sent as an update removes; no update method for any of them.",
                "Profile.Visits",
                "Profile.CreatedAt",
                "ProfileRepository.Mapping",
                "ProfileRepository.IncrementVisitsAsync",
                "ProfileRepository.IncrementLikesAsync",
                "ProfileUpdate",
                "TallyRepository.Mapping"),
            new(
                "profiles.normalized-values",
                "A key part trimmed and lowercased by the key's builders (not by TryParse); an attribute trimmed and "
                + "lowercased, one uppercased before its pattern is checked; an index queried by a normalised argument.",
                "ProfileKey.Email",
                "ProfileKey.ValidEmail",
                "ProfileMarshaller.HandleValue",
                "ProfileMarshaller.CountryValue",
                "ProfileRepository.QueryByHandleAsync"),
            // users (the rest of its output runs in UniqueValueTests and InternationalPhoneTests).
            new(
                "users.unique-values",
                "Unique attributes, plain, personal and an E.164 phone, each with the printer its exception masks the value "
                + "with; beside a shared table's discriminator; a unique attribute's update methods are Set and Remove only.",
                "UserRepository.Mapping",
                "TeamRepository.Mapping",
                "UserUpdate"),
            new(
                "users.international-phones",
                "An E.164 key part and attribute: validated and normalised by the E.164 check, masked to the last four digits "
                + "when printed; a Korean phone beside them keeps its own.",
                "ContactKey.ValidPhone",
                "ContactKey.ToString",
                "ContactMarshaller.KoreanPhoneValue",
                "UserMarshaller.PhoneValue",
                "User.ToString"),
            // contacts: generated into a compilation that references Bookings.Generated.Compliance (Classified).
            new(
                "contacts.data-classification",
                "Data classification attributes from \"sensitive\": on the entity's attributes, the key's parts and the "
                + "entity's properties that read them, a composed key holding a personal or secret part (personal or secret "
                + "as a whole) and a nested object's property; none on plain values.",
                "Contact.Pk",
                "Contact.Phone",
                "Contact.Name",
                "Contact.Notes",
                "ContactKey.Owner",
                "ContactKey.Pk",
                "ContactKey.Phone",
                "Address.City",
                "Address.ContactPhone",
                "ApiToken.OwnerId",
                "ApiToken.Sk",
                "ApiTokenKey.Token",
                "ApiTokenKey.Sk"),
        };

        /// <summary>The descriptors other than bookings, by the name their snapshots start with.</summary>
        private static readonly Dictionary<string, (string Path, Func<string> Text)> Descriptors = new(StringComparer.Ordinal)
        {
            ["orders"] = (Schemas.OrdersPath, () => Schemas.Orders),
            ["accounts"] = (Schemas.AccountsPath, () => Schemas.Accounts),
            ["telemetry"] = (Schemas.TelemetryPath, () => Schemas.Telemetry),
            ["shop"] = (Schemas.ShopPath, () => Schemas.Shop),
            ["stores"] = (Schemas.StoresPath, () => Schemas.Stores),
            ["files"] = (Schemas.FilesPath, () => Schemas.Files),
            ["purchases"] = (Schemas.PurchasesPath, () => Schemas.Purchases),
            ["readings"] = (Schemas.ReadingsPath, () => Schemas.Readings),
            ["customers"] = (Schemas.CustomersPath, () => Schemas.Customers),
            ["shoppers"] = (Schemas.ShoppersPath, () => Schemas.Shoppers),
            ["catalog"] = (Schemas.CatalogPath, () => Schemas.Catalog),
            ["warehouse"] = (Schemas.WarehousePath, () => Schemas.Warehouse),
            ["profiles"] = (Schemas.ProfilesPath, () => Schemas.Profiles),
            ["users"] = (Schemas.UsersPath, () => Schemas.Users),
            ["contacts"] = (Schemas.ContactsPath, () => Schemas.Contacts),
        };

        /// <summary>Descriptors generated into a compilation that references Bookings.Generated.Compliance.</summary>
        private static readonly HashSet<string> Classified = new(StringComparer.Ordinal) { "contacts" };

        /// <summary>One generator run per descriptor, shared by its feature snapshots and its compile check.</summary>
        private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new(StringComparer.Ordinal);

        public static TheoryData<string> FeatureNames => new(Features.Select(f => f.Name));

        public static TheoryData<string> DescriptorNames => new(Descriptors.Keys);

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
        {
            var run = GeneratorHarness.Run(Schemas.BookingsPath, Schemas.Bookings);
            NoDiagnostics(run);
            Snapshot.VerifyAll(BookingsSnapshots(run));
        }

        [Fact]
        public void Bookings_generated_code_compiles_without_warnings()
            => Assertions.GeneratesCleanCode(GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Schemas.BookingsPath, Schemas.Bookings) }),
                GeneratorHarness.CreateCompilation(BookingsUsage)));

        [Theory]
        [MemberData(nameof(FeatureNames))]
        public void Feature_matches_its_snapshot(string name)
        {
            var feature = Features.Single(f => f.Name == name);
            var run = Run(feature.Descriptor);
            NoDiagnostics(run);
            Snapshot.Verify(name, Header(Descriptors[feature.Descriptor].Path, feature.Shows) + SnapshotCut.Of(run.Sources.Select(s => s.SyntaxTree), feature.Selectors));
        }

        /// <summary>Every descriptor's code compiles, however little of it the snapshots show.</summary>
        [Theory]
        [MemberData(nameof(DescriptorNames))]
        public void Generated_code_compiles_without_warnings(string descriptor)
            => Assertions.GeneratesCleanCode(Run(descriptor));

        [Fact]
        public void Every_descriptor_has_a_feature_snapshot()
            => Assert.All(Descriptors.Keys, d => Assert.Contains(Features, f => f.Descriptor == d));

        [Fact]
        public void Every_snapshot_belongs_to_a_test()
            => Snapshot.VerifyNoOthers(
                Features.Select(f => f.Name)
                    .Concat(BookingsSnapshots(GeneratorHarness.Run(Schemas.BookingsPath, Schemas.Bookings)).Select(s => s.Key)));

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

        private static GeneratorRun Run(string descriptor)
            => Runs.GetOrAdd(descriptor, d => new Lazy<GeneratorRun>(() => GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(Descriptors[d].Path, Descriptors[d].Text()) }),
                Classified.Contains(d) ? GeneratorHarness.ComplianceCompilation : GeneratorHarness.EmptyCompilation))).Value;

        private static void NoDiagnostics(GeneratorRun run)
        {
            Assertions.NoCrash(run);
            Assert.True(run.GeneratorDiagnostics.IsEmpty, "The generator reported: " + Assertions.Describe(run.GeneratorDiagnostics));
        }

        /// <summary>Every generated file of bookings, named <c>bookings.&lt;hint name without .g.cs&gt;</c>.</summary>
        private static IEnumerable<KeyValuePair<string, string>> BookingsSnapshots(GeneratorRun run)
            => run.Sources.Select(s => new KeyValuePair<string, string>("bookings." + s.HintName.Substring(0, s.HintName.Length - ".g.cs".Length), s.Text));

        /// <summary>The descriptor's file name and what the snapshot pins, as comment lines of at most 120 characters.</summary>
        private static string Header(string path, string shows)
        {
            var text = new StringBuilder("// ").Append(System.IO.Path.GetFileName(path)).Append(':');
            var width = text.Length;
            foreach (var word in shows.Split(' '))
            {
                if (width + 1 + word.Length > 120)
                {
                    text.Append("\n//");
                    width = 2;
                }

                text.Append(' ').Append(word);
                width += 1 + word.Length;
            }

            return text.Append("\n\n").ToString();
        }

        /// <summary>A feature snapshot: what it pins, and the generated types and members that show it (see <see cref="SnapshotCut"/>).</summary>
        private sealed record Feature(string Name, string Shows, params string[] Selectors)
        {
            /// <summary>The descriptor, named by the first part of <see cref="Name"/>.</summary>
            public string Descriptor => Name.Substring(0, Name.IndexOf('.', StringComparison.Ordinal));
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

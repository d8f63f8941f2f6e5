using System.IO;

namespace Bookings.Generated.Generator.Tests.Infrastructure
{
    /// <summary>Descriptors the tests run the generator on.</summary>
    internal static class Schemas
    {
        /// <summary>
        /// A descriptor with one table <c>Thing</c> (stored in <c>things</c>) in namespace <paramref name="ns"/>: the keys
        /// and attributes as given, and <paramref name="extra"/> properties of the table (indexes, TTL, …).
        /// </summary>
        public static string OneTable(string ns, string keys, string attributes, string extra = "")
            => "{ \"namespace\": \"" + ns + "\", \"tables\": [ { \"name\": \"Thing\", \"tableName\": \"things\", "
               + keys.Trim() + ", \"attributes\": { " + attributes.Trim() + " }"
               + (extra.Length == 0 ? string.Empty : ", " + extra.Trim())
               + " } ] }";

        public const string BookingsPath = "/repo/schema/bookings.tables.json";
        public const string OrdersPath = "/repo/schema/orders.tables.json";
        public const string TelemetryPath = "/repo/schema/telemetry.tables.json";

        public const string ShopPath = "/repo/tests/Integration.Tests/shop.tables.json";

        /// <summary>Templated keys, TTL, a version attribute, and global and local indexes (computed, sparse, keys-only, include).</summary>
        public static string Shop => File.ReadAllText(RepoPaths.ShopDescriptor);

        public const string StoresPath = "/repo/tests/Integration.Tests/stores.tables.json";

        /// <summary>Single-table design: Store, Staff and Shift entities in one table, a type attribute, a global index on one entity.</summary>
        public static string Stores => File.ReadAllText(RepoPaths.StoresDescriptor);

        public const string FilesPath = "/repo/tests/Integration.Tests/files.tables.json";

        /// <summary>Binary (B) keys: a binary partition key, a binary sort key, and a global index keyed on a binary attribute.</summary>
        public static string Files => File.ReadAllText(RepoPaths.FilesDescriptor);

        public const string PurchasesPath = "/repo/tests/Integration.Tests/purchases.tables.json";

        /// <summary>
        /// Date and time parts in key templates (<c>ORDER#{created_at}#{order_id}</c>): a stored ISO 8601 attribute with a
        /// local index on it, a <c>date</c> in a pattern, and a <c>datetime</c> in a pattern and a declared offset.
        /// </summary>
        public static string Purchases => File.ReadAllText(RepoPaths.PurchasesDescriptor);

        public const string ReadingsPath = "/repo/tests/Integration.Tests/readings.tables.json";

        /// <summary>
        /// Dates as keys on their own: a stored <c>datetimeoffset</c> sort key without a template, and dates in
        /// computed index key templates.
        /// </summary>
        public static string Readings => File.ReadAllText(RepoPaths.ReadingsDescriptor);

        public const string CustomersPath = "/repo/tests/Integration.Tests/customers.tables.json";

        /// <summary>
        /// The most common single-table key: a partition key whose template is one stored attribute (<c>{email}</c>),
        /// stored in both attributes from one property, and a local index on such a table.
        /// </summary>
        public static string Customers => File.ReadAllText(RepoPaths.CustomersDescriptor);

        public const string UsersPath = "/repo/tests/Integration.Tests/users.tables.json";

        /// <summary>Unique values (a table without a sort key, and a shared table with one) and international phones.</summary>
        public static string Users => File.ReadAllText(RepoPaths.UsersDescriptor);
        public const string ShoppersPath = "/repo/tests/Integration.Tests/shoppers.tables.json";

        /// <summary>
        /// A shared table declaring the <c>email</c> key part once for its entities (one of them overriding it), fixed-width
        /// number parts (<c>"format": "D10"</c>), and an entity and an index that read newest first by default.
        /// </summary>
        public static string Shoppers => File.ReadAllText(RepoPaths.ShoppersDescriptor);

        public const string CatalogPath = "/repo/tests/Integration.Tests/catalog.tables.json";

        /// <summary>
        /// Enums, nested objects, lists, sets, maps, binary, dates in each storage format and time-zone mode,
        /// length and range rules, a NULL-writing attribute and a date TTL: the integration tests run this one.
        /// </summary>
        public static string Catalog => File.ReadAllText(RepoPaths.CatalogDescriptor);

        public const string WarehousePath = "/repo/tests/Integration.Tests/warehouse.tables.json";

        /// <summary>
        /// Provisioned tables: a table's capacity, a global index with its own, one that takes the table's, a local index,
        /// and a shared table; the integration tests create and verify them.
        /// </summary>
        public static string Warehouse => File.ReadAllText(RepoPaths.WarehouseDescriptor);
        public const string ProfilesPath = "/repo/tests/Integration.Tests/profiles.tables.json";

        /// <summary>Counters, timestamps and normalised values in key parts, attributes and an index: the integration tests run this one.</summary>
        public static string Profiles => File.ReadAllText(RepoPaths.ProfilesDescriptor);

        /// <summary>The repository's real descriptor, as the Bookings project compiles it.</summary>
        public static string Bookings => File.ReadAllText(RepoPaths.BookingsDescriptor);

        /// <summary>
        /// A composite key with a typed (<c>long</c>) part behind a prefix, a constant sort key, key parts that
        /// are also stored attributes, every value type, defaults, a pattern, <c>csharpName</c>, every
        /// sensitivity, a keyword-named attribute, text that needs escaping, and a second table in the file.
        /// </summary>
        public const string Orders = """
            {
              "namespace": "Shop.Orders",
              "tables": [
                {
                  "name": "Order",
                  "tableName": "shop-orders",
                  "description": "An order & its \"lines\" <summed>.",
                  "partitionKey": { "attribute": "pk", "template": "ORDER#{order_id}", "csharpName": "PartitionKey", "description": "ORDER# and the order number." },
                  "sortKey": { "attribute": "sk", "template": "#META" },
                  "keyParts": {
                    "order_id": { "type": "long", "description": "The order number." }
                  },
                  "attributes": {
                    "customer_email": { "type": "string", "required": true, "sensitive": "personal", "pattern": "^[^@\\s]+@[^@\\s]+$", "description": "Where receipts go." },
                    "customer_phone": { "type": "string", "sensitive": "phone" },
                    "total": { "type": "decimal", "required": true, "default": 0.00 },
                    "item_count": { "type": "int", "required": true },
                    "loyalty_points": { "type": "long", "default": -1 },
                    "weight_kg": { "type": "double" },
                    "gift": { "type": "bool" },
                    "note": { "type": "string", "csharpName": "CustomerNote", "default": "tab\tquote\" backslash\\ done" },
                    "event": { "type": "string" },
                    "api_token": { "type": "string", "sensitive": "secret" }
                  }
                },
                {
                  "name": "OrderLine",
                  "tableName": "shop-order-lines",
                  "partitionKey": { "attribute": "line_pk", "template": "{tenant}#ORDER#{order_no}" },
                  "sortKey": { "attribute": "line_sk", "template": "LINE#{line_no}" },
                  "keyParts": {
                    "order_no": { "type": "long" },
                    "line_no": { "type": "int" }
                  },
                  "attributes": {
                    "tenant": { "type": "string", "required": true, "pattern": "^[a-z]+$" },
                    "sku": { "type": "string", "required": true },
                    "quantity": { "type": "int", "required": true, "default": 1 },
                    "unit_price": { "type": "decimal", "required": true }
                  },
                  "extraAttributes": true
                }
              ]
            }
            """;

        /// <summary>A numeric partition key without a template and no sort key; the schema class is named by "name".</summary>
        public const string Telemetry = """
            {
              "namespace": "Metrics.Storage",
              "name": "Telemetry",
              "tables": [
                {
                  "name": "Counter",
                  "tableName": "counters",
                  "billingMode": "PAY_PER_REQUEST",
                  "partitionKey": { "attribute": "counter_id" },
                  "attributes": {
                    "counter_id": { "type": "long", "required": true, "description": "The counter's number." },
                    "count": { "type": "long", "required": true, "default": 0 },
                    "ratio": { "type": "double", "default": 0.5 },
                    "label": { "type": "string" },
                    "enabled": { "type": "bool", "required": true, "default": true }
                  }
                }
              ]
            }
            """;

        public const string ContactsPath = "/repo/schema/contacts.tables.json";

        /// <summary>
        /// Every place a sensitive value reaches a generated property, for the data classification attributes: a phone
        /// sort key stored as an attribute, a personal part in a composed partition key, a secret part in a composed sort
        /// key, personal and secret attributes, a plain one, and a nested object with a phone.
        /// </summary>
        public const string Contacts = """
            {
              "namespace": "Crm.Contacts",
              "types": {
                "Address": {
                  "attributes": {
                    "city": { "type": "string", "required": true },
                    "contact_phone": { "type": "string", "sensitive": "phone" }
                  }
                }
              },
              "tables": [
                {
                  "name": "Contact",
                  "tableName": "contacts",
                  "partitionKey": { "attribute": "pk", "template": "OWNER#{owner}" },
                  "sortKey": { "attribute": "phone" },
                  "keyParts": { "owner": { "type": "string", "sensitive": "personal" } },
                  "attributes": {
                    "phone": { "type": "string", "required": true, "sensitive": "phone" },
                    "name": { "type": "string", "required": true, "sensitive": "personal" },
                    "notes": { "type": "string" },
                    "address": { "type": "Address" }
                  }
                },
                {
                  "name": "ApiToken",
                  "tableName": "api_tokens",
                  "partitionKey": { "attribute": "owner_id" },
                  "sortKey": { "attribute": "sk", "template": "TOKEN#{token}" },
                  "keyParts": { "token": { "type": "string", "sensitive": "secret" } },
                  "attributes": {
                    "owner_id": { "type": "string", "required": true },
                    "label": { "type": "string" }
                  }
                }
              ]
            }
            """;

        public const string AccountsPath = "/repo/schema/accounts.tables.json";

        /// <summary>
        /// Text key parts only (one of them a stored attribute with phone sensitivity), a constant sort key,
        /// personal and secret key parts, kept extra attributes, a keyword-named attribute, an optional value
        /// type, and descriptions and defaults that need escaping.
        /// </summary>
        public const string Accounts = """
            {
              "$schema": "./tables.schema.json",
              "namespace": "Shop.Accounts",
              "name": "Accounts",
              "tables": [
                {
                  "name": "Account",
                  "tableName": "accounts.v2",
                  "description": "A customer account & its <profile>.",
                  "partitionKey": { "attribute": "pk", "template": "TENANT#{tenant}#USER#{user}" },
                  "sortKey": { "attribute": "sk", "template": "#PROFILE" },
                  "keyParts": {
                    "user": { "type": "string", "sensitive": "personal", "pattern": "^[a-z0-9._-]+$", "description": "The login name." }
                  },
                  "attributes": {
                    "tenant": { "type": "string", "required": true, "pattern": "^[a-z]+$", "description": "The tenant, also stored on its own." },
                    "mobile": { "type": "string", "required": true, "sensitive": "phone" },
                    "display_name": { "type": "string", "sensitive": "personal", "csharpName": "Nickname" },
                    "password_hash": { "type": "string", "required": true, "sensitive": "secret" },
                    "class": { "type": "string", "default": "C:\\temp \"quoted\" \u00e9" },
                    "visits": { "type": "int" },
                    "active": { "type": "bool", "required": true, "default": true }
                  },
                  "extraAttributes": true
                },
                {
                  "name": "Device",
                  "tableName": "devices",
                  "partitionKey": { "attribute": "device_id" },
                  "sortKey": { "attribute": "token", "template": "TOKEN#{token_id}" },
                  "keyParts": {
                    "token_id": { "type": "string", "sensitive": "secret" }
                  },
                  "attributes": {
                    "device_id": { "type": "string", "required": true },
                    "platform": { "type": "string", "required": true, "pattern": "^(ios|android)$" }
                  }
                }
              ]
            }
            """;
    }
}

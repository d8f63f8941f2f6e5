using Microsoft.CodeAnalysis;

namespace Bookings.Generated.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports. Each message names the problem and what to write
    /// instead; docs/schema-reference.md has a bad and a fixed example per ID.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Bookings.Generated.Schema";
        private const string HelpBase = "docs/schema-reference.md#";

        // One row per diagnostic, by ID: the ID, its title, and its message (format arguments in braces).
        public static readonly DiagnosticDescriptor MalformedJson = Error("DDB001", "Descriptor is not valid JSON", "The descriptor is not valid JSON: {0}. Fix the JSON syntax at this position.");
        public static readonly DiagnosticDescriptor WrongValueKind = Error("DDB002", "Property has the wrong kind of value", "'{0}' must be {1}, but {2} was found. Write {1} here.");
        public static readonly DiagnosticDescriptor UnknownProperty = Error("DDB003", "Unknown property", "Unknown property '{0}' in {1}.{2} Allowed here: {3}.");
        public static readonly DiagnosticDescriptor MissingProperty = Error("DDB004", "Required property is missing", "{0} is missing the required property '{1}'. Add \"{1}\": {2}.");
        public static readonly DiagnosticDescriptor UnknownType = Error("DDB005", "Unknown attribute type", "Unknown type '{0}'.{1} Supported types: {2}.");
        public static readonly DiagnosticDescriptor DuplicateName = Error("DDB006", "Duplicate name", "Duplicate {0} '{1}'; the first one is {2}. {3}");
        public static readonly DiagnosticDescriptor DuplicateGeneratedType = Error("DDB007", "Two descriptors generate the same C# type", "The types {0} would be generated from {1} and from another descriptor, so neither file generates them. Rename one of the tables or give the files different namespaces.");
        public static readonly DiagnosticDescriptor UnknownTemplatePart = Error("DDB008", "Key template names an undeclared part", "The key template of '{0}' names '{{{1}}}', which is neither an attribute nor a key part.{2} Declare it under \"keyParts\" (or \"attributes\"), or fix the name.");
        public static readonly DiagnosticDescriptor InvalidTemplate = Error("DDB009", "Key template is not valid", "The key template '{0}' is not valid: {1}.");
        public static readonly DiagnosticDescriptor InvalidKeyType = Error("DDB010", "Key attribute or key part has a type keys cannot have", "{0} {1}");
        public static readonly DiagnosticDescriptor InvalidIdentifier = Error("DDB011", "Name is not a valid C# identifier", "'{0}' is not a valid C# {1}{2}. Use letters, digits and underscores, starting with a letter (for example '{3}').");
        public static readonly DiagnosticDescriptor InvalidDefault = Error("DDB012", "Default value does not fit the attribute's type", "The default for '{0}' must be {1}, but {2} was found. Write a default of type '{3}' or remove it.");
        public static readonly DiagnosticDescriptor InvalidPattern = Error("DDB013", "Pattern is not a valid regular expression", "The pattern of '{0}' is not a valid regular expression: {1}. Fix the expression (remember to escape '\\\\' in JSON).");
        public static readonly DiagnosticDescriptor InvalidValue = Error("DDB014", "Value is not one of the allowed values", "'{0}' is not a valid value for '{1}'.{2} Allowed values: {3}.");
        public static readonly DiagnosticDescriptor KeyAttributeMisuse = Error("DDB015", "Key attribute is declared in a conflicting way", "{0}");
        public static readonly DiagnosticDescriptor NotApplicable = Error("DDB016", "Property does not apply here", "'{0}' does not apply to '{1}': {2}.");
        public static readonly DiagnosticDescriptor UnusedKeyPart = Warning("DDB017", "Key part is declared but no template uses it", "The key part '{0}' is not used by any key template. Use it in a template or remove it.");
        public static readonly DiagnosticDescriptor IndexAttributeMissing = Error("DDB018", "Index names an attribute the table does not have", "The index '{0}' names '{1}', which the table does not store as an attribute.{2} Declare it under \"attributes\", or fix the name.");
        public static readonly DiagnosticDescriptor IndistinguishableKeys = Error("DDB019", "Two entities of a table have keys that cannot be told apart", "The {2} template of entity '{0}' cannot be told apart from that of {1}: {3}. Start each entity's template with its own literal prefix, such as \"STAFF#{{staff_id}}\" and \"SHIFT#{{date}}\".");
        public static readonly DiagnosticDescriptor ConstantPartitionKey = Warning("DDB020", "Every item of the table has the same partition key", "The partition key template of {0} is the constant \"{1}\", so every item lands in one partition: its throughput is capped at one partition's, and listing items means reading all of it. Put a part in the template (such as \"STORE#{{store_id}}\").");
        public static readonly DiagnosticDescriptor UnsortableKeyDate = Error("DDB021", "A date in a key has a format that does not sort", "'{0}' is a date in a key, but {1}. In a key a date is text that must sort in time order and read back exactly; write {2}.");
        public static readonly DiagnosticDescriptor MissingCapacity = Error("DDB030", "A provisioned table has no capacity", "{0} has \"billingMode\": \"PROVISIONED\" but no capacity. Add \"capacity\": {{ \"read\": 5, \"write\": 5 }} (read and write capacity units), or use \"PAY_PER_REQUEST\".");
        public static readonly DiagnosticDescriptor InvalidCapacity = Error("DDB031", "A capacity is not a whole number of 1 or more", "The {0} capacity of {1} must be a whole number of units, 1 or more, but {2} was found. Write a number such as 5.");
        public static readonly DiagnosticDescriptor CapacityNotProvisioned = Error("DDB032", "A capacity is given where none applies", "'capacity' does not apply to {0}: {1}.");
        public static readonly DiagnosticDescriptor InvalidNumberWidth = Error("DDB040", "A number key part's fixed width is not valid", "'{0}' is not a fixed width for the key part '{1}', {2}. Write \"D\" and the digits every value is padded to, from \"D1\" to \"D{3}\" (\"D{3}\" holds every value that is 0 or more).");
        public static readonly DiagnosticDescriptor UnusedTableKeyPart = Warning("DDB041", "A shared table's key part is used by no entity", "The key part '{0}' declared on the table '{1}' is used by no entity's key (an entity that declares its own '{0}' overrides it). Use '{{{0}}}' in an entity's template, or remove it from the table's \"keyParts\".");
        public static readonly DiagnosticDescriptor TableKeyPartOverride = Error("DDB042", "An entity's key part changes a shared table's key part in its partition key", "Entity '{0}' declares '{1}' as {2} and uses it in its partition key, but the table '{3}' declares it as {4} ({5}), so the entities would write one value's partition differently. Override only the pattern, description or a sensitivity that is not a phone's (keep the type, width or date format, normalize and phone region), or give the entity's part another name.");
        public static readonly DiagnosticDescriptor CounterMisuse = Error("DDB050", "Counter is declared in a way that cannot work", "{0}");
        public static readonly DiagnosticDescriptor TimestampMisuse = Error("DDB051", "Timestamp is declared in a way that cannot work", "{0}");
        public static readonly DiagnosticDescriptor NormalizeMisuse = Error("DDB052", "Normalisation is declared in a way that cannot work", "{0}");
        public static readonly DiagnosticDescriptor UniqueNotApplicable = Error("DDB060", "An attribute cannot be unique", "'{0}' cannot be unique: {1}. {2}");
        public static readonly DiagnosticDescriptor PhoneRegionWithoutPhone = Error("DDB061", "A phone region is declared on a value that is not a phone", "'phoneRegion' applies to phone numbers only, and '{0}' is not declared one. Add \"sensitive\": \"phone\", or remove \"phoneRegion\".");
        public static readonly DiagnosticDescriptor UnknownPhoneRegion = Error("DDB062", "Unknown phone region", "'{0}' is not a phone region.{1} Write \"KR\" (Korean mobile numbers, 010-XXXX-XXXX; the default) or \"E164\" (international numbers: '+', the country code and 8 to 15 digits in all).");
        public static readonly DiagnosticDescriptor InternalError = Error("DDB999", "The generator failed on this descriptor", "The generator could not process this descriptor ({0}: {1}). Please report this with the descriptor attached.");

        private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
            => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}

using System.Collections.Generic;
using System.Linq;

namespace Bookings.Generated.Generator.Model
{
    /// <summary>Everything one descriptor file declares, ready to emit.</summary>
    /// <param name="FileName">The descriptor's file name, used only in generated comments.</param>
    /// <param name="Namespace">The C# namespace of every generated type.</param>
    /// <param name="SchemaTypeName">The static class that lists the file's tables (<c>BookingsSchema</c>).</param>
    /// <param name="Tables">The tables, in declaration order.</param>
    /// <param name="Enums">The enums the descriptor declares under <c>enums</c>.</param>
    /// <param name="Objects">The nested object types the descriptor declares under <c>types</c>.</param>
    /// <param name="Groups">The tables shared by several entity types.</param>
    /// <param name="FilePath">The descriptor's path, where a failure to emit it is reported.</param>
    internal sealed record SchemaModel(
        string FileName,
        string Namespace,
        string SchemaTypeName,
        EquatableArray<TableModel> Tables,
        EquatableArray<EnumModel> Enums,
        EquatableArray<ObjectModel> Objects,
        EquatableArray<EntityGroupModel> Groups,
        string FilePath);

    /// <summary>
    /// A table that holds several entity types (single-table design). Each entity is also a <see cref="TableModel"/>
    /// of its own (its key, marshaller and repository); the group adds the shared table definition, the closed
    /// set of item types, and partition queries that return each item as its own type.
    /// </summary>
    /// <param name="Name">The C# base name (<c>Stores</c> gives <c>StoresTable</c>, <c>StoresItem</c>, <c>StoresRepository</c>).</param>
    /// <param name="TableName">The physical table name.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="BillingMode">A DynamoDB billing mode constant name.</param>
    /// <param name="PartitionAttribute">The partition key attribute every entity shares.</param>
    /// <param name="PartitionStorage">How the partition key is stored (S, N or B).</param>
    /// <param name="SortAttribute">The sort key attribute every entity shares, or null.</param>
    /// <param name="SortStorage">How the sort key is stored (S, N or B).</param>
    /// <param name="TypeAttribute">The attribute that names each item's entity type.</param>
    /// <param name="TtlAttribute">The TTL attribute the entities agree on, or null.</param>
    /// <param name="Entities">The entity type names, in declaration order.</param>
    /// <param name="Indexes">The indexes of all entities, each once.</param>
    /// <param name="SharedPartitionEntity">An entity whose partition key builder every entity shares, so partition queries take typed parts; null when they differ.</param>
    /// <param name="PartitionSensitivity">
    /// How a raw partition key value is printed when the entities' partition parts differ: masked as the most sensitive
    /// partition part of any entity, since a raw value cannot say which entity it belongs to.
    /// </param>
    /// <param name="Capacity">For a <c>PROVISIONED</c> table, its read and write capacity units; otherwise null.</param>
    internal sealed record EntityGroupModel(
        string Name,
        string TableName,
        string? Description,
        string BillingMode,
        string PartitionAttribute,
        KeyStorage PartitionStorage,
        string? SortAttribute,
        KeyStorage SortStorage,
        string TypeAttribute,
        string? TtlAttribute,
        EquatableArray<string> Entities,
        EquatableArray<IndexModel> Indexes,
        string? SharedPartitionEntity,
        Sensitivity PartitionSensitivity = Sensitivity.None,
        CapacityModel? Capacity = null)
    {
        public string TableTypeName => Name + "Table";

        public string ItemTypeName => Name + "Item";

        public string MarshallerTypeName => Name + "Marshaller";

        public string RepositoryTypeName => Name + "Repository";

        public string RepositoryInterfaceName => "I" + Name + "Repository";
    }

    /// <summary>Provisioned throughput of a table or a global index, in read and write capacity units (each 1 or more).</summary>
    internal sealed record CapacityModel(long Read, long Write);

    /// <summary>An enum declared in the schema, stored as the text of its values.</summary>
    /// <param name="Name">The C# enum name.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="Members">The members in declaration order.</param>
    internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members)
    {
        public string ValuesTypeName => Name + "Values";
    }

    /// <summary>One enum member: the stored text and the C# member name made from it.</summary>
    internal sealed record EnumMemberModel(string Value, string MemberName);

    /// <summary>A nested object type declared in the schema, stored as a map (M) and generated as a record.</summary>
    /// <param name="Name">The C# record name.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="Attributes">Its attributes, in declaration order.</param>
    internal sealed record ObjectModel(string Name, string? Description, EquatableArray<AttributeModel> Attributes)
    {
        public string MarshallerTypeName => Name + "Marshaller";
    }

    /// <summary>One DynamoDB table and the single entity stored in it.</summary>
    /// <param name="Namespace">The C# namespace of the generated types.</param>
    /// <param name="TypeName">The entity's C# type name (<c>Booking</c>); other names derive from it.</param>
    /// <param name="TableName">The physical table name used unless options override it.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="BillingMode">A DynamoDB billing mode constant name (<c>PAY_PER_REQUEST</c>).</param>
    /// <param name="PartitionKey">The partition key.</param>
    /// <param name="SortKey">The sort key, or null for a table with a simple key.</param>
    /// <param name="Attributes">Stored attributes that are not key attributes, in declaration order.</param>
    /// <param name="KeepsExtraAttributes">Whether attributes outside the schema are kept and written back.</param>
    /// <param name="TtlAttribute">The attribute DynamoDB's time to live reads (epoch seconds), or null.</param>
    /// <param name="VersionAttribute">The attribute optimistic locking checks and moves on per write, or null.</param>
    /// <param name="Indexes">The secondary indexes, in declaration order.</param>
    /// <param name="GroupName">For an entity that shares its table with others, the group's C# name; otherwise null.</param>
    /// <param name="TypeAttribute">For such an entity, the attribute that names each item's type; otherwise null.</param>
    /// <param name="Capacity">For a <c>PROVISIONED</c> table of one entity, its read and write capacity units; otherwise null.</param>
    /// <param name="Descending">Its partition queries read newest first unless <c>QueryOptions.Descending</c> says otherwise.</param>
    internal sealed record TableModel(
        string Namespace,
        string TypeName,
        string TableName,
        string? Description,
        string BillingMode,
        KeyModel PartitionKey,
        KeyModel? SortKey,
        EquatableArray<AttributeModel> Attributes,
        bool KeepsExtraAttributes,
        string? TtlAttribute,
        string? VersionAttribute,
        EquatableArray<IndexModel> Indexes,
        string? GroupName = null,
        string? TypeAttribute = null,
        CapacityModel? Capacity = null,
        bool Descending = false)
    {
        public string KeyTypeName => TypeName + "Key";

        public string MarshallerTypeName => TypeName + "Marshaller";

        public string RepositoryTypeName => TypeName + "Repository";

        public string RepositoryInterfaceName => "I" + TypeName + "Repository";

        public string TableTypeName => TypeName + "Table";

        /// <summary>The partition key, then the sort key if there is one.</summary>
        public IReadOnlyList<KeyModel> Keys => SortKey is null ? new[] { PartitionKey } : new[] { PartitionKey, SortKey };

        /// <summary>The keys composed from a template with literal text; a plain key is its one part, which the key type holds.</summary>
        public IReadOnlyList<KeyModel> ComposedKeys => Keys.Where(k => !k.IsSinglePart).ToList();

        /// <summary>The typed parts the key type is built from: the partition key's, then the sort key's, in template order.</summary>
        public IReadOnlyList<KeyPartModel> KeyParts => Keys.SelectMany(k => k.Parts).ToList();

        /// <summary>
        /// For an entity of a shared table with partition queries, the literal text its sort keys start with (DDB019
        /// makes it its own), so its queries read only its items; null for a table of one entity, or a constant sort
        /// key (one item per partition: no queries).
        /// </summary>
        public string? SortKeyPrefix => TypeAttribute is not null && SortKey is { Segments: { Count: > 1 } segments } && !segments[0].IsPart ? segments[0].Text : null;

        /// <summary>The attributes a caller may change directly: all but the version, counters and timestamps, which the SDK manages.</summary>
        public IEnumerable<AttributeModel> ChangeableAttributes => Attributes.Where(a => a.Name != VersionAttribute && !a.IsManaged);

        /// <summary>The counters, each with an <c>Increment…Async</c> on the repository.</summary>
        public IEnumerable<AttributeModel> Counters => Attributes.Where(a => a.IsCounter);

        /// <summary>Whether a put must keep what the stored item holds (a counter, a creation time), so is sent as an update.</summary>
        public bool KeepsStoredOnPut => Attributes.Any(a => a.IsCounter || a.Timestamp == TimestampKind.Created);

        /// <summary>The C# property of the version attribute, or null.</summary>
        public string? VersionProperty => Attributes.FirstOrDefault(a => a.Name == VersionAttribute)?.PropertyName;

        public string FieldsTypeName => TypeName + "Fields";

        public string UpdateTypeName => TypeName + "Update";

        public string SortKeyTypeName => TypeName + "SortKey";

        public string FlagTypeName => TypeName + "Flag";

        /// <summary>The static class of the flags' stored names (<c>BookingFlags</c>).</summary>
        public string FlagNamesTypeName => TypeName + "Flags";

        /// <summary>
        /// The boolean attributes of the generated <c>…Flag</c> enum, for code that picks one at run time (the legacy
        /// <c>update_flag</c>): each one the update type can set; none for an entity with a version attribute, whose every
        /// change names the version it read.
        /// </summary>
        public IReadOnlyList<AttributeModel> Flags
            => VersionAttribute is null ? UpdatableAttributes.Where(a => a.Kind == ValueKind.Bool).ToList() : new List<AttributeModel>();

        /// <summary>Index key attributes the SDK computes from a template on every write.</summary>
        public IEnumerable<IndexKeyModel> ComputedIndexKeys
            => Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }).Where(k => k is { IsComputed: true }).Select(k => k!)
                .GroupBy(k => k.AttributeName).Select(g => g.First());

        /// <summary>
        /// Whether an update may change <paramref name="attribute"/> in place: not when it feeds a computed index
        /// key together with other values, which an update does not have; a full put recomputes such keys.
        /// </summary>
        public bool IsUpdatable(AttributeModel attribute)
            => ComputedIndexKeys.All(k => !k.Parts.Any(p => p.Name == attribute.Name) || k.Parts.Count == 1);

        /// <summary>The attributes an update may change in place: the update type has a <c>Set…</c> for each.</summary>
        public IEnumerable<AttributeModel> UpdatableAttributes => ChangeableAttributes.Where(IsUpdatable);

        /// <summary>
        /// Whether <paramref name="attribute"/> is text that goes into an index key: a string index key attribute, or
        /// one a computed index key is built from. Such text refuses control characters, as key parts do.
        /// </summary>
        public bool IsIndexKeyText(AttributeModel attribute)
            => attribute.Kind == ValueKind.String
               && Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }).Any(k => k is not null && k.Parts.Any(p => !p.OnKey && p.Name == attribute.Name));

        /// <summary>
        /// The methods the update type has for <paramref name="attribute"/>, each with its name (none for one it cannot
        /// change): the emitter writes them and the parser refuses two attributes that would share one (<c>title</c> beside
        /// <c>title_if_not_exists</c>), so both take the names from here.
        /// </summary>
        public IEnumerable<(UpdateChange Change, string Method)> UpdateMethods(AttributeModel attribute)
        {
            if (!IsUpdatable(attribute))
            {
                yield break;
            }

            var p = attribute.PropertyName;
            yield return (UpdateChange.Set, "Set" + p);
            if (IndexKeysFedBy(attribute).Any() || attribute.Unique)
            {
                // Set and remove change the index keys (or move the unique value's guard) too; nothing else can keep them in step.
                if (attribute.IsNullable)
                {
                    yield return (UpdateChange.Remove, "Remove" + p);
                }

                yield break;
            }

            if (!attribute.IsRequiredMember)
            {
                // Every item the SDK reads has a required attribute without a default (one without it fails to map), so
                // setting it only where it is missing could never change such an item.
                yield return (UpdateChange.SetIfNotExists, "Set" + p + "IfNotExists");
            }

            if (attribute.Kind == ValueKind.List)
            {
                yield return (UpdateChange.AppendTo, "AppendTo" + p);
            }

            if (attribute.Kind == ValueKind.Set)
            {
                yield return (UpdateChange.AddTo, "AddTo" + p);
                yield return (UpdateChange.DeleteFrom, "DeleteFrom" + p);
            }

            if (attribute.IsNullable)
            {
                yield return (UpdateChange.Remove, "Remove" + p);
            }

            if (attribute.Kind.IsNumber())
            {
                yield return (UpdateChange.Add, "Add" + p);
            }
        }

        /// <summary>The computed index keys that an update of <paramref name="attribute"/> recomputes.</summary>
        public IEnumerable<IndexKeyModel> IndexKeysFedBy(AttributeModel attribute)
            => ComputedIndexKeys.Where(k => k.Parts.Count == 1 && k.Parts[0].Name == attribute.Name);

        /// <summary>
        /// A sort key built from parts, so conditions on it can be typed; a constant one has none. It is also whether a
        /// partition can hold more than one item, so only then does the repository have partition queries: with a
        /// constant sort key (<c>#META</c>) <c>GetAsync</c> reads the one item a partition holds.
        /// </summary>
        public bool HasSortKeyParts => SortKey is not null && SortKey.Segments.Any(s => s.IsPart);
    }

    /// <summary>A key attribute and the template its value is built from.</summary>
    /// <param name="AttributeName">The stored attribute name (<c>booking_num</c>).</param>
    /// <param name="PropertyName">The C# property name (<c>BookingNum</c>).</param>
    /// <param name="Segments">Literals and part references; a key without a template is one part naming itself.</param>
    /// <param name="Parts">The parts the key is built from, in template order.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    internal sealed record KeyModel(
        string AttributeName,
        string PropertyName,
        EquatableArray<TemplateSegment> Segments,
        EquatableArray<KeyPartModel> Parts,
        string? Description)
    {
        /// <summary>True when the key is exactly one part with no literals: the value is stored as given.</summary>
        public bool IsSinglePart => Segments.Count == 1 && Segments[0].IsPart;

        /// <summary>The template as written (<c>STORE#{store_id}</c>).</summary>
        public string Template => TemplateSegment.Render(Segments);

        /// <summary>How the key attribute is stored: as its part's kind for a plain key, as text for a template.</summary>
        public KeyStorage Storage => IsSinglePart ? Parts[0].Type.KeyStorage() : KeyStorage.String;

        /// <summary>The kind of the key type's property that holds the stored value: the part's for a plain key, else text.</summary>
        public ValueKind Kind => IsSinglePart ? Parts[0].Type : ValueKind.String;

        /// <summary>
        /// The kind the stored attribute is read as and reaches <c>TryParse</c> in: text for templates and for a plain date
        /// key (the text its format writes), the part's kind for other plain keys.
        /// </summary>
        public ValueKind StoredKind => IsSinglePart && !Parts[0].IsDate ? Parts[0].Type : ValueKind.String;

        /// <summary>The key type's property holding the stored value: the part's for a plain key.</summary>
        public string ValueProperty => IsSinglePart ? Parts[0].PropertyName : PropertyName;
    }

    /// <summary>A global or local secondary index.</summary>
    /// <param name="Name">The index name in DynamoDB.</param>
    /// <param name="MethodName">The C# name of its query methods (<c>ByEmail</c> in <c>QueryByEmailAsync</c>).</param>
    /// <param name="IsGlobal">Global, or local (sharing the table's partition key).</param>
    /// <param name="PartitionKey">The index partition key.</param>
    /// <param name="SortKey">The index sort key, or null.</param>
    /// <param name="Projection">ALL, KEYS_ONLY or INCLUDE.</param>
    /// <param name="Included">For INCLUDE, the attributes projected beside the keys.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="Capacity">A global index's own capacity on a provisioned table; null when it takes the table's.</param>
    /// <param name="Descending">Its queries read newest first unless <c>QueryOptions.Descending</c> says otherwise.</param>
    internal sealed record IndexModel(
        string Name,
        string MethodName,
        bool IsGlobal,
        IndexKeyModel PartitionKey,
        IndexKeyModel? SortKey,
        string Projection,
        EquatableArray<string> Included,
        string? Description,
        CapacityModel? Capacity = null,
        bool Descending = false)
    {
        /// <summary>Whether queries return whole entities; indexes that project less return keys.</summary>
        public bool ReturnsEntities => Projection == "ALL";

        /// <summary>
        /// A sort key built from values, so queries can take conditions on it (typed by <c>…SortKey</c>); a computed sort
        /// key that is a constant holds the same text for every entry, so there is nothing to compare.
        /// </summary>
        public bool HasSortKeyConditions => SortKey is not null && (!SortKey.IsComputed || SortKey.Parts.Count > 0);

        /// <summary>The class of typed conditions on the sort key, for an index of the entity <paramref name="entity"/>.</summary>
        public string SortKeyTypeName(string entity) => entity + MethodName + "SortKey";
    }

    /// <summary>
    /// A key attribute of an index: an attribute the item stores anyway, or one the SDK computes from a template
    /// of other attributes on every write (left out while any part is null, which makes the index sparse).
    /// </summary>
    /// <param name="AttributeName">The stored attribute name.</param>
    /// <param name="Storage">How the key attribute is stored (S, N or B).</param>
    /// <param name="IsComputed">Built from <paramref name="Segments"/>; otherwise the attribute itself.</param>
    /// <param name="Segments">The template; for a plain key, one part naming the attribute.</param>
    /// <param name="Parts">The values the key is made of, in template order.</param>
    internal sealed record IndexKeyModel(
        string AttributeName,
        KeyStorage Storage,
        bool IsComputed,
        EquatableArray<TemplateSegment> Segments,
        EquatableArray<IndexPartModel> Parts);

    /// <summary>A value an index key is made of.</summary>
    /// <param name="Name">The stored attribute (or key part) name.</param>
    /// <param name="PropertyName">Its C# property on the entity or the key.</param>
    /// <param name="ParameterName">The query method's parameter name.</param>
    /// <param name="Type">Its type.</param>
    /// <param name="OnKey">Held by the key type (a key part or key attribute) rather than the entity.</param>
    /// <param name="IsNullable">An optional attribute: the key is left out while it is null.</param>
    /// <param name="Sensitivity">How logs print it.</param>
    /// <param name="Normalize">How a text key part is normalised in queries, as the key normalises it.</param>
    /// <param name="Width">For a fixed-width number key part, the digits it is zero-padded to, as in the table's key.</param>
    internal sealed record IndexPartModel(
        string Name,
        string PropertyName,
        string ParameterName,
        TypeModel Type,
        bool OnKey,
        bool IsNullable,
        Sensitivity Sensitivity,
        TextNormalization Normalize = TextNormalization.None,
        int? Width = null);

    /// <summary>A piece of a key template: literal text or a reference to a key part.</summary>
    internal sealed record TemplateSegment(bool IsPart, string Text)
    {
        /// <summary>The template text of segments, as written (<c>STORE#{store_id}</c>).</summary>
        public static string Render(IEnumerable<TemplateSegment> segments)
            => string.Concat(segments.Select(s => s.IsPart ? "{" + s.Text + "}" : s.Text));
    }

    /// <summary>A typed value the key builder takes.</summary>
    /// <param name="Name">The name used in templates (<c>biz_id</c>).</param>
    /// <param name="PropertyName">The property on the key type (<c>BizId</c>).</param>
    /// <param name="ParameterName">The builder parameter, already escaped if it is a keyword (<c>bizId</c>).</param>
    /// <param name="Type">The part's C# type.</param>
    /// <param name="Sensitivity">How the part is masked when printed, and whether it is normalised.</param>
    /// <param name="Pattern">A regular expression the value must match, or null.</param>
    /// <param name="ForbiddenText">Literal text the value may not contain, because parsing splits on it; or null.</param>
    /// <param name="StoredAttribute">The item attribute that also stores the part on its own, or null for a key-only part.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="Format">For a date part, how its text is written in the key (a key-safe format); null otherwise.</param>
    /// <param name="Normalize">How a text part is normalised by the key's builders (not by <c>TryParse</c>, which keeps the stored text).</param>
    /// <param name="DayLength">
    /// For a date-time part, how many characters of its text hold its day, so a day selects it by prefix
    /// (<c>BeginsWith(day)</c>); null for other parts.
    /// </param>
    /// <param name="Width">
    /// For an int or long part with <c>"format": "D10"</c>, the digits it is zero-padded to, so its text sorts in number
    /// order; null for other parts.
    /// </param>
    internal sealed record KeyPartModel(
        string Name,
        string PropertyName,
        string ParameterName,
        ValueKind Type,
        Sensitivity Sensitivity,
        string? Pattern,
        string? ForbiddenText,
        string? StoredAttribute,
        string? Description,
        DateFormatModel? Format = null,
        int? DayLength = null,
        TextNormalization Normalize = TextNormalization.None,
        int? Width = null)
    {
        /// <summary>A date or time part (<c>date</c>, <c>datetime</c>, <c>datetimeoffset</c>), written by its date codec.</summary>
        public bool IsDate => Type.IsDate();

        /// <summary>The part's type as an attribute of it would have.</summary>
        public TypeModel TypeModel => new(Type, Format: Format);
    }

    /// <summary>A stored attribute of the entity that is not a key attribute or key part.</summary>
    /// <param name="Name">The stored attribute name.</param>
    /// <param name="PropertyName">The C# property name.</param>
    /// <param name="Type">The C# type.</param>
    /// <param name="Required">Required attributes are non-nullable; missing ones fail to map.</param>
    /// <param name="DefaultLiteral">A C# literal used when the value is not given, or null.</param>
    /// <param name="Sensitivity">How the value is masked when printed.</param>
    /// <param name="Pattern">A regular expression a string value must match before it is written, or null.</param>
    /// <param name="Description">Free text for XML docs, or null.</param>
    /// <param name="Rules">Length and range limits checked before a write.</param>
    /// <param name="WriteNull">Whether a null is stored as NULL rather than leaving the attribute out.</param>
    /// <param name="CounterStart">For a counter (<c>"counter": true</c>), the value a new item starts at, as a C# literal; null otherwise.</param>
    /// <param name="Timestamp">Whether the SDK writes the time of the item's creation or last write into it.</param>
    /// <param name="Normalize">How a string is normalised before it is stored or compared.</param>
    /// <param name="Unique">Whether no two entities may hold the same value (<c>"unique": true</c>): every write keeps a guard item per value.</param>
    internal sealed record AttributeModel(
        string Name,
        string PropertyName,
        TypeModel Type,
        bool Required,
        string? DefaultLiteral,
        Sensitivity Sensitivity,
        string? Pattern,
        string? Description,
        ValueRules Rules,
        bool WriteNull,
        string? CounterStart = null,
        TimestampKind Timestamp = TimestampKind.None,
        TextNormalization Normalize = TextNormalization.None,
        bool Unique = false)
    {
        /// <summary>A counter: changed only by its increment, never by a put or an update.</summary>
        public bool IsCounter => CounterStart is not null;

        /// <summary>An attribute the SDK writes itself (a counter or a timestamp), which no put or update of the caller's sets.</summary>
        public bool IsManaged => IsCounter || Timestamp != TimestampKind.None;

        /// <summary>The attribute's kind (the outer kind for collections).</summary>
        public ValueKind Kind => Type.Kind;

        /// <summary>A property that must be set in an object initializer (required with no default).</summary>
        public bool IsRequiredMember => Required && DefaultLiteral is null;

        /// <summary>Optional with no default: the property is nullable and a null is not written.</summary>
        public bool IsNullable => !Required && DefaultLiteral is null;
    }

    /// <summary>What the SDK writes into a <c>"timestamp"</c> attribute.</summary>
    internal enum TimestampKind
    {
        /// <summary>Not a timestamp.</summary>
        None,

        /// <summary>The time the item was first stored, written once.</summary>
        Created,

        /// <summary>The time of the item's last write.</summary>
        Updated,
    }

    /// <summary>How text is normalised (<c>"normalize"</c>), in invariant culture: trimmed first, then its case changed.</summary>
    [System.Flags]
    internal enum TextNormalization
    {
        None = 0,
        Trim = 1,
        Lowercase = 2,
        Uppercase = 4,
    }

    /// <summary>The scalar type DynamoDB stores a key attribute as: S, N or B.</summary>
    internal enum KeyStorage
    {
        String,
        Number,
        Binary,
    }

    /// <summary>The value types the descriptor format supports.</summary>
    internal enum ValueKind
    {
        String,
        Bool,
        Int32,
        Int64,
        Decimal,
        Double,
        Binary,
        DateTimeOffset,
        DateTime,
        Date,
        Enum,
        Object,
        List,
        Set,
        Map,
    }

    /// <summary>Questions about a <see cref="ValueKind"/> that models, parser and emitters share.</summary>
    internal static class ValueKindFacts
    {
        /// <summary>A date or time (<c>date</c>, <c>datetime</c>, <c>datetimeoffset</c>), written by a date codec in a declared format.</summary>
        public static bool IsDate(this ValueKind kind) => kind is ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Date;

        public static bool IsNumber(this ValueKind kind) => kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double;

        /// <summary>How a plain key attribute of this kind is stored.</summary>
        public static KeyStorage KeyStorage(this ValueKind kind)
            => kind == ValueKind.Binary ? Model.KeyStorage.Binary : kind.IsNumber() ? Model.KeyStorage.Number : Model.KeyStorage.String;
    }

    /// <summary>A change the update type offers for an attribute; each is one method (<c>Set…</c>, <c>AddTo…</c>).</summary>
    internal enum UpdateChange
    {
        Set,
        SetIfNotExists,
        AppendTo,
        AddTo,
        DeleteFrom,
        Remove,
        Add,
    }

    /// <summary>
    /// An attribute's type: a scalar, a date with its storage format, a declared enum or object, or a
    /// collection of another type.
    /// </summary>
    /// <param name="Kind">What the value is.</param>
    /// <param name="Name">The declared enum or object type's name; null otherwise.</param>
    /// <param name="Element">The element type of a list, set or map; null otherwise.</param>
    /// <param name="Format">How a date is stored; null for other kinds.</param>
    internal sealed record TypeModel(ValueKind Kind, string? Name = null, TypeModel? Element = null, DateFormatModel? Format = null)
    {
        public static readonly TypeModel String = new(ValueKind.String);

        /// <summary>The types read and written by the marshaller's own code rather than a runtime codec.</summary>
        public bool IsPlainScalar => Kind is ValueKind.String or ValueKind.Bool or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double;
    }

    /// <summary>How a date or time is stored.</summary>
    /// <param name="EpochSeconds">Stored as a number of seconds since 1970 (N).</param>
    /// <param name="Pattern">A custom .NET pattern; null for ISO 8601 or epoch seconds.</param>
    /// <param name="OffsetMinutes">The declared offset in minutes; null keeps each value's own offset.</param>
    internal sealed record DateFormatModel(bool EpochSeconds, string? Pattern, int? OffsetMinutes);

    /// <summary>Length and range limits; null where the schema sets none.</summary>
    /// <param name="MinLength">The fewest characters a string may have.</param>
    /// <param name="MaxLength">The most characters a string may have.</param>
    /// <param name="Minimum">The smallest number allowed, as a C# literal of the attribute's type.</param>
    /// <param name="Maximum">The largest number allowed, as a C# literal of the attribute's type.</param>
    internal sealed record ValueRules(int? MinLength, int? MaxLength, string? Minimum, string? Maximum)
    {
        public static readonly ValueRules None = new(null, null, null, null);

        public bool HasLength => MinLength is not null || MaxLength is not null;

        public bool HasRange => Minimum is not null || Maximum is not null;
    }

    /// <summary>How a value is treated when the SDK prints it.</summary>
    internal enum Sensitivity
    {
        /// <summary>Printed as is.</summary>
        None,

        /// <summary>A Korean mobile number (<c>"phoneRegion": "KR"</c>, the default): normalised on write, printed as <c>010-****-5678</c>.</summary>
        Phone,

        /// <summary>An international number (<c>"phoneRegion": "E164"</c>): normalised to <c>+</c> and digits on write, printed as <c>+********5678</c>.</summary>
        PhoneE164,

        /// <summary>Personal data such as a name: printed with all but its first character hidden.</summary>
        Personal,

        /// <summary>A secret such as a session cookie: never printed at all.</summary>
        Secret,
    }

    /// <summary>Facts of a sensitivity that several emitters ask.</summary>
    internal static class SensitivityFacts
    {
        /// <summary>Whether the value is a phone number of either region: normalised on write, masked to its last four digits.</summary>
        public static bool IsPhone(this Sensitivity sensitivity) => sensitivity is Sensitivity.Phone or Sensitivity.PhoneE164;
    }
}

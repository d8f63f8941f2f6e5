using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the typed fields conditions are built from (<c>BookingFields.ConfirmSms.Equal(false)</c>) and the update
    /// type whose methods exist only for attributes that may change.
    /// </summary>
    internal static class FieldsEmitter
    {
        public static void WriteFields(SourceWriter w, TableModel table)
        {
            var entity = Literals.String(table.TypeName);
            w.Block($$"""
                /// <summary>The stored attributes of <see cref="{{table.TypeName}}"/> as typed fields, for conditions on writes.</summary>
                {{GeneratedCodeAttribute}}
                public static partial class {{table.FieldsTypeName}}
                """);
            w.Open();

            // An attribute the key holds: a composed key's text, or a part's value as stored, a date written by the key's
            // codec, which refuses what the key's Create refuses.
            var keyFields = table.Keys.Select(k => (Attribute: k.AttributeName, Property: k.PropertyName, Part: k.IsSinglePart ? k.Parts[0] : null, What: "a key attribute, as stored"))
                .Concat(table.KeyParts.Where(p => p.StoredAttribute is not null)
                    .Select(p => (Attribute: p.StoredAttribute!, Property: p.PropertyName, Part: (KeyPartModel?)p, What: "an attribute a key is built from, as stored on its own")));
            foreach (var (attribute, property, part, what) in keyFields)
            {
                var kind = part?.Type ?? ValueKind.String;
                var name = Literals.String(attribute);
                var field = $"public static readonly {Runtime}Field<{ValueKinds.CSharpType(kind)}> {property} =";
                var stored = part is { IsDate: true }
                    ? $"\n    new({name}, static value => {Internal}AttributeCodecs.Write({KeyValues.DateCodec(table, part.PropertyName)}, value, {entity}, {name}));"
                    : kind == ValueKind.Binary
                    ? $"\n    new({name}, static value => {ValueKinds.ToAttributeValue(kind, $"{Internal}InputValidation.NotNull(value, {entity}, {name})")});"
                    : kind == ValueKind.String
                    ? $" new({name}, {Internal}InputValidation.StoredText({entity}, {name}));"
                    : $" new({name}, {ValueKinds.Codec(part!.TypeModel, table.Namespace)}.Write);";
                w.Block($$"""

                    /// <summary><c>{{Xml.Escape(attribute)}}</c>, {{what}}.</summary>
                    {{field}}{{stored}}
                    """);
            }

            foreach (var attribute in table.Attributes)
            {
                w.Block($$"""

                    /// <summary><c>{{Xml.Escape(attribute.Name)}}</c>; values are validated{{(attribute.Sensitivity.IsPhone() ? " and normalised" : string.Empty)}} as they are when stored.</summary>
                    public static readonly {{Runtime}}Field<{{ValueKinds.CSharpType(attribute.Type)}}> {{attribute.PropertyName}} = new({{Literals.String(attribute.Name)}}, {{ValueKinds.StoredValueWriter(attribute, $"global::{table.Namespace}.{table.MarshallerTypeName}.{attribute.PropertyName}Value")}});
                    """);
            }

            w.Close();
        }

        public static void WriteUpdate(SourceWriter w, TableModel table)
        {
            var computed = table.ComputedIndexKeys.Any()
                ? """

                  /// An attribute that feeds a computed index key is set together with that key; one that feeds it together
                  /// with other values has no methods here either: store the whole item with <c>PutAsync</c> to change it.
                  """
                : string.Empty;
            w.Block($$"""
                /// <summary>
                /// Typed changes to a stored <see cref="{{table.TypeName}}"/>, for <c>{{table.RepositoryTypeName}}.UpdateAsync</c>.
                /// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.{{computed}}
                /// </summary>
                {{GeneratedCodeAttribute}}
                public sealed class {{table.UpdateTypeName}} : {{Runtime}}EntityUpdate
                """);
            w.Open();
            foreach (var attribute in table.UpdatableAttributes)
            {
                var indexKeys = table.IndexKeysFedBy(attribute).ToList();
                foreach (var (change, method) in table.UpdateMethods(attribute))
                {
                    w.Block(indexKeys.Count > 0 ? IndexFeedingChange(table, attribute, change, method, indexKeys) : Change(table, attribute, change, method));
                }
            }

            if (table.Flags.Count > 0)
            {
                NameLists.WriteSetFlag(w, table);
            }

            w.Close();
        }

        /// <summary>One method of the update type: its summary, signature and the change it adds.</summary>
        private static string Change(TableModel table, AttributeModel attribute, UpdateChange change, string method)
        {
            var type = ValueKinds.CSharpType(attribute.Type);
            var name = Literals.String(attribute.Name);
            var attributeName = $"<c>{Xml.Escape(attribute.Name)}</c>";
            var stored = $"global::{table.Namespace}.{table.MarshallerTypeName}.{attribute.PropertyName}Value";
            var element = attribute.Type.Element is { } e ? ValueKinds.CSharpType(e) : string.Empty;
            string Call(string change, string arguments) => $"{change}<{table.UpdateTypeName}>({arguments})";
            var (summary, parameters, statements, result) = change switch
            {
                UpdateChange.Set when attribute.Kind == ValueKind.Set => (
                    $"Sets {attributeName}. Null or an empty set removes it, since DynamoDB stores no empty set.",
                    $"{type}{ValueKinds.SetNullability(attribute)} value",
                    string.Empty,
                    $"value is null || value.Count == 0 ? {Call("Remove", name)} : {Call("Set", $"{name}, {stored}(value)")}"),
                UpdateChange.Set => ($"Sets {attributeName}.", $"{type} value", string.Empty, Call("Set", $"{name}, {ValueKinds.StoredValue(attribute, stored, "value")}")),
                UpdateChange.SetIfNotExists => ($"Sets {attributeName} only if the item does not have it yet.", $"{type} value", string.Empty, Call("SetIfNotExists", $"{name}, {ValueKinds.StoredValue(attribute, stored, "value")}")),
                UpdateChange.AppendTo => (
                    $"Appends <paramref name=\"values\"/> to {attributeName} (a missing list counts as empty). Not retried blindly after an ambiguous failure.",
                    $"params {element}[] values",
                    string.Empty,
                    Call("Append", $"{name}, {stored}({Literals.NotNull("values")})")),
                UpdateChange.AddTo or UpdateChange.DeleteFrom => (
                    change == UpdateChange.AddTo ? $"Adds <paramref name=\"values\"/> to the set {attributeName}." : $"Deletes <paramref name=\"values\"/> from the set {attributeName}.",
                    $"params {element}[] values",
                    $$"""
                    global::System.ArgumentNullException.ThrowIfNull(values);
                    if (values.Length == 0)
                    {
                        throw new global::System.ArgumentException("Give at least one value; DynamoDB has no empty sets.", {{Literals.NameOf("values")}});
                    }
                    """,
                    Call(change == UpdateChange.AddTo ? "AddToSet" : "DeleteFromSet", $"{name}, {stored}({(attribute.Type.Element!.Kind == ValueKind.Binary ? "values" : $"new global::System.Collections.Generic.HashSet<{element}>(values)")})")),
                UpdateChange.Remove => ($"Removes {attributeName}.", string.Empty, string.Empty, Call("Remove", name)),
                _ => (
                    $"Adds <paramref name=\"delta\"/> to {attributeName} (a missing value counts as 0).{DeltaRange(table, attribute)} Not retried blindly after an ambiguous failure.",
                    $"{type} delta",
                    string.Empty,
                    Call("Add", $"{name}, {ValueKinds.NewValue(attribute.Kind, ValueKinds.Checked(attribute, "delta", Literals.String(table.TypeName), inRange: false))}")),
            };
            return Method(table, summary + UniqueNote(table, attribute, change), method, parameters, statements, result);
        }

        /// <summary>What an update of a unique attribute does besides: a sentence for its summary, or nothing.</summary>
        private static string UniqueNote(TableModel table, AttributeModel attribute, UpdateChange change)
            => !attribute.Unique ? string.Empty
                : change == UpdateChange.Remove ? " The value is unique: the update reads the item and releases the value's guard item in the same transaction."
                : $" The value is unique: the update reads the item and moves the value's guard item in the same transaction; a value another {Xml.Escape(table.TypeName)} holds raises <see cref=\"{Runtime}DynamoUniqueValueException\"/>.";

        /// <summary>Set (and remove, when optional) an attribute together with the index keys computed from it alone.</summary>
        private static string IndexFeedingChange(TableModel table, AttributeModel attribute, UpdateChange change, string method, List<IndexKeyModel> indexKeys)
        {
            var keys = $"the index key{(indexKeys.Count > 1 ? "s" : string.Empty)} {string.Join(", ", indexKeys.Select(k => $"<c>{Xml.Escape(k.AttributeName)}</c>"))}";
            var name = Literals.String(attribute.Name);
            var update = table.UpdateTypeName;
            if (change == UpdateChange.Remove)
            {
                var removes = new[] { $"Remove<{update}>({name});" }.Concat(indexKeys.Take(indexKeys.Count - 1).Select(k => $"Remove<{update}>({Literals.String(k.AttributeName)});"));
                return Method(table, $"Removes <c>{Xml.Escape(attribute.Name)}</c> and {keys}, so the item leaves the index.{UniqueNote(table, attribute, change)}", method, string.Empty, string.Join("\n", removes), $"Remove<{update}>({Literals.String(indexKeys[indexKeys.Count - 1].AttributeName)})");
            }

            var sets = indexKeys.Take(indexKeys.Count - 1).Select(k => $"Set<{update}>({Literals.String(k.AttributeName)}, {KeyValues.ComputedIndexKey(k, _ => $"{Internal}IndexKeys.Text(stored)")});");
            return Method(
                table,
                $"Sets <c>{Xml.Escape(attribute.Name)}</c> and {keys} computed from it, in the same request.{UniqueNote(table, attribute, change)}",
                method,
                $"{ValueKinds.CSharpType(attribute.Type)} value",
                string.Join("\n", new[] { $"var stored = {ValueKinds.StoredValue(attribute, $"global::{table.Namespace}.{table.MarshallerTypeName}.{attribute.PropertyName}Value", "value", typed: true)};", $"Set<{update}>({name}, stored);" }.Concat(sets)),
                $"Set<{update}>({Literals.String(indexKeys[indexKeys.Count - 1].AttributeName)}, {KeyValues.ComputedIndexKey(indexKeys[indexKeys.Count - 1], _ => $"{Internal}IndexKeys.Text(stored)")})");
        }

        /// <summary>A method of the update type: one expression when the change needs no statements before it.</summary>
        private static string Method(TableModel table, string summary, string method, string parameters, string statements, string result)
            => statements.Length == 0
                ? $$"""

                    /// <summary>{{summary}}</summary>
                    public {{table.UpdateTypeName}} {{method}}({{parameters}}){{(result.Length > 140 ? "\n    => " : " => ")}}{{result}};
                    """
                : $$"""

                    /// <summary>{{summary}}</summary>
                    public {{table.UpdateTypeName}} {{method}}({{parameters}})
                    {
                        {{Indented(statements, 1)}}
                        return {{result}};
                    }
                    """;

        /// <summary>What the summary of <c>Add…</c> says of a delta: any number, and how to keep a range.</summary>
        private static string DeltaRange(TableModel table, AttributeModel attribute)
            => attribute.Rules.HasRange
                ? $" The delta may be any number, negative to subtract: <c>{Xml.Escape(attribute.Name)}</c>'s range limits stored values, so keep the result in it with a condition on the update (<c>{table.FieldsTypeName}.{attribute.PropertyName}.{(attribute.Rules.Minimum is null ? "LessThanOrEqual" : "GreaterThanOrEqual")}(…)</c>)."
                : " The delta may be negative, to subtract.";
    }
}

using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>
    /// Writes the typed fields conditions are built from (<c>BookingFields.ConfirmSms.Equal(false)</c>) and
    /// the update type whose methods exist only for attributes that may change.
    /// </summary>
    internal static class FieldsEmitter
    {
        private const string Runtime = "global::Bookings.Generated.Runtime.";
        private const string AttributeValue = "global::Amazon.DynamoDBv2.Model.AttributeValue";

        public static void WriteFields(SourceWriter w, TableModel table)
        {
            var marshaller = $"global::{table.Namespace}.{table.MarshallerTypeName}";
            w.Summary($"The stored attributes of <see cref=\"{table.TypeName}\"/> as typed fields, for conditions on writes.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {table.FieldsTypeName}");
            var first = true;
            foreach (var key in table.Keys)
            {
                var part = key.IsSinglePart ? key.Parts[0] : null;
                Separate(w, ref first);
                w.Summary($"<c>{Xml.Escape(key.AttributeName)}</c>, a key attribute, as stored.");
                WriteKeyField(w, table, key.AttributeName, key.PropertyName, part);
            }

            foreach (var part in table.KeyParts.Where(p => p.StoredAttribute is not null))
            {
                // An attribute a key template names is stored on its own too, so conditions can be written on it.
                Separate(w, ref first);
                w.Summary($"<c>{Xml.Escape(part.StoredAttribute!)}</c>, an attribute a key is built from, as stored on its own.");
                WriteKeyField(w, table, part.StoredAttribute!, part.PropertyName, part);
            }

            foreach (var attribute in table.Attributes)
            {
                Separate(w, ref first);
                w.Summary($"<c>{Xml.Escape(attribute.Name)}</c>; values are validated{(attribute.Sensitivity == Sensitivity.Phone ? " and normalised" : string.Empty)} as they are when stored.");
                w.Line($"public static readonly {Runtime}Field<{ValueKinds.CSharpType(attribute.Type, table.Namespace)}> {attribute.PropertyName} =");
                w.Indent().Line($"new({Literals.String(attribute.Name)}, {marshaller}.{attribute.PropertyName}Value);").Outdent();
            }

            w.Close();
        }

        /// <summary>
        /// The field of an attribute the key holds: a composed key attribute (text, no <paramref name="part"/>), or a
        /// part's value as stored, a date written by the key's codec, which refuses what the key's <c>Create</c> refuses.
        /// </summary>
        private static void WriteKeyField(SourceWriter w, TableModel table, string attribute, string property, KeyPartModel? part)
        {
            var kind = part?.Type ?? ValueKind.String;
            var entity = Literals.String(table.TypeName);
            var name = Literals.String(attribute);
            var stored = part is { IsDate: true }
                ? $"{Runtime}AttributeCodecs.Write({KeyEmitter.DateCodec(table, part.PropertyName)}, value, {entity}, {name})"
                : ValueKinds.ToAttributeValue(kind, kind is ValueKind.String or ValueKind.Binary ? $"{Runtime}InputValidation.NotNull(value, {entity}, {name})" : "value");
            w.Line($"public static readonly {Runtime}Field<{ValueKinds.CSharpType(kind)}> {property} =");
            w.Indent().Line($"new({name}, static value => {stored});").Outdent();
        }

        public static void WriteUpdate(SourceWriter w, TableModel table)
        {
            var fields = $"global::{table.Namespace}.{table.FieldsTypeName}";
            w.Line("/// <summary>");
            w.Line($"/// Typed changes to a stored <see cref=\"{table.TypeName}\"/>, for <c>{table.RepositoryTypeName}.UpdateAsync</c>.");
            w.Line("/// Key attributes, and attributes a key is built from, have no methods here: they cannot change in place.");
            w.Line("/// An attribute that feeds a computed index key is set together with that key; one that feeds it together");
            w.Line("/// with other values has no methods here either: store the whole item with <c>PutAsync</c> to change it.");
            w.Line("/// </summary>");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial class {table.UpdateTypeName} : {Runtime}EntityUpdate");
            foreach (var attribute in table.UpdatableAttributes)
            {
                var type = ValueKinds.CSharpType(attribute.Type, table.Namespace);
                var name = Literals.String(attribute.Name);
                var field = $"{fields}.{attribute.PropertyName}";
                var indexKeys = table.IndexKeysFedBy(attribute).ToList();
                if (indexKeys.Count > 0)
                {
                    WriteIndexFeedingChanges(w, table, attribute, type, name, field, indexKeys);
                    continue;
                }

                w.Line();
                w.Summary($"Sets <c>{Xml.Escape(attribute.Name)}</c>.{(attribute.Kind == ValueKind.Set ? " Null or an empty set removes it, since DynamoDB stores no empty set." : string.Empty)}");
                w.Open($"public {table.UpdateTypeName} Set{attribute.PropertyName}({type}{ValueKinds.SetNullability(attribute)} value)");
                if (attribute.Kind == ValueKind.Set)
                {
                    w.Open("if (value is null || value.Count == 0)");
                    w.Line($"Remove({name});");
                    w.Line("return this;");
                    w.Close();
                    w.Line();
                }

                w.Line($"Set({name}, {field}.ToValue(value));");
                w.Line("return this;");
                w.Close();

                w.Line();
                w.Summary($"Sets <c>{Xml.Escape(attribute.Name)}</c> only if the item does not have it yet.");
                w.Open($"public {table.UpdateTypeName} Set{attribute.PropertyName}IfNotExists({type} value)");
                w.Line($"SetIfNotExists({name}, {field}.ToValue(value));");
                w.Line("return this;");
                w.Close();

                if (attribute.Kind == ValueKind.List)
                {
                    w.Line();
                    w.Summary($"Appends <paramref name=\"values\"/> to <c>{Xml.Escape(attribute.Name)}</c> (a missing list counts as empty). Not retried blindly after an ambiguous failure.");
                    w.Open($"public {table.UpdateTypeName} AppendTo{attribute.PropertyName}(params {ValueKinds.CSharpType(attribute.Type.Element!, table.Namespace)}[] values)");
                    w.Line($"Append({name}, {field}.ToValue({Literals.NotNull("values")}));");
                    w.Line("return this;");
                    w.Close();
                }

                if (attribute.Kind == ValueKind.Set)
                {
                    var element = ValueKinds.CSharpType(attribute.Type.Element!, table.Namespace);
                    var collect = attribute.Type.Element!.Kind == ValueKind.Binary ? "values" : $"new global::System.Collections.Generic.HashSet<{element}>(values)";
                    foreach (var (verb, method, what) in new[] { ("AddTo", "AddToSet", "Adds"), ("DeleteFrom", "DeleteFromSet", "Deletes") })
                    {
                        w.Line();
                        w.Summary($"{what} <paramref name=\"values\"/> {(verb == "AddTo" ? "to" : "from")} the set <c>{Xml.Escape(attribute.Name)}</c>.");
                        w.Open($"public {table.UpdateTypeName} {verb}{attribute.PropertyName}(params {element}[] values)");
                        w.Line("global::System.ArgumentNullException.ThrowIfNull(values);");
                        w.Open("if (values.Length == 0)");
                        w.Line($"throw new global::System.ArgumentException(\"Give at least one value; DynamoDB has no empty sets.\", {Literals.NameOf("values")});");
                        w.Close();
                        w.Line();
                        w.Line($"{method}({name}, {field}.ToValue({collect}));");
                        w.Line("return this;");
                        w.Close();
                    }
                }

                if (attribute.IsNullable)
                {
                    w.Line();
                    w.Summary($"Removes <c>{Xml.Escape(attribute.Name)}</c>.");
                    w.Open($"public {table.UpdateTypeName} Remove{attribute.PropertyName}()");
                    w.Line($"Remove({name});");
                    w.Line("return this;");
                    w.Close();
                }

                if (attribute.Kind.IsNumber())
                {
                    w.Line();
                    var range = attribute.Rules.HasRange
                        ? $" The delta may be any number, negative to subtract: <c>{Xml.Escape(attribute.Name)}</c>'s range limits stored values, so keep the result in it with a condition on the update (<c>{table.FieldsTypeName}.{attribute.PropertyName}.{(attribute.Rules.Minimum is null ? "LessThanOrEqual" : "GreaterThanOrEqual")}(…)</c>)."
                        : " The delta may be negative, to subtract.";
                    w.Summary($"Adds <paramref name=\"delta\"/> to <c>{Xml.Escape(attribute.Name)}</c> (a missing value counts as 0).{range} Not retried blindly after an ambiguous failure.");
                    w.Open($"public {table.UpdateTypeName} Add{attribute.PropertyName}({type} delta)");
                    w.Line($"Add({name}, {MarshallerEmitter.ScalarValue(attribute, "delta", Literals.String(table.TypeName), inRange: false)});");
                    w.Line("return this;");
                    w.Close();
                }
            }

            w.Close();
        }

        /// <summary>
        /// The names of the methods <see cref="WriteUpdate"/> writes for <paramref name="attribute"/> (none for one it
        /// cannot change), so the parser can refuse two attributes that would share one (<c>title</c> beside
        /// <c>title_if_not_exists</c>).
        /// </summary>
        public static System.Collections.Generic.IEnumerable<string> UpdateMethods(TableModel table, AttributeModel attribute)
        {
            if (!table.IsUpdatable(attribute))
            {
                yield break;
            }

            var p = attribute.PropertyName;
            yield return "Set" + p;
            if (attribute.IsNullable)
            {
                yield return "Remove" + p;
            }

            if (table.IndexKeysFedBy(attribute).Any())
            {
                yield break;
            }

            yield return "Set" + p + "IfNotExists";
            if (attribute.Kind == ValueKind.List)
            {
                yield return "AppendTo" + p;
            }

            if (attribute.Kind == ValueKind.Set)
            {
                yield return "AddTo" + p;
                yield return "DeleteFrom" + p;
            }

            if (attribute.Kind.IsNumber())
            {
                yield return "Add" + p;
            }
        }

        /// <summary>Set (and remove, when optional) an attribute together with the index keys computed from it alone.</summary>
        private static void WriteIndexFeedingChanges(SourceWriter w, TableModel table, AttributeModel attribute, string type, string name, string field, System.Collections.Generic.List<IndexKeyModel> indexKeys)
        {
            var keyNames = string.Join(", ", indexKeys.Select(k => $"<c>{Xml.Escape(k.AttributeName)}</c>"));
            w.Line();
            w.Summary($"Sets <c>{Xml.Escape(attribute.Name)}</c> and the index key{(indexKeys.Count > 1 ? "s" : string.Empty)} {keyNames} computed from it, in the same request.");
            w.Open($"public {table.UpdateTypeName} Set{attribute.PropertyName}({type} value)");
            w.Line($"var stored = {field}.ToValue(value);");
            w.Line($"Set({name}, stored);");
            foreach (var key in indexKeys)
            {
                w.Line($"Set({Literals.String(key.AttributeName)}, {KeyEmitter.ComputedIndexKey(key, _ => $"{Runtime}IndexKeys.Text(stored)")});");
            }

            w.Line("return this;");
            w.Close();
            if (attribute.IsNullable)
            {
                w.Line();
                w.Summary($"Removes <c>{Xml.Escape(attribute.Name)}</c> and the index key{(indexKeys.Count > 1 ? "s" : string.Empty)} {keyNames}, so the item leaves the index.");
                w.Open($"public {table.UpdateTypeName} Remove{attribute.PropertyName}()");
                w.Line($"Remove({name});");
                foreach (var key in indexKeys)
                {
                    w.Line($"Remove({Literals.String(key.AttributeName)});");
                }

                w.Line("return this;");
                w.Close();
            }
        }

        /// <summary>The boolean attributes as an enum, for code that picks one at run time.</summary>
        public static void WriteFlags(SourceWriter w, TableModel table)
        {
            w.Summary($"The boolean attributes of <see cref=\"{table.TypeName}\"/> that <see cref=\"{table.UpdateTypeName}\"/> sets, for code that picks one at run time.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public enum {table.FlagTypeName}");
            foreach (var flag in table.Flags)
            {
                w.Summary($"<c>{Xml.Escape(flag.Name)}</c>.{(flag.Description is null ? string.Empty : " " + Xml.Escape(flag.Description))}");
                w.Line(flag.PropertyName + ",");
            }

            w.Close();
        }

        private static void Separate(SourceWriter w, ref bool first)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
        }
    }
}

using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Writes the enums and nested object types a descriptor declares, with their codecs.</summary>
    internal static class TypesEmitter
    {
        private const string Internal = "global::Bookings.Generated.Runtime.Internal.";

        public static void WriteEnum(SourceWriter w, EnumModel model, string ns)
        {
            w.Summary($"{(model.Description is null ? string.Empty : Xml.Escape(model.Description) + " ")}Stored as the text of each value; see <see cref=\"{model.ValuesTypeName}\"/>.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public enum {model.Name}");
            foreach (var member in model.Members)
            {
                w.Summary($"Stored as <c>{Xml.Escape(member.Value)}</c>.");
                w.Line(member.MemberName + ",");
            }

            w.Close();
            w.Line();

            var type = $"global::{ns}.{model.Name}";
            w.Summary($"Converts <see cref=\"{model.Name}\"/> to and from its stored text, with no reflection.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {model.ValuesTypeName}");
            w.Summary("The codec generated marshallers use.");
            w.Line($"public static {Internal}EnumCodec<{type}> Codec {{ get; }} = new(new global::System.Collections.Generic.KeyValuePair<{type}, string>[]");
            w.Open();
            foreach (var member in model.Members)
            {
                w.Line($"new({type}.{member.MemberName}, {Literals.String(member.Value)}),");
            }

            w.Close(");");
            w.Line();
            w.Summary("The stored text of <paramref name=\"value\"/>.");
            w.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a declared member.</exception>");
            w.Line($"public static string ToStored({type} value) => value switch");
            w.Open();
            foreach (var member in model.Members)
            {
                w.Line($"{type}.{member.MemberName} => {Literals.String(member.Value)},");
            }

            w.Line($"_ => throw new global::System.ArgumentOutOfRangeException({Literals.NameOf("value")}, value, null),");
            w.Close(";");
            w.Line();
            w.Summary("Reads stored text; false when it is not one of the declared values.");
            w.Line($"public static bool TryParse(string? text, out {type} value) => Codec.TryParse(text, out value);");
            w.Close();
        }

        public static void WriteObject(SourceWriter w, ObjectModel model, string ns)
        {
            var type = $"global::{ns}.{model.Name}";
            w.Summary($"{(model.Description is null ? string.Empty : Xml.Escape(model.Description) + " ")}Stored as a map (M). <c>ToString()</c> masks personal data and leaves secrets out.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial record {model.Name}");
            for (var i = 0; i < model.Attributes.Count; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }

                EntityEmitter.WriteProperty(w, model.Attributes[i], ns);
            }

            EntityEmitter.WriteToString(w, model.Name, model.Attributes.Select(EntityEmitter.PrintedMember));
            w.Close();
            w.Line();

            var entity = Literals.String(model.Name);
            var variable = Parsing.Names.ToParameterName(model.Name);
            variable = variable is "map" ? "entity" : variable;

            // Each attribute's value method gives way to the public ToAttributeValue (an attribute 'to_attribute').
            var members = new UniqueNames("Codec", "ToAttributeValue", model.MarshallerTypeName);
            var valueMethods = model.Attributes.ToDictionary(a => a.Name, a => members.Take(a.PropertyName + "Value"));
            var codecClass = model.Name + "Codec";
            string ValueMethod(AttributeModel attribute) => valueMethods[attribute.Name];
            w.Summary($"Converts <see cref=\"{model.Name}\"/> to and from a stored map, with no reflection.");
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"public static partial class {model.MarshallerTypeName}");

            // First, so that a type reachable from its own members finds its codec already set.
            w.Summary("The codec marshallers of enclosing types use.");
            w.Line($"public static {Internal}ObjectCodec<{type}> Codec {{ get; }} = new {codecClass}();");
            w.Line();
            MarshallerEmitter.WriteMemberFields(w, model.Attributes, ns);
            w.Summary("The stored map of <paramref name=\"value\"/>, validated.");
            w.Line($"public static global::Amazon.DynamoDBv2.Model.AttributeValue ToAttributeValue({type} value) => {Internal}AttributeCodecs.Write(Codec, value, {entity}, string.Empty);");
            foreach (var attribute in model.Attributes)
            {
                MarshallerEmitter.WriteAttributeValue(w, attribute, entity, ns, method: ValueMethod(attribute));
            }

            w.Line();
            w.Line(SchemaEmitter.GeneratedCodeAttribute);
            w.Open($"private sealed class {codecClass} : {Internal}ObjectCodec<{type}>");
            w.Open($"protected override global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue> ToMap({type} {variable})");
            var names = new UniqueNames(variable);
            var map = names.Take("map");
            w.Line($"var {map} = new global::System.Collections.Generic.Dictionary<string, global::Amazon.DynamoDBv2.Model.AttributeValue>({model.Attributes.Count})");
            w.Open();
            MarshallerEmitter.WriteStoredEntries(w, model.Attributes, variable, ValueMethod);
            w.Close(";");
            MarshallerEmitter.WriteOptionalStores(w, model.Attributes, variable, map, names, ValueMethod);
            w.Line();
            w.Line($"return {map};");
            w.Close();
            w.Line();
            w.Line($"protected override {type} ReadMembers({Internal}ItemReader reader)");
            w.Indent().Line($"=> new {type}").Open();
            foreach (var attribute in model.Attributes)
            {
                w.Line($"{attribute.PropertyName} = {MarshallerEmitter.ReadExpression(attribute)},");
            }

            w.Close(";").Outdent();
            w.Close();
            w.Close();
        }
    }
}

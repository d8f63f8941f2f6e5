using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>Turns a schema model into source files: a pure function of the model.</summary>
    internal static class SchemaEmitter
    {
        /// <param name="schema">The descriptor's model.</param>
        /// <param name="classify">
        /// Write data classification attributes on sensitive properties: the compilation references the
        /// Bookings.Generated.Compliance taxonomy (<see cref="Classification"/>).
        /// </param>
        public static IEnumerable<GeneratedFile> Emit(SchemaModel schema, bool classify = false)
            => Files(schema, classify).Select(file => File(schema, file.TypeName, file.Companions, file.Body));

        public const string HintSuffix = ".g.cs";

        /// <summary>The hint names <see cref="Emit"/> produces for a model, without emitting anything.</summary>
        public static EquatableArray<string> HintNames(SchemaModel schema)
            => Files(schema, classify: false).Select(file => HintName(schema, file.TypeName)).ToEquatableArray();

        /// <summary>The full names of every type <see cref="Emit"/> declares for a model (a file's own type, then the others it holds), without emitting anything.</summary>
        public static EquatableArray<string> TypeNames(SchemaModel schema)
            => Files(schema, classify: false).SelectMany(file => DeclaredTypes(schema, file.TypeName, file.Companions)).ToEquatableArray();

        /// <summary>
        /// Every file a schema produces: the type it is named after, the other types it declares (a clash with one of them
        /// leaves the whole file out, TablesGenerator), and the emitter that writes it.
        /// </summary>
        private static IEnumerable<(string TypeName, string[] Companions, System.Action<SourceWriter> Body)> Files(SchemaModel schema, bool classify)
        {
            var none = System.Array.Empty<string>();
            foreach (var model in schema.Enums)
            {
                yield return (model.Name, new[] { model.ValuesTypeName }, w => EnumEmitter.Write(w, model, schema.Namespace));
            }

            foreach (var model in schema.Objects)
            {
                yield return (model.Name, new[] { model.MarshallerTypeName }, w =>
                {
                    EntityEmitter.WriteObject(w, model, classify);
                    MarshallerEmitter.WriteObject(w, model, schema.Namespace);
                });
            }

            foreach (var table in schema.Tables)
            {
                yield return (table.TypeName, none, w => EntityEmitter.Write(w, table, classify));
                yield return (table.KeyTypeName, none, w => KeyEmitter.Write(w, table, classify));
                yield return (table.MarshallerTypeName, none, w => MarshallerEmitter.Write(w, table));
                yield return (table.RepositoryTypeName, new[] { table.RepositoryInterfaceName }, w => RepositoryEmitter.Write(w, table));
                yield return (table.TableTypeName, none, w => TableEmitter.Write(w, table));
                yield return (table.FieldsTypeName, none, w => FieldsEmitter.WriteFields(w, table));
                yield return (table.UpdateTypeName, none, w => FieldsEmitter.WriteUpdate(w, table));
                if (table.HasSortKeyParts)
                {
                    yield return (table.SortKeyTypeName, none, w => SortKeyEmitter.Write(w, table));
                }

                if (table.Flags.Count > 0)
                {
                    yield return (table.FlagTypeName, none, w => EnumEmitter.WriteFlags(w, table));
                    yield return (table.FlagNamesTypeName, none, w => NameLists.WriteFlagNames(w, table));
                }

                foreach (var index in table.Indexes.Where(i => i.HasSortKeyConditions))
                {
                    yield return (index.SortKeyTypeName(table.TypeName), none, w => SortKeyEmitter.WriteIndex(w, table, index));
                }
            }

            foreach (var group in schema.Groups)
            {
                yield return (group.TableTypeName, none, w => TableEmitter.WriteGroup(w, group));
                yield return (group.ItemTypeName, new[] { group.MarshallerTypeName }, w => GroupEmitter.WriteItem(w, group, schema.Namespace));
                yield return (group.RepositoryTypeName, new[] { group.RepositoryInterfaceName }, w => GroupEmitter.WriteRepository(w, group, schema));
            }

            yield return (schema.SchemaTypeName, none, w => TableEmitter.WriteSchema(w, schema));
        }

        private static string HintName(SchemaModel schema, string typeName) => $"{schema.Namespace}.{typeName}{HintSuffix}";

        private static GeneratedFile File(SchemaModel schema, string typeName, string[] companions, System.Action<SourceWriter> body)
        {
            var writer = new SourceWriter().Block($$"""
                // <auto-generated/> From {{schema.FileName}}: change the descriptor, not this file.
                #nullable enable

                namespace {{schema.Namespace}};

                """);
            body(writer);
            return new GeneratedFile(HintName(schema, typeName), writer.ToString(), DeclaredTypes(schema, typeName, companions).ToEquatableArray());
        }

        /// <summary>The full names of the types one file declares: the one it is named after, then its companions.</summary>
        private static IEnumerable<string> DeclaredTypes(SchemaModel schema, string typeName, string[] companions)
            => companions.Prepend(typeName).Select(type => $"{schema.Namespace}.{type}");
    }
}

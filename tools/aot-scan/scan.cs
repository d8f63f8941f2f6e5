#:property PublishAot=false
// An approximation, for machines without the Native AOT compiler, of the AOT compiler's IL3050 check
// ("RequiresDynamicCode") over the dependencies of a trimmed app (docs/trimming.md). The Roslyn AOT analyzer
// covers our own code; this looks inside the compiled dependencies too.
//
//   dotnet publish src/Bookings.Cli -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=false -o artifacts/cli-jit
//   dotnet run tools/aot-scan/scan.cs -- artifacts/cli-jit
//
// It reads every method body left after trimming in each assembly that is not part of the .NET runtime pack and
// lists the calls to members marked [RequiresDynamicCode] (matched by type and member name, any overload) from
// methods that are neither marked themselves nor covered by an IL3050 suppression on the method, its property
// or its types. Unlike the real compiler it does not follow feature switches (RuntimeFeature.IsDynamicCodeCompiled and the like)
// or reason about instances, so a finding needs reading; it can over-report, and anything it cannot see (dynamic
// code behind an unannotated API) it misses, as the real compiler would too.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.Json;


if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run tools/aot-scan/scan.cs -- PUBLISH_DIR");
    return 2;
}

var dir = args[0];
// The assemblies to scan: every runtime assembly of the app that does not come from the .NET runtime pack
// (our projects and the NuGet packages), read from the publish folder's deps.json.
var include = new HashSet<string>(StringComparer.Ordinal);
var depsFile = Directory.GetFiles(dir, "*.deps.json").Single();
using (var deps = JsonDocument.Parse(File.ReadAllText(depsFile)))
{
    foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
    {
        foreach (var library in target.Value.EnumerateObject())
        {
            if (library.Name.StartsWith("runtimepack.", StringComparison.Ordinal) || !library.Value.TryGetProperty("runtime", out var runtime))
            {
                continue;
            }

            foreach (var file in runtime.EnumerateObject())
            {
                include.Add(Path.GetFileNameWithoutExtension(file.Name));
            }
        }
    }
}

var readers = new Dictionary<string, (PEReader pe, MetadataReader md)>();
foreach (var f in Directory.GetFiles(dir, "*.dll"))
{
    var pe = new PEReader(File.OpenRead(f));
    if (!pe.HasMetadata) continue;
    readers[Path.GetFileNameWithoutExtension(f)] = (pe, pe.GetMetadataReader());
}

static string AttrName(MetadataReader md, CustomAttribute ca)
{
    if (ca.Constructor.Kind == HandleKind.MemberReference)
    {
        var mr = md.GetMemberReference((MemberReferenceHandle)ca.Constructor);
        if (mr.Parent.Kind == HandleKind.TypeReference) return md.GetString(md.GetTypeReference((TypeReferenceHandle)mr.Parent).Name);
    }
    else if (ca.Constructor.Kind == HandleKind.MethodDefinition)
    {
        var m = md.GetMethodDefinition((MethodDefinitionHandle)ca.Constructor);
        return md.GetString(md.GetTypeDefinition(m.GetDeclaringType()).Name);
    }
    return "";
}
static bool Has(MetadataReader md, CustomAttributeHandleCollection attrs, string name) => attrs.Any(h => AttrName(md, md.GetCustomAttribute(h)) == name);
static bool Suppresses3050(MetadataReader md, CustomAttributeHandleCollection attrs) => attrs.Any(h =>
{
    var ca = md.GetCustomAttribute(h);
    var n = AttrName(md, ca);
    if (n != "UnconditionalSuppressMessageAttribute" && n != "SuppressMessageAttribute") return false;
    var br = md.GetBlobReader(ca.Value); br.ReadUInt16(); br.ReadSerializedString(); var id = br.ReadSerializedString() ?? "";
    return id.StartsWith("IL3050") || id.StartsWith("IL3051");
});
static string TypeDefName(MetadataReader md, TypeDefinitionHandle h)
{
    var t = md.GetTypeDefinition(h);
    var name = md.GetString(t.Name);
    var decl = t.GetDeclaringType();
    if (!decl.IsNil) return TypeDefName(md, decl) + "/" + name;
    var ns = md.GetString(t.Namespace);
    return ns.Length > 0 ? ns + "." + name : name;
}
static string TypeRefName(MetadataReader md, TypeReferenceHandle h)
{
    var t = md.GetTypeReference(h);
    var name = md.GetString(t.Name);
    if (t.ResolutionScope.Kind == HandleKind.TypeReference) return TypeRefName(md, (TypeReferenceHandle)t.ResolutionScope) + "/" + name;
    var ns = md.GetString(t.Namespace);
    return ns.Length > 0 ? ns + "." + name : name;
}
static string? TypeName(MetadataReader md, EntityHandle h) => h.Kind switch
{
    HandleKind.TypeDefinition => TypeDefName(md, (TypeDefinitionHandle)h),
    HandleKind.TypeReference => TypeRefName(md, (TypeReferenceHandle)h),
    HandleKind.TypeSpecification => SpecName(md, (TypeSpecificationHandle)h),
    _ => null,
};
static string? SpecName(MetadataReader md, TypeSpecificationHandle h)
{
    // generic instantiation: 0x15 (GENERICINST) then CLASS/VALUETYPE then a TypeDefOrRef coded index
    var br = md.GetBlobReader(md.GetTypeSpecification(h).Signature);
    if (br.ReadByte() != 0x15) return null;
    br.ReadByte();
    var th = br.ReadTypeHandle();
    return TypeName(md, th);
}

// Index of [RequiresDynamicCode] members (type::name), by any overload.
var rdc = new HashSet<string>();
foreach (var (_, (_, md)) in readers)
foreach (var th in md.TypeDefinitions)
{
    var t = md.GetTypeDefinition(th);
    bool typeRdc = Has(md, t.GetCustomAttributes(), "RequiresDynamicCodeAttribute");
    foreach (var mh in t.GetMethods())
    {
        var m = md.GetMethodDefinition(mh);
        if (typeRdc || Has(md, m.GetCustomAttributes(), "RequiresDynamicCodeAttribute"))
            rdc.Add(TypeDefName(md, th) + "::" + md.GetString(m.Name));
    }
}
Console.WriteLine($"RequiresDynamicCode members indexed: {rdc.Count}");

int findings = 0;
foreach (var (asmName, (pe, md)) in readers)
{
    if (!include.Contains(asmName)) continue;
    int asmFindings = 0;
    foreach (var th in md.TypeDefinitions)
    {
        var t = md.GetTypeDefinition(th);
        bool typeOk = Has(md, t.GetCustomAttributes(), "RequiresDynamicCodeAttribute") || Suppresses3050(md, t.GetCustomAttributes());
        for (var d = t.GetDeclaringType(); !d.IsNil; d = md.GetTypeDefinition(d).GetDeclaringType())
            typeOk |= Has(md, md.GetTypeDefinition(d).GetCustomAttributes(), "RequiresDynamicCodeAttribute") || Suppresses3050(md, md.GetTypeDefinition(d).GetCustomAttributes());
        // Suppressions and annotations on a property or event cover its accessors.
        var coveredAccessors = new HashSet<MethodDefinitionHandle>();
        foreach (var ph in t.GetProperties())
        {
            var p = md.GetPropertyDefinition(ph);
            if (Has(md, p.GetCustomAttributes(), "RequiresDynamicCodeAttribute") || Suppresses3050(md, p.GetCustomAttributes()))
            {
                var a = p.GetAccessors();
                if (!a.Getter.IsNil) coveredAccessors.Add(a.Getter);
                if (!a.Setter.IsNil) coveredAccessors.Add(a.Setter);
            }
        }
        foreach (var mh in t.GetMethods())
        {
            var m = md.GetMethodDefinition(mh);
            if (m.RelativeVirtualAddress == 0) continue;
            bool ok = typeOk || coveredAccessors.Contains(mh) || Has(md, m.GetCustomAttributes(), "RequiresDynamicCodeAttribute") || Suppresses3050(md, m.GetCustomAttributes());
            var body = pe.GetMethodBody(m.RelativeVirtualAddress);
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int op = il.ReadByte();
                if (op == 0xFE) op = 0xFE00 | il.ReadByte();
                var code = (ILOpCode)op;
                switch (code)
                {
                    case ILOpCode.Call: case ILOpCode.Callvirt: case ILOpCode.Newobj: case ILOpCode.Ldftn: case ILOpCode.Ldvirtftn:
                    {
                        var token = il.ReadInt32();
                        var h = MetadataTokens.EntityHandle(token);
                        if (h.Kind == HandleKind.MethodSpecification) h = md.GetMethodSpecification((MethodSpecificationHandle)h).Method;
                        string? key = null;
                        if (h.Kind == HandleKind.MethodDefinition)
                        {
                            var md2 = md.GetMethodDefinition((MethodDefinitionHandle)h);
                            key = TypeDefName(md, md2.GetDeclaringType()) + "::" + md.GetString(md2.Name);
                        }
                        else if (h.Kind == HandleKind.MemberReference)
                        {
                            var mr = md.GetMemberReference((MemberReferenceHandle)h);
                            var tn = TypeName(md, mr.Parent);
                            if (tn != null) key = tn + "::" + md.GetString(mr.Name);
                        }
                        if (key != null && rdc.Contains(key) && !ok)
                        {
                            findings++; asmFindings++;
                            if (asmFindings <= 40) Console.WriteLine($"{asmName}: {TypeDefName(md, th)}::{md.GetString(m.Name)} -> {key}");
                        }
                        break;
                    }
                    case ILOpCode.Switch: { var n = il.ReadInt32(); il.Offset += 4 * n; break; }
                    default: il.Offset += OperandSize(code); break;
                }
            }
        }
    }
    Console.WriteLine($"== {asmName}: {asmFindings} call sites");
}
Console.WriteLine($"total: {findings}");
return 0;

static int OperandSize(ILOpCode c)
{
    switch (c)
    {
        case ILOpCode.Ldarg_s: case ILOpCode.Ldarga_s: case ILOpCode.Starg_s: case ILOpCode.Ldloc_s: case ILOpCode.Ldloca_s: case ILOpCode.Stloc_s:
        case ILOpCode.Ldc_i4_s: case ILOpCode.Br_s: case ILOpCode.Brfalse_s: case ILOpCode.Brtrue_s: case ILOpCode.Beq_s: case ILOpCode.Bge_s:
        case ILOpCode.Bgt_s: case ILOpCode.Ble_s: case ILOpCode.Blt_s: case ILOpCode.Bne_un_s: case ILOpCode.Bge_un_s: case ILOpCode.Bgt_un_s:
        case ILOpCode.Ble_un_s: case ILOpCode.Blt_un_s: case ILOpCode.Leave_s: case ILOpCode.Unaligned:
            return 1;
        case ILOpCode.Ldarg: case ILOpCode.Ldarga: case ILOpCode.Starg: case ILOpCode.Ldloc: case ILOpCode.Ldloca: case ILOpCode.Stloc:
            return 2;
        case ILOpCode.Ldc_i8: case ILOpCode.Ldc_r8:
            return 8;
        case ILOpCode.Ldc_i4: case ILOpCode.Ldc_r4: case ILOpCode.Br: case ILOpCode.Brfalse: case ILOpCode.Brtrue: case ILOpCode.Beq: case ILOpCode.Bge:
        case ILOpCode.Bgt: case ILOpCode.Ble: case ILOpCode.Blt: case ILOpCode.Bne_un: case ILOpCode.Bge_un: case ILOpCode.Bgt_un: case ILOpCode.Ble_un:
        case ILOpCode.Blt_un: case ILOpCode.Leave: case ILOpCode.Jmp: case ILOpCode.Calli: case ILOpCode.Ldfld: case ILOpCode.Ldflda: case ILOpCode.Stfld:
        case ILOpCode.Ldsfld: case ILOpCode.Ldsflda: case ILOpCode.Stsfld: case ILOpCode.Ldstr: case ILOpCode.Ldtoken: case ILOpCode.Box: case ILOpCode.Unbox:
        case ILOpCode.Unbox_any: case ILOpCode.Castclass: case ILOpCode.Isinst: case ILOpCode.Newarr: case ILOpCode.Ldelema: case ILOpCode.Ldelem:
        case ILOpCode.Stelem: case ILOpCode.Ldobj: case ILOpCode.Stobj: case ILOpCode.Cpobj: case ILOpCode.Initobj: case ILOpCode.Mkrefany:
        case ILOpCode.Refanyval: case ILOpCode.Sizeof: case ILOpCode.Constrained:
            return 4;
        default:
            return 0;
    }
}

// A consumer of the Bookings.Generated package: its own descriptor (notes.tables.json), wired the way a
// service wires it (configuration, DI, the generated Add…Repositories), run against the endpoint in args[0].
// Each line it prints is checked by tests/Packaging.Tests.
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notes.Data;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Notes.Consumer ENDPOINT TABLE_PREFIX");
    return 2;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DynamoDb:ServiceUrl"] = args[0],
    ["DynamoDb:Region"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
    ["DynamoDb:AccessKeyId"] = "local",
    ["DynamoDb:SecretAccessKey"] = "local",
    ["DynamoDb:TableNamePrefix"] = args[1],
}).Build();

await using var provider = new ServiceCollection()
    .AddNotesRepositories(configuration.GetSection("DynamoDb"))
    .BuildServiceProvider();
var tables = provider.GetRequiredService<DynamoTableManager>();
var notes = provider.GetRequiredService<INoteRepository>();

try
{
    Console.WriteLine("ensured " + string.Join(",", await tables.EnsureTablesAsync(NotesSchema.Tables)));
    await notes.PutAsync(new Note { Key = NoteKey.Create("ana", 1), Title = "first" });
    await notes.PutAsync(new Note { Key = NoteKey.Create("ana", 2), Title = "second", Pinned = true });
    Console.WriteLine("created again " + await notes.CreateAsync(new Note { Key = NoteKey.Create("ana", 1), Title = "again" }));

    var note = await notes.GetAsync(NoteKey.Create("ana", 1));
    Console.WriteLine($"get {note?.Title} pinned={note?.Pinned} views={note?.Views} sk={note?.Key.Sk}");

    var updated = await notes.UpdateAsync(NoteKey.Create("ana", 1), new NoteUpdate().AddViews(3))
        ? await notes.GetAsync(NoteKey.Create("ana", 1), new ReadOptions { ConsistentRead = true })
        : null;
    Console.WriteLine($"update views={updated?.Views}");

    var titles = new List<string>();
    await foreach (var n in notes.QueryAsync("ana"))
    {
        titles.Add(n.Title);
    }

    Console.WriteLine("query " + string.Join(",", titles));
    Console.WriteLine("missing " + (await notes.GetAsync(NoteKey.Create("bob", 9)) is null));

    try
    {
        NoteKey.Create("Ana!", 1);
        Console.WriteLine("invalid key accepted");
    }
    catch (DynamoValidationException)
    {
        Console.WriteLine("invalid key rejected");
    }
}
finally
{
    Console.WriteLine("deleted " + string.Join(",", await tables.DeleteTablesAsync(NotesSchema.Tables)));
}

return 0;

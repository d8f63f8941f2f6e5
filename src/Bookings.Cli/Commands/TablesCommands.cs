using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Bookings.Cli.Commands
{
    /// <summary>
    /// <c>tables ensure|list|verify|delete</c>, through the runtime's <see cref="DynamoTableManager"/> (which also turns on
    /// the session table's time to live on <c>expires_at</c>, as the schema declares).
    /// </summary>
    internal static class TablesCommands
    {
        public static Command Create(CliIo io)
            => new("tables", "Create, list, verify or delete the booking and session tables.") { Ensure(io), List(io), Verify(io), Delete(io) };

        private static Command Ensure(CliIo io)
        {
            var command = new Command("ensure", "Create the sms and session tables where missing (with --table-prefix), wait until they are active, and turn on the session table's time to live (expires_at).");
            return command.Runs(io, async (context, parse, ct) =>
            {
                var manager = Manager(context);
                var created = await manager.EnsureTablesAsync(BookingsSchema.Tables, ct).ConfigureAwait(false);
                var rows = new List<TableRow>();
                foreach (var definition in BookingsSchema.Tables)
                {
                    var name = context.TableName(definition);
                    var ttl = definition.TtlAttribute is null ? null : await DescribeTtlAsync(context, name, ct).ConfigureAwait(false);
                    rows.Add(new TableRow(definition.EntityName, name, created.Contains(name) ? "created" : "exists", ttl));
                }

                WriteTables(context, rows, withTtl: true);
                return ExitCodes.Success;
            }, ensureTablesWhenEmbedded: false);
        }

        private static Command List(CliIo io)
        {
            var command = new Command("list", "List every table at the endpoint, marking the ones this tool uses under the current --table-prefix.");
            return command.Runs(io, async (context, parse, ct) =>
            {
                var names = await Manager(context).ListAsync(ct).ConfigureAwait(false);
                var ours = BookingsSchema.Tables.ToDictionary(t => context.TableName(t), t => t.EntityName, StringComparer.Ordinal);
                if (context.Json)
                {
                    // "entity" is null for a table this tool does not use.
                    context.WriteJsonObject(json => json.WriteObjects("tables", names, (row, name) =>
                    {
                        row.WriteString("name", name);
                        row.WriteString("entity", ours.GetValueOrDefault(name));
                    }));
                }
                else if (names.Count == 0)
                {
                    context.Out.WriteLine($"No tables at {context.TargetDescription}. Create them with 'bookings tables ensure'.");
                }
                else
                {
                    var table = new TextTable("table", "used as");
                    foreach (var name in names)
                    {
                        table.Add(name, ours.TryGetValue(name, out var entity) ? entity : "-");
                    }

                    table.WriteTo(context.Out);
                }

                return ExitCodes.Success;
            }, ensureTablesWhenEmbedded: false);
        }

        private static Command Verify(CliIo io)
        {
            var command = new Command("verify", "Compare the live sms and session tables (with --table-prefix) with the schema: keys, billing mode, capacities, indexes, time to live. Changes nothing; exit code 8 when they differ.");
            return command.Runs(io, async (context, parse, ct) =>
            {
                var differences = await Manager(context).VerifyAsync(BookingsSchema.Tables, ct).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJsonObject(json => json.WriteObjects("differences", differences, (row, difference) =>
                    {
                        row.WriteString("table", difference.Table);
                        row.WriteString("what", difference.What);
                        row.WriteString("expected", difference.Expected);
                        row.WriteString("actual", difference.Actual);
                    }));
                }
                else if (differences.Count == 0)
                {
                    context.Out.WriteLine($"The tables match the schema: {string.Join(", ", BookingsSchema.Tables.Select(context.TableName))}.");
                }
                else
                {
                    var table = new TextTable("table", "what", "is", "expected");
                    foreach (var difference in differences)
                    {
                        table.Add(difference.Table, difference.What, difference.Actual, difference.Expected);
                    }

                    table.WriteTo(context.Out);
                }

                return differences.Count == 0 ? ExitCodes.Success : ExitCodes.TablesDiffer;
            }, ensureTablesWhenEmbedded: false);
        }

        private static Command Delete(CliIo io)
        {
            var yes = new Option<bool>("--yes") { Description = "Confirm: delete the tables and every booking and session in them." };
            var command = new Command("delete", "Delete the sms and session tables (with --table-prefix) and all their data. Needs --yes.") { yes };
            return command.Runs(
                io,
                async (context, parse, ct) =>
                {
                    var deleted = await Manager(context).DeleteTablesAsync(BookingsSchema.Tables, ct).ConfigureAwait(false);
                    var rows = BookingsSchema.Tables
                        .Select(t => new TableRow(t.EntityName, context.TableName(t), deleted.Contains(context.TableName(t)) ? "deleted" : "absent", Ttl: null))
                        .ToList();
                    WriteTables(context, rows, withTtl: false);
                    return ExitCodes.Success;
                },
                ensureTablesWhenEmbedded: false,
                validate: parse =>
                {
                    if (!parse.GetValue(yes))
                    {
                        throw CliException.Usage(
                            "Refusing to delete the tables without confirmation: this deletes every booking and session in them.",
                            "Add --yes (and check --endpoint and --table-prefix first; 'bookings tables list' shows what is there).");
                    }
                });
        }

        /// <summary>One of this tool's tables as <c>ensure</c> and <c>delete</c> report it.</summary>
        private sealed record TableRow(string Entity, string Table, string Status, string? Ttl);

        /// <summary>Reports <c>ensure</c>'s or <c>delete</c>'s tables: as JSON for scripts, as a table for people.</summary>
        private static void WriteTables(CliContext context, IReadOnlyList<TableRow> rows, bool withTtl)
        {
            if (context.Json)
            {
                context.WriteJsonObject(json => json.WriteObjects("tables", rows, (properties, row) =>
                {
                    properties.WriteString("entity", row.Entity);
                    properties.WriteString("table", row.Table);
                    properties.WriteString("status", row.Status);
                    if (withTtl)
                    {
                        // Null when the table has no time to live, so every row has the same fields.
                        properties.WriteString("ttl", row.Ttl);
                    }
                }));
                return;
            }

            var table = withTtl ? new TextTable("entity", "table", "status", "time to live") : new TextTable("entity", "table", "status");
            foreach (var row in rows)
            {
                if (withTtl)
                {
                    table.Add(row.Entity, row.Table, row.Status, row.Ttl ?? "-");
                }
                else
                {
                    table.Add(row.Entity, row.Table, row.Status);
                }
            }

            table.WriteTo(context.Out);
        }

        private static DynamoTableManager Manager(CliContext context)
            => new(context.Client, context.Options, context.Loggers.CreateLogger<DynamoTableManager>());

        /// <summary>The time-to-live state of a table, such as "expires_at (ENABLED)".</summary>
        private static async Task<string> DescribeTtlAsync(CliContext context, string table, CancellationToken cancellationToken)
        {
            var runner = new DynamoOperationRunner(context.Options, context.Loggers.CreateLogger("Bookings.Cli.Tables"));
            var response = await runner.ExecuteAsync(
                new DynamoOperation("DescribeTimeToLive", table),
                c => context.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, c),
                cancellationToken).ConfigureAwait(false);
            var description = response.TimeToLiveDescription;
            return description?.TimeToLiveStatus is null
                ? "off"
                : $"{description.AttributeName ?? "?"} ({description.TimeToLiveStatus.Value})";
        }
    }
}

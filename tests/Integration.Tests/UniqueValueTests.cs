using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Users;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Unique values (<c>"unique": true</c>, users.tables.json): every create, put, update that changes a value and delete
    /// keeps one guard item per value in the same transaction, so two entities never hold the same value, and the table
    /// holds a guard for exactly the values its entities hold. Each test scans the raw table to check the guards.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class UniqueValueTests
    {
        private readonly DynamoDbFixture _fixture;

        public UniqueValueTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(UserRepository Users, DynamoRepositoryOptions Options)> UsersAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, new[] { UserTable.Definition }, GuardedLogs.For<DynamoTableManager>());

            // Sixteen transactions on one guard item conflict; the runner retries them as contention.
            options.Retry = new RetryOptions { MaxAttempts = 30, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100), MaxElapsed = TimeSpan.FromMinutes(2) };
            return (new UserRepository(_fixture.Client, options, GuardedLogs.For<UserRepository>()), options);
        }

        private static User NewUser(string id, string username, string? email = null, string? phone = null)
            => new() { Key = UserKey.Create(id), Username = username, Email = email, Phone = phone };

        /// <summary>Every item of the table as stored: the guards are the items whose partition key starts with UNIQUE#.</summary>
        private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string table)
        {
            var items = new List<Dictionary<string, AttributeValue>>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await _fixture.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
                items.AddRange(page.Items ?? new List<Dictionary<string, AttributeValue>>());
                start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null);
            return items;
        }

        /// <summary>The guards of a table of one entity: their partition key text, and the key of the owner.</summary>
        private async Task<Dictionary<string, string>> GuardsAsync(string table, string partitionKey = "user_id")
            => (await ScanAsync(table))
                .Where(i => i[partitionKey].S?.StartsWith("UNIQUE#", StringComparison.Ordinal) == true)
                .ToDictionary(i => i[partitionKey].S, i => i["_owner_pk"].S, StringComparer.Ordinal);

        [Fact]
        public async Task Sixteen_creates_of_one_username_leave_exactly_one_winner_and_no_guard_of_a_loser()
        {
            const int Tasks = 16;
            var (users, _) = await UsersAsync("unique-race");
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(n => Task.Run(async () =>
            {
                try
                {
                    return await users.CreateAsync(NewUser("u" + n.ToString(CultureInfo.InvariantCulture), "ada")) ? "won" : "exists";
                }
                catch (DynamoUniqueValueException taken)
                {
                    Assert.Equal("username", taken.Attribute);
                    Assert.Equal("User", taken.Entity);
                    return "taken";
                }
            })));

            Assert.Equal(1, outcomes.Count(o => o == "won"));
            Assert.Equal(Tasks - 1, outcomes.Count(o => o == "taken"));

            var items = await ScanAsync(users.TableName);
            var winner = Assert.Single(items, i => !i["user_id"].S.StartsWith("UNIQUE#", StringComparison.Ordinal));
            var guard = Assert.Single(items, i => i["user_id"].S.StartsWith("UNIQUE#", StringComparison.Ordinal));
            Assert.Equal("UNIQUE#User#username#ada", guard["user_id"].S);
            Assert.Equal(winner["user_id"].S, guard["_owner_pk"].S);
            Assert.Equal(2, items.Count);

            // A scan of the repository reads users only: guard items are not entities.
            Assert.Equal(winner["user_id"].S, Assert.Single(await AsyncItems.ToListAsync(users.ScanAsync())).Key.UserId);
        }

        [Fact]
        public async Task An_update_that_changes_a_value_releases_the_old_guard_and_a_taken_value_changes_nothing()
        {
            var (users, _) = await UsersAsync("unique-update");
            Assert.True(await users.CreateAsync(NewUser("u1", "ada", email: "ada@example.com")));
            Assert.True(await users.CreateAsync(NewUser("u2", "grace")));

            Assert.True(await users.UpdateAsync(UserKey.Create("u1"), new UserUpdate().SetUsername("countess").SetDisplayName("Ada")));
            var guards = await GuardsAsync(users.TableName);
            Assert.Equal(new[] { "UNIQUE#User#email#ada@example.com", "UNIQUE#User#username#countess", "UNIQUE#User#username#grace" }, guards.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("u1", guards["UNIQUE#User#username#countess"]);

            // The old value is free again; the new one is taken, and a refused update changes nothing.
            Assert.True(await users.CreateAsync(NewUser("u3", "ada")));
            var taken = await Assert.ThrowsAsync<DynamoUniqueValueException>(() => users.UpdateAsync(UserKey.Create("u2"), new UserUpdate().SetUsername("countess").SetDisplayName("Grace")));
            Assert.Equal("username", taken.Attribute);
            Assert.Contains("'countess'", taken.Message, StringComparison.Ordinal);
            var grace = await users.GetAsync(UserKey.Create("u2"), new ReadOptions { ConsistentRead = true });
            Assert.Equal("grace", grace!.Username);
            Assert.Null(grace.DisplayName);

            // Removing an optional unique value releases its guard; an update of nothing unique is a plain update.
            Assert.True(await users.UpdateAsync(UserKey.Create("u1"), new UserUpdate().RemoveEmail()));
            Assert.True(await users.UpdateAsync(UserKey.Create("u1"), new UserUpdate().SetDisplayName("Lovelace")));
            Assert.False(await users.UpdateAsync(UserKey.Create("nobody"), new UserUpdate().SetUsername("nobody")));
            Assert.Equal(new[] { "UNIQUE#User#username#ada", "UNIQUE#User#username#countess", "UNIQUE#User#username#grace" }, (await GuardsAsync(users.TableName)).Keys.Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_delete_releases_every_guard_and_a_put_moves_them()
        {
            var (users, _) = await UsersAsync("unique-delete");
            await users.PutAsync(NewUser("u1", "ada", email: "ada@example.com", phone: "+44 7911 123456"));
            Assert.Equal(3, (await GuardsAsync(users.TableName)).Count);

            // A put replaces the item: the values it no longer holds are released, the new ones claimed.
            await users.PutAsync(NewUser("u1", "ada", email: "lovelace@example.com"));
            Assert.Equal(new[] { "UNIQUE#User#email#lovelace@example.com", "UNIQUE#User#username#ada" }, (await GuardsAsync(users.TableName)).Keys.Order(StringComparer.Ordinal));

            // A put of another user with a taken value writes nothing.
            await Assert.ThrowsAsync<DynamoUniqueValueException>(() => users.PutAsync(NewUser("u2", "grace", email: "lovelace@example.com")));
            Assert.Null(await users.GetAsync(UserKey.Create("u2"), new ReadOptions { ConsistentRead = true }));

            Assert.True(await users.DeleteAsync(UserKey.Create("u1")));
            Assert.False(await users.DeleteAsync(UserKey.Create("u1")));
            Assert.Empty(await ScanAsync(users.TableName));
        }

        [Fact]
        public async Task A_taken_sensitive_value_is_masked_in_the_exception()
        {
            var (users, _) = await UsersAsync("unique-masked");
            await users.PutAsync(NewUser("u1", "ada", email: "ada.lovelace@example.com", phone: "+447911123456"));

            var email = await Assert.ThrowsAsync<DynamoUniqueValueException>(() => users.CreateAsync(NewUser("u2", "grace", email: "ada.lovelace@example.com")));
            Assert.Equal("email", email.Attribute);
            Assert.Contains("a***", email.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("lovelace", email.Message, StringComparison.Ordinal);

            var phone = await Assert.ThrowsAsync<DynamoUniqueValueException>(() => users.CreateAsync(NewUser("u3", "grace", phone: "+44 (7911) 123-456")));
            Assert.Equal("phone", phone.Attribute);
            Assert.Contains("+********3456", phone.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("7911", phone.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Batches_and_transaction_items_that_cannot_keep_the_guards_are_refused_before_any_request()
        {
            var (users, _) = await UsersAsync("unique-refused");
            await users.PutAsync(NewUser("u1", "ada"));

            var batch = await Assert.ThrowsAsync<NotSupportedException>(() => users.PutManyAsync(new[] { NewUser("u2", "ada") }));
            Assert.Contains("username", batch.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<NotSupportedException>(() => users.DeleteManyAsync(new[] { UserKey.Create("u1") }));
            Assert.Throws<NotSupportedException>(() => users.TransactPut(NewUser("u2", "ada")));
            Assert.Throws<NotSupportedException>(() => users.TransactDelete(UserKey.Create("u1")));
            Assert.Throws<NotSupportedException>(() => users.TransactUpdate(UserKey.Create("u1"), new UserUpdate().SetUsername("grace")));

            // A value whose guard's key would be over DynamoDB's 2048 bytes is refused before anything is read.
            var tooLong = await Assert.ThrowsAsync<DynamoValidationException>(() => users.PutAsync(NewUser("u2", "grace", email: new string('e', 2100) + "@example.com")));
            Assert.Equal("email", tooLong.Attribute);
            Assert.Equal(0, tooLong.Attempts);

            // A transaction item that changes nothing unique keeps its guarantee without guards.
            await new DynamoTransactions(_fixture.Client).WriteAsync(new[] { users.TransactUpdate(UserKey.Create("u1"), new UserUpdate().SetDisplayName("Ada")) });
            Assert.Equal("Ada", (await users.GetAsync(UserKey.Create("u1"), new ReadOptions { ConsistentRead = true }))!.DisplayName);
            Assert.Single(await GuardsAsync(users.TableName));
        }

        [Fact]
        public async Task Through_lost_answers_every_write_reports_what_it_did_and_the_guards_match_the_users()
        {
            // A quarter of the answers are lost after DynamoDB applied the request: a resent transaction carries its
            // token, so the winner of a value is told it won, never that the value is taken (by itself).
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan
            {
                Seed = 61,
                DropAfterForwardRate = 0.15,
                InternalServerErrorAfterForwardRate = 0.10,
                MaxRequests = 200_000,
                MaxLifetime = TimeSpan.FromMinutes(10),
            });
            using var client = proxy.CreateClient();
            var (direct, options) = await UsersAsync("unique-lost");
            var users = new UserRepository(client, options, GuardedLogs.For<UserRepository>());
            const int Count = 24;
            static UserKey Key(int n) => UserKey.Create("u" + n.ToString(CultureInfo.InvariantCulture));

            for (var n = 0; n < Count; n++)
            {
                Assert.True(await users.CreateAsync(new User { Key = Key(n), Username = "name" + n.ToString(CultureInfo.InvariantCulture) }));
            }

            for (var n = 0; n < Count; n += 2)
            {
                Assert.True(await users.UpdateAsync(Key(n), new UserUpdate().SetUsername("renamed" + n.ToString(CultureInfo.InvariantCulture))));
            }

            for (var n = 0; n < Count; n += 3)
            {
                Assert.True(await users.DeleteAsync(Key(n)));
            }

            var expected = Enumerable.Range(0, Count).Where(n => n % 3 != 0)
                .Select(n => (Guard: "UNIQUE#User#username#" + (n % 2 == 0 ? "renamed" : "name") + n.ToString(CultureInfo.InvariantCulture), Owner: "u" + n.ToString(CultureInfo.InvariantCulture)))
                .OrderBy(g => g.Guard, StringComparer.Ordinal);
            var guards = await GuardsAsync(direct.TableName);
            Assert.Equal(expected, guards.Select(g => (Guard: g.Key, Owner: g.Value)).OrderBy(g => g.Guard, StringComparer.Ordinal));
            Assert.True(proxy.Stats.DroppedAfterForward + proxy.Stats.InternalServerErrorAfterForward > 5, "Too few answers were lost: " + proxy.Stats);
        }

        [Fact]
        public async Task In_a_shared_table_with_a_sort_key_each_entity_keeps_its_own_values_unique()
        {
            var options = await FreshTables.CreateAsync(_fixture, "unique-shared", UsersSchema.Tables.Where(t => t.TableName == "workspaces"), GuardedLogs.For<DynamoTableManager>());
            var teams = new TeamRepository(_fixture.Client, options, GuardedLogs.For<TeamRepository>());
            var projects = new ProjectRepository(_fixture.Client, options, GuardedLogs.For<ProjectRepository>());

            Assert.True(await teams.CreateAsync(new Team { Key = TeamKey.Create("acme", "t1"), Slug = "core" }));
            Assert.True(await projects.CreateAsync(new Project { Key = ProjectKey.Create("acme", 1), Slug = "core" }));
            await Assert.ThrowsAsync<DynamoUniqueValueException>(() => teams.CreateAsync(new Team { Key = TeamKey.Create("other", "t2"), Slug = "core" }));
            Assert.True(await teams.UpdateAsync(TeamKey.Create("acme", "t1"), new TeamUpdate().SetSlug("platform")));
            Assert.True(await teams.CreateAsync(new Team { Key = TeamKey.Create("other", "t2"), Slug = "core" }));

            var items = await ScanAsync(teams.TableName);
            var guards = items.Where(i => i["pk"].S.StartsWith("UNIQUE#", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "UNIQUE#Project#slug#core", "UNIQUE#Team#slug#core", "UNIQUE#Team#slug#platform" }, guards.Select(g => g["pk"].S).Order(StringComparer.Ordinal));
            Assert.All(guards, g => Assert.Equal("UNIQUE", g["sk"].S));
            var platform = guards.Single(g => g["pk"].S == "UNIQUE#Team#slug#platform");
            Assert.Equal(("ORG#acme", "TEAM#t1"), (platform["_owner_pk"].S, platform["_owner_sk"].S));
            Assert.Equal(2, (await AsyncItems.ToListAsync(teams.ScanAsync())).Count);
        }

        private async Task<AccountRepository> AccountsAsync(string name, TimeProvider time)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, new[] { AccountTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            options.ConsistentRead = true;
            options.TimeProvider = time;
            return new AccountRepository(_fixture.Client, options, GuardedLogs.For<AccountRepository>());
        }

        [Fact]
        public async Task An_entity_with_unique_values_a_counter_and_timestamps_keeps_its_guards_and_its_counter_through_every_write()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
            var accounts = await AccountsAsync("unique-managed", time);
            var key = AccountKey.Create("a1");

            Assert.True(await accounts.CreateAsync(new Account { Key = key, Handle = "ada" }));
            var created = (await accounts.GetAsync(key))!;
            Assert.Equal(5, created.Logins);
            Assert.Equal(7, await accounts.IncrementLoginsAsync(key, 2));
            Assert.Equal(new[] { "UNIQUE#Account#handle#ada" }, (await GuardsAsync(accounts.TableName, "account_id")).Keys);

            // A put of an entity that keeps a counter and a creation time is an update: it moves the guard and keeps both.
            time.Advance(TimeSpan.FromMinutes(5));
            await accounts.PutAsync(new Account { Key = key, Handle = "countess", Logins = 0 });
            var put = (await accounts.GetAsync(key))!;
            Assert.Equal(("countess", 7, created.CreatedAt), (put.Handle, put.Logins, put.CreatedAt));
            Assert.Equal(created.UpdatedAt!.Value.AddMinutes(5), put.UpdatedAt);
            var guards = await GuardsAsync(accounts.TableName, "account_id");
            Assert.Equal(new[] { "UNIQUE#Account#handle#countess" }, guards.Keys);
            Assert.Equal("a1", guards["UNIQUE#Account#handle#countess"]);

            // A put of a new item starts its counter; a put of a taken value is refused and changes nothing.
            await accounts.PutAsync(new Account { Key = AccountKey.Create("a2"), Handle = "grace", Logins = 40 });
            Assert.Equal(5, (await accounts.GetAsync(AccountKey.Create("a2")))!.Logins);
            var taken = await Assert.ThrowsAsync<DynamoUniqueValueException>(() => accounts.PutAsync(new Account { Key = AccountKey.Create("a2"), Handle = "countess" }));
            Assert.Equal("handle", taken.Attribute);
            Assert.Equal("grace", (await accounts.GetAsync(AccountKey.Create("a2")))!.Handle);
            Assert.False(await accounts.CreateAsync(new Account { Key = key, Handle = "other" }));

            // An update moves the guard and keeps the counter; a delete releases it.
            Assert.True(await accounts.UpdateAsync(key, new AccountUpdate().SetHandle("lovelace")));
            Assert.Equal(7, (await accounts.GetAsync(key))!.Logins);
            Assert.Equal(new[] { "UNIQUE#Account#handle#grace", "UNIQUE#Account#handle#lovelace" }, (await GuardsAsync(accounts.TableName, "account_id")).Keys.Order(StringComparer.Ordinal));
            Assert.True(await accounts.DeleteAsync(key));
            Assert.Equal(new[] { "UNIQUE#Account#handle#grace" }, (await GuardsAsync(accounts.TableName, "account_id")).Keys);
            Assert.Null(await accounts.GetAsync(key));
        }
    }
}

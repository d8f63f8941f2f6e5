using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Integration.Tests.Profiles;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Values the SDK writes or normalises itself (issue 21, items 1, 2 and 4), through every write path: put, create,
    /// update, batch put, transaction items and increments. <c>profiles.tables.json</c> declares them.
    /// </summary>
    [Collection(DynamoDbCollection.Name)]
    public sealed class ManagedValueTests
    {
        private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);

        private readonly DynamoDbFixture _fixture;

        public ManagedValueTests(DynamoDbFixture fixture) => _fixture = fixture;

        private async Task<(ProfileRepository Profiles, TallyRepository Tallies, FakeTimeProvider Time, DynamoRepositoryOptions Options)> CreateAsync(string name)
        {
            var options = await FreshTables.CreateAsync(_fixture, name, ProfilesSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            options.ConsistentRead = true;
            var time = new FakeTimeProvider(Start);
            options.TimeProvider = time;
            return (new ProfileRepository(_fixture.Client, options, GuardedLogs.For<ProfileRepository>()), new TallyRepository(_fixture.Client, options, GuardedLogs.For<TallyRepository>()), time, options);
        }

        private static Profile Sample(string email, string handle = "ada") => new() { Key = ProfileKey.Create(email), Handle = handle };

        [Fact]
        public async Task A_counter_starts_at_its_start_is_incremented_and_survives_every_kind_of_put()
        {
            var (profiles, _, _, options) = await CreateAsync("counter-puts");
            var key = ProfileKey.Create("ada@example.com");

            // The entity's own value is never stored: a new item starts at the declared start.
            Assert.True(await profiles.CreateAsync(Sample("ada@example.com") with { Visits = 7 }));
            Assert.Equal(100, (await profiles.GetAsync(key))!.Visits);
            Assert.Equal(0, (await profiles.GetAsync(key))!.Likes);

            Assert.Equal(101, await profiles.IncrementVisitsAsync(key));
            Assert.Equal(111, await profiles.IncrementVisitsAsync(key, 10));
            Assert.Equal(-2, await profiles.IncrementLikesAsync(key, -2));

            // A put, a batch put and a transaction put of the same item (counter 0 in the entity) keep the stored counters.
            await profiles.PutAsync(Sample("ada@example.com") with { Nickname = "Countess" });
            Assert.Equal(111, (await profiles.GetAsync(key))!.Visits);
            await profiles.PutManyAsync(new[] { Sample("ada@example.com", "ada2"), Sample("bob@example.com", "bob") });
            Assert.Equal(111, (await profiles.GetAsync(key))!.Visits);
            Assert.Equal(100, (await profiles.GetAsync(ProfileKey.Create("bob@example.com")))!.Visits);
            await new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>()).WriteAsync(new[] { profiles.TransactPut(Sample("ada@example.com", "ada3")) });

            var stored = (await profiles.GetAsync(key))!;
            Assert.Equal(111, stored.Visits);
            Assert.Equal(-2, stored.Likes);
            Assert.Equal("ada3", stored.Handle);

            // The put replaced everything else: the nickname the second put dropped is gone.
            Assert.Null(stored.Nickname);
        }

        [Fact]
        public async Task Incrementing_a_missing_item_creates_nothing_and_returns_null()
        {
            var (profiles, _, _, _) = await CreateAsync("counter-missing");
            var key = ProfileKey.Create("nobody@example.com");

            Assert.Null(await profiles.IncrementVisitsAsync(key));
            Assert.Null(await profiles.GetStoredAsync(key));
        }

        [Fact]
        public async Task An_item_stored_before_the_counter_was_declared_counts_from_its_start()
        {
            var (profiles, _, _, _) = await CreateAsync("counter-legacy");
            var key = ProfileKey.Create("old@example.com");
            await _fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = profiles.TableName,
                Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "USER#old@example.com" }, ["handle"] = new() { S = "old" } },
            });

            Assert.Equal(100, (await profiles.GetAsync(key))!.Visits);
            Assert.Equal(101, await profiles.IncrementVisitsAsync(key));
        }

        [Fact]
        public async Task Thirty_two_tasks_of_a_hundred_increments_end_at_exactly_3200_plus_the_start()
        {
            var (profiles, _, _, _) = await CreateAsync("counter-race");
            var key = ProfileKey.Create("busy@example.com");
            await profiles.CreateAsync(Sample("busy@example.com"));

            var seen = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                var values = new List<long>();
                for (var i = 0; i < 100; i++)
                {
                    values.Add((await profiles.IncrementVisitsAsync(key))!.Value);
                }

                return values;
            })));

            Assert.Equal(3_300, (await profiles.GetAsync(key))!.Visits);

            // Each value read back is at least the increment's own result: never below the start plus one, never past the end.
            Assert.All(seen.SelectMany(v => v), v => Assert.InRange(v, 101, 3_300));
        }

        [Fact]
        public async Task Increments_through_lost_answers_are_applied_exactly_once()
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(_fixture.Endpoint, new FaultPlan
            {
                Seed = 51,
                DropAfterForwardRate = 0.15,
                InternalServerErrorAfterForwardRate = 0.10,
                MaxRequests = 200_000,
                MaxLifetime = TimeSpan.FromMinutes(10),
            });
            using var client = proxy.CreateClient();
            var options = await FreshTables.CreateAsync(_fixture, "counter-lost", ProfilesSchema.Tables, GuardedLogs.For<DynamoTableManager>());
            options.Retry = new RetryOptions { MaxAttempts = 30, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20), MaxElapsed = TimeSpan.FromMinutes(2) };
            var through = new ProfileRepository(client, options, GuardedLogs.For<ProfileRepository>());
            var direct = new ProfileRepository(_fixture.Client, options, GuardedLogs.For<ProfileRepository>());
            var key = ProfileKey.Create("lossy@example.com");
            await direct.CreateAsync(Sample("lossy@example.com"));

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    Assert.NotNull(await through.IncrementVisitsAsync(key));
                }
            })));

            Assert.Equal(300, (await direct.GetAsync(key, new ReadOptions { ConsistentRead = true }))!.Visits);
            Assert.True(proxy.Stats.DroppedAfterForward + proxy.Stats.InternalServerErrorAfterForward > 5, "Too few answers were lost: " + proxy.Stats);
        }

        [Fact]
        public async Task Created_is_written_once_and_updated_by_every_write()
        {
            var (profiles, _, time, options) = await CreateAsync("timestamps");
            var key = ProfileKey.Create("ada@example.com");

            // The entity's own times are never stored.
            Assert.True(await profiles.CreateAsync(Sample("ada@example.com") with { CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch }));
            var created = (await profiles.GetAsync(key))!;
            Assert.Equal(Start, created.CreatedAt);
            Assert.Equal(Start, created.UpdatedAt);

            time.Advance(TimeSpan.FromMinutes(1));
            await profiles.PutAsync(Sample("ada@example.com"));
            Assert.Equal((Start, Start.AddMinutes(1)), Times(await profiles.GetAsync(key)));

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await profiles.UpdateAsync(key, new ProfileUpdate().SetNickname("Countess")));
            Assert.Equal((Start, Start.AddMinutes(2)), Times(await profiles.GetAsync(key)));

            time.Advance(TimeSpan.FromMinutes(1));
            await profiles.IncrementVisitsAsync(key);
            Assert.Equal((Start, Start.AddMinutes(3)), Times(await profiles.GetAsync(key)));

            time.Advance(TimeSpan.FromMinutes(1));
            await profiles.PutManyAsync(new[] { Sample("ada@example.com"), Sample("bob@example.com", "bob") });
            Assert.Equal((Start, Start.AddMinutes(4)), Times(await profiles.GetAsync(key)));
            Assert.Equal((Start.AddMinutes(4), Start.AddMinutes(4)), Times(await profiles.GetAsync(ProfileKey.Create("bob@example.com"))));

            time.Advance(TimeSpan.FromMinutes(1));
            var transactions = new DynamoTransactions(_fixture.Client, options, GuardedLogs.For<DynamoTransactions>());
            await transactions.WriteAsync(new[] { profiles.TransactPut(Sample("bob@example.com", "bob")), profiles.TransactUpdate(key, new ProfileUpdate().SetNickname("Ada")) });
            Assert.Equal((Start, Start.AddMinutes(5)), Times(await profiles.GetAsync(key)));
            Assert.Equal((Start.AddMinutes(4), Start.AddMinutes(5)), Times(await profiles.GetAsync(ProfileKey.Create("bob@example.com"))));

            // A create that finds the item changes nothing, its creation time included.
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.False(await profiles.CreateAsync(Sample("ada@example.com")));
            Assert.Equal((Start, Start.AddMinutes(5)), Times(await profiles.GetAsync(key)));
        }

        [Fact]
        public async Task A_versioned_entity_keeps_its_counter_and_stamps_a_utc_datetime()
        {
            var (_, tallies, time, _) = await CreateAsync("versioned-counter");
            var key = TallyKey.Create("t1");
            Assert.True(await tallies.CreateAsync(new Tally { Key = key, Label = "first" }));
            Assert.Equal(7, await tallies.IncrementHitsAsync(key, 2));

            time.Advance(TimeSpan.FromSeconds(30));
            await tallies.PutAsync(new Tally { Key = key, Label = "second", Version = 1 });
            var stored = (await tallies.GetAsync(key))!;
            Assert.Equal(("second", 7, 2L), (stored.Label, stored.Hits, stored.Version));
            Assert.Equal(Start.AddSeconds(30).UtcDateTime, stored.Touched);
            Assert.Equal(DateTimeKind.Utc, stored.Touched!.Value.Kind);

            // The version still guards the put that is sent as an update.
            await Assert.ThrowsAsync<DynamoOptimisticLockException>(() => tallies.PutAsync(new Tally { Key = key, Label = "stale", Version = 1 }));
        }

        [Fact]
        public async Task Normalised_values_are_stored_normalised_and_found_whatever_the_case()
        {
            var (profiles, _, _, _) = await CreateAsync("normalize");

            await profiles.PutAsync(new Profile { Key = ProfileKey.Create("  Ada.Lovelace@Example.COM "), Handle = " AdaL ", Country = "gb" });

            var stored = (await _fixture.Client.GetItemAsync(profiles.TableName, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "USER#ada.lovelace@example.com" } })).Item;
            Assert.Equal("adal", stored["handle"].S);
            Assert.Equal("GB", stored["country"].S);

            // A key built from another spelling addresses the same item; an index query by another spelling finds it.
            Assert.Equal("ada.lovelace@example.com", ProfileKey.Create("ADA.LOVELACE@example.com").Email);
            Assert.NotNull(await profiles.GetAsync(ProfileKey.Create("ADA.LOVELACE@example.com ")));
            var found = await AsyncItems.ToListAsync(profiles.QueryByHandleAsync("  ADAL"));
            Assert.Single(found);

            // Updates and conditions normalise as storing does.
            Assert.True(await profiles.UpdateAsync(ProfileKey.Create("ada.lovelace@example.com"), new ProfileUpdate().SetCountry("fr"), new WriteOptions { Condition = ProfileFields.Handle.Equal("ADAL") }));
            Assert.Equal("FR", (await profiles.GetAsync(ProfileKey.Create("ada.lovelace@example.com")))!.Country);

            // The pattern is checked on the normalised value: "gb" passes as "GB", a three-letter code still fails.
            await Assert.ThrowsAsync<DynamoValidationException>(() => profiles.PutAsync(new Profile { Key = ProfileKey.Create("x@example.com"), Handle = "x", Country = "gbr" }));
        }

        private static (DateTimeOffset? Created, DateTimeOffset? Updated) Times(Profile? profile) => (profile!.CreatedAt, profile.UpdatedAt);

        [Fact]
        public async Task An_int_counter_is_never_incremented_out_of_the_int_range_and_a_refused_increment_changes_nothing()
        {
            var options = await FreshTables.CreateAsync(_fixture, "counter-int-range", new[] { Users.AccountTable.Definition }, GuardedLogs.For<DynamoTableManager>());
            options.ConsistentRead = true;
            var accounts = new Users.AccountRepository(_fixture.Client, options, GuardedLogs.For<Users.AccountRepository>());
            var key = Users.AccountKey.Create("a1");
            Assert.True(await accounts.CreateAsync(new Users.Account { Key = key, Handle = "ada" }));

            // From its start of 5 up to int.MaxValue exactly; one more is refused before anything is stored.
            Assert.Equal(int.MaxValue, await accounts.IncrementLoginsAsync(key, int.MaxValue - 5));
            var refused = await Assert.ThrowsAsync<DynamoValidationException>(() => accounts.IncrementLoginsAsync(key));
            Assert.Equal(("Account", "logins"), (refused.Entity, refused.Attribute));
            Assert.Contains("would leave the range of an int", refused.Message, StringComparison.Ordinal);
            Assert.Equal(int.MaxValue, (await accounts.GetAsync(key))!.Logins);

            // Down to int.MinValue exactly, and no further.
            Assert.Equal(-1, await accounts.IncrementLoginsAsync(key, int.MinValue));
            Assert.Equal(int.MinValue, await accounts.IncrementLoginsAsync(key, -(int.MaxValue)));
            await Assert.ThrowsAsync<DynamoValidationException>(() => accounts.IncrementLoginsAsync(key, -1));
            Assert.Equal(int.MinValue, (await accounts.GetAsync(key))!.Logins);

            // An item stored without the counter counts from the start: start + by must fit too.
            await _fixture.Client.UpdateItemAsync(new UpdateItemRequest { TableName = accounts.TableName, Key = key.ToAttributeMap(), UpdateExpression = "REMOVE logins" });
            await Assert.ThrowsAsync<DynamoValidationException>(() => accounts.IncrementLoginsAsync(key, int.MaxValue));
            Assert.Equal(int.MaxValue, await accounts.IncrementLoginsAsync(key, int.MaxValue - 5));

            // A missing item is still null, whatever the range.
            Assert.Null(await accounts.IncrementLoginsAsync(Users.AccountKey.Create("nobody"), int.MaxValue));
        }
    }
}

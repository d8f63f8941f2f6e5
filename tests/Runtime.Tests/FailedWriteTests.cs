using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// The one classifier of a failed conditional write (<see cref="FailedWrite.Settle"/>) and the version check it asks:
    /// the write's own earlier attempt, a missing or existing item, a lost race, or a failed condition with the raw item.
    /// </summary>
    public sealed class FailedWriteTests
    {
        private static readonly Dictionary<string, AttributeValue> StoredAtVersion3 = new()
        {
            ["pk"] = new() { S = "a" },
            ["version"] = new() { N = "3" },
        };

        private static ItemWrite Write(WriteKind kind, VersionCheck? version = null, bool? appliesOnce = null, bool showsThisWrite = false)
            => new(new TransactWriteItem(), new Key(), kind, version ?? VersionCheck.None, appliesOnce ?? version is VersionCheck.At, _ => showsThisWrite);

        private static FailedWrite Failed(IReadOnlyDictionary<string, AttributeValue>? stored, bool afterLostAnswer = false)
            => new(stored, new DynamoConditionFailedException("UpdateItem on table 't' for Key: the condition was not met.", "UpdateItem", "t", "Key", 2, null) { AfterUncertainAttempt = afterLostAnswer });

        private static bool Settle(ItemWrite write, FailedWrite failed) => failed.Settle(write, failed.Stored, "t", _ => "the entity");

        [Theory]
        [InlineData(nameof(WriteKind.Put))]
        [InlineData(nameof(WriteKind.Update))]
        [InlineData(nameof(WriteKind.Delete))]
        public void A_retry_that_meets_its_own_write_after_a_lost_answer_is_done(string kind)
        {
            var write = Write(Enum.Parse<WriteKind>(kind), showsThisWrite: true);
            Assert.True(Settle(write, Failed(write.Kind == WriteKind.Delete ? null : StoredAtVersion3, afterLostAnswer: true)));
        }

        [Fact]
        public void Without_a_lost_answer_the_same_item_is_a_failed_condition_with_the_item_as_stored()
        {
            var failed = Assert.Throws<DynamoConditionFailedException>(() => Settle(Write(WriteKind.Update, showsThisWrite: true), Failed(StoredAtVersion3)));
            Assert.Same(StoredAtVersion3, failed.StoredItem);
            Assert.Equal("the entity", failed.CurrentItem);
            Assert.Equal(2, failed.Attempts);
        }

        [Fact]
        public void A_write_applied_once_never_takes_the_stored_item_for_its_own()
        {
            // Its request token makes DynamoDB answer a resend with the first success, so a failed condition is real.
            var write = Write(WriteKind.Update, appliesOnce: true, showsThisWrite: true);
            Assert.Throws<DynamoConditionFailedException>(() => Settle(write, Failed(StoredAtVersion3, afterLostAnswer: true)));
        }

        [Fact]
        public void A_create_that_finds_an_item_has_nothing_to_do_and_reads_the_item_only_after_a_lost_answer()
        {
            Assert.False(Settle(Write(WriteKind.Create), Failed(null)));
            Assert.False(Failed(null).NeedsStoredItem(Write(WriteKind.Create)));
            Assert.True(Failed(null, afterLostAnswer: true).NeedsStoredItem(Write(WriteKind.Create)));
            Assert.False(Failed(null, afterLostAnswer: true).NeedsStoredItem(Write(WriteKind.Put)));

            // The item read apart shows the create's own item: created, not "exists".
            var failed = Failed(null, afterLostAnswer: true);
            Assert.True(failed.Settle(Write(WriteKind.Create, showsThisWrite: true), StoredAtVersion3, "t", _ => "the entity"));
        }

        [Theory]
        [InlineData(nameof(WriteKind.Update))]
        [InlineData(nameof(WriteKind.Delete))]
        public void An_update_or_delete_that_finds_no_item_has_nothing_to_do(string kind)
            => Assert.False(Settle(Write(Enum.Parse<WriteKind>(kind), new VersionCheck.At("pk", "version", 3)), Failed(null)));

        [Fact]
        public void A_put_whose_condition_fails_on_no_item_is_a_failed_condition_without_a_stored_item()
        {
            var failed = Assert.Throws<DynamoConditionFailedException>(() => Settle(Write(WriteKind.Put), Failed(null)));
            Assert.Null(failed.StoredItem);
            Assert.Null(failed.CurrentItem);
        }

        [Fact]
        public void A_versioned_write_that_finds_another_version_or_no_item_lost_a_race()
        {
            var lost = Assert.Throws<DynamoOptimisticLockException>(() => Settle(Write(WriteKind.Update, new VersionCheck.At("pk", "version", 2)), Failed(StoredAtVersion3)));
            Assert.Equal(2, lost.ExpectedVersion);
            Assert.Same(StoredAtVersion3, lost.StoredItem);
            Assert.Equal("the entity", lost.CurrentItem);

            // A put at version 2 whose item is gone lost it to a delete; a put of a new entity (version 0) that finds none
            // failed the caller's own condition.
            Assert.Throws<DynamoOptimisticLockException>(() => Settle(Write(WriteKind.Put, new VersionCheck.At("pk", "version", 2)), Failed(null)));
            Assert.Throws<DynamoConditionFailedException>(() => Settle(Write(WriteKind.Put, new VersionCheck.At("pk", "version", 0)), Failed(null)));

            // At the expected version, only the caller's condition can have failed.
            Assert.Throws<DynamoConditionFailedException>(() => Settle(Write(WriteKind.Update, new VersionCheck.At("pk", "version", 3)), Failed(StoredAtVersion3)));
        }

        [Fact]
        public void A_version_check_guards_stamps_and_moves_the_version_on_and_none_changes_nothing()
        {
            var check = new VersionCheck.At("pk", "version", 3);
            var expressions = new ExpressionBuilder();
            Assert.Equal("#n0 = :v0", check.Guard(null)!.Render(expressions));
            Assert.Equal("3", expressions.Values![":v0"].N);
            Assert.Equal("NOT attribute_exists(#n0)", new VersionCheck.At("pk", "version", 0).Guard(null)!.Render(new ExpressionBuilder()));

            var item = new Dictionary<string, AttributeValue>();
            check.Stamp(item);
            Assert.Equal("4", item["version"].N);
            VersionCheck.None.Stamp(item);
            Assert.Single(item);
            Assert.Null(VersionCheck.None.Guard(null));
            Assert.False(VersionCheck.None.LostRace(StoredAtVersion3));
            Assert.False(VersionCheck.None.AppliesOnce);
            Assert.True(check.AppliesOnce);
        }

        private sealed class Key : IDynamoKey
        {
            public Dictionary<string, AttributeValue> ToAttributeMap() => new() { ["pk"] = new() { S = "a" } };

            public override string ToString() => "Key";
        }
    }
}

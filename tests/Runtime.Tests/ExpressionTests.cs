using System;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime.Internal;
using Bookings.Generated.Runtime.Tests.Support;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class ExpressionTests
    {
        private static readonly Field<bool> Flag = new("confirm_sms", v => new AttributeValue { BOOL = v });
        private static readonly Field<int> Visits = new("visit_count", v => new AttributeValue { N = v.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        private static readonly Field<string> Name = new("name", v => new AttributeValue { S = v });

        [Fact]
        public void Conditions_render_with_placeholders_only()
        {
            var expressions = new ExpressionBuilder();
            var condition = (Flag.Equal(false) & Visits.Between(1, 5)) | !Name.BeginsWith("Kim");
            var text = condition.Render(expressions);

            Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2 OR NOT begins_with(#n2, :v3)", text);
            Assert.Equal("confirm_sms", expressions.Names!["#n0"]);
            Assert.Equal("visit_count", expressions.Names["#n1"]);
            Assert.Equal("name", expressions.Names["#n2"]);
            Assert.Equal("Kim", expressions.Values!["#v3".Replace('#', ':')].S);
            Assert.DoesNotContain("Kim", text, StringComparison.Ordinal);
        }

        [Fact]
        public void A_name_used_twice_shares_its_placeholder_and_in_lists_every_value()
        {
            var expressions = new ExpressionBuilder();
            var text = (Visits.In(1, 2, 3) & Visits.Exists() & Name.Size().GreaterThan(2) & Name.Contains("o") & Flag.NotExists()).Render(expressions);
            Assert.Equal("#n0 IN (:v0, :v1, :v2) AND attribute_exists(#n0) AND size(#n1) > :v3 AND contains(#n1, :v4) AND attribute_not_exists(#n2)", text);
            Assert.Equal(3, expressions.Names!.Count);
            Assert.Equal(5, expressions.Values!.Count);
        }

        [Fact]
        public void Comparisons_cover_every_operator()
        {
            var expressions = new ExpressionBuilder();
            var text = (Visits.NotEqual(1) & Visits.LessThan(2) & Visits.LessThanOrEqual(3) & Visits.GreaterThan(4) & Visits.GreaterThanOrEqual(5)).Render(expressions);
            Assert.Equal("#n0 <> :v0 AND #n0 < :v1 AND #n0 <= :v2 AND #n0 > :v3 AND #n0 >= :v4", text);
            Assert.Throws<ArgumentOutOfRangeException>(() => Visits.In());
        }

        [Fact]
        public void Parentheses_appear_only_where_precedence_needs_them()
        {
            var a = Flag.Equal(true);
            var b = Visits.Equal(1);
            var c = Name.Equal("x");
            Assert.Equal("(#n0 = :v0 OR #n1 = :v1) AND #n2 = :v2", ((a | b) & c).Render(new ExpressionBuilder()));
            Assert.Equal("#n0 = :v0 AND #n1 = :v1 OR #n2 = :v2", ((a & b) | c).Render(new ExpressionBuilder()));
            Assert.Equal("NOT (#n0 = :v0 AND #n1 = :v1)", (!(a & b)).Render(new ExpressionBuilder()));
            Assert.Equal("attribute_exists(#n0) AND (#n1 = :v0 OR #n2 = :v1)", (Condition.ItemExists("pk") & (a | b)).Render(new ExpressionBuilder()));
        }

        [Fact]
        public void An_empty_builder_has_no_names_or_values()
        {
            var expressions = new ExpressionBuilder();
            Assert.Null(expressions.Names);
            Assert.Null(expressions.Values);
        }

        [Fact]
        public void Updates_render_set_remove_and_add_clauses()
        {
            var update = new TestUpdate();
            update.Set<TestUpdate>("name", new AttributeValue { S = "Kim" });
            update.SetIfNotExists<TestUpdate>("first_seen", new AttributeValue { S = "2025-10-20" });
            update.Remove<TestUpdate>("note");
            Assert.True(update.IsIdempotent);
            update.Add<TestUpdate>("visit_count", new AttributeValue { N = "1" });
            Assert.False(update.IsIdempotent);

            var expressions = new ExpressionBuilder();
            Assert.Equal("SET #n0 = :v0, #n1 = if_not_exists(#n1, :v1) REMOVE #n2 ADD #n3 :v2", update.Render(expressions));
        }

        [Fact]
        public void An_update_refuses_to_change_an_attribute_twice_or_nothing_at_all()
        {
            var update = new TestUpdate();
            Assert.Throws<InvalidOperationException>(() => update.Render(new ExpressionBuilder()));
            update.Set<TestUpdate>("name", new AttributeValue { S = "a" });
            Assert.Throws<InvalidOperationException>(() => update.Remove<TestUpdate>("name"));
        }
    }
}

using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    /// <summary>
    /// How a generated key's <c>TryParse</c> splits a stored composed key: each part but the last ends at the first
    /// occurrence of the literal after it, and a template that ends with a literal ends the key there.
    /// </summary>
    public sealed class KeyTemplateTests
    {
        [Theory]
        [InlineData("{biz_id}_{book_id}", "1051707_12345", "1051707|12345")]
        [InlineData("{biz_id}_{book_id}", "1051707_12_3", "1051707|12_3")]
        [InlineData("{biz_id}_{book_id}", "_", "|")]
        [InlineData("ORDER#{order_id}", "ORDER#42", "42")]
        [InlineData("ORDER#{order_id}", "ORDER#", "")]
        [InlineData("{tenant}#ORDER#{order_no}", "acme#ORDER#7", "acme|7")]
        [InlineData("TENANT#{tenant}#USER#{user}", "TENANT#t1#USER#u#2", "t1|u#2")]
        [InlineData("{day}#END", "2025-10-20#END", "2025-10-20")]
        [InlineData("A#{x}#B#{y}#C", "A#1#B#2#C", "1|2")]
        public void Splits_a_stored_key_into_the_text_of_its_parts(string template, string stored, string parts)
            => Assert.Equal(parts.Split('|'), new KeyTemplate(template).Split(stored));

        [Theory]
        [InlineData("{biz_id}_{book_id}", "1051707")]
        [InlineData("ORDER#{order_id}", "order#42")]
        [InlineData("ORDER#{order_id}", "ORDER")]
        [InlineData("{tenant}#ORDER#{order_no}", "acme#ORDER7")]
        [InlineData("{day}#END", "2025-10-20#END#")]
        [InlineData("{day}#END", "2025-10-20#END#END")]
        [InlineData("A#{x}#B#{y}#C", "A#1#B#2")]
        public void A_stored_key_that_does_not_fit_the_template_has_no_parts(string template, string stored)
            => Assert.Null(new KeyTemplate(template).Split(stored));

        [Fact]
        public void A_missing_key_has_no_parts()
            => Assert.Null(new KeyTemplate("{biz_id}_{book_id}").Split(null));

        [Fact]
        public void Prints_its_template()
            => Assert.Equal("{biz_id}_{book_id}", new KeyTemplate("{biz_id}_{book_id}").ToString());
    }
}

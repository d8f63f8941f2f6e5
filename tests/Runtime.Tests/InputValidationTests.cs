using System;
using System.Text.RegularExpressions;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class InputValidationTests
    {
        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(1E+200)]
        [InlineData(-1E+126)]
        [InlineData(5E-324)]
        [InlineData(-1E-131)]
        public void A_double_DynamoDB_cannot_store_is_refused_before_sending(double value)
        {
            var error = Assert.Throws<DynamoValidationException>(() => InputValidation.Finite(value, "Product", "rating"));
            Assert.Contains("1E-130", error.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1E-130)]
        [InlineData(-9.99E+125)]
        [InlineData(2.5)]
        public void A_double_within_DynamoDB_range_is_kept(double value)
            => Assert.Equal(value, InputValidation.Finite(value, "Product", "rating"));

        [Theory]
        [InlineData(0L, 1, true)]
        [InlineData(9L, 1, true)]
        [InlineData(10L, 1, false)]
        [InlineData(9_999_999_999L, 10, true)]
        [InlineData(10_000_000_000L, 10, false)]
        [InlineData(-1L, 10, false)]
        [InlineData(long.MaxValue, 19, true)]
        [InlineData(long.MinValue, 19, false)]
        public void A_fixed_width_number_is_0_or_more_and_fits_its_digits(long value, int width, bool valid)
        {
            Assert.Equal(valid, InputValidation.IsValidFixedWidth(value, width, out var problem));
            Assert.Equal(valid, problem.Length == 0);
        }

        [Fact]
        public void A_fixed_width_number_in_an_index_key_is_padded_or_refused_naming_the_part()
        {
            Assert.Equal("0000000042", InputValidation.FixedWidth(42, 10, "CartItem", "line_no"));
            var error = Assert.Throws<DynamoValidationException>(() => InputValidation.FixedWidth(-42, 10, "CartItem", "line_no"));
            Assert.Contains("line_no", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("42", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("0000000009", 9L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        [InlineData("9", null)]
        [InlineData("-000000001", null)]
        [InlineData("+000000001", null)]
        [InlineData(" 000000001", null)]
        [InlineData("00000000019", null)]
        public void A_fixed_width_number_is_read_only_from_exactly_its_digits(string text, long? expected)
        {
            var width = expected == long.MaxValue ? 19 : 10;
            Assert.Equal(expected is not null, InputValidation.TryParseFixedWidth(text, width, out long value));
            Assert.Equal(expected ?? 0, value);
            Assert.Equal(expected is not null && expected <= int.MaxValue, InputValidation.TryParseFixedWidth(text, width, out int small));
        }

        [Fact]
        public void A_declared_newest_first_order_applies_only_where_the_options_leave_it_open()
        {
            Assert.True(QueryOrder.NewestFirst(null).Descending);
            Assert.True(QueryOrder.NewestFirst(new QueryOptions { PageSize = 5 }) is { Descending: true, PageSize: 5 });
            Assert.False(QueryOrder.NewestFirst(new QueryOptions { Descending = false }).Descending);
            Assert.Null(new QueryOptions().Descending);
        }

        private static readonly TextPattern BookingId = new("^[A-Z0-9]{8}$");

        [Fact]
        public void IsValidKeyText_rejects_null()
        {
            Assert.False(InputValidation.IsValidKeyText(null, BookingId, "#", out var problem));
            Assert.Equal("is required but was null", problem);
        }

        [Fact]
        public void IsValidKeyText_rejects_empty_text_even_without_a_pattern()
        {
            Assert.False(InputValidation.IsValidKeyText(string.Empty, null, null, out var problem));
            Assert.Contains("empty", problem, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ROOM#12", "#")]
        [InlineData("a::b", "::")]
        [InlineData("#", "#")]
        public void IsValidKeyText_rejects_the_separator_without_echoing_the_value(string value, string separator)
        {
            Assert.False(InputValidation.IsValidKeyText(value, null, separator, out var problem));
            Assert.Contains($"'{separator}'", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(value, problem.Replace($"'{separator}'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("abc12345")]
        [InlineData("010-1234-5678")]
        [InlineData("TOOLONG123")]
        public void IsValidKeyText_rejects_a_pattern_mismatch_naming_the_pattern_not_the_value(string value)
        {
            Assert.False(InputValidation.IsValidKeyText(value, BookingId, "#", out var problem));
            Assert.Contains(BookingId.ToString(), problem, StringComparison.Ordinal);
            Assert.DoesNotContain(value, problem, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("AB12CD34", "#")]
        [InlineData("AB12CD34", null)]
        public void IsValidKeyText_accepts_a_good_value_with_an_empty_problem(string value, string? separator)
        {
            Assert.True(InputValidation.IsValidKeyText(value, BookingId, separator, out var problem));
            Assert.Equal(string.Empty, problem);
        }

        [Fact]
        public void IsValidKeyText_without_pattern_or_separator_accepts_any_non_empty_text()
        {
            Assert.True(InputValidation.IsValidKeyText("anything # at all", null, null, out var problem));
            Assert.Empty(problem);
        }

        [Theory]
        [InlineData("010-1234-5678", "010-1234-5678")]
        [InlineData("+82 10 1234 5678", "010-1234-5678")]
        public void IsValidPhone_normalises(string input, string expected)
        {
            Assert.True(InputValidation.IsValidPhone(input, out var normalized, out var problem));
            Assert.Equal(expected, normalized);
            Assert.Empty(problem);
        }

        [Theory]
        [InlineData(null, "null")]
        [InlineData("02-1234-5678", "not a Korean mobile number")]
        [InlineData("010-1234-56789", "not a Korean mobile number")]
        public void IsValidPhone_explains_without_the_value(string? input, string expectedText)
        {
            Assert.False(InputValidation.IsValidPhone(input, out var normalized, out var problem));
            Assert.Null(normalized);
            Assert.Contains(expectedText, problem, StringComparison.Ordinal);
            if (input is not null)
            {
                Assert.DoesNotContain(input, problem, StringComparison.Ordinal);
                Assert.DoesNotContain("1234", problem, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Phone_throws_a_validation_exception_naming_entity_and_attribute_but_not_the_value()
        {
            const string raw = "010-9876-54321";
            var ex = Assert.Throws<DynamoValidationException>(() => InputValidation.Phone(raw, "Sms", "phone"));

            Assert.Equal("Sms", ex.Entity);
            Assert.Equal("phone", ex.Attribute);
            Assert.Contains("Sms", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'phone'", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(raw, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("9876", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("54321", ex.Message, StringComparison.Ordinal);
            Assert.Null(ex.Key);
            Assert.Equal(0, ex.Attempts);
            Assert.Null(ex.Operation);
            Assert.IsAssignableFrom<DynamoRepositoryException>(ex);
        }

        [Fact]
        public void Phone_returns_the_normalised_number()
        {
            Assert.Equal("010-1234-5678", InputValidation.Phone("01012345678", "Sms", "phone"));
        }

        [Fact]
        public void Matches_throws_naming_the_pattern_and_not_the_value()
        {
            const string raw = "secret-value-42";
            var ex = Assert.Throws<DynamoValidationException>(() => InputValidation.Matches(raw, BookingId, "Booking", "bookingId"));

            Assert.Equal("Booking", ex.Entity);
            Assert.Equal("bookingId", ex.Attribute);
            Assert.Contains("Booking", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'bookingId'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(BookingId.ToString(), ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(raw, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Matches_returns_a_matching_value()
        {
            Assert.Equal("AB12CD34", InputValidation.Matches("AB12CD34", BookingId, "Booking", "bookingId"));
        }

        [Theory]
        [InlineData("123\n")]
        [InlineData("12\t3")]
        [InlineData("\r123")]
        [InlineData("1\u0000")]
        [InlineData("1\u007f")]
        [InlineData("1\u0085")]
        public void Key_text_refuses_control_characters_with_or_without_a_pattern(string value)
        {
            Assert.False(InputValidation.IsValidKeyText(value, null, null, out var problem));
            Assert.Equal("must not contain control characters (such as a line feed or a tab), since it goes into a key", problem);
            Assert.False(InputValidation.IsValidKeyText(value, new TextPattern("^.*$"), "#", out _));
            var error = Assert.Throws<DynamoValidationException>(() => InputValidation.KeyText(value, "Employee", "role"));
            Assert.Equal($"Invalid Employee: 'role' {problem}.", error.Message);
        }

        [Fact]
        public void Key_text_takes_text_of_any_script()
        {
            Assert.True(InputValidation.IsValidKeyText("김민지 ٣ é", null, null, out _));
            Assert.Equal("김민지", InputValidation.KeyText("김민지", "Employee", "role"));
        }

        [Theory]
        [InlineData("", 1, null, "must be at least 1 character long, but has 0")]
        [InlineData("abc", null, 1, "must be at most 1 character long, but has 3")]
        [InlineData("abc", 4, 4, "must be exactly 4 characters long, but has 3")]
        [InlineData("abc", 1, 2, "must be between 1 and 2 characters long, but has 3")]
        [InlineData("", 2, null, "must be at least 2 characters long, but has 0")]
        public void Length_says_its_limits_in_plain_words(string value, int? min, int? max, string problem)
        {
            var error = Assert.Throws<DynamoValidationException>(() => InputValidation.Length(value, min, max, "Product", "title"));
            Assert.Equal($"Invalid Product: 'title' {problem}.", error.Message);
        }

        [Fact]
        public void Summary_prints_an_absent_value_as_null_like_every_printer()
        {
            Assert.Equal("null", Summary.Value((double?)null));
            Assert.Equal("null", Summary.Value((bool?)null));
            Assert.Equal("null", Summary.Value((object?)null));
            Assert.Equal("null", Summary.Value((DateOnly?)null, "yyyy-MM-dd"));
            Assert.Equal("null", Summary.Bytes(null));
            Assert.Equal("null", Summary.Items<int>(null));
            Assert.Equal("null", Redact.Personal(null));
            Assert.Equal("null", PhoneNumber.Mask(null));
            Assert.Equal("4.5", Summary.Value((double?)4.5));
            Assert.Equal("True", Summary.Value((bool?)true));
            Assert.Equal("2026-12-01", Summary.Value((DateOnly?)new DateOnly(2026, 12, 1), "yyyy-MM-dd"));
            Assert.Equal(string.Empty, Summary.Value((object?)string.Empty));
        }

        [Fact]
        public void NotNull_throws_for_null_and_returns_the_value_otherwise()
        {
            var ex = Assert.Throws<DynamoValidationException>(() => InputValidation.NotNull<string>(null, "Booking", "guestName"));
            Assert.Equal("Invalid Booking: 'guestName' is required but was null.", ex.Message);

            var value = "Kim Soo";
            Assert.Same(value, InputValidation.NotNull(value, "Booking", "guestName"));
        }

        [Fact]
        public void Validation_exception_message_is_built_from_entity_attribute_and_problem_only()
        {
            InputValidation.IsValidKeyText("ROOM#12", null, "#", out var problem);
            var ex = new DynamoValidationException("Booking", "roomId", problem);

            Assert.Equal($"Invalid Booking: 'roomId' {problem}.", ex.Message);
            Assert.DoesNotContain("ROOM", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("12", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_pattern_is_a_regular_expression_with_the_schema_meaning()
        {
            var pattern = new TextPattern("^(ios|android)$");

            Assert.True(pattern.IsMatch("ios"));
            Assert.False(pattern.IsMatch("android\n"));  // '$' ends the text; .NET's own '$' would take the line feed
            Assert.False(pattern.IsMatch("web"));

            var digits = new TextPattern("^(\\d+|none)$");
            Assert.True(digits.IsMatch("0123456789"));
            Assert.False(digits.IsMatch("\u0663"));     // '\d' is 0-9; .NET's own takes any script's digits
        }
    }
}

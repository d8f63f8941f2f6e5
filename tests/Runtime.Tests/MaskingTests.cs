using System;
using System.Text.RegularExpressions;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class MaskingTests
    {
        [Theory]
        [InlineData("010-1234-5678", "010-****-5678")]
        [InlineData("01012345678", "010-****-5678")]
        [InlineData("010 1234 5678", "010-****-5678")]
        [InlineData("+82 10-1234-5678", "010-****-5678")]
        [InlineData("+821012345678", "010-****-5678")]
        [InlineData("011-123-4567", "011-****-4567")]
        [InlineData("0111234567", "011-****-4567")]
        public void Mask_keeps_the_carrier_prefix_and_the_last_four_digits(string input, string expected)
        {
            Assert.Equal(expected, PhoneNumber.Mask(input));
        }

        [Theory]
        [InlineData("010-1234-56789")]
        [InlineData("02-1234-5678")]
        [InlineData("call 010-1234-5678 now")]
        [InlineData("phone: 01012345678")]
        [InlineData("1234567890123")]
        [InlineData("Kim Soo")]
        [InlineData("")]
        public void Text_that_is_not_a_phone_number_is_masked_completely(string input)
        {
            var masked = PhoneNumber.Mask(input);

            Assert.DoesNotContain("1234", masked, StringComparison.Ordinal);
            AssertNoDigitRunOfInputLongerThanFour(input, masked);
            Assert.DoesNotMatch(new Regex(@"[0-9]"), masked);
            Assert.Equal(PhoneNumber.Mask("something else entirely"), masked);
        }

        [Fact]
        public void Mask_of_null_says_null()
        {
            Assert.Equal("null", PhoneNumber.Mask(null));
        }

        [Fact]
        public void Masked_output_never_holds_the_middle_digits_of_any_number()
        {
            var random = new Random(4242);
            for (var i = 0; i < 2000; i++)
            {
                var (canonical, digits) = PhoneNumberTests.RandomMobile(random);
                var groups = canonical.Split('-');
                foreach (var input in new[] { canonical, digits, "+82 " + digits.Substring(1) })
                {
                    var masked = PhoneNumber.Mask(input);
                    Assert.Equal($"{groups[0]}-****-{groups[2]}", masked);
                    Assert.Equal(PhoneNumber.Mask(canonical), masked);
                    AssertNoDigitRunOfInputLongerThanFour(input, masked);
                }

                // Anything longer than a number is not one: nothing of it is printed.
                var tooLong = digits + "9";
                if (!PhoneNumber.TryNormalize(tooLong, out _))
                {
                    var masked = PhoneNumber.Mask(tooLong);
                    Assert.DoesNotContain(groups[1], masked, StringComparison.Ordinal);
                    AssertNoDigitRunOfInputLongerThanFour(tooLong, masked);
                }
            }
        }

        [Theory]
        [InlineData("Kim Soo", "K***")]
        [InlineData("김수현", "김***")]
        [InlineData("K", "K***")]
        [InlineData("", "")]
        [InlineData(null, "null")]
        public void Personal_text_prints_the_first_character_only(string? name, string expected)
        {
            Assert.Equal(expected, Redact.Personal(name));
        }

        [Theory]
        [InlineData("\U00020BB7\u7530 \u592A\u90CE", "\U00020BB7***")] // a name starting with a CJK Extension B character
        [InlineData("\U0001F600 Kim", "\U0001F600***")]
        public void Personal_text_keeps_a_whole_first_character(string name, string expected)
        {
            var printed = Redact.Personal(name);

            Assert.Equal(expected, printed);
        }

        [Fact]
        public void Personal_values_that_are_not_text_are_never_printed()
        {
            Assert.Equal(Redact.SecretPlaceholder, Redact.Personal(19840215));
            Assert.Equal(Redact.SecretPlaceholder, Redact.Personal(new DateTime(1984, 2, 15, 0, 0, 0, DateTimeKind.Utc)));
            Assert.Equal("null", Redact.Personal<int?>(null));
        }

        [Theory]
        [InlineData("hunter2")]
        [InlineData("a")]
        [InlineData("correct horse battery staple")]
        [InlineData("010-1234-5678")]
        public void Secret_prints_no_part_of_the_value_nor_its_length(string secret)
        {
            var printed = Redact.Secret(secret);

            Assert.Equal(Redact.SecretPlaceholder, printed);
            Assert.Equal(Redact.Secret("x"), printed);
            foreach (var c in secret)
            {
                if (c != '*')
                {
                    Assert.DoesNotContain(c.ToString(), printed, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void Secret_of_non_text_values_prints_nothing_of_them()
        {
            Assert.Equal(Redact.SecretPlaceholder, Redact.Secret(123456));
            Assert.Equal(Redact.SecretPlaceholder, Redact.Secret(new byte[] { 1, 2, 3 }));
            Assert.Equal("null", Redact.Secret<string?>(null));
        }

        /// <summary>
        /// No run of more than four consecutive digits of <paramref name="input"/> (separators between them
        /// ignored) appears as consecutive digits in <paramref name="output"/>.
        /// </summary>
        internal static void AssertNoDigitRunOfInputLongerThanFour(string input, string output)
        {
            var inputDigits = Regex.Replace(input, "[^0-9]", string.Empty);
            var outputRuns = Regex.Matches(output, "[0-9]+");
            for (var start = 0; start + 5 <= inputDigits.Length; start++)
            {
                var run = inputDigits.Substring(start, 5);
                foreach (Match printed in outputRuns)
                {
                    Assert.False(printed.Value.Contains(run, StringComparison.Ordinal), $"'{output}' holds the digits {run} of the input");
                }
            }
        }
    }
}

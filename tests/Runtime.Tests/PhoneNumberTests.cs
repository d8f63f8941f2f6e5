using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Xunit;

namespace Bookings.Generated.Runtime.Tests
{
    public sealed class PhoneNumberTests
    {
        private static readonly string[] MobilePrefixes = { "010", "011", "016", "017", "018", "019" };

        [Theory]
        [InlineData("01012345678", "010-1234-5678")]
        [InlineData("010-1234-5678", "010-1234-5678")]
        [InlineData("010 1234 5678", "010-1234-5678")]
        [InlineData("010.1234.5678", "010-1234-5678")]
        [InlineData("  010-1234-5678  ", "010-1234-5678")]
        [InlineData("+82 10-1234-5678", "010-1234-5678")]
        [InlineData("+821012345678", "010-1234-5678")]
        [InlineData("+82-10-1234-5678", "010-1234-5678")]
        [InlineData("0111234567", "011-123-4567")]
        [InlineData("011-123-4567", "011-123-4567")]
        [InlineData("+82 11 123 4567", "011-123-4567")]
        public void TryNormalize_accepts_mobile_numbers(string input, string expected)
        {
            Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
            Assert.Equal(expected, normalized);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("abc")]
        [InlineData("010-1234-567a")]
        [InlineData("010-CALL-ME00")]
        [InlineData("010-123-456")] // 9 digits: too short
        [InlineData("0101234")]
        [InlineData("010-1234-56789")] // 12 digits: too long
        [InlineData("0101234567890")]
        [InlineData("11012345678")] // does not start with 0
        [InlineData("00012345678")] // does not start with 01
        [InlineData("02-123-4567")] // a Seoul landline
        [InlineData("031-123-4567")] // a landline outside Seoul
        [InlineData("+82 2-123-4567")] // a landline dialled from abroad
        [InlineData("+82 010-1234-5678")] // trunk 0 kept after +82: 12 digits
        [InlineData("(010) 1234-5678")]
        [InlineData("010\t1234\t5678")]
        [InlineData("010_1234_5678")]
        [InlineData("０１０-１２３４-５６７８")] // full-width digits
        public void TryNormalize_rejects_what_is_not_a_mobile_number(string? input)
        {
            Assert.False(PhoneNumber.TryNormalize(input, out var normalized));
            Assert.Null(normalized);
        }

        [Theory]
        [InlineData("012-1234-5678")]
        [InlineData("0131234567")]
        [InlineData("014-123-4567")]
        [InlineData("015-1234-5678")]
        public void TryNormalize_rejects_01X_prefixes_that_are_not_mobile(string input)
        {
            Assert.False(PhoneNumber.TryNormalize(input, out _));
        }

        [Theory]
        [InlineData("010-1234-5678")]
        [InlineData("011-1234-5678")]
        [InlineData("016-123-4567")]
        [InlineData("019-9999-0000")]
        public void TryNormalize_returns_a_number_in_the_stored_form_as_it_is(string stored)
        {
            Assert.True(PhoneNumber.TryNormalize(stored, out var normalized));
            Assert.Same(stored, normalized);
        }

        [Theory]
        [InlineData("010-123-4567")] // 010 always has eight more digits
        [InlineData("012-1234-5678")]
        [InlineData("020-1234-5678")]
        public void TryNormalize_rejects_text_in_the_stored_shape_that_is_not_a_mobile_number(string text)
        {
            Assert.False(PhoneNumber.TryNormalize(text, out _));
        }

        [Theory]
        [InlineData("010-12345-678")]
        [InlineData("010-1234 5678")]
        [InlineData("010-1234-5678\n")]
        public void TryNormalize_rebuilds_a_number_near_the_stored_shape(string text)
        {
            Assert.True(PhoneNumber.TryNormalize(text, out var normalized));
            Assert.Equal("010-1234-5678", normalized);
            Assert.NotSame(text, normalized);
        }

        [Fact]
        public void Normalisation_of_every_format_variant_gives_the_canonical_form_and_is_idempotent()
        {
            var random = new Random(20240601);
            for (var i = 0; i < 2000; i++)
            {
                var (canonical, digits) = RandomMobile(random);
                foreach (var variant in Variants(canonical, digits, random))
                {
                    Assert.True(PhoneNumber.TryNormalize(variant, out var normalized), $"'{variant}' (from {canonical}) was rejected");
                    Assert.Equal(canonical, normalized);

                    // Idempotent: the normalised form normalises to itself.
                    Assert.True(PhoneNumber.TryNormalize(normalized, out var again));
                    Assert.Equal(normalized, again);
                }
            }
        }

        [Fact]
        public void Digit_strings_of_the_wrong_length_are_always_rejected()
        {
            var random = new Random(7);
            for (var length = 0; length <= 16; length++)
            {
                if (length is 10 or 11)
                {
                    continue;
                }

                for (var i = 0; i < 50; i++)
                {
                    var text = "01" + RandomDigits(random, Math.Max(0, length - 2));
                    text = text.Substring(0, Math.Min(text.Length, length));
                    Assert.False(PhoneNumber.TryNormalize(text, out _), $"'{text}' ({length} digits) was accepted");
                }
            }
        }

        [Fact]
        public void Normalised_output_always_has_the_stored_shape()
        {
            var shape = new Regex(@"^01\d-\d{3,4}-\d{4}$");
            var random = new Random(99);
            for (var i = 0; i < 2000; i++)
            {
                // Random strings over an alphabet of digits and separators: whatever is accepted has the stored shape.
                var chars = new char[random.Next(8, 18)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = "0123456789- .+"[random.Next(14)];
                }

                var text = (random.Next(3) == 0 ? "01" : string.Empty) + new string(chars);
                if (PhoneNumber.TryNormalize(text, out var normalized))
                {
                    Assert.Matches(shape, normalized);
                }
            }
        }

        internal static (string Canonical, string Digits) RandomMobile(Random random)
        {
            var prefix = MobilePrefixes[random.Next(MobilePrefixes.Length)];

            // 010 numbers have eight subscriber digits; the old carrier prefixes also have seven.
            var middleLength = prefix == "010" || random.Next(2) == 0 ? 4 : 3;
            var middle = RandomDigits(random, middleLength);
            var last = RandomDigits(random, 4);
            return ($"{prefix}-{middle}-{last}", prefix + middle + last);
        }

        private static IEnumerable<string> Variants(string canonical, string digits, Random random)
        {
            var groups = canonical.Split('-');
            yield return canonical;
            yield return digits;
            yield return string.Join(" ", groups);
            yield return string.Join(".", groups);
            yield return "+82 " + groups[0].Substring(1) + "-" + groups[1] + "-" + groups[2];
            yield return "+82" + digits.Substring(1);
            yield return "+82-" + string.Join("-", groups[0].Substring(1), groups[1], groups[2]);
            yield return " \t" + canonical + " \n";

            // Separators in random places.
            var mixed = new System.Text.StringBuilder();
            foreach (var d in digits)
            {
                mixed.Append(d);
                if (random.Next(3) == 0)
                {
                    mixed.Append("- ."[random.Next(3)]);
                }
            }

            yield return mixed.ToString();
        }

        private static string RandomDigits(Random random, int count)
        {
            var chars = new char[count];
            for (var i = 0; i < count; i++)
            {
                chars[i] = (char)('0' + random.Next(10));
            }

            return new string(chars);
        }

        [Theory]
        [InlineData("010-1234-5678")]
        [InlineData("011-123-4567")]
        public void TryNormalize_returns_a_number_already_in_the_stored_form_as_it_is(string stored)
        {
            Assert.True(PhoneNumber.TryNormalize(stored, out var normalized));
            Assert.Same(stored, normalized);
        }

        [Theory]
        [InlineData("0101-234-5678")]
        [InlineData(" 010-1234-5678")]
        [InlineData("010 1234-5678")]
        public void TryNormalize_rewrites_text_that_only_looks_stored(string input)
        {
            Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
            Assert.Equal("010-1234-5678", normalized);
            Assert.NotSame(input, normalized);
        }
    
        [Theory]
        [InlineData("+447911123456", "+447911123456")]
        [InlineData("+44 7911 123456", "+447911123456")]
        [InlineData(" +44-7911-123456 ", "+447911123456")]
        [InlineData("+1 (415) 555-0100", "+14155550100")]
        [InlineData("+49.30.1234567", "+49301234567")]
        [InlineData("+82 10-1234-5678", "+821012345678")]
        [InlineData("+12345678", "+12345678")]                 // 8 digits: the fewest
        [InlineData("+123456789012345", "+123456789012345")]   // 15 digits: the most E.164 allows
        public void TryNormalizeE164_accepts_international_numbers(string input, string expected)
        {
            Assert.True(PhoneNumber.TryNormalizeE164(input, out var normalized));
            Assert.Equal(expected, normalized);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("+")]
        [InlineData("01012345678")]         // no '+' and country code: not guessed
        [InlineData("447911123456")]
        [InlineData("+0447911123456")]      // no country code starts with 0
        [InlineData("+1234567")]            // 7 digits
        [InlineData("+1234567890123456")]   // 16 digits
        [InlineData("++447911123456")]
        [InlineData("+44 7911 12345x")]
        [InlineData("+44\n7911123456")]
        [InlineData("+٤٤7911123456")]       // digits of another script
        public void TryNormalizeE164_refuses_anything_else(string? input)
        {
            Assert.False(PhoneNumber.TryNormalizeE164(input, out var normalized));
            Assert.Null(normalized);
        }

        [Fact]
        public void TryNormalizeE164_returns_a_number_already_in_the_stored_form_as_it_is()
        {
            const string Stored = "+447911123456";
            Assert.True(PhoneNumber.TryNormalizeE164(Stored, out var normalized));
            Assert.Same(Stored, normalized);
        }

        [Theory]
        [InlineData("+447911123456", "+********3456")]
        [InlineData("+44 7911 123456", "+********3456")]
        [InlineData("+12345678", "+****5678")]
        [InlineData("not a phone", "+***")]
        [InlineData("+1234", "+***")]
        [InlineData(null, "null")]
        public void MaskE164_keeps_the_plus_and_the_last_four_digits(string? input, string expected)
            => Assert.Equal(expected, PhoneNumber.MaskE164(input));

        [Fact]
        public void MaskAll_masks_international_numbers_in_free_text_beside_korean_ones()
        {
            var masked = PhoneNumber.MaskAll("call +447911123456 or 01012345678, not order 12345678901 or +1234567");
            Assert.Equal("call +********3456 or 010-****-5678, not order 12345678901 or +1234567", masked);
        }
    }
}

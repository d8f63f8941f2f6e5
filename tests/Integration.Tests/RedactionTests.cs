using System;
using System.Collections.Generic;
using System.Linq;
using Bookings.Generated.Runtime.Compliance;
using Catalog;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// A service's own logging of generated entities, as its team would write it: a [LoggerMessage] method taking the
    /// entity with [LogProperties], a logger built with EnableRedaction and the redactors SetDynamoRedactors registers.
    /// The schema's sensitive values come out masked as the SDK masks them; everything else in clear.
    /// </summary>
    public sealed partial class RedactionTests
    {
        [Fact]
        public void A_booking_logged_with_its_properties_has_the_phone_and_name_masked_and_the_rest_in_clear()
        {
            var (provider, collector) = RedactingLogger();
            using (provider)
            {
                var booking = new Booking { Key = BookingKey.Create("1051707", "12345", "010 1234 5678"), Name = "Kim Soo", BookingTime = "2025-10-20 14:30:00" };

                BookingSaved(provider.GetRequiredService<ILogger<RedactionTests>>(), booking);

                var state = Single(collector);
                Assert.Equal("010-****-5678", state["booking.Phone"]);
                Assert.Equal("K***", state["booking.Name"]);
                Assert.Equal("1051707_12345", state["booking.BookingNum"]);
                Assert.Equal("2025-10-20 14:30:00", state["booking.BookingTime"]);
                Assert.Equal("False", state["booking.ConfirmSms"]);

                // The key is logged through its ToString, which masks as the SDK's messages do.
                Assert.Equal("BookingKey { BizId = 1051707, BookId = 12345, Phone = 010-****-5678 }", state["booking.Key"]);
                AssertNowhere(collector, "1234-5678", "Kim Soo");
            }
        }

        [Fact]
        public void A_session_logged_with_its_properties_has_the_cookies_erased()
        {
            var (provider, collector) = RedactingLogger();
            using (provider)
            {
                const string Cookies = "[{\"name\":\"JSESSIONID\",\"value\":\"4F9A2C\"}]";
                var session = new Session { Key = SessionKey.Create("1"), Cookies = Cookies, ExpiresAt = 1_760_000_000 };

                SessionSaved(provider.GetRequiredService<ILogger<RedactionTests>>(), session);

                var state = Single(collector);
                Assert.Equal("***", state["session.Cookies"]);
                Assert.Equal("1", state["session.Id"]);
                Assert.Equal("1760000000", state["session.ExpiresAt"]);
                AssertNowhere(collector, "JSESSIONID", "4F9A2C");
            }
        }

        [Fact]
        public void A_nested_object_property_is_classified_as_its_entity_properties_are()
        {
            // Address is generated in this project, where the logging generator cannot see it (generators do not see each
            // other's output), so it is not logged here; its classification is what redaction reads.
            var classification = Assert.Single(typeof(Address).GetProperty(nameof(Address.ContactPhone))!
                .GetCustomAttributes(typeof(DataClassificationAttribute), inherit: false).Cast<DataClassificationAttribute>()).Classification;
            Assert.Equal(DynamoDataClassifications.Phone, classification);
            Assert.Empty(typeof(Address).GetProperty(nameof(Address.City))!.GetCustomAttributes(typeof(DataClassificationAttribute), inherit: false));
        }

        [Theory]
        [InlineData("Phone", "010-1234-5678", "010-****-5678")]
        [InlineData("Phone", "010-1234-5678:booking.Phone", "010-****-5678")]
        [InlineData("Phone", "+82 10 9876 5432", "+********5432")]
        [InlineData("Phone", "+447911123456", "+********3456")]
        [InlineData("Phone", "+447911123456:contact.Phone", "+********3456")]
        [InlineData("Phone", "+not a phone", "+***")]
        [InlineData("Phone", "not a phone", "***-****-****")]
        [InlineData("Personal", "Kim Soo", "K***")]
        [InlineData("Personal", "Kim Soo:booking.Name", "K***")]
        [InlineData("Secret", "[{\"name\":\"JSESSIONID\"}]", "***")]
        public void Each_classification_is_redacted_with_the_sdks_own_mask(string classification, string value, string expected)
        {
            using var provider = new ServiceCollection().AddRedaction(redaction => redaction.SetDynamoRedactors()).BuildServiceProvider();
            var redactors = provider.GetRequiredService<IRedactorProvider>();

            Assert.Equal(expected, redactors.GetRedactor(new DataClassification(DynamoDataClassifications.TaxonomyName, classification)).Redact(value));
        }

        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Booking saved")]
        private static partial void BookingSaved(ILogger logger, [LogProperties] Booking booking);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Session saved")]
        private static partial void SessionSaved(ILogger logger, [LogProperties] Session session);

        /// <summary>Logging as a service wires it: redaction with our redactors, captured by a FakeLogger.</summary>
        private static (ServiceProvider Provider, FakeLogCollector Collector) RedactingLogger()
        {
            var provider = new ServiceCollection()
                .AddRedaction(redaction => redaction.SetDynamoRedactors())
                .AddLogging(logging => logging.EnableRedaction().AddFakeLogging())
                .BuildServiceProvider();
            return (provider, provider.GetFakeLogCollector());
        }

        private static Dictionary<string, string?> Single(FakeLogCollector collector)
            => Assert.Single(collector.GetSnapshot()).StructuredState!.ToDictionary(p => p.Key, p => p.Value);

        private static void AssertNowhere(FakeLogCollector collector, params string[] texts)
        {
            foreach (var record in collector.GetSnapshot())
            {
                foreach (var text in texts)
                {
                    Assert.DoesNotContain(text, record.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain(record.StructuredState!, p => p.Value?.Contains(text, StringComparison.Ordinal) == true);
                }
            }
        }
    }
}

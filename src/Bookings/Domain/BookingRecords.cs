using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;

namespace Bookings
{
    /// <summary>
    /// The legacy booking record (the dictionary the Python Lambda passed to <c>put_item</c>) as JSON, to and
    /// from <see cref="Booking"/>: <c>booking_num</c>, <c>phone</c>, <c>name</c>, <c>booking_time</c>, the three
    /// flags (default false), <c>option_time</c> (default empty) and any other field as an extra attribute.
    /// </summary>
    /// <remarks>
    /// A record becomes an item through <see cref="AttributeValueJson"/>, and the item a booking through the generated
    /// <see cref="BookingMarshaller"/>, as a stored item is read; what this class adds is the legacy create's own
    /// semantics (the phone normalised) and wording of problems.
    /// </remarks>
    public static class BookingRecords
    {
        /// <summary>Reads a legacy record. Problems name the field, never its value.</summary>
        /// <param name="record">A JSON object.</param>
        /// <param name="booking">The booking, normalised (phone as <c>010-XXXX-XXXX</c>) and validated.</param>
        /// <param name="problem">What is wrong and what is expected, when false.</param>
        public static bool TryParse(JsonElement record, [NotNullWhen(true)] out Booking? booking, [NotNullWhen(false)] out string? problem)
        {
            booking = null;
            if (record.ValueKind != JsonValueKind.Object)
            {
                problem = $"a booking must be a JSON object, not {Describe(record.ValueKind)}";
                return false;
            }

            if (!AttributeValueJson.TryReadItem(record, out var item, out problem))
            {
                return false;
            }

            try
            {
                // The key as the legacy create built it, phone normalised; a problem names booking_num or phone.
                if (item.TryGetValue(BookingTable.Attributes.BookingNum, out var number) && number.S is { } bookingNum
                    && item.TryGetValue(BookingTable.Attributes.Phone, out var phone) && phone.S is { } given)
                {
                    item[BookingTable.Attributes.Phone] = new AttributeValue { S = BookingKey.FromBookingNumber(bookingNum, given).Phone };
                }

                // Read as a stored item is read (types, required attributes, defaults, extras kept), then checked as a put
                // checks it (patterns, DynamoDB's 400 KB item limit), before anything is sent.
                var candidate = BookingMarshaller.FromItem(item);
                ItemSize.EnsureWithinLimit(BookingTable.Definition.EntityName, candidate.Key, BookingMarshaller.ToItem(candidate));
                booking = candidate;
                return true;
            }
            catch (DynamoMappingException ex)
            {
                problem = record.TryGetProperty(ex.Attribute, out var value)
                    ? $"field '{ex.Attribute}' must be {(BookingFlags.TryParse(ex.Attribute, out _) ? "true or false" : "a string")}, not {Describe(value.ValueKind)}"
                    : $"required field '{ex.Attribute}' is missing";
                return false;
            }
            catch (DynamoValidationException ex) when (ex.Kind == DynamoErrorKind.ItemTooLarge)
            {
                problem = ex.Problem;
                return false;
            }
            catch (DynamoValidationException ex)
            {
                problem = ex.Attribute switch
                {
                    "phone" => "field 'phone' is not a Korean mobile number (expected 010-XXXX-XXXX or 010XXXXXXXX)",
                    "biz_id" or "book_id" or "booking_num" => "field 'booking_num' " + BookingKey.BookingNumberShape,
                    "booking_time" => "field 'booking_time' must be 'yyyy-MM-dd HH:mm:ss', for example 2025-10-20 14:30:00",
                    _ => ex.Message,
                };
                return false;
            }
        }

        /// <summary>Reads a legacy record, throwing when it is invalid.</summary>
        /// <exception cref="DynamoValidationException">The record is invalid; the message names the field, never its value.</exception>
        public static Booking Parse(JsonElement record)
            => TryParse(record, out var booking, out var problem)
                ? booking
                : throw new DynamoValidationException("Booking", "record", "is not valid: " + problem);

        /// <summary>
        /// Writes a stored item as a legacy record (one JSON object), its fields in <see cref="FieldOrder"/>. With
        /// <paramref name="maskPersonalData"/>, the phone is masked (<c>010-****-5678</c>), the name shows its first
        /// character only, and phone numbers inside other strings and extra field names are masked, so the output is safe
        /// to print.
        /// </summary>
        public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item, bool maskPersonalData)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(item);
            Func<string, string>? mask = maskPersonalData ? PhoneNumber.MaskAll : null;
            writer.WriteStartObject();
            foreach (var name in FieldOrder(item))
            {
                var value = item[name];
                writer.WritePropertyName(maskPersonalData && !BookingMarshaller.IsDeclared(name) ? PhoneNumber.MaskAll(name) : name);
                if (maskPersonalData && value.S is not null && Masked(name, value.S) is { } masked)
                {
                    writer.WriteStringValue(masked);
                }
                else
                {
                    AttributeValueJson.Write(writer, value, mask);
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>Writes a booking as a legacy record; see <see cref="Write(Utf8JsonWriter, IReadOnlyDictionary{string, AttributeValue}, bool)"/>.</summary>
        /// <exception cref="DynamoValidationException">A value of the booking is invalid (as a put would refuse it).</exception>
        public static void Write(Utf8JsonWriter writer, Booking booking, bool maskPersonalData)
            => Write(writer, BookingMarshaller.ToItem(booking), maskPersonalData);

        /// <summary>
        /// The names of an item's attributes in the legacy record's order: the declared ones as the schema lists them
        /// (<see cref="BookingMarshaller.AttributeNames"/>), then the extra ones by name.
        /// </summary>
        public static IEnumerable<string> FieldOrder(IReadOnlyDictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            foreach (var name in BookingMarshaller.AttributeNames)
            {
                if (item.TryGetValue(name, out var value) && value is not null)
                {
                    yield return name;
                }
            }

            var extras = new List<string>();
            foreach (var (name, value) in item)
            {
                if (value is not null && !BookingMarshaller.IsDeclared(name))
                {
                    extras.Add(name);
                }
            }

            extras.Sort(StringComparer.Ordinal);
            foreach (var name in extras)
            {
                yield return name;
            }
        }

        /// <summary>
        /// The masked text of a declared personal attribute (the phone as <c>010-****-5678</c>, the name as <c>K***</c>);
        /// null for any other attribute, whose text printers mask with <see cref="PhoneNumber.MaskAll"/>.
        /// </summary>
        public static string? Masked(string name, string text) => name switch
        {
            BookingTable.Attributes.Phone => PhoneNumber.Mask(text),
            BookingTable.Attributes.Name => Redact.Personal(text),
            _ => null,
        };

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}

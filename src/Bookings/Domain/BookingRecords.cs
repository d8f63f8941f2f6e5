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

            string? bookingNum = null, phone = null, name = null, bookingTime = null, optionTime = null;
            bool confirm = false, remind = false, option = false;
            var extras = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in record.EnumerateObject())
            {
                var field = property.Name;
                var value = property.Value;
                if (!seen.Add(field))
                {
                    problem = $"field '{field}' appears more than once";
                    return false;
                }

                if (field.Length == 0)
                {
                    problem = "a field has an empty name, which DynamoDB does not allow";
                    return false;
                }

                switch (field)
                {
                    case BookingTable.Attributes.BookingNum:
                        if (!TryString(value, field, required: true, ref bookingNum, out problem)) return false;
                        break;
                    case BookingTable.Attributes.Phone:
                        if (!TryString(value, field, required: true, ref phone, out problem)) return false;
                        break;
                    case BookingTable.Attributes.Name:
                        if (!TryString(value, field, required: true, ref name, out problem)) return false;
                        break;
                    case BookingTable.Attributes.BookingTime:
                        if (!TryString(value, field, required: true, ref bookingTime, out problem)) return false;
                        break;
                    case BookingTable.Attributes.OptionTime:
                        if (!TryString(value, field, required: false, ref optionTime, out problem)) return false;
                        break;
                    case BookingTable.Attributes.ConfirmSms:
                        if (!TryFlag(value, field, ref confirm, out problem)) return false;
                        break;
                    case BookingTable.Attributes.RemindSms:
                        if (!TryFlag(value, field, ref remind, out problem)) return false;
                        break;
                    case BookingTable.Attributes.OptionSms:
                        if (!TryFlag(value, field, ref option, out problem)) return false;
                        break;
                    default:
                        try
                        {
                            extras[field] = AttributeValueJson.FromJson(value);
                        }
                        catch (FormatException ex)
                        {
                            problem = $"field '{field}' {ex.Message}";
                            return false;
                        }

                        break;
                }
            }

            foreach (var (field, given) in new[] { (BookingTable.Attributes.BookingNum, bookingNum), (BookingTable.Attributes.Phone, phone), (BookingTable.Attributes.Name, name), (BookingTable.Attributes.BookingTime, bookingTime) })
            {
                if (given is null)
                {
                    problem = $"required field '{field}' is missing";
                    return false;
                }
            }

            try
            {
                var candidate = new Booking
                {
                    Key = BookingKey.FromBookingNumber(bookingNum!, phone!),
                    Name = name!,
                    BookingTime = bookingTime!,
                    ConfirmSms = confirm,
                    RemindSms = remind,
                    OptionSms = option,
                    OptionTime = optionTime ?? string.Empty,
                    ExtraAttributes = extras,
                };

                // Runs every check the put would run (patterns, required values, DynamoDB's 400 KB item limit) before anything is sent.
                ItemSize.EnsureWithinLimit(BookingTable.Definition.EntityName, candidate.Key, BookingMarshaller.ToItem(candidate));
                booking = candidate;
                problem = null;
                return true;
            }
            catch (DynamoItemTooLargeException ex)
            {
                problem = ex.Problem;
                return false;
            }
            catch (DynamoValidationException ex)
            {
                problem = Explain(ex);
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
        /// Writes a stored item as a legacy record (one JSON object): declared attributes first in their legacy
        /// order, then extra attributes by name. With <paramref name="maskPersonalData"/>, the phone is masked
        /// (<c>010-****-5678</c>), the name shows its first character only, and phone numbers inside other
        /// strings are masked, so the output is safe to print.
        /// </summary>
        public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item, bool maskPersonalData)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(item);
            Func<string, string>? mask = maskPersonalData ? PhoneNumber.MaskAll : null;
            writer.WriteStartObject();
            foreach (var name in Booking.DeclaredAttributes)
            {
                if (!item.TryGetValue(name, out var value) || value is null)
                {
                    continue;
                }

                writer.WritePropertyName(name);
                if (maskPersonalData && name == BookingTable.Attributes.Phone && value.S is not null)
                {
                    writer.WriteStringValue(PhoneNumber.Mask(value.S));
                }
                else if (maskPersonalData && name == BookingTable.Attributes.Name && value.S is not null)
                {
                    writer.WriteStringValue(Redact.Personal(value.S));
                }
                else
                {
                    AttributeValueJson.Write(writer, value, mask);
                }
            }

            var extras = new List<string>();
            foreach (var name in item.Keys)
            {
                if (!IsDeclared(name))
                {
                    extras.Add(name);
                }
            }

            extras.Sort(StringComparer.Ordinal);
            foreach (var name in extras)
            {
                if (item[name] is { } value)
                {
                    writer.WritePropertyName(maskPersonalData ? PhoneNumber.MaskAll(name) : name);
                    AttributeValueJson.Write(writer, value, mask);
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>Writes a booking as a legacy record; see <see cref="Write(Utf8JsonWriter, IReadOnlyDictionary{string, AttributeValue}, bool)"/>.</summary>
        public static void Write(Utf8JsonWriter writer, Booking booking, bool maskPersonalData)
            => Write(writer, ToAttributes(booking), maskPersonalData);

        /// <summary>
        /// The booking's attributes as they are stored, for display: unlike <see cref="BookingMarshaller.ToItem"/>
        /// this does not validate, so a booking read back from legacy data always prints.
        /// </summary>
        public static Dictionary<string, AttributeValue> ToAttributes(Booking booking)
        {
            ArgumentNullException.ThrowIfNull(booking);
            var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var extra in booking.ExtraAttributes)
            {
                if (extra.Value is not null && !IsDeclared(extra.Key))
                {
                    item[extra.Key] = extra.Value;
                }
            }

            item[BookingTable.Attributes.BookingNum] = new AttributeValue { S = booking.BookingNum };
            item[BookingTable.Attributes.Phone] = new AttributeValue { S = booking.Phone };
            item[BookingTable.Attributes.Name] = new AttributeValue { S = booking.Name };
            item[BookingTable.Attributes.BookingTime] = new AttributeValue { S = booking.BookingTime };
            item[BookingTable.Attributes.ConfirmSms] = new AttributeValue { BOOL = booking.ConfirmSms };
            item[BookingTable.Attributes.RemindSms] = new AttributeValue { BOOL = booking.RemindSms };
            item[BookingTable.Attributes.OptionSms] = new AttributeValue { BOOL = booking.OptionSms };
            item[BookingTable.Attributes.OptionTime] = new AttributeValue { S = booking.OptionTime };
            return item;
        }

        /// <summary>Whether the schema declares the attribute (as opposed to an extra attribute).</summary>
        public static bool IsDeclared(string name)
        {
            foreach (var declared in Booking.DeclaredAttributes)
            {
                if (declared == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryString(JsonElement value, string field, bool required, ref string? target, [NotNullWhen(false)] out string? problem)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                target = value.GetString();
                problem = null;
                return true;
            }

            if (value.ValueKind == JsonValueKind.Null && !required)
            {
                problem = null;
                return true;
            }

            problem = $"field '{field}' must be a string, not {Describe(value.ValueKind)}";
            return false;
        }

        private static bool TryFlag(JsonElement value, string field, ref bool target, [NotNullWhen(false)] out string? problem)
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                target = value.GetBoolean();
                problem = null;
                return true;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                problem = null;
                return true;
            }

            problem = $"field '{field}' must be true or false, not {Describe(value.ValueKind)}";
            return false;
        }

        private static string Explain(DynamoValidationException ex) => ex.Attribute switch
        {
            "phone" => "field 'phone' is not a Korean mobile number (expected 010-XXXX-XXXX or 010XXXXXXXX)",
            "biz_id" or "book_id" or "booking_num" => "field 'booking_num' must be '{biz_id}_{book_id}' with both parts numeric, for example 1051707_12345",
            "booking_time" => "field 'booking_time' must be 'yyyy-MM-dd HH:mm:ss', for example 2025-10-20 14:30:00",
            _ => ex.Message,
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

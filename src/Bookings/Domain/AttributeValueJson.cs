using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Bookings
{
    /// <summary>
    /// Plain JSON values to and from DynamoDB attribute values, the way the legacy Lambda stored a record's
    /// fields: strings as S, numbers as N (their text), booleans as BOOL, null as NULL, objects as M, arrays as L.
    /// </summary>
    public static class AttributeValueJson
    {
        /// <summary>The attribute value for a JSON value.</summary>
        /// <exception cref="FormatException">A number DynamoDB cannot store (more than 38 significant digits or out of its range).</exception>
        public static AttributeValue FromJson(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return new AttributeValue { S = value.GetString() };
                case JsonValueKind.Number:
                    var text = value.GetRawText();
                    if (!IsStorableNumber(text))
                    {
                        throw new FormatException("holds a number DynamoDB cannot store (at most 38 significant digits, magnitude between 1E-130 and 1E+126)");
                    }

                    return new AttributeValue { N = text };
                case JsonValueKind.True:
                    return new AttributeValue { BOOL = true };
                case JsonValueKind.False:
                    return new AttributeValue { BOOL = false };
                case JsonValueKind.Null:
                    return new AttributeValue { NULL = true };
                case JsonValueKind.Object:
                    var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        map[property.Name] = FromJson(property.Value);
                    }

                    return new AttributeValue { M = map };
                case JsonValueKind.Array:
                    var list = new List<AttributeValue>();
                    foreach (var element in value.EnumerateArray())
                    {
                        list.Add(FromJson(element));
                    }

                    return new AttributeValue { L = list };
                default:
                    throw new FormatException("is not a JSON value");
            }
        }

        /// <summary>
        /// Writes an attribute value as plain JSON. Sets become arrays and binary values base64 strings, so a
        /// set read back through <see cref="FromJson"/> becomes a list. String values pass through
        /// <paramref name="text"/> first when given (for masking).
        /// </summary>
        public static void Write(Utf8JsonWriter writer, AttributeValue value, Func<string, string>? text = null)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            text ??= static s => s;
            if (value.S is not null)
            {
                writer.WriteStringValue(text(value.S));
            }
            else if (value.N is not null)
            {
                WriteNumber(writer, value.N);
            }
            else if (value.BOOL is bool flag)
            {
                writer.WriteBooleanValue(flag);
            }
            else if (value.M is not null)
            {
                writer.WriteStartObject();
                foreach (var pair in Ordered(value.M))
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value, text);
                }

                writer.WriteEndObject();
            }
            else if (value.L is not null)
            {
                writer.WriteStartArray();
                foreach (var element in value.L)
                {
                    Write(writer, element, text);
                }

                writer.WriteEndArray();
            }
            else if (value.SS is not null)
            {
                writer.WriteStartArray();
                foreach (var element in value.SS)
                {
                    writer.WriteStringValue(text(element));
                }

                writer.WriteEndArray();
            }
            else if (value.NS is not null)
            {
                writer.WriteStartArray();
                foreach (var element in value.NS)
                {
                    WriteNumber(writer, element);
                }

                writer.WriteEndArray();
            }
            else if (value.B is not null)
            {
                writer.WriteBase64StringValue(value.B.ToArray());
            }
            else if (value.BS is not null)
            {
                writer.WriteStartArray();
                foreach (var element in value.BS)
                {
                    writer.WriteBase64StringValue(element.ToArray());
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        /// <summary>
        /// Whether DynamoDB can store a number written this way: at most 38 significant digits, and zero or a
        /// magnitude from 1E-130 to below 1E+126.
        /// </summary>
        public static bool IsStorableNumber(string text)
        {
            if (string.IsNullOrEmpty(text)
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || double.IsInfinity(number))
            {
                return false;
            }

            var exponent = text.IndexOfAny(['e', 'E']);
            var mantissa = exponent < 0 ? text : text.Substring(0, exponent);
            var digits = mantissa.Replace("-", string.Empty, StringComparison.Ordinal)
                .Replace("+", string.Empty, StringComparison.Ordinal)
                .Replace(".", string.Empty, StringComparison.Ordinal)
                .Trim('0');
            if (digits.Length > 38)
            {
                return false;
            }

            var magnitude = Math.Abs(number);
            return digits.Length == 0 || (magnitude >= 1e-130 && magnitude < 1e126);
        }

        private static void WriteNumber(Utf8JsonWriter writer, string number)
        {
            try
            {
                writer.WriteRawValue(number);
            }
            catch (ArgumentException)
            {
                // Not a JSON number literal (DynamoDB never returns one, but a hand-made value might be): keep its text.
                writer.WriteStringValue(number);
            }
        }

        private static IEnumerable<KeyValuePair<string, AttributeValue>> Ordered(Dictionary<string, AttributeValue> map)
        {
            var keys = new List<string>(map.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                yield return new KeyValuePair<string, AttributeValue>(key, map[key]);
            }
        }
    }
}

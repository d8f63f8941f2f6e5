using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// Plain JSON to and from DynamoDB attribute values, for imports, exports and printing: strings are S, numbers N
    /// (their text exactly as written), booleans BOOL, null NULL, objects M and arrays L. Built on
    /// <see cref="JsonElement"/> and <see cref="Utf8JsonWriter"/>, with no reflection.
    /// </summary>
    /// <remarks>
    /// The SDK's <c>Document.FromJson</c> is not used: it reads numbers as <see cref="double"/>, so a 38-digit number
    /// loses digits and <c>1e400</c> becomes <c>Infinity</c>; here the text is kept and checked against what DynamoDB
    /// can store before anything is sent.
    /// </remarks>
    public static class AttributeValueJson
    {
        private const string UnstorableNumber = "holds a number DynamoDB cannot store (at most 38 significant digits, magnitude between 1E-130 and 1E+126)";

        /// <summary>
        /// Reads a JSON object as an item, one attribute per field. Refused before anything is sent: a value that is not an
        /// object, a field given twice (at any depth), a field with an empty name, and a number DynamoDB cannot store.
        /// </summary>
        /// <param name="json">The JSON object.</param>
        /// <param name="item">The item, when true; names are compared exactly, as DynamoDB compares them.</param>
        /// <param name="problem">What is wrong, when false: it names the field, never its value.</param>
        public static bool TryReadItem(
            JsonElement json,
            [NotNullWhen(true)] out Dictionary<string, AttributeValue>? item,
            [NotNullWhen(false)] out string? problem)
        {
            item = null;
            if (json.ValueKind != JsonValueKind.Object)
            {
                problem = "an item must be a JSON object";
                return false;
            }

            var read = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var field in json.EnumerateObject())
            {
                if (field.Name.Length == 0)
                {
                    problem = "a field has an empty name, which DynamoDB does not allow";
                    return false;
                }

                if (read.ContainsKey(field.Name))
                {
                    problem = $"field '{field.Name}' appears more than once";
                    return false;
                }

                if (!TryRead(field.Value, out var value, out problem))
                {
                    problem = $"field '{field.Name}' {problem}";
                    return false;
                }

                read.Add(field.Name, value);
            }

            item = read;
            problem = null;
            return true;
        }

        /// <summary>
        /// Writes an attribute value as plain JSON. Sets become arrays and binary values base64 strings (so a set read back
        /// becomes a list); map entries are written in ordinal order of their names, so the output is stable.
        /// </summary>
        /// <param name="writer">Where the JSON goes.</param>
        /// <param name="value">The value.</param>
        /// <param name="text">Applied to every string value first when given, for masking (<see cref="PhoneNumber.MaskAll"/>).</param>
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
            else if (value.B is not null)
            {
                writer.WriteBase64StringValue(value.B.ToArray());
            }
            else if (value.IsMSet)
            {
                writer.WriteStartObject();
                var names = new List<string>(value.M?.Keys ?? (IEnumerable<string>)Array.Empty<string>());
                names.Sort(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value.M![name], text);
                }

                writer.WriteEndObject();
            }
            else if (value.IsLSet || value.IsSSSet || value.IsNSSet || value.IsBSSet)
            {
                writer.WriteStartArray();
                foreach (var element in value.L ?? new List<AttributeValue>())
                {
                    Write(writer, element, text);
                }

                foreach (var element in value.SS ?? new List<string>())
                {
                    writer.WriteStringValue(text(element));
                }

                foreach (var element in value.NS ?? new List<string>())
                {
                    WriteNumber(writer, element);
                }

                foreach (var element in value.BS ?? new List<System.IO.MemoryStream>())
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
        /// Whether DynamoDB can store a number written this way: at most 38 significant digits, and zero or a magnitude from
        /// 1E-130 to below 1E+126.
        /// </summary>
        internal static bool IsStorableNumber(string text)
            => DynamoNumber.TryParse(text, out var number)
               && number.Digits.Length <= 38
               // The value is 0.Digits × 10^Magnitude: 1E-130 has magnitude -129, and 1E+126 magnitude 127.
               && (number.IsZero || number.Magnitude is >= -129 and <= 126);

        private static bool TryRead(JsonElement json, [NotNullWhen(true)] out AttributeValue? value, [NotNullWhen(false)] out string? problem)
        {
            problem = null;
            switch (json.ValueKind)
            {
                case JsonValueKind.String:
                    value = new AttributeValue { S = json.GetString() };
                    return true;
                case JsonValueKind.Number:
                    var text = json.GetRawText();
                    value = IsStorableNumber(text) ? new AttributeValue { N = text } : null;
                    problem = value is null ? UnstorableNumber : null;
                    return value is not null;
                case JsonValueKind.True or JsonValueKind.False:
                    value = new AttributeValue { BOOL = json.GetBoolean() };
                    return true;
                case JsonValueKind.Object:
                    var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                    value = null;
                    foreach (var field in json.EnumerateObject())
                    {
                        if (map.ContainsKey(field.Name))
                        {
                            problem = "holds a map with a name given twice";
                            return false;
                        }

                        if (!TryRead(field.Value, out var inner, out problem))
                        {
                            return false;
                        }

                        map.Add(field.Name, inner);
                    }

                    value = new AttributeValue { M = map, IsMSet = true };
                    return true;
                case JsonValueKind.Array:
                    var list = new List<AttributeValue>(json.GetArrayLength());
                    value = null;
                    foreach (var element in json.EnumerateArray())
                    {
                        if (!TryRead(element, out var inner, out problem))
                        {
                            return false;
                        }

                        list.Add(inner);
                    }

                    value = new AttributeValue { L = list, IsLSet = true };
                    return true;
                case JsonValueKind.Null:
                    value = new AttributeValue { NULL = true };
                    return true;
                default:
                    value = null;
                    problem = "is not a JSON value";
                    return false;
            }
        }

        private static void WriteNumber(Utf8JsonWriter writer, string number)
        {
            try
            {
                writer.WriteRawValue(number);
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException)
            {
                // Not a JSON number literal (DynamoDB never returns one, but a hand-made value such as "Infinity" might be):
                // keep its text.
                writer.WriteStringValue(number);
            }
        }
    }
}

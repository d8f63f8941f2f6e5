using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;
using Bookings.Generated.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bookings.Tests
{
    /// <summary>Fresh, uniquely named sms and session tables for one test.</summary>
    internal static class TestTables
    {
        public static Task<DynamoRepositoryOptions> CreateAsync(DynamoDbFixture fixture, string testName)
            => FreshTables.CreateAsync(fixture, testName, BookingsSchema.Tables);

        /// <summary>Reads an item exactly as stored, with the low-level client.</summary>
        public static async Task<Dictionary<string, AttributeValue>?> RawGetAsync(DynamoDbFixture fixture, string table, string bookingNum, string phone)
        {
            var response = await fixture.Client.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = new Dictionary<string, AttributeValue>
                {
                    ["booking_num"] = new() { S = bookingNum },
                    ["phone"] = new() { S = phone },
                },
                ConsistentRead = true,
            });
            return response.IsItemSet && response.Item is { Count: > 0 } ? response.Item : null;
        }
    }

    /// <summary>DynamoDB's typed JSON (<c>{"S": "x"}</c>, <c>{"N": "3"}</c>, …) and deep comparison of attribute values.</summary>
    internal static class DynamoJson
    {
        public static Dictionary<string, AttributeValue> ToItem(JsonElement typedMap)
        {
            var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var property in typedMap.EnumerateObject())
            {
                item[property.Name] = ToValue(property.Value);
            }

            return item;
        }

        public static AttributeValue ToValue(JsonElement typed)
        {
            var property = typed.EnumerateObject().Single();
            return property.Name switch
            {
                "S" => new AttributeValue { S = property.Value.GetString() },
                "N" => new AttributeValue { N = property.Value.GetString() },
                "BOOL" => new AttributeValue { BOOL = property.Value.GetBoolean() },
                "NULL" => new AttributeValue { NULL = true },
                "M" => new AttributeValue { M = ToItem(property.Value) },
                "L" => new AttributeValue { L = property.Value.EnumerateArray().Select(ToValue).ToList() },
                "SS" => new AttributeValue { SS = property.Value.EnumerateArray().Select(e => e.GetString()!).ToList() },
                _ => throw new NotSupportedException("type " + property.Name),
            };
        }

        /// <summary>Null when equal, else where and how they differ.</summary>
        public static string? Difference(string path, AttributeValue expected, AttributeValue actual)
        {
            var (expectedType, expectedText) = Describe(expected);
            var (actualType, actualText) = Describe(actual);
            if (expectedType != actualType)
            {
                return $"{path}: expected type {expectedType} but stored {actualType}";
            }

            switch (expectedType)
            {
                case "M":
                    return Difference(path, expected.M, actual.M);
                case "L":
                    if (expected.L.Count != actual.L.Count)
                    {
                        return $"{path}: expected {expected.L.Count} list elements but stored {actual.L.Count}";
                    }

                    for (var i = 0; i < expected.L.Count; i++)
                    {
                        if (Difference($"{path}[{i}]", expected.L[i], actual.L[i]) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return expectedText == actualText ? null : $"{path} ({expectedType}): expected {expectedText} but stored {actualText}";
            }
        }

        public static string? Difference(string path, IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual)
        {
            foreach (var name in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
            {
                return $"{path}.{name}: missing from the stored item";
            }

            foreach (var name in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
            {
                return $"{path}.{name}: stored but not expected";
            }

            foreach (var name in expected.Keys.Order(StringComparer.Ordinal))
            {
                if (Difference($"{path}.{name}", expected[name], actual[name]) is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        private static (string Type, string Text) Describe(AttributeValue value)
        {
            if (value.S is not null) return ("S", value.S);
            if (value.N is not null) return ("N", value.N);
            if (value.BOOL is bool b) return ("BOOL", b ? "true" : "false");
            if (value.NULL == true) return ("NULL", "null");
            if (value.M is not null) return ("M", string.Empty);
            if (value.L is not null) return ("L", string.Empty);
            if (value.SS is not null) return ("SS", string.Join(",", value.SS.Order(StringComparer.Ordinal)));
            if (value.NS is not null) return ("NS", string.Join(",", value.NS.Order(StringComparer.Ordinal)));
            return ("?", string.Empty);
        }
    }

    /// <summary>Loggers for the services that keep every line, at every level, in a fake log collector.</summary>
    internal static class TestLogs
    {
        /// <summary>A logger factory whose loggers write to <paramref name="collector"/>, Trace and up.</summary>
        public static ILoggerFactory Factory(FakeLogCollector collector)
            => new LoggerFactory([new FakeLoggerProvider(collector)], new LoggerFilterOptions { MinLevel = LogLevel.Trace });
    }
}

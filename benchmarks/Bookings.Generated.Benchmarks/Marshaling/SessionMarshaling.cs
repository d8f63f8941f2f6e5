using System;
using System.Collections.Generic;
using System.Globalization;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;

namespace Bookings.Generated.Benchmarks.Marshaling
{
    /// <summary>The <c>session</c> table's item (<see cref="Session"/>): generated vs hand-written vs <c>DynamoDBContext</c>.</summary>
    public class SessionMarshalingBenchmarks : MarshalingBenchmarks<SessionCase, Session, SessionDocument>
    {
    }

    /// <summary>The session item shape.</summary>
    public readonly struct SessionCase : IGeneratedMarshalingCase<Session, SessionDocument>
    {
        /// <summary>The shared session with a realistic cookie jar (about 600 characters of JSON) and a TTL.</summary>
        public static Session Sample() => new()
        {
            Key = SessionKey.Create("1"),
            Cookies = "[{\"name\":\"JSESSIONID\",\"value\":\"8F3A6C2D9E1B4F7A0C5D8E2F6A9B3C1D\",\"domain\":\"partner.example.com\",\"path\":\"/\",\"expires\":-1,\"httpOnly\":true,\"secure\":true},"
                + "{\"name\":\"NID_AUT\",\"value\":\"q9Z2xk3LmN7pR1sT5vW8yA4bC6dE0fG2hJ4kL6mN8pQ0rS2tU4vW6xY8zA0bC2dE\",\"domain\":\".example.com\",\"path\":\"/\",\"expires\":1767225600,\"httpOnly\":true,\"secure\":true},"
                + "{\"name\":\"NID_SES\",\"value\":\"AAABpXk2Lq9fR3mN8vB1cZ7xW4yT6uE0iO5pA2sD9gH3jK1lQ8wE7rT6yU5iO4pA3sD2fG1hJ0kL\",\"domain\":\".example.com\",\"path\":\"/\",\"expires\":-1,\"httpOnly\":true,\"secure\":true}]",
            ExpiresAt = 1767225600,
        };

        /// <inheritdoc/>
        public static Session CreateEntity() => Sample();

        /// <inheritdoc/>
        public static SessionDocument ToDocumentModel(Session entity) => new()
        {
            Id = entity.Id,
            Cookies = entity.Cookies,
            ExpiresAt = entity.ExpiresAt,
        };

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> HandWrittenToItem(Session entity) => SessionHandWritten.ToItem(entity);

        /// <inheritdoc/>
        public static Session HandWrittenFromItem(Dictionary<string, AttributeValue> item) => SessionHandWritten.FromItem(item);

        /// <inheritdoc/>
        public static Dictionary<string, AttributeValue> GeneratedToItem(Session entity) => SessionMarshaller.ToItem(entity);

        /// <inheritdoc/>
        public static Session GeneratedFromItem(Dictionary<string, AttributeValue> item) => SessionMarshaller.FromItem(item);
    }

    /// <summary>Careful hand-written conversions of the generated <see cref="Session"/> record, with the generated marshaller's checks.</summary>
    public static class SessionHandWritten
    {
        /// <summary>The item to store.</summary>
        public static Dictionary<string, AttributeValue> ToItem(Session session)
        {
            ArgumentNullException.ThrowIfNull(session);
            var key = session.Key ?? throw new DynamoValidationException("Session", "Key", "is required");
            var cookies = session.Cookies ?? throw new DynamoValidationException("Session", "cookies", "is required");
            var item = new Dictionary<string, AttributeValue>(3)
            {
                ["id"] = new AttributeValue { S = key.Id },
                ["cookies"] = new AttributeValue { S = cookies },
            };
            if (session.ExpiresAt is { } expiresAt)
            {
                item["expires_at"] = new AttributeValue { N = expiresAt.ToString(CultureInfo.InvariantCulture) };
            }

            return item;
        }

        /// <summary>Reads a stored item; attributes the schema does not declare are dropped, as the generated code does.</summary>
        public static Session FromItem(Dictionary<string, AttributeValue> item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var found = 0;
            var id = Read.String(item, "id", ref found) ?? throw Read.Missing("Session", "id", null);
            if (!SessionKey.TryParse(id, out var key))
            {
                throw new DynamoMappingException("Session", "id", "a key of the form {id}", "a value that does not fit it", null);
            }

            return new Session
            {
                Key = key,
                Cookies = Read.String(item, "cookies", ref found, key) ?? throw Read.Missing("Session", "cookies", key),
                ExpiresAt = Read.Int64(item, "expires_at", ref found, key),
            };
        }
    }

    /// <summary>The session as a <c>DynamoDBContext</c> class.</summary>
    [DynamoDBTable("session")]
    public sealed class SessionDocument
    {
        /// <summary><c>id</c>, the partition key.</summary>
        [DynamoDBHashKey("id")]
        public string Id { get; set; } = "";

        /// <summary><c>cookies</c>.</summary>
        [DynamoDBProperty("cookies")]
        public string Cookies { get; set; } = "";

        /// <summary><c>expires_at</c>, epoch seconds (the TTL attribute).</summary>
        [DynamoDBProperty("expires_at")]
        public long? ExpiresAt { get; set; }
    }
}

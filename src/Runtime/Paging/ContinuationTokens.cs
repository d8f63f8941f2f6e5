using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Turns a page's <c>LastEvaluatedKey</c> into an opaque token a web API can hand to its client and
    /// accept back, and back again. Tokens are signed (HMAC-SHA256) and bound to a table and index, so a
    /// tampered token, or one from another table or index, is rejected with a clear error.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ContinuationTokens
    {
        private readonly byte[] _key;

        /// <summary>Creates a codec with a signing key.</summary>
        /// <param name="signingKey">
        /// At least 32 bytes. Every instance of a service must use the same key for tokens to work across
        /// instances and restarts; <see cref="DynamoRepositoryOptions.ContinuationTokenKey"/> supplies it.
        /// </param>
        public ContinuationTokens(byte[] signingKey)
        {
            ArgumentNullException.ThrowIfNull(signingKey);
            if (signingKey.Length < 32)
            {
                throw new ArgumentException("A continuation-token signing key needs at least 32 bytes.", nameof(signingKey));
            }

            _key = (byte[])signingKey.Clone();
        }

        /// <summary>The token for the next page, or null when there is no next page.</summary>
        public string? Encode(string table, string? index, Dictionary<string, AttributeValue>? lastEvaluatedKey)
        {
            if (lastEvaluatedKey is null || lastEvaluatedKey.Count == 0)
            {
                return null;
            }

            var payload = WritePayload(table, index ?? string.Empty, lastEvaluatedKey);
            return Base64Url(payload) + "." + Base64Url(Sign(payload));
        }

        /// <summary>The <c>ExclusiveStartKey</c> a token stands for; null for a null or empty token (the first page).</summary>
        /// <exception cref="DynamoValidationException">The token was altered, is malformed, or belongs to another table or index.</exception>
        public Dictionary<string, AttributeValue>? Decode(string table, string? index, string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            var dot = token.IndexOf('.', StringComparison.Ordinal);
            byte[] payload;
            byte[] signature;
            try
            {
                if (dot <= 0)
                {
                    throw new FormatException();
                }

                payload = FromBase64Url(token.Substring(0, dot));
                signature = FromBase64Url(token.Substring(dot + 1));
            }
            catch (FormatException)
            {
                throw Invalid(table, "is not a continuation token issued by this SDK");
            }

            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
            {
                throw Invalid(table, "was altered or was signed with another key");
            }

            var (tokenTable, tokenIndex, key) = ReadPayload(payload);
            if (!string.Equals(tokenTable, table, StringComparison.Ordinal) || !string.Equals(tokenIndex, index ?? string.Empty, StringComparison.Ordinal))
            {
                throw Invalid(table, $"belongs to another {(string.Equals(tokenTable, table, StringComparison.Ordinal) ? "index" : "table")}");
            }

            return key;
        }

        private static DynamoValidationException Invalid(string table, string problem)
            => new(table, "continuationToken", problem);

        private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

        private static byte[] WritePayload(string table, string index, Dictionary<string, AttributeValue> key)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("t", table);
                writer.WriteString("i", index);
                writer.WriteStartObject("k");
                foreach (var pair in key)
                {
                    writer.WriteStartObject(pair.Key);
                    var value = pair.Value;
                    if (value.S is not null)
                    {
                        writer.WriteString("S", value.S);
                    }
                    else if (value.N is not null)
                    {
                        writer.WriteString("N", value.N);
                    }
                    else if (value.B is not null)
                    {
                        writer.WriteBase64String("B", value.B.ToArray());
                    }
                    else
                    {
                        throw new ArgumentException($"Key attribute '{pair.Key}' is not a string, number or binary.", nameof(key));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        private static (string Table, string Index, Dictionary<string, AttributeValue> Key) ReadPayload(byte[] payload)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                var root = document.RootElement;
                var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                foreach (var property in root.GetProperty("k").EnumerateObject())
                {
                    var typed = property.Value.EnumerateObject().GetEnumerator();
                    typed.MoveNext();
                    var value = typed.Current;
                    key[property.Name] = value.Name switch
                    {
                        "S" => new AttributeValue { S = value.Value.GetString() },
                        "N" => new AttributeValue { N = value.Value.GetString() },
                        "B" => new AttributeValue { B = new MemoryStream(value.Value.GetBytesFromBase64()) },
                        _ => throw new FormatException(),
                    };
                }

                return (root.GetProperty("t").GetString() ?? string.Empty, root.GetProperty("i").GetString() ?? string.Empty, key);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // Signed but unreadable: only possible with a leaked key and a hand-made payload.
                throw new DynamoValidationException("continuation token", "continuationToken", "could not be read");
            }
        }

        private static string Base64Url(byte[] bytes)
            => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static byte[] FromBase64Url(string text)
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => throw new FormatException() };
            return Convert.FromBase64String(base64);
        }
    }
}

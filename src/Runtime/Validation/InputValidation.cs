using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2.Model;

namespace Bookings.Generated.Runtime.Internal
{
    /// <summary>
    /// For generated code: not part of the supported API, and it may change in any release.
    /// Checks generated code runs on input before a request is sent. Every failure is a
    /// <see cref="DynamoValidationException"/> that names the attribute and never echoes the value.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class InputValidation
    {
        // The checks generated code calls per attribute are inlined: its entity and attribute names are literals, so
        // their null checks fold away there and cost only other callers.

        /// <summary>The problem of a missing required value, wherever it is found.</summary>
        internal const string RequiredProblem = "is required but was null";

        /// <summary>The problem of an empty key value, text or bytes, which DynamoDB refuses.</summary>
        private const string EmptyKeyProblem = "must not be empty";

        /// <summary>The problem of a control character in text that goes into a key.</summary>
        private const string ControlCharacterProblem = "must not contain control characters (such as a line feed or a tab), since it goes into a key";

        /// <summary>The problem of a NaN or an infinity, which DynamoDB cannot store.</summary>
        internal const string NotFiniteProblem = "must be a number DynamoDB can store: not NaN or infinity, and 0 or between 1E-130 and 1E+126 in size";

        /// <summary>
        /// Checks a number key part written zero-padded to <paramref name="width"/> digits (<c>"format": "D10"</c>), so its
        /// text sorts in number order: it must be 0 or more and have at most that many digits.
        /// </summary>
        public static bool IsValidFixedWidth(long value, int width, out string problem)
        {
            if (value < 0 || (width < 19 && value >= PowersOfTen[width]))
            {
                problem = $"must be from 0 to {new string('9', width)}, since it is written in {width} digits so that keys sort in number order";
                return false;
            }

            problem = string.Empty;
            return true;
        }

        /// <summary>
        /// The text of a fixed-width number key part in a computed index key: zero-padded to <paramref name="width"/>
        /// digits, as the table's key writes it; a value it cannot hold is refused as <see cref="IsValidFixedWidth"/> says.
        /// </summary>
        public static string FixedWidth(long value, int width, string entity, string attribute)
        {
            System.ArgumentNullException.ThrowIfNull(entity);
            System.ArgumentNullException.ThrowIfNull(attribute);
            return IsValidFixedWidth(value, width, out var problem)
                ? value.ToString("D" + width.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)
                : throw new DynamoValidationException(entity, attribute, problem);
        }

        /// <summary>Reads a long key part stored zero-padded: exactly <paramref name="width"/> digits, nothing else.</summary>
        public static bool TryParseFixedWidth(string text, int width, out long value)
        {
            System.ArgumentNullException.ThrowIfNull(text);
            value = 0;
            return text.Length == width && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        /// <summary>Reads an int key part stored zero-padded: exactly <paramref name="width"/> digits, nothing else.</summary>
        public static bool TryParseFixedWidth(string text, int width, out int value)
        {
            System.ArgumentNullException.ThrowIfNull(text);
            value = 0;
            return text.Length == width && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        private static readonly long[] PowersOfTen =
        {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L,
            100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
            10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
        };

        /// <summary>Rejects null; returns the value.</summary>
        public static T NotNull<T>(T? value, string entity, string attribute)
            where T : class
            => value ?? throw new DynamoValidationException(entity, attribute, RequiredProblem);

        /// <summary>
        /// What a generated field of a text key attribute stores a condition's value as: the text as given (a key
        /// attribute's value is compared as stored), refused when null.
        /// </summary>
        public static Func<string, AttributeValue> StoredText(string entity, string attribute)
        {
            ArgumentNullException.ThrowIfNull(entity);
            ArgumentNullException.ThrowIfNull(attribute);
            return value => new AttributeValue { S = NotNull(value, entity, attribute) };
        }

        /// <summary>Rejects NaN, infinity and numbers outside DynamoDB's range (1E-130 to below 1E+126 in size); returns the value.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static double Finite(double value, string entity, string attribute)
        {
            System.ArgumentNullException.ThrowIfNull(entity);
            System.ArgumentNullException.ThrowIfNull(attribute);
            return IsStorable(value) ? value : throw new DynamoValidationException(entity, attribute, NotFiniteProblem);
        }

        /// <summary>Whether DynamoDB can store the number: finite, and zero or between 1E-130 and 1E+126 in size.</summary>
        internal static bool IsStorable(double value)
        {
            var size = System.Math.Abs(value);
            return size == 0 || (size >= 1E-130 && size < 1E+126);
        }

        /// <summary>Rejects text that does not match the schema's pattern; returns the value.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static string Matches(string value, TextPattern pattern, string entity, string attribute)
        {
            // Generated code has refused a null value (NotNull) before it checks the pattern.
            System.ArgumentNullException.ThrowIfNull(value);
            System.ArgumentNullException.ThrowIfNull(pattern);
            System.ArgumentNullException.ThrowIfNull(entity);
            System.ArgumentNullException.ThrowIfNull(attribute);
            return pattern.IsMatch(value) ? value : throw new DynamoValidationException(entity, attribute, PatternProblem(pattern));
        }

        /// <summary>Rejects text shorter than <paramref name="minLength"/> or longer than <paramref name="maxLength"/> characters; returns the value.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static string Length(string value, int? minLength, int? maxLength, string entity, string attribute)
        {
            System.ArgumentNullException.ThrowIfNull(value);
            System.ArgumentNullException.ThrowIfNull(entity);
            System.ArgumentNullException.ThrowIfNull(attribute);
            if (value.Length < minLength || value.Length > maxLength)
            {
                var limits = (minLength, maxLength) switch
                {
                    ({ } min, { } max) when min == max => $"exactly {Characters(min)}",
                    ({ } min, { } max) => $"between {min} and {Characters(max)}",
                    ({ } min, null) => $"at least {Characters(min)}",
                    _ => $"at most {Characters(maxLength!.Value)}",
                };
                throw new DynamoValidationException(entity, attribute, $"must be {limits} long, but has {value.Length}");
            }

            return value;
        }

        /// <summary>Rejects a number below <paramref name="minimum"/> or above <paramref name="maximum"/>; returns the value.</summary>
        public static T Range<T>(T value, T? minimum, T? maximum, string entity, string attribute)
            where T : struct, System.IComparable<T>
        {
            if ((minimum is { } min && value.CompareTo(min) < 0) || (maximum is { } max && value.CompareTo(max) > 0))
            {
                var limits = (minimum, maximum) switch
                {
                    ({ } low, { } high) => $"between {Invariant(low)} and {Invariant(high)}",
                    ({ } low, null) => $"at least {Invariant(low)}",
                    _ => $"at most {Invariant(maximum!.Value)}",
                };
                throw new DynamoValidationException(entity, attribute, $"must be {limits}");
            }

            return value;
        }

        private static string Characters(int count) => count == 1 ? "1 character" : count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters";

        private static string Invariant<T>(T value) => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>Normalises a phone number (see <see cref="PhoneNumber.TryNormalize"/>) or rejects it.</summary>
        public static string Phone(string? value, string entity, string attribute)
            => IsValidPhone(value, out var normalized, out var problem) ? normalized : throw new DynamoValidationException(entity, attribute, problem);

        /// <summary>
        /// Checks a text key part without throwing: not null, not empty (DynamoDB refuses empty keys), free of
        /// control characters (DynamoDB would store a line feed or a tab in a key, but no one means one there), free of
        /// <paramref name="separator"/> when given, since a stored key could otherwise not be split back into its
        /// parts, and matching <paramref name="pattern"/> when given.
        /// </summary>
        /// <param name="value">The part's value.</param>
        /// <param name="pattern">The schema's pattern, or null.</param>
        /// <param name="separator">The literal that follows the part in its template, or null.</param>
        /// <param name="problem">What is wrong, for a <see cref="DynamoValidationException"/>; empty when valid.</param>
        public static bool IsValidKeyText([NotNullWhen(true)] string? value, TextPattern? pattern, string? separator, out string problem)
        {
            if (value is null)
            {
                problem = RequiredProblem;
                return false;
            }

            if (value.Length == 0)
            {
                problem = EmptyKeyProblem;
                return false;
            }

            if (HasControlCharacter(value))
            {
                problem = ControlCharacterProblem;
                return false;
            }

            if (separator is not null && value.Contains(separator, System.StringComparison.Ordinal))
            {
                problem = $"must not contain '{separator}', which separates the parts of the key";
                return false;
            }

            if (pattern is not null && !pattern.IsMatch(value))
            {
                problem = PatternProblem(pattern);
                return false;
            }

            problem = string.Empty;
            return true;
        }

        /// <summary>
        /// Checks binary key bytes without throwing: present and not empty, since DynamoDB refuses an empty key.
        /// </summary>
        /// <param name="value">The key attribute's bytes.</param>
        /// <param name="problem">What is wrong, for a <see cref="DynamoValidationException"/>; empty when valid.</param>
        public static bool IsValidKeyBytes([NotNullWhen(true)] byte[]? value, out string problem)
        {
            problem = value is null ? RequiredProblem : value.Length == 0 ? EmptyKeyProblem : string.Empty;
            return problem.Length == 0;
        }

        /// <summary>Normalises a phone number without throwing; <paramref name="problem"/> says why it failed.</summary>
        public static bool IsValidPhone([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? normalized, out string problem)
        {
            problem = PhoneNumber.TryNormalize(value, out normalized) ? string.Empty : value is null ? RequiredProblem : "is not a Korean mobile number (expected 010-XXXX-XXXX or 010XXXXXXXX)";
            return normalized is not null;
        }

        /// <summary>Normalises an international number (see <see cref="PhoneNumber.TryNormalizeE164"/>) or rejects it.</summary>
        public static string E164Phone(string? value, string entity, string attribute)
            => IsValidE164Phone(value, out var normalized, out var problem) ? normalized : throw new DynamoValidationException(entity, attribute, problem);

        /// <summary>Normalises an international number to E.164 without throwing; <paramref name="problem"/> says why it failed.</summary>
        public static bool IsValidE164Phone([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? normalized, out string problem)
        {
            problem = PhoneNumber.TryNormalizeE164(value, out normalized) ? string.Empty : value is null ? RequiredProblem : "is not an international phone number (expected '+', the country code and 8 to 15 digits in all, such as +447911123456)";
            return normalized is not null;
        }

        /// <summary>
        /// Rejects text with a control character; returns it. For a string attribute that is an index key or that a
        /// computed index key is built from: its text goes into a key, like a key part's.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static string KeyText(string value, string entity, string attribute)
        {
            System.ArgumentNullException.ThrowIfNull(value);
            System.ArgumentNullException.ThrowIfNull(entity);
            System.ArgumentNullException.ThrowIfNull(attribute);
            return HasControlCharacter(value) ? throw new DynamoValidationException(entity, attribute, ControlCharacterProblem) : value;
        }

        private static bool HasControlCharacter(string value)
        {
            foreach (var c in value)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static string PatternProblem(TextPattern pattern) => $"does not match the pattern {pattern.Pattern}";
    }
}

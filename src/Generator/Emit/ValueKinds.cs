using Bookings.Generated.Generator.Model;

namespace Bookings.Generated.Generator.Emit
{
    /// <summary>How each descriptor type looks in C# and in a DynamoDB item.</summary>
    internal static class ValueKinds
    {
        public static string CSharpType(ValueKind kind) => kind switch
        {
            ValueKind.String => "string",
            ValueKind.Bool => "bool",
            ValueKind.Int32 => "int",
            ValueKind.Int64 => "long",
            ValueKind.Decimal => "decimal",
            _ => "double",
        };

        public static bool IsValueType(ValueKind kind) => kind != ValueKind.String;

        public static bool IsNumber(ValueKind kind) => kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double;

        /// <summary>The <c>ItemReader</c> method that reads this kind.</summary>
        public static string ReaderMethod(ValueKind kind) => kind switch
        {
            ValueKind.String => "String",
            ValueKind.Bool => "Boolean",
            ValueKind.Int32 => "Int32",
            ValueKind.Int64 => "Int64",
            ValueKind.Decimal => "Decimal",
            _ => "Double",
        };

        /// <summary>How a mapping error names the stored type.</summary>
        public static string StoredDescription(ValueKind kind) => kind switch
        {
            ValueKind.String => "a string (S)",
            ValueKind.Bool => "a boolean (BOOL)",
            _ => "a number (N)",
        };

        /// <summary>An expression that builds the AttributeValue for a non-null C# expression of this kind.</summary>
        public static string ToAttributeValue(ValueKind kind, string expression) => kind switch
        {
            ValueKind.String => $"new global::Amazon.DynamoDBv2.Model.AttributeValue {{ S = {expression} }}",
            ValueKind.Bool => $"new global::Amazon.DynamoDBv2.Model.AttributeValue {{ BOOL = {expression} }}",
            ValueKind.Double => $"new global::Amazon.DynamoDBv2.Model.AttributeValue {{ N = {expression}.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture) }}",
            _ => $"new global::Amazon.DynamoDBv2.Model.AttributeValue {{ N = {expression}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) }}",
        };

        /// <summary>An expression that turns a key part into the text of a composed key.</summary>
        public static string ToKeyText(ValueKind kind, string expression)
            => kind == ValueKind.String ? expression : $"{expression}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
    }
}

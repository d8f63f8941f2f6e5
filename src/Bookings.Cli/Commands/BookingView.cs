using System.Collections.Generic;
using System.IO;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Bookings.Generated.Runtime;

namespace Bookings.Cli.Commands
{
    /// <summary>Prints bookings for people and scripts, always masked: phones as 010-****-5678, names as K***.</summary>
    internal static class BookingView
    {
        /// <summary>A field/value table of one booking.</summary>
        public static void WriteTable(TextWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
        {
            var table = new TextTable("field", "value");
            foreach (var name in BookingRecords.FieldOrder(item))
            {
                table.Add(BookingMarshaller.IsDeclared(name) ? name : PhoneNumber.MaskAll(name), Describe(name, item[name]));
            }

            table.WriteTo(writer);
        }

        /// <summary>One value as text: masked when personal, compact JSON for maps and lists.</summary>
        public static string Describe(string name, AttributeValue value)
        {
            if (value.S is not null)
            {
                return BookingRecords.Masked(name, value.S) ?? (value.S.Length == 0 ? "\"\"" : PhoneNumber.MaskAll(value.S));
            }

            if (value.N is not null)
            {
                return value.N;
            }

            if (value.BOOL is bool flag)
            {
                return flag ? "true" : "false";
            }

            using var buffer = new MemoryStream();
            using (var json = CliContext.CreateJsonWriter(buffer))
            {
                AttributeValueJson.Write(json, value, PhoneNumber.MaskAll);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}

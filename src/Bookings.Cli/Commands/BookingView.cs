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
            foreach (var name in Booking.DeclaredAttributes)
            {
                if (item.TryGetValue(name, out var value) && value is not null)
                {
                    table.Add(name, Describe(name, value));
                }
            }

            var extras = new List<string>();
            foreach (var name in item.Keys)
            {
                if (!BookingRecords.IsDeclared(name))
                {
                    extras.Add(name);
                }
            }

            extras.Sort(System.StringComparer.Ordinal);
            foreach (var name in extras)
            {
                table.Add(PhoneNumber.MaskAll(name), Describe(name, item[name]));
            }

            table.WriteTo(writer);
        }

        /// <summary>One value as text: masked when personal, compact JSON for maps and lists.</summary>
        public static string Describe(string name, AttributeValue value)
        {
            if (name == BookingTable.Attributes.Phone && value.S is not null)
            {
                return PhoneNumber.Mask(value.S);
            }

            if (name == BookingTable.Attributes.Name && value.S is not null)
            {
                return Redact.Personal(value.S);
            }

            if (value.S is not null)
            {
                return value.S.Length == 0 ? "\"\"" : PhoneNumber.MaskAll(value.S);
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

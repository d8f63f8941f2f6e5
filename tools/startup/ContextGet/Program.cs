// Reads one booking of the sms table with DynamoDBContext and prints it as one line on stdout, as soon as the
// first GetItem returns. Usage: ContextGet ENDPOINT BOOKING_NUM PHONE [--fetch-metadata]
//
// Without --fetch-metadata the context is built with DynamoDBContextBuilder, whose default is
// DisableFetchingTableMetadata = true: keys come from the attributes on SmsBooking and no DescribeTable is sent.
// With --fetch-metadata the context first asks DynamoDB for the table's key schema (DescribeTable), which is the
// behaviour of `new DynamoDBContext(client)` in SDK v3 and of any context configured with
// DisableFetchingTableMetadata = false. Either way the first Load builds its type mapping by reflection.
// The requests sent are listed on stderr.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Runtime;

namespace ContextGet
{
    [DynamoDBTable("sms")]
    public sealed class SmsBooking
    {
        [DynamoDBHashKey("booking_num")]
        public string BookingNum { get; set; } = string.Empty;

        [DynamoDBRangeKey("phone")]
        public string Phone { get; set; } = string.Empty;

        [DynamoDBProperty("name")]
        public string? Name { get; set; }

        [DynamoDBProperty("booking_time")]
        public string? BookingTime { get; set; }

        [DynamoDBProperty("confirm_sms")]
        public bool ConfirmSms { get; set; }

        [DynamoDBProperty("remind_sms")]
        public bool RemindSms { get; set; }

        [DynamoDBProperty("option_sms")]
        public bool OptionSms { get; set; }

        [DynamoDBProperty("option_time")]
        public string? OptionTime { get; set; }
    }

    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            if (args.Length < 3)
            {
                await Console.Error.WriteLineAsync("usage: ContextGet ENDPOINT BOOKING_NUM PHONE [--fetch-metadata]").ConfigureAwait(false);
                return 2;
            }

            bool fetchMetadata = Array.IndexOf(args, "--fetch-metadata") >= 0;
            var config = new AmazonDynamoDBConfig { ServiceURL = args[0], AuthenticationRegion = "us-east-1" };
            using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
            var requests = new List<string>();
            client.BeforeRequestEvent += (_, e) =>
            {
                if (e is WebServiceRequestEventArgs request)
                {
                    requests.Add(request.Request.GetType().Name.Replace("Request", string.Empty, StringComparison.Ordinal));
                }
            };

            var context = new DynamoDBContextBuilder()
                .WithDynamoDBClient(() => client)
                .ConfigureContext(c => c.DisableFetchingTableMetadata = !fetchMetadata)
                .Build();
            var booking = await context.LoadAsync<SmsBooking>(args[1], args[2]).ConfigureAwait(false);
            Console.WriteLine(booking is null
                ? "null"
                : $"{{\"booking_num\":\"{booking.BookingNum}\",\"name\":\"{booking.Name}\",\"booking_time\":\"{booking.BookingTime}\",\"confirm_sms\":{(booking.ConfirmSms ? "true" : "false")}}}");
            await Console.Out.FlushAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync("requests: " + string.Join(", ", requests)).ConfigureAwait(false);
            return booking is null ? 4 : 0;
        }
    }
}

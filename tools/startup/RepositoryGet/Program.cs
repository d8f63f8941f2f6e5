// Reads one booking of the sms table with the generated BookingRepository and prints it as one line on stdout,
// as soon as the GetItem returns. Usage: RepositoryGet ENDPOINT BOOKING_NUM PHONE
// No DescribeTable (the key schema is compiled in) and no reflection (the marshaller is generated).
using System;
using System.Threading.Tasks;
using Bookings;
using Bookings.Generated.Runtime;

namespace RepositoryGet
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            if (args.Length < 3 || args[1].Split('_') is not [var bizId, var bookId])
            {
                await Console.Error.WriteLineAsync("usage: RepositoryGet ENDPOINT BIZID_BOOKID PHONE").ConfigureAwait(false);
                return 2;
            }

            var options = new DynamoRepositoryOptions { ServiceUrl = args[0], Region = "us-east-1", AccessKeyId = "local", SecretAccessKey = "local" };
            using var client = options.CreateClient();
            var booking = await new BookingRepository(client, options).GetAsync(BookingKey.Create(bizId, bookId, args[2])).ConfigureAwait(false);
            Console.WriteLine(booking is null
                ? "null"
                : $"{{\"booking_num\":\"{booking.Key.BookingNum}\",\"name\":\"{booking.Name}\",\"booking_time\":\"{booking.BookingTime}\",\"confirm_sms\":{(booking.ConfirmSms ? "true" : "false")}}}");
            return booking is null ? 4 : 0;
        }
    }
}

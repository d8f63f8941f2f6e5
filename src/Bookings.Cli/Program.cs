using System;
using System.Threading.Tasks;

namespace Bookings.Cli
{
    /// <summary>Entry point: parses the command line and runs the chosen command.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args)
            => new CliApp(Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected).RunAsync(args);
    }
}

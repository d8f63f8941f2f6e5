using System.CommandLine;
using System.Threading.Tasks;
using Bookings.Cli.Commands;

namespace Bookings.Cli
{
    /// <summary>Entry point: parses the command line and runs the chosen command.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args)
        {
            var root = new RootCommand("Operator's tool for the booking and session tables.");
            root.Options.Add(GlobalOptions.Endpoint);
            root.Options.Add(GlobalOptions.LogLevel);
            root.Options.Add(GlobalOptions.LogFormat);
            root.Subcommands.Add(DemoCommand.Create());
            return root.Parse(args).InvokeAsync();
        }
    }
}

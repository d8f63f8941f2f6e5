using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Bookings.Generated.Packaging.Tests
{
    /// <summary>
    /// A test that publishes with Native AOT, which needs a C toolchain besides the .NET SDK: <c>clang</c> (the
    /// linker driver) and zlib's development files (<c>apt-get install -y clang zlib1g-dev</c>). Where clang is not
    /// on PATH the test is skipped with that fix, except under CI (<c>CI=true</c>): <c>.ci/run</c> installs the
    /// toolchain first, so there a missing one fails the test instead of hiding it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class NativeAotFactAttribute : FactAttribute
    {
        public NativeAotFactAttribute()
        {
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            if (!ci && !OnPath("clang"))
            {
                Skip = "Native AOT needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev); .ci/run installs them.";
            }
        }

        private static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(directory => File.Exists(Path.Combine(directory, program)));
    }
}

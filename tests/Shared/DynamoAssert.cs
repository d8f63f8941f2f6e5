// Compiled into the test projects that check a failure's kind (linked, like FreshTables.cs).
using System;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;
using Xunit;

namespace Bookings.Generated.Testing;

/// <summary>Asserts on the SDK's failures, which are one exception type branched on by <see cref="DynamoErrorKind"/>.</summary>
internal static class DynamoAssert
{
    /// <summary>Awaits a call that must fail with a <see cref="DynamoRepositoryException"/> (exactly) of the kind.</summary>
    public static async Task<DynamoRepositoryException> ThrowsAsync(DynamoErrorKind kind, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<DynamoRepositoryException>(call);
        Assert.Equal(kind, error.Kind);
        return error;
    }
}

using System;
using System.CodeDom.Compiler;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Bookings.Generated.Runtime;
using Bookings.Generated.Runtime.Internal;
using Xunit;

namespace Bookings.Generated.Integration.Tests
{
    /// <summary>
    /// Every public method and constructor of the generated types (the bookings schema and the six schemas of this
    /// project) and of the runtime, called with null in one parameter at a time and sample values in the others: a parameter not
    /// annotated as nullable must be refused before any request with a typed error (<see cref="ArgumentNullException"/>
    /// or <see cref="DynamoValidationException"/>), and no call may end in a <see cref="NullReferenceException"/>.
    /// Repositories talk to a closed local port with retries off, so a call that does send a request fails at once
    /// and stores nothing. Exception types are held only to the second rule: like .NET's own, their constructors
    /// never throw, since they are built while reporting another error.
    /// </summary>
    public sealed class NullArgumentSweepTests
    {
        private static readonly NullabilityInfoContext Nullability = new();

        [Fact]
        public Task Generated_code_refuses_null_with_a_typed_error_and_never_dereferences_it()
            => SweepAsync(GeneratedTypes().ToList(), minimumCalls: 300);

        [Fact]
        public Task The_runtime_refuses_null_with_a_typed_error_and_never_dereferences_it()
            => SweepAsync(RuntimeTypes().ToList(), minimumCalls: 100);

        /// <summary>The runtime's public types, generic ones over <see cref="string"/> where their constraints allow it.</summary>
        private static IEnumerable<Type> RuntimeTypes()
        {
            foreach (var type in typeof(DynamoRepositoryException).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (typeof(Delegate).IsAssignableFrom(type))
                {
                    continue;
                }

                if (!type.IsGenericTypeDefinition)
                {
                    yield return type;
                    continue;
                }

                Type? closed = null;
                try
                {
                    closed = type.MakeGenericType(type.GetGenericArguments().Select(_ => typeof(string)).ToArray());
                }
                catch (ArgumentException)
                {
                    // string does not meet a constraint: not swept.
                }

                if (closed is not null)
                {
                    yield return closed;
                }
            }
        }

        private static async Task SweepAsync(IReadOnlyList<Type> types, int minimumCalls)
        {
            using var client = new AmazonDynamoDBClient(
                new BasicAWSCredentials("sweep", "sweep"),
                new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(2) });
            var options = new DynamoRepositoryOptions { Retry = { MaxAttempts = 1 } };
            var samples = new Samples(client, options);
            var failures = new List<string>();
            var calls = 0;

            foreach (var type in types)
            {
                foreach (var method in Callables(type))
                {
                    var parameters = method.GetParameters();
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        if (parameters[i].ParameterType.IsByRef || !CanBeNull(parameters[i].ParameterType))
                        {
                            continue;
                        }

                        var target = method.IsStatic || method is ConstructorInfo ? null : samples.Instance(type);
                        if (!method.IsStatic && method is not ConstructorInfo && target is null)
                        {
                            continue;
                        }

                        var arguments = parameters.Select(p => samples.Of(p.ParameterType)).ToArray();
                        arguments[i] = null;
                        calls++;
                        var thrown = await CallAsync(method, target, arguments);
                        var nullable = IsNullable(parameters[i]);
                        var where = $"{type.Name}.{method.Name}({string.Join(", ", parameters.Select((p, k) => k == i ? $"{p.Name}: null" : p.Name))})";
                        if (thrown is NullReferenceException)
                        {
                            failures.Add($"{where}: NullReferenceException at {thrown.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                        }
                        else if (!nullable && !typeof(Exception).IsAssignableFrom(type) && thrown is not (ArgumentNullException or DynamoValidationException))
                        {
                            failures.Add($"{where}: {(thrown is null ? "accepted" : thrown.GetType().Name + ": " + thrown.Message)}");
                        }
                    }
                }
            }

            var unmade = types.Where(t => typeof(IDynamoKey).IsAssignableFrom(t) && !t.IsInterface && samples.Of(t) is null).Select(t => t.Name).ToList();
            Assert.True(unmade.Count == 0, "no sample key for " + string.Join(", ", unmade));
            Assert.True(calls > minimumCalls, $"only {calls} calls were made: the sweep found too few members");
            Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls:\n" + string.Join("\n", failures));
        }

        private static IEnumerable<Type> GeneratedTypes()
            => new[] { typeof(NullArgumentSweepTests).Assembly, typeof(global::Bookings.BookingRepository).Assembly }
                .SelectMany(a => a.GetExportedTypes())
                .Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "Bookings.Generated.Generator" && !t.IsGenericTypeDefinition)
                .OrderBy(t => t.FullName, StringComparer.Ordinal);

        /// <summary>
        /// The public methods and constructors a type declares, less the compiler's record members; for a generated
        /// repository also those it inherits from the runtime's <see cref="DynamoRepository{TEntity, TKey, TUpdate}"/>, which
        /// the runtime sweep cannot reach (its type arguments are generated types).
        /// </summary>
        private static IEnumerable<MethodBase> Callables(Type type)
        {
            var compilerMade = new HashSet<string>(StringComparer.Ordinal) { "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "<Clone>$", "op_Equality", "op_Inequality" };
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                .Where(m => m.DeclaringType == type || m.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericTypeDefinition() == typeof(DynamoRepository<,,>))
                .Where(m => !m.IsSpecialName && !m.ContainsGenericParameters && !compilerMade.Contains(m.Name));
            var constructors = type.IsAbstract ? Enumerable.Empty<MethodBase>() : type.GetConstructors().Where(c => !IsCopyConstructor(type, c));
            return methods.Cast<MethodBase>().Concat(constructors).OrderBy(m => m.ToString(), StringComparer.Ordinal);
        }

        private static bool IsCopyConstructor(Type type, ConstructorInfo constructor)
            => constructor.GetParameters() is [var only] && only.ParameterType == type;

        private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

        private static bool IsNullable(ParameterInfo parameter)
            => parameter.ParameterType.IsValueType || Nullability.Create(parameter).ReadState != NullabilityState.NotNull;

        /// <summary>Calls the method and runs what it returns (a task, a value task, an async stream) to its first result.</summary>
        private static async Task<Exception?> CallAsync(MethodBase method, object? target, object?[] arguments)
        {
            try
            {
                var result = method is ConstructorInfo constructor ? constructor.Invoke(arguments) : method.Invoke(target, arguments);
                switch (result)
                {
                    case Task task:
                        await task.WaitAsync(TimeSpan.FromSeconds(20));
                        break;
                    case ValueTask valueTask:
                        await valueTask.AsTask().WaitAsync(TimeSpan.FromSeconds(20));
                        break;
                    case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } stream:
                        await FirstAsync(result, stream.GetGenericArguments()[0]);
                        break;
                    case not null when result.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ValueTask<>):
                        await ((Task)t.GetMethod("AsTask")!.Invoke(result, null)!).WaitAsync(TimeSpan.FromSeconds(20));
                        break;
                }

                return null;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                return ex.InnerException;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        private static Task FirstAsync(object stream, Type item)
            => (Task)typeof(NullArgumentSweepTests).GetMethod(nameof(FirstOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(item).Invoke(null, new[] { stream })!;

        private static async Task FirstOfAsync<T>(IAsyncEnumerable<T> stream)
        {
            await using var enumerator = stream.GetAsyncEnumerator();
            await enumerator.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        }

        /// <summary>
        /// A valid-looking value of each parameter type, where one can be made without knowing the schema: scalars,
        /// keys through their <c>Create</c> with sample parts (null when the parts do not fit the key's rules),
        /// identity functions for update builders, empty collections, and repositories on the closed port.
        /// </summary>
        private sealed class Samples
        {
            private readonly IAmazonDynamoDB _client;
            private readonly DynamoRepositoryOptions _options;
            private readonly Dictionary<Type, object?> _made = new();

            public Samples(IAmazonDynamoDB client, DynamoRepositoryOptions options)
            {
                _client = client;
                _options = options;
            }

            /// <summary>An instance to call instance methods on: a repository, or a type with a parameterless constructor.</summary>
            public object? Instance(Type type)
            {
                // A new one per call: builders keep state between calls.
                object? instance = null;
                var repository = type.GetConstructors().FirstOrDefault(c => c.GetParameters().FirstOrDefault()?.ParameterType == typeof(IAmazonDynamoDB));
                try
                {
                    if (repository is not null)
                    {
                        instance = repository.Invoke(repository.GetParameters().Select(p => Of(p.ParameterType)).ToArray());
                    }
                    else if (type.GetConstructor(Type.EmptyTypes) is { } parameterless)
                    {
                        instance = parameterless.Invoke(null);
                    }
                }
                catch (TargetInvocationException)
                {
                    // Not made from samples: its instance members are not swept.
                }

                return instance;
            }

            public object? Of(Type type)
            {
                if (_made.TryGetValue(type, out var made))
                {
                    return made;
                }

                var value = Make(type);
                _made[type] = value;
                return value;
            }

            /// <summary>A key built from the first combination of sample texts its rules accept, or null.</summary>
            private object? SampleKey(MethodInfo create)
            {
                string[] texts = { "1", "010-1234-5678", "2026-01-02", "P1", "x", "+14155550100", "x@shoppers.test" };
                var parameters = create.GetParameters();
                var strings = parameters.Select((p, i) => (p, i)).Where(x => x.p.ParameterType == typeof(string)).Select(x => x.i).ToList();
                var combinations = (int)Math.Pow(texts.Length, strings.Count);
                for (var n = 0; n < combinations; n++)
                {
                    var arguments = parameters.Select(p => Of(p.ParameterType)).ToArray();
                    var rest = n;
                    foreach (var index in strings)
                    {
                        arguments[index] = texts[rest % texts.Length];
                        rest /= texts.Length;
                    }

                    try
                    {
                        return create.Invoke(null, arguments);
                    }
                    catch (TargetInvocationException ex) when (ex.InnerException is DynamoValidationException)
                    {
                    }
                }

                return null;
            }

            private object? Make(Type type)
            {
                if (Nullable.GetUnderlyingType(type) is { } underlying)
                {
                    return Of(underlying);
                }

                if (type == typeof(string))
                {
                    return "1";
                }

                if (type == typeof(IAmazonDynamoDB))
                {
                    return _client;
                }

                if (type == typeof(DynamoRepositoryOptions))
                {
                    return _options;
                }

                if (type == typeof(TextPattern))
                {
                    return new TextPattern("^[0-9]+$");
                }

                if (type == typeof(DynamoOperationRunner))
                {
                    return new DynamoOperationRunner(_options);
                }

                if (type == typeof(CancellationToken))
                {
                    return CancellationToken.None;
                }

                if (type == typeof(DateTimeOffset))
                {
                    return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
                }

                if (type == typeof(DateTime))
                {
                    return new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
                }

                if (type == typeof(DateOnly))
                {
                    return new DateOnly(2026, 1, 2);
                }

                if (type == typeof(byte[]))
                {
                    return new byte[] { 1 };
                }

                if (type.IsEnum)
                {
                    return Enum.GetValues(type).GetValue(0);
                }

                if (type.IsPrimitive || type == typeof(decimal))
                {
                    return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
                }

                if (type.IsValueType)
                {
                    return Activator.CreateInstance(type);
                }

                if (typeof(IDynamoKey).IsAssignableFrom(type) && type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static) is { } create)
                {
                    return SampleKey(create);
                }

                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Func<,>) && type.GetGenericArguments() is [var input, var output] && input == output)
                {
                    var parameter = Expression.Parameter(input);
                    return Expression.Lambda(type, parameter, parameter).Compile();
                }

                if (type.IsArray)
                {
                    return Array.CreateInstance(type.GetElementType()!, 0);
                }

                if (type.IsGenericType && type.IsInterface && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element])
                {
                    // An empty list answers IEnumerable<T>, IReadOnlyList<T> and IReadOnlyCollection<T>.
                    var list = Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                    return type.IsInstanceOfType(list) ? list : null;
                }

                return !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is { } parameterless ? parameterless.Invoke(null) : null;
            }
        }
    }
}

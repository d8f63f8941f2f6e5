using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Bookings.Generated.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bookings
{
    /// <summary>Settings of <see cref="SessionService"/>.</summary>
    public sealed class SessionServiceOptions
    {
        /// <summary>
        /// How long a saved session stays valid. When set, <see cref="SessionService.SaveSessionAsync"/> writes
        /// <c>expires_at</c> (Unix epoch seconds, usable as the table's TTL attribute). Default: null (sessions
        /// never expire, as in the legacy Lambda).
        /// </summary>
        public TimeSpan? Lifetime { get; set; }

        /// <summary>The clock; replace it in tests. Default: <see cref="TimeProvider.System"/>.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }

    /// <summary>
    /// The legacy Lambda's session operations on the <c>session</c> table (<c>session_get_db</c>,
    /// <c>session_upsert_db</c>, delete), on top of the generated <see cref="SessionRepository"/>. The record id is
    /// <c>"1"</c> by default; any id is accepted for the multi-user case. Cookies are a secret: nothing here logs
    /// or prints them, and <see cref="Session.ToString"/> leaves them out.
    /// </summary>
    public sealed class SessionService
    {
        /// <summary>The id of the single shared session of the legacy system: <c>"1"</c>.</summary>
        public const string DefaultId = "1";

        private readonly SessionServiceOptions _sessionOptions;
        private readonly ILogger _logger;

        /// <summary>Creates the service.</summary>
        /// <param name="client">The DynamoDB client; the caller owns it.</param>
        /// <param name="options">Table names, retries and read consistency; defaults when null.</param>
        /// <param name="sessionOptions">Session lifetime and clock; no expiry when null.</param>
        /// <param name="loggers">Where logs go (never cookies); nothing is logged when null.</param>
        /// <exception cref="ArgumentOutOfRangeException">The lifetime is zero or negative.</exception>
        public SessionService(IAmazonDynamoDB client, DynamoRepositoryOptions? options = null, SessionServiceOptions? sessionOptions = null, ILoggerFactory? loggers = null)
        {
            ArgumentNullException.ThrowIfNull(client);
            _sessionOptions = sessionOptions ?? new SessionServiceOptions();
            if (_sessionOptions.Lifetime is { } lifetime && lifetime <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(sessionOptions), lifetime, "The session lifetime must be positive, or null for sessions that never expire.");
            }

            _logger = (ILogger?)loggers?.CreateLogger<SessionService>() ?? NullLogger.Instance;
            Repository = new SessionRepository(client, options, loggers?.CreateLogger<SessionRepository>());
        }

        /// <summary>The generated repository underneath.</summary>
        public ISessionRepository Repository { get; }

        /// <summary>The physical name of the session table.</summary>
        public string TableName => Repository.TableName;

        /// <summary>
        /// Legacy <c>session_get_db</c>: the session, or null when there is none or it has expired
        /// (<c>expires_at</c> in the past), even if DynamoDB's TTL has not removed it yet.
        /// </summary>
        /// <exception cref="DynamoValidationException">The id is empty.</exception>
        public async Task<Session?> GetSessionAsync(string id = DefaultId, CancellationToken cancellationToken = default)
        {
            var session = await Repository.GetAsync(SessionKey.Create(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (session?.ExpiresAt is { } expiresAt && expiresAt <= Now())
            {
                BookingsLog.SessionExpired(_logger, session.Id, expiresAt);
                return null;
            }

            return session;
        }

        /// <summary>
        /// Legacy <c>session_upsert_db</c>: stores the cookies under the id, replacing whatever was there (no
        /// merge). With a configured lifetime, <c>expires_at</c> is set to now plus the lifetime; without one,
        /// the saved session has no expiry.
        /// </summary>
        /// <param name="cookiesJson">The browser cookies, a JSON array as the automation produced it. A secret.</param>
        /// <param name="id">The session record id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>The session as stored.</returns>
        /// <exception cref="DynamoValidationException">The id is empty or the cookies are null.</exception>
        public async Task<Session> SaveSessionAsync(string cookiesJson, string id = DefaultId, CancellationToken cancellationToken = default)
        {
            var session = new Session
            {
                Key = SessionKey.Create(id),
                Cookies = cookiesJson,
                ExpiresAt = _sessionOptions.Lifetime is { } lifetime ? Now() + (long)Math.Ceiling(lifetime.TotalSeconds) : null,
            };
            await Repository.PutAsync(session, cancellationToken: cancellationToken).ConfigureAwait(false);
            return session;
        }

        /// <summary>Deletes the session, for cache invalidation after a failed login.</summary>
        /// <returns>True when a session was deleted, false when there was none.</returns>
        public Task<bool> DeleteSessionAsync(string id = DefaultId, CancellationToken cancellationToken = default)
            => Repository.DeleteAsync(SessionKey.Create(id), cancellationToken: cancellationToken);

        private long Now() => _sessionOptions.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
    }
}

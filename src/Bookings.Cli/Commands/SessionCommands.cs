using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bookings.Cli.Commands
{
    /// <summary>
    /// <c>session get|save|delete</c>. Cookies are a secret: they are read from a file or stdin (never from the
    /// command line, where shell history and process lists would keep them) and never printed, only their size.
    /// </summary>
    internal static class SessionCommands
    {
        public static Command Create(CliIo io, Func<TextReader> stdin)
            => new("session", "Read, save or delete the cached login session (cookies are never printed).") { Get(io), Save(io, stdin), Delete(io) };

        private static Option<string> Id() => new("--id")
        {
            Description = "The session record id.",
            DefaultValueFactory = _ => SessionService.DefaultId,
        };

        private static Command Get(CliIo io)
        {
            var id = Id();
            var command = new Command("get", "Show whether a session is stored, its size and expiry; an expired session counts as absent (exit code 4).") { id };
            return command.Runs(io, async (context, parse, ct) =>
            {
                var service = new SessionService(context.Client, context.Options, null, context.Loggers);
                var session = await service.GetSessionAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
                if (session is null)
                {
                    return NotFound(context, service.TableName, parse.GetValue(id)!);
                }

                Write(context, session, "found");
                return ExitCodes.Success;
            });
        }

        private static Command Save(CliIo io, Func<TextReader> stdin)
        {
            var id = Id();
            var file = new Option<string>("--cookies-file")
            {
                Description = "The file holding the cookies JSON array, or '-' for stdin.",
                Required = true,
            };
            var lifetime = new Option<string?>("--lifetime")
            {
                Description = "How long the session stays valid: 90s, 30m, 12h, 7d or a TimeSpan (12:00:00). Sets expires_at. Default: no expiry.",
            };
            var command = new Command("save", "Save the session, replacing any stored one with the same id (no merge).") { id, file, lifetime };
            TimeSpan? parsedLifetime = null;
            return command.Runs(
                io,
                async (context, parse, ct) =>
                {
                    var cookies = await ReadCookiesAsync(parse.GetValue(file)!, stdin, ct).ConfigureAwait(false);
                    var service = new SessionService(context.Client, context.Options, new SessionServiceOptions { Lifetime = parsedLifetime }, context.Loggers);
                    var saved = await service.SaveSessionAsync(cookies, parse.GetValue(id)!, ct).ConfigureAwait(false);
                    Write(context, saved, "saved");
                    return ExitCodes.Success;
                },
                validate: parse =>
                {
                    var text = parse.GetValue(lifetime);
                    if (text is not null)
                    {
                        parsedLifetime = ParseLifetime(text) ?? throw CliException.Usage(
                            $"--lifetime '{text}' is not a positive duration.",
                            "Use a number with s, m, h or d (90s, 30m, 12h, 7d), or a TimeSpan such as 12:00:00.");
                    }
                });
        }

        private static Command Delete(CliIo io)
        {
            var id = Id();
            var command = new Command("delete", "Delete the session, for example after a failed login; a missing session is reported (exit code 4).") { id };
            return command.Runs(io, async (context, parse, ct) =>
            {
                var service = new SessionService(context.Client, context.Options, null, context.Loggers);
                var sessionId = parse.GetValue(id)!;
                if (!await service.DeleteSessionAsync(sessionId, ct).ConfigureAwait(false))
                {
                    return NotFound(context, service.TableName, sessionId);
                }

                if (context.Json)
                {
                    context.WriteJsonObject(json =>
                    {
                        json.WriteBoolean("deleted", true);
                        json.WriteString("id", sessionId);
                    });
                }
                else
                {
                    context.Out.WriteLine($"Deleted session {sessionId}.");
                }

                return ExitCodes.Success;
            });
        }

        /// <summary>Parses 90s, 30m, 12h, 7d or a TimeSpan; null when invalid or not positive.</summary>
        internal static TimeSpan? ParseLifetime(string text)
        {
            text = text.Trim();
            TimeSpan value;
            if (text.Length > 1 && "smhd".Contains(char.ToLowerInvariant(text[^1]), StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount))
            {
                value = char.ToLowerInvariant(text[^1]) switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
            else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
            {
                return null;
            }

            return value > TimeSpan.Zero ? value : null;
        }

        private static async Task<string> ReadCookiesAsync(string path, Func<TextReader> stdin, CancellationToken cancellationToken)
        {
            var text = path == "-"
                ? await stdin().ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw CliException.Usage(
                        "The cookies are not a JSON array.",
                        "Pass the cookies as the browser automation saved them: a JSON array of cookie objects, [{\"name\": …, \"value\": …}, …].");
                }
            }
            catch (JsonException ex)
            {
                // The parser's message quotes the offending character; only the position is reported.
                throw CliException.Usage(
                    $"The cookies are not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).",
                    "Pass the cookies as the browser automation saved them: a JSON array of cookie objects.");
            }

            return text;
        }

        private static void Write(CliContext context, Session session, string status)
        {
            var cookieCount = CountCookies(session.Cookies);
            var expires = session.ExpiresAt is { } at ? DateTimeOffset.FromUnixTimeSeconds(at).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : null;
            if (context.Json)
            {
                context.WriteJsonObject(json =>
                {
                    json.WriteString("status", status);
                    json.WriteString("id", session.Id);
                    json.WriteNumber("cookie_count", cookieCount);
                    json.WriteNumber("cookies_length", session.Cookies.Length);
                    if (session.ExpiresAt is { } epoch)
                    {
                        json.WriteNumber("expires_at", epoch);
                    }
                    else
                    {
                        json.WriteNull("expires_at");
                    }
                });
                return;
            }

            var table = new TextTable("field", "value");
            table.Add("id", session.Id);
            table.Add("cookies", $"{cookieCount} cookie(s), {session.Cookies.Length} characters (a secret: never shown)");
            table.Add("expires_at", expires is null ? "never" : $"{expires} ({session.ExpiresAt})");
            context.Out.WriteLine(status == "saved" ? $"Saved session {session.Id} (any previous one with this id was replaced)." : $"Session {session.Id}:");
            table.WriteTo(context.Out);
        }

        private static int CountCookies(string cookies)
        {
            try
            {
                using var document = JsonDocument.Parse(cookies);
                return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 0;
            }
            catch (JsonException)
            {
                return 0;
            }
        }

        private static int NotFound(CliContext context, string table, string id)
            => context.NotFound(
                $"No session '{id}' in table '{table}' at {context.TargetDescription} (or it has expired).",
                "the session",
                "Save one with 'bookings session save --cookies-file FILE', or check --id, --endpoint and --table-prefix.");
    }
}

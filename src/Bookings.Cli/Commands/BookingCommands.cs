using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Bookings.Generated.Runtime;

namespace Bookings.Cli.Commands
{
    /// <summary><c>booking get|create|flag|delete|unnotified</c>: the legacy booking operations, through <see cref="BookingService"/>.</summary>
    internal static class BookingCommands
    {
        public static Command Create(CliIo io)
            => new("booking", "Read, create, flag and delete bookings in the sms table, and find stores waiting for option SMS.") { Get(io), CreateBooking(io), Flag(io), Delete(io), Unnotified(io) };

        private static Argument<string> BookingNum() => new("booking_num") { Description = "The booking number, {biz_id}_{book_id} (for example 1051707_12345)." };

        private static Argument<string> Phone() => new("phone") { Description = "The customer's mobile number, 010-XXXX-XXXX or 010XXXXXXXX (stored as 010-XXXX-XXXX)." };

        private static Command Get(CliIo io)
        {
            var bookingNum = BookingNum();
            var phone = Phone();
            var command = new Command("get", "Show one booking (phone and name masked).") { bookingNum, phone };
            return command.Runs(io, async (context, parse, ct) =>
            {
                var service = new BookingService(context.Client, context.Options, context.Loggers);
                var number = parse.GetRequiredValue(bookingNum);
                // As stored, so a booking the legacy system stored in a shape the schema refuses is still shown.
                var item = await service.GetStoredBookingAsync(number, parse.GetRequiredValue(phone), ct).ConfigureAwait(false);
                if (item is null)
                {
                    return NotFound(context, service.TableName, number, parse.GetRequiredValue(phone));
                }

                if (context.Json)
                {
                    context.WriteJson(json => BookingRecords.Write(json, item, maskPersonalData: true));
                }
                else
                {
                    BookingView.WriteTable(context.Out, item);
                }

                return ExitCodes.Success;
            });
        }

        private static Command CreateBooking(CliIo io)
        {
            var bookingNum = BookingNum();
            var phone = Phone();
            var name = new Option<string>("--name") { Description = "The customer's name.", Required = true };
            var time = new Option<string>("--time") { Description = "The booking time, 'yyyy-MM-dd HH:mm:ss' (for example '2025-10-20 14:30:00').", Required = true };
            var confirm = new Option<bool>("--confirm-sms") { Description = "Mark the confirmation SMS as sent (default: not sent)." };
            var remind = new Option<bool>("--remind-sms") { Description = "Mark the reminder SMS as sent (default: not sent)." };
            var option = new Option<bool>("--option-sms") { Description = "Mark the option SMS as sent (default: not sent)." };
            var optionTime = new Option<string?>("--option-time") { Description = "The option time (default: empty)." };
            var extras = new Option<string[]>("--extra")
            {
                Description = "An extra field, name=value; repeatable. The value is read as JSON when it is JSON (3, true, null, [\"a\"], {\"k\":1}, \"007\"), else as text.",
                AllowMultipleArgumentsPerToken = false,
            };
            var ifAbsent = new Option<bool>("--if-absent") { Description = "Leave an existing booking with this key unchanged (exit code 6) instead of replacing it like the legacy create did." };
            var command = new Command("create", "Store a booking in the legacy shape. Like the legacy create, it replaces an existing booking with the same booking_num and phone, unless --if-absent.")
            {
                bookingNum, phone, name, time, confirm, remind, option, optionTime, extras, ifAbsent,
            };

            Booking? booking = null;
            return command.Runs(
                io,
                async (context, parse, ct) =>
                {
                    var service = new BookingService(context.Client, context.Options, context.Loggers);
                    string status;
                    if (parse.GetValue(ifAbsent))
                    {
                        status = await service.CreateBookingIfAbsentAsync(booking!, ct).ConfigureAwait(false) ? "created" : "exists";
                    }
                    else
                    {
                        await service.CreateBookingAsync(booking!, ct).ConfigureAwait(false);
                        status = "stored";
                    }

                    var item = BookingMarshaller.ToItem(booking!);
                    if (context.Json)
                    {
                        context.WriteJsonObject(json =>
                        {
                            json.WriteString("status", status);
                            json.WritePropertyName("booking");
                            BookingRecords.Write(json, item, maskPersonalData: true);
                        });
                    }
                    else
                    {
                        context.Out.WriteLine(status switch
                        {
                            "created" => $"Created booking {booking!.BookingNum} / {PhoneNumber.Mask(booking.Phone)} in table '{service.TableName}'.",
                            "exists" => $"Booking {booking!.BookingNum} / {PhoneNumber.Mask(booking.Phone)} already exists in table '{service.TableName}'; left unchanged (--if-absent).",
                            _ => $"Stored booking {booking!.BookingNum} / {PhoneNumber.Mask(booking.Phone)} in table '{service.TableName}' (an existing booking with this key is replaced).",
                        });
                        BookingView.WriteTable(context.Out, item);
                    }

                    return status == "exists" ? ExitCodes.Conflict : ExitCodes.Success;
                },
                validate: parse =>
                {
                    var record = BuildRecord(parse, bookingNum, phone, name, time, confirm, remind, option, optionTime, extras);
                    using var document = JsonDocument.Parse(record);
                    if (!BookingRecords.TryParse(document.RootElement, out booking, out var problem))
                    {
                        throw CliException.Usage("Invalid booking: " + problem + ".", "Correct it and run again; see 'bookings booking create --help'.");
                    }
                });
        }

        private static Command Flag(CliIo io)
        {
            var bookingNum = BookingNum();
            var phone = Phone();
            var flag = new Argument<string>("flag") { Description = "confirm_sms, remind_sms or option_sms (or confirm, remind, option)." };
            var value = new Option<bool>("--value") { Description = "The value to set.", DefaultValueFactory = _ => true };
            var command = new Command("flag", "Set one SMS flag on an existing booking; a missing booking is reported (exit code 4) and never created.") { bookingNum, phone, flag, value };
            BookingFlag? parsed = null;
            return command.Runs(
                io,
                async (context, parse, ct) =>
                {
                    var service = new BookingService(context.Client, context.Options, context.Loggers);
                    var number = parse.GetRequiredValue(bookingNum);
                    var given = parse.GetRequiredValue(phone);
                    var setTo = parse.GetValue(value);
                    var updated = await service.UpdateFlagAsync(number, given, parsed!.Value, setTo, ct).ConfigureAwait(false);
                    if (!updated)
                    {
                        return NotFound(context, service.TableName, number, given);
                    }

                    var attribute = parsed.Value.AttributeName();
                    if (context.Json)
                    {
                        context.WriteJsonObject(json =>
                        {
                            json.WriteBoolean("updated", true);
                            json.WriteString("booking_num", number);
                            json.WriteString("phone", PhoneNumber.Mask(given));
                            json.WriteString("flag", attribute);
                            json.WriteBoolean("value", setTo);
                        });
                    }
                    else
                    {
                        context.Out.WriteLine($"Set {attribute} = {(setTo ? "true" : "false")} on booking {number} / {PhoneNumber.Mask(given)}.");
                    }

                    return ExitCodes.Success;
                },
                validate: parse =>
                {
                    if (!TryParseFlag(parse.GetValue(flag), out parsed))
                    {
                        throw CliException.Usage(
                            $"Unknown flag '{PhoneNumber.MaskAll(parse.GetValue(flag) ?? string.Empty)}'.",
                            "Use one of confirm_sms, remind_sms, option_sms (or confirm, remind, option).");
                    }
                });
        }

        private static Command Delete(CliIo io)
        {
            var bookingNum = BookingNum();
            var phone = Phone();
            var command = new Command("delete", "Delete one booking; a missing booking is reported (exit code 4).") { bookingNum, phone };
            return command.Runs(io, async (context, parse, ct) =>
            {
                var service = new BookingService(context.Client, context.Options, context.Loggers);
                var number = parse.GetRequiredValue(bookingNum);
                var given = parse.GetRequiredValue(phone);
                if (!await service.DeleteBookingAsync(number, given, ct).ConfigureAwait(false))
                {
                    return NotFound(context, service.TableName, number, given);
                }

                if (context.Json)
                {
                    context.WriteJsonObject(json =>
                    {
                        json.WriteBoolean("deleted", true);
                        json.WriteString("booking_num", number);
                        json.WriteString("phone", PhoneNumber.Mask(given));
                    });
                }
                else
                {
                    context.Out.WriteLine($"Deleted booking {number} / {PhoneNumber.Mask(given)}.");
                }

                return ExitCodes.Success;
            });
        }

        private static Command Unnotified(CliIo io)
        {
            var command = new Command(
                "unnotified",
                "Per store, the window of booking times (earliest, latest) of bookings whose option SMS was not sent; bookings with an unreadable booking_time are listed (masked) and skipped.");
            return command.Runs(io, async (context, parse, ct) =>
            {
                var service = new BookingService(context.Client, context.Options, context.Loggers);
                var result = await service.ScanUnnotifiedOptionsAsync(ct).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJsonObject(json =>
                    {
                        json.WriteStartObject("stores");
                        foreach (var window in result.Windows)
                        {
                            json.WriteStartObject(window.BizId);
                            json.WriteString("start_time", window.StartTime);
                            json.WriteString("end_time", window.EndTime);
                            json.WriteEndObject();
                        }

                        json.WriteEndObject();
                        json.WriteObjects("skipped", result.Skipped, (row, skipped) =>
                        {
                            row.WriteString("booking_num", skipped.BookingNum);
                            row.WriteString("phone", skipped.MaskedPhone);
                            row.WriteString("reason", skipped.Reason);
                        });
                    });
                }
                else
                {
                    if (result.Windows.Count == 0)
                    {
                        context.Out.WriteLine($"No bookings are waiting for their option SMS in table '{service.TableName}'.");
                    }
                    else
                    {
                        var table = new TextTable("biz_id", "start_time", "end_time", "bookings");
                        foreach (var window in result.Windows)
                        {
                            table.Add(window.BizId, window.StartTime, window.EndTime, window.BookingCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        table.WriteTo(context.Out);
                    }

                    if (result.Skipped.Count > 0)
                    {
                        context.Out.WriteLine();
                        context.Out.WriteLine($"Skipped {result.Skipped.Count} booking(s) whose booking_time could not be read (fix them with 'bookings booking create', which replaces them):");
                        var skippedTable = new TextTable("booking_num", "phone", "reason");
                        foreach (var skipped in result.Skipped)
                        {
                            skippedTable.Add(skipped.BookingNum, skipped.MaskedPhone, skipped.Reason);
                        }

                        skippedTable.WriteTo(context.Out);
                    }
                }

                return ExitCodes.Success;
            });
        }

        private static int NotFound(CliContext context, string table, string bookingNum, string phone)
            => context.NotFound(
                $"No booking {bookingNum} with phone {PhoneNumber.Mask(phone)} in table '{table}' at {context.TargetDescription}.",
                "your bookings",
                "Check the booking number and phone, and --endpoint / --table-prefix.");

        /// <summary>
        /// A flag by its stored name (<c>confirm_sms</c>), its name without the <c>_sms</c> every flag ends in
        /// (<c>confirm</c>) or its C# name (<c>ConfirmSms</c>), in any case.
        /// </summary>
        internal static bool TryParseFlag(string? text, [NotNullWhen(true)] out BookingFlag? flag)
        {
            var given = (text ?? string.Empty).Trim();
            foreach (var name in BookingFlags.AttributeNames)
            {
                if (given.Equals(name, StringComparison.OrdinalIgnoreCase)
                    || given.Equals(name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                    || (name.EndsWith("_sms", StringComparison.Ordinal) && given.Equals(name[..^"_sms".Length], StringComparison.OrdinalIgnoreCase)))
                {
                    flag = BookingFlags.TryParse(name, out var parsed) ? parsed : null;
                    return flag is not null;
                }
            }

            flag = null;
            return false;
        }

        /// <summary>The legacy record the options describe, as JSON text, for <see cref="BookingRecords.TryParse"/>.</summary>
        private static byte[] BuildRecord(
            ParseResult parse,
            Argument<string> bookingNum,
            Argument<string> phone,
            Option<string> name,
            Option<string> time,
            Option<bool> confirm,
            Option<bool> remind,
            Option<bool> option,
            Option<string?> optionTime,
            Option<string[]> extras)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString(BookingTable.Attributes.BookingNum, parse.GetValue(bookingNum));
                json.WriteString(BookingTable.Attributes.Phone, parse.GetValue(phone));
                json.WriteString(BookingTable.Attributes.Name, parse.GetValue(name));
                json.WriteString(BookingTable.Attributes.BookingTime, parse.GetValue(time));
                json.WriteBoolean(BookingTable.Attributes.ConfirmSms, parse.GetValue(confirm));
                json.WriteBoolean(BookingTable.Attributes.RemindSms, parse.GetValue(remind));
                json.WriteBoolean(BookingTable.Attributes.OptionSms, parse.GetValue(option));
                json.WriteString(BookingTable.Attributes.OptionTime, parse.GetValue(optionTime) ?? string.Empty);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var extra in parse.GetValue(extras) ?? Array.Empty<string>())
                {
                    var equals = extra.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw CliException.Usage($"--extra needs name=value, for example --extra visit_count=3 (got an argument without a name or '=').", "Write each extra field as name=value.");
                    }

                    var field = extra.Substring(0, equals);
                    if (BookingMarshaller.IsDeclared(field))
                    {
                        throw CliException.Usage($"--extra {field}=… sets a declared field.", $"Use the dedicated argument or option for '{field}' instead.");
                    }

                    if (!seen.Add(field))
                    {
                        throw CliException.Usage($"--extra {field}=… is given twice.", "Give each extra field once.");
                    }

                    json.WritePropertyName(field);
                    WriteExtraValue(json, extra.Substring(equals + 1));
                }

                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static void WriteExtraValue(Utf8JsonWriter json, string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                document.RootElement.WriteTo(json);
            }
            catch (JsonException)
            {
                json.WriteStringValue(text);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bookings.Generated.Testing;

/// <summary>A request read off a client connection.</summary>
internal sealed class IncomingRequest
{
    public IncomingRequest(string method, string target, string version, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Version = version;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The request target as sent (normally <c>/</c>).</summary>
    public string Target { get; }

    /// <summary><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</summary>
    public string Version { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; set; }

    /// <summary>Whether the client asked to close the connection after this exchange.</summary>
    public bool WantsClose
    {
        get
        {
            string? connection = Header("Connection");
            if (Version == "HTTP/1.0")
            {
                return connection is null || !connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            }

            return connection is not null && connection.Contains("close", StringComparison.OrdinalIgnoreCase);
        }
    }

    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}

/// <summary>The request could not be parsed; the connection is answered with 400 and closed.</summary>
internal sealed class MalformedRequestException : Exception
{
    public MalformedRequestException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// A minimal HTTP/1.1 server-side reader over one connection: request line, headers, a body given by
/// <c>Content-Length</c> or chunked transfer coding, keep-alive, and <c>Expect: 100-continue</c>.
/// </summary>
internal sealed class Http11Connection
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 32 * 1024 * 1024;

    private static readonly byte[] ContinueResponse = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

    private readonly Stream _stream;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public Http11Connection(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Reads the next request, or returns <c>null</c> if the client closed the connection between requests.</summary>
    public async Task<IncomingRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        // Headers: up to the first empty line.
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (_end - _start >= MaxHeaderBytes)
            {
                throw new MalformedRequestException("Request headers are larger than 64 KiB.");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_end == _start)
                {
                    return null;
                }

                throw new MalformedRequestException("The connection closed in the middle of the request headers.");
            }
        }

        string head = Encoding.Latin1.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new MalformedRequestException("Bad request line.");
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new MalformedRequestException("Bad header line.");
            }

            headers.Add(new KeyValuePair<string, string>(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }

        var request = new IncomingRequest(requestLine[0], requestLine[1], requestLine[2], headers, Array.Empty<byte>());

        string? expect = request.Header("Expect");
        if (expect is not null && expect.Contains("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await _stream.WriteAsync(ContinueResponse, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        string? transferEncoding = request.Header("Transfer-Encoding");
        if (transferEncoding is not null && transferEncoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            request.Body = await ReadChunkedBodyAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (request.Header("Content-Length") is string lengthText)
        {
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length > MaxBodyBytes)
            {
                throw new MalformedRequestException("Bad or too large Content-Length.");
            }

            request.Body = await ReadExactlyAsync(length, cancellationToken).ConfigureAwait(false);
        }

        return request;
    }

    private async Task<byte[]> ReadChunkedBodyAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            string sizeLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            int semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            string sizeText = (semicolon >= 0 ? sizeLine[..semicolon] : sizeLine).Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size)
                || size < 0 || body.Length + size > MaxBodyBytes)
            {
                throw new MalformedRequestException("Bad chunk size.");
            }

            if (size == 0)
            {
                // Trailers, up to an empty line.
                while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                {
                }

                return body.ToArray();
            }

            byte[] chunk = await ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false);
            body.Write(chunk);
            if ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length != 0)
            {
                throw new MalformedRequestException("Missing CRLF after a chunk.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                int length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                string line = Encoding.Latin1.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_end - _start >= MaxHeaderBytes)
            {
                throw new MalformedRequestException("Line too long.");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new MalformedRequestException("The connection closed in the middle of the request body.");
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        int fromBuffer = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, result, 0, fromBuffer);
        _start += fromBuffer;
        int filled = fromBuffer;
        while (filled < count)
        {
            int read = await _stream.ReadAsync(result.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new MalformedRequestException("The connection closed in the middle of the request body.");
            }

            filled += read;
        }

        return result;
    }

    /// <summary>Reads more bytes into the buffer; returns <c>false</c> at end of stream.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    private int IndexOfHeaderEnd()
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
        int index = pending.IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : _start + index;
    }

    /// <summary>Writes a complete response with a <c>Content-Length</c> body.</summary>
    public async Task WriteResponseAsync(
        int statusCode,
        string reason,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        bool close,
        CancellationToken cancellationToken)
    {
        var head = new StringBuilder(512);
        head.Append("HTTP/1.1 ").Append(statusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(reason).Append("\r\n");
        foreach (KeyValuePair<string, string> header in headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (close)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        byte[] headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var message = new byte[headBytes.Length + body.Length];
        Buffer.BlockCopy(headBytes, 0, message, 0, headBytes.Length);
        Buffer.BlockCopy(body, 0, message, headBytes.Length, body.Length);
        await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

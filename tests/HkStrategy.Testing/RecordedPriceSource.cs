using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HkStrategy.Testing;

/// <summary>
/// A local stand-in for the price source: serves the recorded chart answers under tests/fixtures/yahoo on
/// 127.0.0.1, can answer 429 (with Retry-After) or 500 first, and counts the requests per symbol.
/// </summary>
public sealed class RecordedPriceSource : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public RecordedPriceSource()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>How many answers of 429 Too Many Requests (Retry-After: 1) come before the real one.</summary>
    public int TooManyRequestsFirst { get; set; }

    /// <summary>Symbols answered with 500 every time.</summary>
    public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

    public int Requests(string symbol) => _requests.GetValueOrDefault(symbol);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var symbol = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.Split('/')[^1]);
            var count = _requests.AddOrUpdate(symbol, 1, (_, n) => n + 1);
            var fixture = Fixtures.Path("yahoo", symbol + ".json");
            var (status, body) = Failing.Contains(symbol) ? (500, "{}")
                : count <= TooManyRequestsFirst ? (429, "Too Many Requests")
                : File.Exists(fixture) ? (200, await File.ReadAllTextAsync(fixture))
                : (404, await File.ReadAllTextAsync(Fixtures.Path("yahoo", "not-found.json")));
            context.Response.StatusCode = status;
            if (status == 429)
            {
                context.Response.AddHeader("Retry-After", "1");
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
            _listener.Close();
        }
        await _serving;
    }
}

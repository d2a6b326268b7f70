namespace HkStrategy.Web.Addresses;

/// <summary>Where the dashboard listens: 127.0.0.1 on a fixed port unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
public static class Listening
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Every address the server would listen on, known before it starts: <c>--urls</c> (or the default), ports given
    /// by ASPNETCORE_HTTP_PORTS / HTTPS_PORTS (which bind every interface), and Kestrel's own endpoints.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredUrls(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var ports = new[] { ("http_ports", "http"), ("https_ports", "https") }
            .SelectMany(p => Split(configuration[p.Item1]).Select(port => $"{p.Item2}://*:{port}")).ToList();
        // As ASP.NET Core decides: --urls wins over the ports, and without either the dashboard's default applies.
        List<string> urls = configuration["urls"] is { Length: > 0 } given ? [.. Split(given)] : ports.Count > 0 ? ports : [DefaultUrl];
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>());
        return urls;
    }

    private static string[] Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static void ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && Split(builder.Configuration["http_ports"]).Length + Split(builder.Configuration["https_ports"]).Length == 0)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }

    public static void AnnounceAddresses(this WebApplication app)
    {
        foreach (var address in app.Urls)
        {
            Console.WriteLine($"HK Strategy dashboard: {address}");
        }
    }
}

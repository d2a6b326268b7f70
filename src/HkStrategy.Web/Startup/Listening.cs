namespace HkStrategy.Web.Startup;

/// <summary>Where the dashboard listens: 127.0.0.1 on a fixed port unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
public static class Listening
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static IReadOnlyList<string> ConfiguredUrls(WebApplicationBuilder builder) =>
        builder.Configuration["urls"] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [DefaultUrl];

    public static void ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
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

using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

/// <summary>
/// A real headless Chromium driven by Playwright: Debian's <c>chromium</c> (or <c>HKS_CHROMIUM</c>), never a
/// downloaded browser. Every console error and page error is collected for the test to assert there were none.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable =>
        Environment.GetEnvironmentVariable("HKS_CHROMIUM") is { Length: > 0 } configured ? configured
        : KnownPaths.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("no Chromium found: apt-get install chromium (or set HKS_CHROMIUM)");

    public static async Task<Browser> StartAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        // CI runs every test assembly at once on two cores, beside PostgreSQL servers restoring backups: a page can take
        // seconds there. Generous waits keep the test about what the dashboard does, not how busy the machine is.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var session = new Browser(playwright, browser, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => session.Errors.Add($"{page.Url}: {error}");
        return session;
    }

    /// <summary>A full-page screenshot under the test output's <c>screenshots</c> folder (kept as a test artifact).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

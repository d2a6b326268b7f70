using System.Net;
using System.Text.RegularExpressions;

namespace HkStrategy.Web.Tests;

/// <summary>Follows a long operation's progress page, as its polling does in a browser, until it has finished.</summary>
public static partial class JobPages
{
    public static async Task<string> FinishAsync(HttpClient client, HttpResponseMessage started)
    {
        var page = started.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        Assert.True(page.StartsWith("/jobs/", StringComparison.Ordinal), $"the form did not start an operation (landed on {page}): {await started.Content.ReadAsStringAsync()}");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
            if (!html.Contains("data-state=\"running\"", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(html);
            }
            Assert.True(DateTime.UtcNow < deadline, $"{page} did not finish in two minutes");
            await Task.Delay(200);
        }
    }

    public static string Outcome(string html) => OutcomePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : $"(no outcome: {Failure(html)})";

    public static string Failure(string html) => FailurePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("id=\"job-outcome\">([^<]*)<")]
    private static partial Regex OutcomePattern();

    [GeneratedRegex("id=\"job-failure\">([^<]*)<")]
    private static partial Regex FailurePattern();
}

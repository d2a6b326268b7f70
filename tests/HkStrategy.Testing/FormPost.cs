using System.Net;
using System.Text.RegularExpressions;

namespace HkStrategy.Testing;

/// <summary>Submits a page's form as a browser does: the antiforgery token read from the page, the cookies kept by the client.</summary>
public static partial class FormPost
{
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    /// <summary>
    /// GETs <paramref name="page"/> for its token, then POSTs <paramref name="fields"/> to <paramref name="action"/> (a
    /// field may come more than once, as ticked checkboxes do).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(client, page);
        var form = fields.Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Posts the fields as they are: no token unless the caller adds one (for testing that it is required).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

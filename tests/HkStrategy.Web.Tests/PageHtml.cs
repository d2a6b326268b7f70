using System.Net;
using System.Text.RegularExpressions;

namespace HkStrategy.Web.Tests;

/// <summary>What a page shows, read from its HTML: a field's message, a table's cells, a script element's JSON.</summary>
public static partial class PageHtml
{
    /// <summary>The message beside a field (its <c>asp-validation-for</c> span); empty when there is none.</summary>
    public static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"""<span[^>]*data-valmsg-for="{Regex.Escape(field)}"[^>]*>(?<message>.*?)</span>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has no message place for {field}");
        return Text(match.Groups["message"].Value);
    }

    /// <summary>The text of every cell of each body row of the table with this id.</summary>
    public static List<string[]> Rows(string html, string tableId)
    {
        var table = Regex.Match(html, $"""<table[^>]*id="{Regex.Escape(tableId)}".*?<tbody>(?<body>.*?)</tbody>""", RegexOptions.Singleline);
        Assert.True(table.Success, $"the page has no table {tableId}");
        return RowPattern().Matches(table.Groups["body"].Value)
            .Select(row => CellPattern().Matches(row.Groups["row"].Value).Select(cell => Text(cell.Groups["cell"].Value)).ToArray())
            .ToList();
    }

    /// <summary>The text content of the element with this id (a script element's JSON, for instance).</summary>
    public static string ScriptJson(string html, string id)
    {
        var match = Regex.Match(html, $"""<script type="application/json" id="{Regex.Escape(id)}">(?<json>.*?)</script>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has no JSON {id}");
        return match.Groups["json"].Value;
    }

    /// <summary>Tags dropped, entities decoded, white space collapsed.</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<tr[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(?<cell>.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

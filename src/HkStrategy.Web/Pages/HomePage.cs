using System.Globalization;
using System.Net;
using System.Text;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Data.Status;

namespace HkStrategy.Web.Pages;

/// <summary>A first page until the full dashboard lands: the database, its schema version and every portfolio's value.</summary>
public static class HomePage
{
    public static void MapHomePage(this WebApplication app) => app.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(Database database, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        var status = await DatabaseStatusReader.ReadAsync(database, migrator, cancellationToken);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HK Strategy</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b2733}table{border-collapse:collapse}")
            .Append("td,th{padding:.3rem .8rem;border-bottom:1px solid #dde}td.n{text-align:right}.warn{color:#a15c00}</style></head><body>")
            .Append("<h1>HK Strategy</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Database <code>{Encode(status.Target)}</code> · PostgreSQL {Encode(status.ServerVersion)} · schema version {status.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "not recorded"}</p>")
            .Append("<table><thead><tr><th>Portfolio</th><th>Name</th><th>Positions</th><th>Market value (HK$)</th></tr></thead><tbody>");
        foreach (var portfolio in status.Portfolios)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(portfolio.PortfolioId)}</td><td>{Encode(portfolio.Name)}</td><td class=\"n\">{portfolio.Positions}</td><td class=\"n\">{portfolio.MarketValue:N2}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</tbody><tfoot><tr><th>Total</th><th>{status.Totals.Portfolios} portfolios</th><th class=\"n\">{status.Totals.Positions}</th><th class=\"n\" id=\"total-value\">{status.Totals.MarketValue:N2}</th></tr></tfoot></table>");
        foreach (var warning in status.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">Warning: {Encode(warning)}</p>");
        }
        foreach (var notice in status.Notices)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Note: {Encode(notice)}</p>");
        }
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

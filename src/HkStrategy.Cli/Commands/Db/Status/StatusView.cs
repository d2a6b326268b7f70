using System.Globalization;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Status;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Db.Status;

/// <summary>The status for people: a summary grid, the tables, the portfolios, then warnings and notices.</summary>
internal static class StatusView
{
    public static void Render(IAnsiConsole console, DatabaseStatus status)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("Target", Markup.Escape(status.Target));
        summary.AddRow("Server", Markup.Escape(status.ServerVersion));
        summary.AddRow("Schema version", status.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "[yellow]not recorded[/]");
        summary.AddRow("Tables look like", Markup.Escape(status.DetectedShape));
        summary.AddRow("Pending migrations", status.PendingMigrations.Count == 0 ? "none" : string.Join(", ", status.PendingMigrations));
        console.Write(summary);
        console.WriteLine();

        var tables = new Table().AddColumn("Table").AddColumn(NumberColumn.Of("Rows"));
        foreach (var (name, rows) in status.Tables)
        {
            tables.AddRow(Markup.Escape(name), rows.ToString("N0", CultureInfo.InvariantCulture));
        }
        console.Write(tables);

        var portfolios = new Table().AddColumn("Portfolio").AddColumn("Name")
            .AddColumn(NumberColumn.Of("Positions")).AddColumn(NumberColumn.Of("Market value"));
        foreach (var portfolio in status.Portfolios)
        {
            portfolios.AddRow(Markup.Escape(portfolio.PortfolioId), Markup.Escape(portfolio.Name),
                portfolio.Positions.ToString(CultureInfo.InvariantCulture), Money(portfolio.MarketValue));
        }
        portfolios.AddRow("[bold]Total[/]", $"[bold]{status.Totals.Portfolios} portfolio(s)[/]",
            $"[bold]{status.Totals.Positions}[/]", $"[bold]{Money(status.Totals.MarketValue)}[/]");
        console.Write(portfolios);

        if (status.Unmanaged.Count > 0)
        {
            console.MarkupLine($"not managed by hks (kept as they are by every operation): {Markup.Escape(string.Join(", ", status.Unmanaged.Select(Describe)))}");
        }
        foreach (var warning in status.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        if (status.StalePrices.Count > 0 && status.LastTradingDay is { } lastTradingDay)
        {
            console.MarkupLine($"[yellow]stale:[/] {Markup.Escape(HkStrategy.Data.Prices.StalePrices.Describe(lastTradingDay, status.StalePrices))}");
        }
        foreach (var notice in status.Notices)
        {
            console.MarkupLine($"[blue]note:[/] {Markup.Escape(notice)}");
        }
    }

    private static string Describe(UnmanagedRelation relation) =>
        relation.Rows is { } rows ? string.Create(CultureInfo.InvariantCulture, $"{relation.Name} ({relation.Kind}, {rows:N0} rows)") : $"{relation.Name} ({relation.Kind})";

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);
}

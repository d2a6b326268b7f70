using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Analyses;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis show ID</c>: the figures and every day's value, change, return and top contributors.</summary>
public sealed class AnalysisShowCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<int> _id = AnalysisCommand.Id();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("show", "One value analysis with its daily values") { _id, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var (summary, values) = await AnalysisStore.GetAsync(session.Connection, parseResult.GetValue(_id), cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new AnalysisJson(summary, [.. values.Select(v => new AnalysisDayJson(
                v.TradeDate, v.TotalValue, v.DailyChange, v.DailyReturn,
                v.TopContributors is null ? null : System.Text.Json.JsonDocument.Parse(v.TopContributors).RootElement.Clone()))]),
                CommandJson.Types.AnalysisJson);
            return 0;
        }
        Context.Console.MarkupLine($"[bold]{summary.Id}[/] {Markup.Escape(summary.Name)} ({Markup.Escape(summary.PortfolioId ?? "no portfolio")}, {summary.StartDate:yyyy-MM-dd} – {summary.EndDate:yyyy-MM-dd}): "
            + $"return {AnalysisCommand.Percent(summary.TotalReturn)}, max drawdown {AnalysisCommand.Percent(-summary.MaxDrawdown)}, volatility {AnalysisCommand.Percent(summary.Volatility).TrimStart('+')}");
        var table = new Table().AddColumns("Date").AddColumns(NumberColumn.Of("Value"), NumberColumn.Of("Change"),
            NumberColumn.Of("Return")).AddColumn("Top contributors");
        foreach (var v in values)
        {
            table.AddRow(v.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Money.Amount(v.TotalValue), Money.GainOrLoss(v.DailyChange ?? 0),
                AnalysisCommand.Percent(v.DailyReturn), Markup.Escape(Contributors(v.TopContributors)));
        }
        Context.Console.Write(table);
        return 0;
    }

    private static string Contributors(string? json)
    {
        if (json is null)
        {
            return "";
        }
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array ? "" : string.Join(", ", document.RootElement.EnumerateArray()
            .Where(c => c.TryGetProperty("symbol", out _) && c.TryGetProperty("change", out _))
            .Select(c => $"{c.GetProperty("symbol").GetString()} {c.GetProperty("change").GetDecimal().ToString("+#,0.00;-#,0.00", CultureInfo.InvariantCulture)}"));
    }
}

/// <summary>A value analysis and its days.</summary>
internal sealed record AnalysisJson(AnalysisSummary Analysis, IReadOnlyList<AnalysisDayJson> Days);

/// <summary>One day of a value analysis, with its top contributors as stored.</summary>
internal sealed record AnalysisDayJson(DateOnly Date, decimal Value, decimal? Change, decimal? DailyReturn, System.Text.Json.JsonElement? TopContributors);

using HkStrategy.Core.Input;
using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Operations.Analysis;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis create --portfolio ID --from D --to D [--name N]</c>: a value analysis of at most 18 months.</summary>
public sealed class AnalysisCreateCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string> _portfolio = new Option<string>("--portfolio") { Description = "The portfolio to analyse", Required = true };
    private readonly Option<string> _from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD)", Required = true };
    private readonly Option<string> _to = new Option<string>("--to") { Description = "Last day (YYYY-MM-DD; at most 18 months after --from)", Required = true };
    private readonly Option<string?> _name = new Option<string?>("--name") { Description = "A name for the analysis" };
    private readonly Option<string?> _notes = new Option<string?>("--notes") { Description = "Notes kept with it" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("create", "Analyse a portfolio's value over a period: daily values, returns, drawdown, volatility") { _portfolio, _from, _to, _name, _notes, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_portfolio));
        var first = InputValues.Date("--from", parseResult.GetValue(_from))!.Value;
        var last = InputValues.Date("--to", parseResult.GetValue(_to))!.Value;
        var title = InputValues.Text("--name", parseResult.GetValue(_name), 200);
        if (title is { Length: 0 })
        {
            throw HksException.Usage("InvalidName", "--name must not be empty");
        }
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var run = await new ValueAnalysisRunner(TradingCalendar.Hkex).RunAsync(session.Connection, portfolioId, first, last, title, parseResult.GetValue(_notes), cancellationToken);
        var r = run.Result;
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new AnalysisCreatedJson(
                run.Id, run.PortfolioId, run.Name, run.From, run.To, r.Days.Count, r.StartValue, r.EndValue, r.TotalReturn, r.MaxDrawdown, r.Volatility, r.Unpriced),
                CommandJson.Types.AnalysisCreatedJson);
            return 0;
        }
        await Context.Out.WriteLineAsync($"analysis {run.Id} \"{run.Name}\": {r.Days.Count} trading day(s) {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd}; "
            + $"HK${Money.Amount(r.StartValue)} → HK${Money.Amount(r.EndValue)} ({AnalysisCommand.Percent(r.TotalReturn)}), max drawdown {AnalysisCommand.Percent(-r.MaxDrawdown)}, volatility {AnalysisCommand.Percent(r.Volatility).TrimStart('+')} a year");
        if (run.To < last)
        {
            await Context.Out.WriteLineAsync($"note: the daily bars end on {run.To:yyyy-MM-dd}; the analysis stops there");
        }
        if (!TradingCalendar.Hkex.Covers(run.From) || !TradingCalendar.Hkex.Covers(run.To))
        {
            await Context.Out.WriteLineAsync($"note: HKEX holidays are known for {TradingCalendar.Hkex.FirstYear}–{TradingCalendar.Hkex.LastYear}; outside those years every weekday counts as a trading day");
        }
        if (r.Unpriced.Count > 0)
        {
            await Context.Out.WriteLineAsync($"note: left out for want of a price by {run.From:yyyy-MM-dd}: {string.Join(", ", r.Unpriced)}");
        }
        return 0;
    }
}

/// <summary>A value analysis just made.</summary>
internal sealed record AnalysisCreatedJson(
    int Id, string PortfolioId, string Name, DateOnly From, DateOnly To, int Days, decimal StartValue, decimal EndValue,
    decimal TotalReturn, decimal MaxDrawdown, decimal Volatility, IReadOnlyList<string> Unpriced);

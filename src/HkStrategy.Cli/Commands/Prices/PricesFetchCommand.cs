using HkStrategy.Core.Input;
using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Prices;
using HkStrategy.Data.Positions;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary>
/// <c>hks prices fetch [--symbols S,… | --portfolio ID] [--from D]</c>: daily bars from Yahoo Finance up to the last
/// closed trading day. A failing or unreachable source leaves existing data as it was; exit code 3 says some failed.
/// </summary>
public sealed class PricesFetchCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (default: every symbol held in any portfolio)" };
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "The symbols of this portfolio's positions" };
    private readonly Option<string?> _from = new Option<string?>("--from") { Description = "First day to fetch (default: the day after each symbol's newest bar; two years for a new one)" };
    private readonly Option<int> _retries = new Option<int>("--retries") { Description = "Retries per symbol after a failure or a 429/5xx answer", DefaultValueFactory = _ => FetchPolicy.Default.Retries };
    private readonly Option<int> _timeout = new Option<int>("--timeout") { Description = "Seconds each attempt may take", DefaultValueFactory = _ => (int)FetchPolicy.Default.AttemptTimeout.TotalSeconds };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("fetch", "Fetch daily bars from Yahoo Finance (existing data is kept if it fails)") { _symbols, _portfolio, _from, _retries, _timeout, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var given = (parseResult.GetValue(_symbols) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(MarketSymbol.Normalize).ToList();
        var portfolioId = parseResult.GetValue(_portfolio) is { } p ? PortfolioId.Require(p) : null;
        if (given.Count > 0 && portfolioId is not null)
        {
            throw HksException.Usage("SymbolsOrPortfolio", "give --symbols or --portfolio, not both");
        }
        var first = InputValues.Date("--from", parseResult.GetValue(_from));
        var policy = FetchPolicy.Default with
        {
            Retries = parseResult.GetValue(_retries) is var r and >= 0 and <= 10 ? r : throw HksException.Usage("InvalidRetries", "--retries is 0 to 10"),
            AttemptTimeout = parseResult.GetValue(_timeout) is var t and >= 1 and <= 600 ? TimeSpan.FromSeconds(t) : throw HksException.Usage("InvalidTimeout", "--timeout is 1 to 600 seconds"),
        };
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        if (portfolioId is not null)
        {
            await PortfolioStore.GetAsync(session.Connection, portfolioId, cancellationToken);
        }
        var targets = given.Count > 0 ? given : await HeldSymbols.ListAsync(session.Connection, portfolioId, cancellationToken);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // each attempt has its own _timeout
        var fetch = new PriceFetch(new YahooChartClient(http, policy), Context.Settings.PriceSource, Context.Clock, TradingCalendar.Hkex);
        var asJson = parseResult.GetValue(_json);
        var outcomes = await fetch.RunAsync(session.Connection, targets, first,
            asJson ? null : o => Context.Out.WriteLine(o.Failed ? $"  {o.Symbol}: FAILED — {o.Failure}"
                : o.Imported is { Inserted: 0, Updated: 0 } && o.Bars == 0 ? $"  {o.Symbol}: up to date"
                : $"  {o.Symbol}: {o.Bars} bar(s) from {o.From:yyyy-MM-dd}, {o.Imported!.Inserted} new, {o.Imported.Updated} changed"), cancellationToken);
        var failed = outcomes.Count(o => o.Failed);
        if (asJson)
        {
            await JsonOutput.WriteAsync(Context, outcomes, CommandJson.Types.IReadOnlyListFetchOutcome);
        }
        else
        {
            await Context.Out.WriteLineAsync($"fetched {outcomes.Sum(o => o.Bars)} bar(s) for {outcomes.Count - failed} of {outcomes.Count} symbol(s){(failed > 0 ? $"; {failed} failed, their data is unchanged" : "")}");
        }
        return failed == 0 ? 0 : (int)ExitCode.Environment;
    }
}

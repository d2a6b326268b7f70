using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Input;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Ledger;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary><c>hks activity list PORTFOLIO [--symbol S] [--from D] [--to D] [--type T]</c>: the ledger in its order, each activity with its costs and what it leaves.</summary>
public sealed class ActivityListCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = ActivityCommand.Portfolio();
    private readonly Option<string?> _symbol = new("--symbol") { Description = "Only this symbol's activities" };
    private readonly Option<string?> _from = new("--from") { Description = "From this trade date (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new("--to") { Description = "To this trade date (YYYY-MM-DD)" };
    private readonly Option<string?> _type = new("--type") { Description = "Only activities of this type" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define() =>
        new("list", "A portfolio's activities in the ledger's order") { _portfolio, _symbol, _from, _to, _type, _json };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_portfolio));
        var filter = new ActivityFilter(
            parseResult.GetValue(_symbol) is { } symbol ? HkexSymbol.Normalize(symbol) : null,
            InputValues.Date("--from", parseResult.GetValue(_from)), InputValues.Date("--to", parseResult.GetValue(_to)),
            parseResult.GetValue(_type) is { } type ? ActivityTypes.Parse(type, adjustment: true) : null);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var listed = await LedgerReading.ListAsync(session.Connection, portfolioId, filter, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, [.. listed.Select(l => ActivityJson.Of(l.Activity, l.RealizedPnl, []))], CommandJson.Types.IReadOnlyListActivityJson);
            return 0;
        }
        if (listed.Count == 0)
        {
            await Context.Out.WriteLineAsync($"{portfolioId} has no activities{(filter == new ActivityFilter() ? "" : " that the filter shows")}");
            return 0;
        }
        var table = new Table().AddColumn(NumberColumn.Of("Id")).AddColumn("Date").AddColumn("Type").AddColumn("Symbol")
            .AddColumn(NumberColumn.Of("Shares")).AddColumn(NumberColumn.Of("Price")).AddColumn(NumberColumn.Of("Amount"))
            .AddColumn(NumberColumn.Of("Costs HK$")).AddColumn(NumberColumn.Of("Realised HK$")).AddColumn(NumberColumn.Of("Leaves"));
        foreach (var (a, pnl) in listed.Select(l => (l.Activity, l.RealizedPnl)))
        {
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture), a.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Type.Name(), a.Symbol ?? "",
                a.Type == ActivityType.Split ? a.Ratio?.ToString() ?? "" : a.Quantity is { } q ? Money.Shares(q) : "",
                a.Price is { } p ? Money.Price(p) : "", a.Amount is { } m ? Markup.Escape(Money.Amount(m) + (a.Currency == Currencies.Base ? "" : " " + a.Currency)) : "",
                a.Fees.Total == 0m ? "" : Money.Amount(a.Fees.Total), pnl is { } r ? Money.GainOrLoss(r) : "",
                a.Leaves is { } left ? Markup.Escape($"{Money.Shares(left.Quantity)} @ {Money.Price(left.AverageCost)}") : "");
        }
        Context.Console.Write(table);
        return 0;
    }
}

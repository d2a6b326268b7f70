using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Operations.Steps;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary>
/// <c>hks activity import PORTFOLIO FILE [--format csv|ghostfolio|wealthfolio] [--map COLUMN=FIELD,…] [--preview]</c>:
/// shows what the file would add (duplicates recognised, every bad row with its line), asks, then writes all of it or
/// nothing.
/// </summary>
public sealed class ActivityImportCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = ActivityCommand.Portfolio();
    private readonly Argument<string> _file = new("file") { Description = "The activities: hks's CSV, Ghostfolio's export (JSON) or Wealthfolio's CSV" };
    private readonly Option<string?> _format = new("--format") { Description = "csv (default; .json files: ghostfolio), ghostfolio or wealthfolio" };
    private readonly Option<string?> _map = new("--map") { Description = "A generic CSV's columns: \"Trade Date=date,Action=type,Shares=quantity\"" };
    private readonly Option<bool> _preview = new("--preview") { Description = "Show what would be imported, write nothing" };
    private readonly Option<bool> _yes = CommonOptions.Yes();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define() =>
        new("import", "Import activities (a preview first; twice changes nothing; one bad row writes nothing)") { _portfolio, _file, _format, _map, _preview, _yes, _json };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_portfolio));
        var path = parseResult.GetValue(_file)!;
        var format = parseResult.GetValue(_format) is { } f ? ActivityFileFormats.Parse(f) : ActivityFiles.Guess(path);
        var mapping = ActivityCsvReader.Mapping(parseResult.GetValue(_map));
        var file = await ActivityFiles.ReadAsync(path, format, mapping, portfolioId, cancellationToken);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var plan = await ActivityImporting.PlanAsync(session.Connection, portfolioId, file, cancellationToken);
        var json = parseResult.GetValue(_json);
        if (!json)
        {
            await WritePreviewAsync(plan);
        }
        if (plan.BadRows.Count > 0)
        {
            if (json)
            {
                await JsonOutput.WriteAsync(Context, ActivityImportJson.Of(plan, null), CommandJson.Types.ActivityImportJson);
            }
            throw HksException.Usage("ImportHasBadRows", string.Create(CultureInfo.InvariantCulture,
                $"{plan.BadRows.Count} row(s) of {Path.GetFileName(path)} cannot be imported (listed above): nothing was written"));
        }
        ImportOutcome? outcome = null;
        if (!parseResult.GetValue(_preview))
        {
            if (plan.New.Count > 0)
            {
                await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes),
                    $"This adds {plan.New.Count:N0} activities to {portfolioId} and derives the positions of {plan.Symbols.Count} symbol(s).", portfolioId, cancellationToken);
            }
            outcome = await ActivityImporting.ApplyAsync(session.Connection, plan, cancellationToken);
        }
        if (json)
        {
            await JsonOutput.WriteAsync(Context, ActivityImportJson.Of(plan, outcome), CommandJson.Types.ActivityImportJson);
        }
        else if (outcome is not null)
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {outcome.Added:N0} activities into {portfolioId} ({outcome.Duplicates:N0} already held); positions derived: {outcome.SymbolsText()}"));
        }
        return 0;
    }

    private async Task WritePreviewAsync(ImportPlan plan)
    {
        await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{plan.New.Count:N0} new activities, {plan.Duplicates:N0} already in {plan.PortfolioId}, {plan.BadRows.Count:N0} bad row(s)"));
        foreach (var planned in plan.New.Take(20))
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  line {planned.Line}: {HkStrategy.Operations.Ledger.ActivityText.Line(planned.Activity)}"));
        }
        if (plan.New.Count > 20)
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … and {plan.New.Count - 20:N0} more"));
        }
        foreach (var bad in plan.BadRows)
        {
            await Context.Error.WriteLineAsync(bad.ToString());
        }
        foreach (var warning in plan.Warnings)
        {
            await Context.Error.WriteLineAsync("warning: " + warning);
        }
    }
}

/// <summary>An import's preview and, once written, its outcome.</summary>
internal sealed record ActivityImportJson(string Portfolio, int New, int Duplicates, IReadOnlyList<BadRowJson> BadRows, IReadOnlyList<string> Warnings, bool Written)
{
    public static ActivityImportJson Of(ImportPlan plan, ImportOutcome? outcome) => new(plan.PortfolioId, plan.New.Count, plan.Duplicates,
        [.. plan.BadRows.Select(b => new BadRowJson(b.Line, b.Problem))], plan.Warnings, outcome is not null);
}

/// <summary>A row that cannot be imported.</summary>
internal sealed record BadRowJson(int Line, string Problem);

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
        ActivityFiles.RequireMapping(format, mapping);
        var json = parseResult.GetValue(_json);
        await using var stream = ActivityFiles.Open(path);
        var name = Path.GetFileName(path);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        // Confirmed already, and a file that can be read again: read, checked and written in one pass. A file the pass
        // cannot derive as it reads is read again from its start and planned whole, as without --yes.
        if (parseResult.GetValue(_yes) && !parseResult.GetValue(_preview) && stream.CanSeek)
        {
            var rows = ActivityFiles.RowsAsync(stream, name, format, mapping, portfolioId, cancellationToken);
            if (await StreamedImporting.ImportAsync(session.Connection, portfolioId, rows, cancellationToken) is { } streamed)
            {
                return await ReportAsync(streamed.Preview, streamed.Outcome, path, json);
            }
            stream.Position = 0;
        }
        var file = await ActivityFiles.ReadAsync(stream, name, format, mapping, portfolioId, cancellationToken);
        var connection = session.Connection;
        var plan = await ActivityImporting.PlanAsync(connection, portfolioId, file, cancellationToken);
        if (plan.BadRows.Count > 0 || parseResult.GetValue(_preview))
        {
            return await ReportAsync(plan.Preview, null, path, json);
        }
        if (!json)
        {
            await WritePreviewAsync(plan.Preview);
        }
        if (plan.New.Count > 0)
        {
            await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes),
                $"This adds {plan.New.Count:N0} activities to {portfolioId} and derives the positions of {plan.Symbols.Count} symbol(s).", portfolioId, cancellationToken);
        }
        var outcome = await ActivityImporting.ApplyAsync(connection, plan, cancellationToken);
        return await ReportAsync(plan.Preview, outcome, path, json, previewShown: true);
    }

    /// <summary>The preview (unless shown already), then what was written; a file with bad rows is an error, with nothing written.</summary>
    private async Task<int> ReportAsync(ImportPreview preview, ImportOutcome? outcome, string path, bool json, bool previewShown = false)
    {
        if (!json && !previewShown)
        {
            await WritePreviewAsync(preview);
        }
        if (json)
        {
            await JsonOutput.WriteAsync(Context, ActivityImportJson.Of(preview, outcome), CommandJson.Types.ActivityImportJson);
        }
        if (preview.BadRows.Count > 0)
        {
            throw HksException.Usage("ImportHasBadRows", string.Create(CultureInfo.InvariantCulture,
                $"{preview.BadRows.Count} row(s) of {Path.GetFileName(path)} cannot be imported (listed above): nothing was written"));
        }
        if (!json && outcome is not null)
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {outcome.Added:N0} activities into {preview.PortfolioId} ({outcome.Duplicates:N0} already held); positions derived: {outcome.SymbolsText()}"));
        }
        return 0;
    }

    private async Task WritePreviewAsync(ImportPreview preview)
    {
        await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{preview.New:N0} new activities, {preview.Duplicates:N0} already in {preview.PortfolioId}, {preview.BadRows.Count:N0} bad row(s)"));
        foreach (var planned in preview.FirstNew)
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  line {planned.Line}: {HkStrategy.Operations.Ledger.ActivityText.Line(planned.Activity)}"));
        }
        if (preview.New > preview.FirstNew.Count)
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … and {preview.New - preview.FirstNew.Count:N0} more"));
        }
        foreach (var bad in preview.BadRows)
        {
            await Context.Error.WriteLineAsync(bad.ToString());
        }
        foreach (var warning in preview.Warnings)
        {
            await Context.Error.WriteLineAsync("warning: " + warning);
        }
    }
}

/// <summary>An import's preview and, once written, its outcome.</summary>
internal sealed record ActivityImportJson(string Portfolio, int New, int Duplicates, IReadOnlyList<BadRowJson> BadRows, IReadOnlyList<string> Warnings, bool Written)
{
    public static ActivityImportJson Of(ImportPreview preview, ImportOutcome? outcome) => new(preview.PortfolioId, preview.New, preview.Duplicates,
        [.. preview.BadRows.Select(b => new BadRowJson(b.Line, b.Problem))], preview.Warnings, outcome is not null);
}

/// <summary>A row that cannot be imported.</summary>
internal sealed record BadRowJson(int Line, string Problem);

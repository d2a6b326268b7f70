using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Prices;
using HkStrategy.Operations.Prices;
using HkStrategy.Operations.Progress;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary>
/// <c>hks prices import FILE.csv [--symbol S]</c>: every row checked first; any bad row and nothing is imported (each
/// reported with its line number); else all bars in one transaction.
/// </summary>
public sealed class PricesImportCommand(CliContext context) : HksCommand(context)
{
    public const int BadRowsShown = 20;

    private readonly Argument<string> _file = new Argument<string>("file") { Description = "A CSV file: Date, Open, High, Low, Close, Volume[, Symbol]; - reads standard input" };
    private readonly Option<string?> _symbol = new Option<string?>("--symbol") { Description = "The symbol of every row (when the file has no Symbol column)" };
    private readonly Option<bool> _allowClosed = new Option<bool>("--allow-closed-days") { Description = "Import bars of days the HKEX calendar calls holidays (the exchange traded after all)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("import", "Import daily bars from a CSV file (all or nothing)") { _file, _symbol, _allowClosed, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var argument = parseResult.GetValue(_file)!;
        // Standard input is read once into a _file of the moment: the import reads its rows twice (check, then copy).
        await using var input = argument == "-" ? await StandardInputFile.CopyAsync(Context.In, cancellationToken) : null;
        var path = input?.Path ?? argument;
        var shown = input is null ? path : "standard input";
        if (!File.Exists(path))
        {
            throw HksException.Usage("FileMissing", Directory.Exists(path) ? $"{path} is a folder, not a CSV file" : $"{path} does not exist");
        }
        var fixedSymbol = parseResult.GetValue(_symbol) is { } s ? HkexSymbol.Normalize(s) : null;
        var reader = new PriceFileReader(path, fixedSymbol, BarDates.For(Context.Clock, parseResult.GetValue(_allowClosed)), input is null ? null : shown);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var result = await ProgressView.RunAsync(Context, async progress =>
        {
            reader.Progress = progress;
            var imported = await BarImport.ImportAsync(session.Connection, reader.Bars, () => reader.BadRows.Count == 0, "csv", cancellationToken);
            progress?.Report(new OperationProgress("done", Finished: true));
            return imported;
        });
        if (result is null || reader.BadRows.Count > 0)
        {
            foreach (var bad in reader.BadRows.Take(BadRowsShown))
            {
                await Context.Error.WriteLineAsync($"  {shown}: {bad}");
            }
            throw HksException.Usage("BadPriceRows",
                $"{reader.BadRows.Count} row(s) of {shown} cannot be imported{(reader.BadRows.Count > BadRowsShown ? $" (the first {BadRowsShown} are listed)" : "")}: nothing was imported");
        }
        var rows = reader.Rows;
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new PriceImportJson(rows, result.Inserted, result.Updated, result.Unchanged, result.LegacyRows), CommandJson.Types.PriceImportJson);
        }
        else
        {
            await Context.Out.WriteLineAsync($"imported {rows:N0} bar(s): {result.Inserted:N0} new, {result.Updated:N0} changed, {result.Unchanged:N0} unchanged; {result.LegacyRows:N0} price_history row(s) written");
        }
        return 0;
    }
}

/// <summary>What a price import read and wrote.</summary>
internal sealed record PriceImportJson(int Rows, int Inserted, int Updated, int Unchanged, int LegacyRows);

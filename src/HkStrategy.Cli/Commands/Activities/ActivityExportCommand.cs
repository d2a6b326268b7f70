using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.Ledger;
using HkStrategy.Operations.Ledger.Exchange;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary><c>hks activity export PORTFOLIO [--format csv|ghostfolio|wealthfolio] [--out FILE]</c>: the ledger as a file another tracker (or hks) reads.</summary>
public sealed class ActivityExportCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = ActivityCommand.Portfolio();
    private readonly Option<string?> _format = new("--format") { Description = "csv (hks's own, default), ghostfolio or wealthfolio" };
    private readonly Option<string?> _out = new("--out") { Description = "The file to write (default: standard output)" };

    protected override Command Define() => new("export", "Export the activities for hks, Ghostfolio or Wealthfolio") { _portfolio, _format, _out };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_portfolio));
        var format = parseResult.GetValue(_format) is { } f ? ActivityFileFormats.Parse(f) : ActivityFileFormat.Csv;
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var activities = (await LedgerReading.ListAsync(session.Connection, portfolioId, new ActivityFilter(), cancellationToken)).Select(l => l.Activity).ToList();
        var export = new ActivityExport(activities);
        using var buffer = new MemoryStream();
        export.Write(buffer, format);
        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        if (parseResult.GetValue(_out) is { } path)
        {
            await AtomicFile.WriteAllTextAsync(path, text, cancellationToken);
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {activities.Count - export.Skipped.Count:N0} activities of {portfolioId} to {path}"));
        }
        else
        {
            await Context.Out.WriteAsync(text);
        }
        if (export.Skipped.Count > 0)
        {
            await Context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"warning: {export.Skipped.Count:N0} activities have no {format.ToString().ToLowerInvariant()} form and were left out: {string.Join(", ", export.Skipped.Take(10).Select(ActivityText.Line))}{(export.Skipped.Count > 10 ? " …" : "")}"));
        }
        return 0;
    }
}

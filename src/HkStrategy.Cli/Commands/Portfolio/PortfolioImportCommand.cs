using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Backup;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary>
/// <c>hks portfolio import FILE [--as ID]</c>: brings an exported portfolio in. New rows are simply added; where the
/// import would change existing positions or analyses it says so, asks, and takes a verified backup first.
/// </summary>
public sealed class PortfolioImportCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _file = new Argument<string>("file") { Description = "A document 'hks portfolio export' wrote" };
    private readonly Option<string?> _asId = new Option<string?>("--as") { Description = "Import under this portfolio id instead of the document's" };
    private readonly Option<bool> _yes = CommonOptions.Yes();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("import", "Import a portfolio document (twice changes nothing)") { _file, _asId, _yes, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var document = PortfolioDocumentRules.Normalize(PortfolioDocumentJson.Read(parseResult.GetValue(_file)!));
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_asId) ?? document.Portfolio.PortfolioId);
        PortfolioDocumentRules.Require(document);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var preview = await PortfolioImporting.PreviewAsync(session.Connection, document, portfolioId, cancellationToken);
        if (PortfolioImporting.Ask(preview, portfolioId) is { } consent)
        {
            await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), consent, cancellationToken);
        }
        var result = await new PortfolioImporting(session.Database, Context.SafetyBackup).ApplyAsync(session.Connection, document, portfolioId, preview, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new PortfolioImportJson(portfolioId, result.Outcome, result.Step.Backup), CommandJson.Types.PortfolioImportJson);
            return 0;
        }
        await StepOutput.WriteAsync(Context, result.Step);
        return 0;
    }
}

/// <summary>What an import did (or would do), and the safety backup made before it.</summary>
internal sealed record PortfolioImportJson(string PortfolioId, HkStrategy.Data.Portfolios.Exchange.ImportOutcome Outcome, string? Backup);

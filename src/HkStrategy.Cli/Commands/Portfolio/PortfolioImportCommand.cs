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
public static class PortfolioImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A document 'hks portfolio export' wrote" };
        var asId = new Option<string?>("--as") { Description = "Import under this portfolio id instead of the document's" };
        var yes = CommonOptions.Yes();
        var json = CommonOptions.Json();
        var command = new Command("import", "Import a portfolio document (twice changes nothing)") { file, asId, yes, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var document = PortfolioDocumentRules.Normalize(PortfolioDocumentJson.Read(parseResult.GetValue(file)!));
            var portfolioId = PortfolioId.Require(parseResult.GetValue(asId) ?? document.Portfolio.PortfolioId);
            PortfolioDocumentRules.Require(document);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var preview = await PortfolioImporting.PreviewAsync(session.Connection, document, portfolioId, cancellationToken);
            if (PortfolioImporting.Ask(preview, portfolioId) is { } consent)
            {
                await Confirmation.RequireAsync(context, parseResult.GetValue(yes), consent, cancellationToken);
            }
            var result = await new PortfolioImporting(session.Database, context.SafetyBackup).ApplyAsync(session.Connection, document, portfolioId, preview, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new PortfolioImportJson(portfolioId, result.Outcome, result.Step.Backup), CommandJson.Types.PortfolioImportJson);
                return 0;
            }
            await StepOutput.WriteAsync(context, result.Step);
            return 0;
        });
        return command;
    }
}

/// <summary>What an import did (or would do), and the safety backup made before it.</summary>
internal sealed record PortfolioImportJson(string PortfolioId, HkStrategy.Data.Portfolios.Exchange.ImportOutcome Outcome, string? Backup);

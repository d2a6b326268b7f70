using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
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
            var preview = await PortfolioImport.ApplyAsync(session.Connection, document, portfolioId, dryRun: true, cancellationToken);
            string? backup = null;
            if (preview.ChangesExistingRows)
            {
                await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                    $"Importing changes {preview.PositionsUpdated} existing position(s) and the rules of {preview.RulesChanged}, and replaces {preview.AnalysesReplaced} analysis(es) of {portfolioId}, after a verified backup.",
                    portfolioId, cancellationToken);
                backup = (await context.SafetyBackup.TakeAsync(session.Database, "pre_import", cancellationToken)).Path;
            }
            var outcome = preview.ChangesNothing ? preview : await PortfolioImport.ApplyAsync(session.Connection, document, portfolioId, dryRun: false, cancellationToken, onlyAdd: backup is null);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new { portfolioId, outcome, backup });
                return 0;
            }
            await context.Out.WriteLineAsync(outcome.ChangesNothing
                ? $"portfolio {portfolioId} already holds everything in the document: nothing changed"
                : $"portfolio {portfolioId}{(outcome.PortfolioCreated ? " created" : "")}: {outcome.PositionsAdded} position(s) added, {outcome.PositionsUpdated} updated, "
                  + $"rules of {outcome.RulesAdded + outcome.RulesChanged} set, "
                  + $"{outcome.EventsAdded} event(s) and {outcome.AnalysesAdded} analysis(es) added, {outcome.AnalysesReplaced} replaced{(backup is null ? "" : $"; backup (verified) {backup}")}");
            return 0;
        });
        return command;
    }
}

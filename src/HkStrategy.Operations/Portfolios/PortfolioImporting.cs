using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Steps;
using Npgsql;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Portfolios;

/// <summary>What an import did, with the line both doors show.</summary>
public sealed record ImportResult(string PortfolioId, ImportOutcome Outcome, StepOutcome Step);

/// <summary>
/// Importing a portfolio document (importing twice changes nothing): a preview first; when the import would change
/// existing rows, the user types the portfolio's id and a verified backup is taken; otherwise it only adds.
/// </summary>
public sealed class PortfolioImporting(Database database, SafetyBackup safety)
{
    public static Task<ImportOutcome> PreviewAsync(NpgsqlConnection connection, PortfolioDocument document, string portfolioId, CancellationToken cancellationToken)
    {
        document = DocumentLedger.WithCheckedBroker(document);
        return PortfolioImport.ApplyAsync(connection, document, portfolioId, dryRun: true, cancellationToken, ledger: Ledger(connection, document, portfolioId, cancellationToken));
    }

    private static Func<NpgsqlTransaction, Task<LedgerImported>>? Ledger(NpgsqlConnection connection, PortfolioDocument document, string portfolioId, CancellationToken cancellationToken) =>
        document.HasLedger ? DocumentLedger.Importer(connection, document, portfolioId, cancellationToken) : null;

    /// <summary>The question to ask before an import that changes existing rows; none for one that only adds.</summary>
    public static Consent? Ask(ImportOutcome preview, string portfolioId) => preview.ChangesExistingRows
        ? new Consent($"Importing changes {preview.PositionsUpdated} existing position(s) and the rules of {preview.RulesChanged}, "
                      + $"{(preview.BrokerChanged ? "replaces the broker profile, " : "")}"
                      + $"{(preview.ActivitiesMoved > 0 ? $"moves what {preview.ActivitiesMoved} activit{(preview.ActivitiesMoved == 1 ? "y" : "ies")} of the ledger leave{(preview.ActivitiesMoved == 1 ? "s" : "")}, " : "")}and replaces {preview.AnalysesReplaced} analysis(es) of {portfolioId}, after a verified backup.", portfolioId)
        : null;

    public async Task<ImportResult> ApplyAsync(NpgsqlConnection connection, PortfolioDocument document, string portfolioId, ImportOutcome preview, CancellationToken cancellationToken)
    {
        if (preview.ChangesNothing)
        {
            return new ImportResult(portfolioId, preview, new StepOutcome($"portfolio {portfolioId} already holds everything in the document: nothing changed"));
        }
        var backup = preview.ChangesExistingRows ? (await safety.TakeAsync(database, "pre_import", cancellationToken)).Path : null;
        // Without a backup, rows that appeared since the preview are left alone: the import only adds.
        document = DocumentLedger.WithCheckedBroker(document);
        var outcome = await PortfolioImport.ApplyAsync(connection, document, portfolioId, dryRun: false, cancellationToken, onlyAdd: backup is null,
            ledger: Ledger(connection, document, portfolioId, cancellationToken));
        var message = $"imported into {portfolioId}: {Describe(outcome)}" + (backup is null ? "" : $"; verified backup first: {Path.GetFileName(backup)}");
        return new ImportResult(portfolioId, outcome, new StepOutcome(message, backup));
    }

    public static string Describe(ImportOutcome o) =>
        o.ChangesNothing ? "nothing changes: the portfolio already holds everything in the document"
        : $"{(o.PortfolioCreated ? "a new portfolio, " : "")}{o.PositionsAdded} position(s) added, {o.PositionsUpdated} updated, rules of {o.RulesAdded + o.RulesChanged} set, "
          + $"{o.EventsAdded} event(s) and {o.AnalysesAdded} analysis(es) added, {o.AnalysesReplaced} replaced"
          + (o.ActivitiesAdded > 0 ? $", {o.ActivitiesAdded} activit{(o.ActivitiesAdded == 1 ? "y" : "ies")} added to the ledger" : "")
          + (o.ActivitiesMoved > 0 ? $" (moving what {o.ActivitiesMoved} held one{(o.ActivitiesMoved == 1 ? "" : "s")} leave{(o.ActivitiesMoved == 1 ? "s" : "")})" : "")
          + (o.BrokerAdded ? ", the broker profile set" : o.BrokerChanged ? ", the broker profile replaced" : "");
}

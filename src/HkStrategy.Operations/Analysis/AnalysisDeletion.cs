using System.Globalization;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Steps;
using Npgsql;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Analysis;

/// <summary>
/// Deleting a value analysis: after the user typed its id and a verified backup, it goes with its daily values. An
/// analysis values the holdings as they were when it ran; once they change, it cannot be computed again.
/// </summary>
public sealed class AnalysisDeletion(Database database, SafetyBackup safety)
{
    public static async Task<Consent> AskAsync(NpgsqlConnection connection, int analysisId, CancellationToken cancellationToken)
    {
        var (summary, _) = await AnalysisStore.GetAsync(connection, analysisId, cancellationToken);
        var id = analysisId.ToString(CultureInfo.InvariantCulture);
        return new Consent(
            $"This deletes analysis {id} \"{summary.Name}\" and its {summary.Days} daily value(s), after a verified backup: it values the holdings as they were when it ran, which may have changed since.",
            id);
    }

    public async Task<StepOutcome> DeleteAsync(NpgsqlConnection connection, int analysisId, CancellationToken cancellationToken)
    {
        var (summary, _) = await AnalysisStore.GetAsync(connection, analysisId, cancellationToken);
        var backup = await safety.TakeAsync(database, "pre_delete", cancellationToken);
        await AnalysisStore.DeleteAsync(connection, analysisId, cancellationToken);
        return new StepOutcome(string.Create(CultureInfo.InvariantCulture,
            $"deleted analysis {analysisId} \"{summary.Name}\" and its {summary.Days} daily value(s); verified backup first: {Path.GetFileName(backup.Path)}"), backup.Path);
    }
}

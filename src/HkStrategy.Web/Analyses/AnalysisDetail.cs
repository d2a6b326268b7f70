using HkStrategy.Data.Analyses;
using Npgsql;

namespace HkStrategy.Web.Analyses;

/// <summary>A stored value analysis with its figures and every day (what its page, the compare page and the API show).</summary>
public sealed record AnalysisDetail(AnalysisSummary Analysis, IReadOnlyList<AnalysisDay> Days)
{
    public static async Task<AnalysisDetail> LoadAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        var (summary, values) = await AnalysisStore.GetAsync(connection, id, cancellationToken);
        return new AnalysisDetail(summary, AnalysisDay.From(values));
    }
}

using System.Text.Json;
using HkStrategy.Core.Analysis;
using HkStrategy.Data.Portfolios.Exchange;

namespace HkStrategy.Web.Analyses;

/// <summary>
/// One day of a stored value analysis as the page and the API show it: value, change, return, the drawdown from the
/// running peak (a fraction, 0 or below: -0.0523 is 5.23% under the peak) and the symbols that moved it most.
/// </summary>
public sealed record AnalysisDay(DateOnly Date, decimal Value, decimal? Change, decimal? Return, decimal Drawdown, IReadOnlyList<Contribution> TopContributors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<AnalysisDay> From(IReadOnlyList<ExportedValue> values)
    {
        var days = new List<AnalysisDay>(values.Count);
        var peak = 0m;
        foreach (var v in values)
        {
            peak = Math.Max(peak, v.TotalValue);
            // The same running peak as ValueAnalysis.MaxDrawdown, so the deepest point of this series is the stored figure.
            var drawdown = peak > 0 ? Math.Round((v.TotalValue - peak) / peak, 6, MidpointRounding.AwayFromZero) : 0m;
            days.Add(new AnalysisDay(v.TradeDate, v.TotalValue, v.DailyChange, v.DailyReturn, drawdown, Contributors(v.TopContributors)));
        }
        return days;
    }

    private static IReadOnlyList<Contribution> Contributors(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<Contribution>>(json, Json)?.Where(c => c.Symbol is not null).ToList() ?? [];
        }
        catch (JsonException)
        {
            // Analyses imported from the prototype may hold other shapes here; the day is still worth showing without them.
            return [];
        }
    }
}

namespace HkStrategy.Web.Analyses;

/// <summary>One line of a chart: its days (YYYY-MM-DD) and values.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<string> Days, IReadOnlyList<decimal> Values);

/// <summary>A chart's lines and the unit of its axis (<c>HK$</c>, <c>%</c>, or <c>index</c> for series rebased to 100).</summary>
public sealed record ChartSpec(string Unit, IReadOnlyList<ChartSeries> Series);

/// <summary>What analysis-charts.js draws, keyed by the id of the chart's element; written into the page as JSON.</summary>
public static class ChartData
{
    public const string ElementId = "analysis-chart-data";

    public static string Json(IReadOnlyDictionary<string, ChartSpec> charts) => Shared.Format.JsonData(charts);

    public static ChartSeries Values(string name, IReadOnlyList<AnalysisDay> days) =>
        new(name, Days(days), days.Select(d => d.Value).ToList());

    /// <summary>The drawdown in percent (-5.23), as people read it on an axis.</summary>
    public static ChartSeries Drawdown(string name, IReadOnlyList<AnalysisDay> days) =>
        new(name, Days(days), days.Select(d => Math.Round(d.Drawdown * 100, 2, MidpointRounding.AwayFromZero)).ToList());

    /// <summary>The values rebased so the first day is 100: two portfolios of different sizes on one axis.</summary>
    public static ChartSeries Rebased(string name, IReadOnlyList<AnalysisDay> days)
    {
        var first = days.Count > 0 ? days[0].Value : 0m;
        return new(name, Days(days), days.Select(d => first == 0 ? 0m : Math.Round(d.Value / first * 100, 2, MidpointRounding.AwayFromZero)).ToList());
    }

    private static List<string> Days(IReadOnlyList<AnalysisDay> days) => days.Select(d => Shared.Format.Day(d.Date)).ToList();
}

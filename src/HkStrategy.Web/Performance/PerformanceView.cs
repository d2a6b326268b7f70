using System.Text.Json;
using HkStrategy.Core.Performance;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Performance;

/// <summary>
/// A report as the dashboard serves it, kept with it in <see cref="PerformanceCache"/>: the API's JSON and the chart's
/// series are written once per report, not per request (a ten-year ledger's report is megabytes of JSON), and the
/// page's HTML of the report is kept under <see cref="Key"/> (the page's <c>&lt;cache&gt;</c>), so that a page of
/// 200 positions and 100 sales is rendered once per report, not per request.
/// </summary>
public sealed class PerformanceView
{
    private readonly Lazy<byte[]> _json;
    private readonly Lazy<string> _chart;

    public PerformanceView(PerformanceReport report, JsonSerializerOptions apiJson)
    {
        Report = report;
        _json = new(() => JsonSerializer.SerializeToUtf8Bytes(report, apiJson.GetTypeInfo(typeof(PerformanceReport))));
        _chart = new(() => Format.JsonData(ChartData(report)));
    }

    public PerformanceReport Report { get; }

    /// <summary>This report's own name, new with each report read: HTML rendered from an earlier report is never shown for it.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The report as the API answers it, in the API's JSON options.</summary>
    public byte[] Json => _json.Value;

    /// <summary>The chart's series: each day's cumulative returns in percent (the benchmark and baseline where known).</summary>
    public string ChartJson => _chart.Value;

    private static object ChartData(PerformanceReport report) => new
    {
        benchmark = report.Benchmark.Symbol,
        baseline = report.Baseline?.Date,
        days = report.Daily.Select(d => d.Date),
        twr = report.Daily.Select(d => Percent(d.Twr)),
        benchmarkTwr = report.Daily.Select(d => d.Benchmark is { } b ? Percent(b) : (decimal?)null),
        baselineTwr = report.Daily.Select(d => d.Baseline is { } b ? Percent(b) : (decimal?)null),
        value = report.Daily.Select(d => d.Value),
    };

    private static decimal Percent(decimal fraction) => Math.Round(fraction * 100m, 2, MidpointRounding.AwayFromZero);
}

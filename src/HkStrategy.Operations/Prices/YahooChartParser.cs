using System.Text.Json;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Prices;

namespace HkStrategy.Operations.Prices;

/// <summary>
/// Reads Yahoo Finance's chart API answer (<c>/v8/finance/chart/SYMBOL?interval=1d</c>): one timestamp per day (the
/// session's open, in seconds) and parallel open/high/low/close/volume arrays, where a missing day is null.
/// </summary>
public static class YahooChartParser
{
    public static IReadOnlyList<DailyBar> Parse(string symbol, string json)
    {
        using var document = JsonDocument.Parse(json);
        var chart = document.RootElement.GetProperty("chart");
        if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var description = error.TryGetProperty("description", out var d) ? d.GetString() : error.GetRawText();
            throw HksException.Usage("PriceSourceRefused", $"the price source has no prices of {symbol}: {description}");
        }
        var result = chart.GetProperty("result")[0];
        if (!result.TryGetProperty("timestamp", out var timestamps))
        {
            return [];
        }
        var offset = TimeSpan.FromSeconds(result.GetProperty("meta").TryGetProperty("gmtoffset", out var g) ? g.GetInt32() : 8 * 3600);
        var quote = result.GetProperty("indicators").GetProperty("quote")[0];
        var (open, high, low, close, volume) = (quote.GetProperty("open"), quote.GetProperty("high"), quote.GetProperty("low"), quote.GetProperty("close"), quote.GetProperty("volume"));
        var bars = new Dictionary<DateOnly, DailyBar>();
        for (var i = 0; i < timestamps.GetArrayLength(); i++)
        {
            if (new[] { open[i], high[i], low[i], close[i] }.Any(v => v.ValueKind != JsonValueKind.Number))
            {
                continue; // a day the source has no complete bar for
            }
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(timestamps[i].GetInt64()).ToOffset(offset).DateTime);
            var (o, h, l, c) = (Price(open[i]), Price(high[i]), Price(low[i]), Price(close[i]));
            if (Math.Min(Math.Min(o, h), Math.Min(l, c)) <= 0 || Math.Max(Math.Max(o, h), Math.Max(l, c)) >= PriceFileReader.MaximumPrice)
            {
                continue; // a suspended day's zeros, or a value no price can be
            }
            // Rounding to three decimals can put open or close a tick outside the range: the range widens to hold them.
            bars[day] = new DailyBar(symbol, day, o, Math.Max(h, Math.Max(o, c)), Math.Min(l, Math.Min(o, c)), c,
                volume[i].ValueKind == JsonValueKind.Number ? (long)volume[i].GetDouble() : 0);
        }
        return bars.Values.OrderBy(b => b.TradeDate).ToList();
    }

    private static decimal Price(JsonElement value) => Math.Round((decimal)value.GetDouble(), 3, MidpointRounding.AwayFromZero);
}

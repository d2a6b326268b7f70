using System.Globalization;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Symbols;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Prices;

/// <summary>A row of a price file that cannot be imported, by its line number in the file.</summary>
public sealed record BadRow(int Line, string Problem)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Problem}");
}

/// <summary>What a price file holds: its bars, or the rows that are wrong (then nothing of it is imported).</summary>
public sealed record PriceFile(IReadOnlyList<DailyBar> Bars, IReadOnlyList<BadRow> BadRows);

/// <summary>
/// Reads Date, Open, High, Low, Close, Volume[, Symbol] (as Yahoo Finance and most brokers export them; other columns
/// such as Adj Close are ignored). Prices are rounded once to three decimals, HKEX's finest tick.
/// </summary>
public static class CsvBarReader
{
    private static readonly string[] Required = ["Date", "Open", "High", "Low", "Close", "Volume"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    public static PriceFile Read(string path, string? symbol)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All }).FromFile(path);
        var columns = reader.Header.ColNames.Select((name, index) => (name, index))
            .ToDictionary(c => c.name.Trim(), c => c.index, StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return new PriceFile([], [new BadRow(1, $"the header lacks {string.Join(", ", missing)} (expected Date, Open, High, Low, Close, Volume[, Symbol])")]);
        }
        if (symbol is null && !columns.ContainsKey("Symbol"))
        {
            return new PriceFile([], [new BadRow(1, "the file has no Symbol column: say which symbol it holds with --symbol")]);
        }
        var bars = new List<DailyBar>();
        var bad = new List<BadRow>();
        var seen = new HashSet<(string, DateOnly)>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var cells = new Cells(row[columns["Date"]].ToString(), row[columns["Open"]].ToString(), row[columns["High"]].ToString(),
                row[columns["Low"]].ToString(), row[columns["Close"]].ToString(), row[columns["Volume"]].ToString(),
                symbol ?? row[columns["Symbol"]].ToString());
            var problem = TryParse(cells, out var bar);
            if (problem is null && !seen.Add((bar!.Symbol, bar.TradeDate)))
            {
                problem = $"{bar.Symbol} {bar.TradeDate:yyyy-MM-dd} appears twice";
            }
            if (problem is not null)
            {
                bad.Add(new BadRow(line, problem));
                continue;
            }
            bars.Add(bar!);
        }
        return new PriceFile(bars, bad);
    }

    /// <summary>The text of one row's cells.</summary>
    private readonly record struct Cells(string Date, string Open, string High, string Low, string Close, string Volume, string Symbol);

    private static string? TryParse(Cells cells, out DailyBar? bar)
    {
        bar = null;
        string Cell(string name) => name switch
        {
            "Date" => cells.Date, "Open" => cells.Open, "High" => cells.High, "Low" => cells.Low, "Close" => cells.Close, _ => cells.Volume,
        };
        var symbolText = cells.Symbol;
        if (!HkexSymbol.TryNormalize(symbolText, out var symbol))
        {
            return $"'{symbolText}' is not an HKEX symbol";
        }
        if (!DateOnly.TryParseExact(Cell("Date"), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return $"'{Cell("Date")}' is not a date (use YYYY-MM-DD)";
        }
        var prices = new decimal[4];
        string[] names = ["Open", "High", "Low", "Close"];
        for (var k = 0; k < 4; k++)
        {
            if (!decimal.TryParse(Cell(names[k]), NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price < 0)
            {
                return $"{names[k]} '{Cell(names[k])}' is not a non-negative price";
            }
            prices[k] = Math.Round(price, 3, MidpointRounding.AwayFromZero);
        }
        if (!decimal.TryParse(Cell("Volume"), NumberStyles.Float, CultureInfo.InvariantCulture, out var volume) || volume < 0 || volume != decimal.Truncate(volume) || volume > long.MaxValue)
        {
            return $"Volume '{Cell("Volume")}' is not a non-negative whole number";
        }
        var (open, high, low, close) = (prices[0], prices[1], prices[2], prices[3]);
        if (low > high || open < low || open > high || close < low || close > high)
        {
            return string.Create(CultureInfo.InvariantCulture, $"open {open} and close {close} must lie between low {low} and high {high}");
        }
        bar = new DailyBar(symbol, date, open, high, low, close, (long)volume);
        return null;
    }
}

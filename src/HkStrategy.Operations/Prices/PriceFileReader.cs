using System.Globalization;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Symbols;
using HkStrategy.Core.Text;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.Progress;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Prices;

/// <summary>A row of a price file that cannot be imported, by its line number in the file.</summary>
public sealed record BadRow(int Line, string Problem)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Problem}");
}

/// <summary>
/// Streams a CSV of Date, Open, High, Low, Close, Volume[, Symbol] (as Yahoo Finance and most brokers export them;
/// other columns such as Adj Close are ignored) as daily bars, without holding the file in memory. Bad rows are not
/// yielded but collected with their line numbers; whoever imports must look at <see cref="BadRows"/> at the end and
/// keep nothing if there are any. Prices are rounded once to three decimals, HKEX's finest tick.
/// </summary>
public sealed class PriceFileReader
{
    private static readonly string[] Required = ["Date", "Open", "High", "Low", "Close", "Volume"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>price_history holds prices below ten million (numeric(10,3)).</summary>
    public const decimal MaximumPrice = 10_000_000m;

    private readonly string _path;
    private readonly string _name;
    private readonly string? _symbol;
    private readonly BarDates _dates;
    private readonly List<BadRow> _badRows = [];

    /// <param name="name">How messages name the file (default: its file name).</param>
    public PriceFileReader(string path, string? symbol, BarDates dates, string? name = null) =>
        (_path, _symbol, _dates, _name) = (path, symbol, dates, name ?? Path.GetFileName(path));

    public IReadOnlyList<BadRow> BadRows => _badRows;

    public int Rows { get; private set; }

    /// <summary>Where the reading has got to, in bytes of the file (for a progress bar); reported every 50,000 rows.</summary>
    public IProgress<OperationProgress>? Progress { get; set; }

    private const int ProgressEveryRows = 50_000;

    /// <summary>Each good row as a bar; may be enumerated again (the file is read again, the bad rows counted afresh).</summary>
    public IEnumerable<DailyBar> Bars()
    {
        _badRows.Clear();
        Rows = 0;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var guarded = new LineGuardStream(file, _name);
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All }).From(guarded);
        var columns = reader.Header.ColNames.Select((name, index) => (name, index)).ToDictionary(c => c.name.Trim(), c => c.index, StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            _badRows.Add(new BadRow(1, $"the header lacks {string.Join(", ", missing)} (expected Date, Open, High, Low, Close, Volume[, Symbol])"));
            yield break;
        }
        if (_symbol is null && !columns.ContainsKey("Symbol"))
        {
            _badRows.Add(new BadRow(1, "the file has no Symbol column: say which symbol it holds with --symbol"));
            yield break;
        }
        var layout = new Layout(columns["Date"], columns["Open"], columns["High"], columns["Low"], columns["Close"], columns["Volume"],
            columns.GetValueOrDefault("Symbol", -1));
        var symbols = new Dictionary<string, string?>(StringComparer.Ordinal);
        var seen = new HashSet<long>(MixedHash.Instance); // symbol number << 32 | day number: cheaper than (string, DateOnly) pairs
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            if (++Rows % ProgressEveryRows == 0)
            {
                Progress?.Report(new OperationProgress("read and import", file.Position, file.Length, Unit: "bytes"));
            }
            var bar = Parse(reader.Current, layout, symbols, out var problem);
            if (bar is not null && !seen.Add(Number(bar.Symbol, numbers) << 32 | (uint)bar.TradeDate.DayNumber))
            {
                problem = $"{bar.Symbol} {bar.TradeDate:yyyy-MM-dd} appears twice";
                bar = null;
            }
            if (bar is null)
            {
                _badRows.Add(new BadRow(reader.Current.LineNumberFrom, problem!));
                continue;
            }
            yield return bar;
        }
    }

    private static long Number(string symbol, Dictionary<string, long> numbers) =>
        numbers.TryGetValue(symbol, out var number) ? number : numbers[symbol] = numbers.Count;

    private readonly record struct Layout(int Date, int Open, int High, int Low, int Close, int Volume, int Symbol);

    private DailyBar? Parse(SepReader.Row row, Layout layout, Dictionary<string, string?> symbols, out string? problem)
    {
        problem = null;
        var symbol = layout.Symbol >= 0 ? Symbol(row[layout.Symbol].Span, symbols) : _symbol;
        if (symbol is null)
        {
            problem = $"'{row[layout.Symbol].ToString()}' is not an HKEX symbol";
            return null;
        }
        if (_symbol is not null && symbol != _symbol)
        {
            problem = $"the row is of {symbol}, not of {_symbol} as --symbol says";
            return null;
        }
        if (!FastParse.TryIsoDate(row[layout.Date].Span, DateFormats, out var date))
        {
            problem = $"'{row[layout.Date].ToString()}' is not a date (use YYYY-MM-DD)";
            return null;
        }
        if (_dates.Problem(date) is { } dateProblem)
        {
            problem = dateProblem;
            return null;
        }
        if (!TryPrice(row, layout.Open, "Open", out var open, ref problem) || !TryPrice(row, layout.High, "High", out var high, ref problem)
            || !TryPrice(row, layout.Low, "Low", out var low, ref problem) || !TryPrice(row, layout.Close, "Close", out var close, ref problem))
        {
            return null;
        }
        var volumeText = row[layout.Volume].Span;
        if (!FastParse.TryDecimal(volumeText, out var volume) || volume < 0 || volume != decimal.Truncate(volume) || volume > long.MaxValue)
        {
            problem = $"Volume '{volumeText.ToString()}' is not a non-negative whole number";
            return null;
        }
        if (low > high || open < low || open > high || close < low || close > high)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"open {open} and close {close} must lie between low {low} and high {high}");
            return null;
        }
        return new DailyBar(symbol, date, open, high, low, close, (long)volume);
    }

    private static bool TryPrice(SepReader.Row row, int column, string name, out decimal price, ref string? problem)
    {
        var text = row[column].Span;
        if (FastParse.TryDecimal(text, out price) && price > 0 && price < MaximumPrice)
        {
            if (price.Scale > 3)
            {
                price = Math.Round(price, 3, MidpointRounding.AwayFromZero);
            }
            return true;
        }
        problem = $"{name} '{text.ToString()}' is not a price (more than 0, less than 10,000,000)";
        return false;
    }

    /// <summary>Each distinct spelling is normalised once: a million rows of a few hundred symbols allocate a few hundred strings.</summary>
    private static string? Symbol(ReadOnlySpan<char> text, Dictionary<string, string?> symbols)
    {
        var lookup = symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }
        var spelling = text.ToString();
        return symbols[spelling] = HkexSymbol.TryNormalize(spelling, out var symbol) ? symbol : null;
    }

    /// <summary>long's own hash folds the halves together, and symbol × consecutive days then collide in droves: mix the bits.</summary>
    private sealed class MixedHash : IEqualityComparer<long>
    {
        public static readonly MixedHash Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long value) => (int)((ulong)value * 0x9E3779B97F4A7C15UL >> 32);
    }
}

using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.Prices;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// Reads hks's own activity CSV (what <c>hks activity export</c> writes), or any CSV whose columns a mapping names
/// (<c>"Trade Date=date,Action=type"</c>). Only <c>date</c> and <c>type</c> are required; a cost column by kind
/// keeps the costs as given, <c>fees</c> is a total or <c>auto</c>. Lines are bounded in length, so a file without
/// line breaks cannot fill memory.
/// </summary>
public static class ActivityCsvReader
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "date", "type", "symbol", "quantity", "price", "amount", "currency", "fx_rate", "ratio", "fees",
        "stamp_duty", "sfc_levy", "afrc_levy", "trading_fee", "settlement_fee", "commission", "note",
    ];

    private static readonly string[] CostFields = ["stamp_duty", "sfc_levy", "afrc_levy", "trading_fee", "settlement_fee", "commission"];

    /// <summary>The mapping of a file's column names to hks's fields, refusing a field hks does not know.</summary>
    public static IReadOnlyDictionary<string, string> Mapping(string? text)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !Fields.Contains(parts[1].ToLowerInvariant()))
            {
                throw HksException.Usage("InvalidMapping",
                    $"--map '{FileValues.Shown(pair)}' is not COLUMN=FIELD with one of the fields {string.Join(", ", Fields)}");
            }
            mapping[parts[0]] = parts[1].ToLowerInvariant();
        }
        return mapping;
    }

    public static ActivityFile Read(Stream stream, string name, string portfolioId, IReadOnlyDictionary<string, string> mapping) =>
        ActivityFile.Of(Rows(stream, name, portfolioId, mapping));

    /// <summary>The file's rows one at a time, as they are read: only one row's texts are held.</summary>
    public static IEnumerable<FileRow> Rows(Stream stream, string name, string portfolioId, IReadOnlyDictionary<string, string> mapping)
    {
        using var guarded = new LineGuardStream(stream, name);
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(guarded);
        if (Columns(reader, mapping, out var columns) is { } badHeader)
        {
            yield return FileRow.Refused(badHeader);
            yield break;
        }
        // One row's texts at a time (the draft is built from them before the next row is read).
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            yield return Row(reader, columns, values, portfolioId);
        }
    }

    private static BadRow? Columns(SepReader reader, IReadOnlyDictionary<string, string> mapping, out Dictionary<string, int> columns)
    {
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (header, index) in reader.Header.ColNames.Select((h, i) => (h.Trim(), i)))
        {
            var field = mapping.TryGetValue(header, out var mapped) ? mapped : header.ToLowerInvariant();
            if (Fields.Contains(field) && !columns.TryAdd(field, index))
            {
                return new BadRow(1, $"two columns are {field}");
            }
        }
        return !columns.ContainsKey("date") || !columns.ContainsKey("type")
            ? new BadRow(1, $"the header has no date or no type column (give --map for other names; the fields are {string.Join(", ", Fields)})")
            : null;
    }

    private static FileRow Row(SepReader reader, Dictionary<string, int> columns, Dictionary<string, string> values, string portfolioId)
    {
        var row = reader.Current;
        values.Clear();
        foreach (var (field, index) in columns)
        {
            values[field] = index < row.ColCount ? row[index].ToString() : "";
        }
        var line = row.LineNumberFrom;
        try
        {
            return FileRow.Read(new ImportedRow(line, Draft(field => values.GetValueOrDefault(field, ""), portfolioId)));
        }
        catch (HksException e)
        {
            return FileRow.Refused(new BadRow(line, e.Message));
        }
    }

    /// <summary>A row's draft from its fields' texts (empty: not given); a portfolio document's activities are read by it too.</summary>
    internal static ActivityDraft Draft(Func<string, string> value, string portfolioId)
    {
        var currency = value("currency");
        return new ActivityDraft
        {
            PortfolioId = portfolioId,
            Type = ActivityTypes.Parse(value("type"), adjustment: true),
            TradeDate = FileValues.Date(value("date")),
            Symbol = FileValues.Symbol(value("symbol")),
            Quantity = FileValues.Shares("quantity", value("quantity")),
            Price = FileValues.Price("price", value("price")),
            Amount = FileValues.Money("amount", value("amount")),
            Currency = currency.Trim().Length == 0 ? Currencies.Base : Currencies.Parse(currency),
            FxRate = FileValues.Number("fx_rate", value("fx_rate")) is { } rate && rate != 1m ? rate : null,
            Ratio = value("ratio").Trim().Length == 0 ? null : SplitRatio.Parse("ratio", value("ratio")),
            Fees = Fees(value),
            Note = value("note").Trim().Length == 0 ? null : HkStrategy.Core.Input.InputValues.Text("note", HkStrategy.Core.Text.SpreadsheetCells.Unguarded(value("note").Trim()), 500),
        };
    }

    private static FeesChoice Fees(Func<string, string> value)
    {
        if (CostFields.Any(f => value(f).Trim().Length > 0))
        {
            decimal Cost(string field) => FileValues.Money(field, value(field)) ?? 0m;
            return FeesChoice.Kept(new TradeCosts(Cost("stamp_duty"), Cost("sfc_levy"), Cost("afrc_levy"), Cost("trading_fee"), Cost("settlement_fee"), Cost("commission")));
        }
        var fees = value("fees").Trim();
        return fees.Length == 0 ? FeesChoice.Default
            : fees.Equals("auto", StringComparison.OrdinalIgnoreCase) ? FeesChoice.Computed
            : FeesChoice.Given(FileValues.Money("fees", fees)!.Value);
    }
}

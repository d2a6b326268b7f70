using HkStrategy.Core.Failures;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.Prices;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>Reads Wealthfolio's activity CSV: <c>date,symbol,quantity,activityType,unitPrice,currency,fee,amount</c>, and <c>comment</c> if present.</summary>
public static class WealthfolioCsvReader
{
    public static readonly string[] Columns = ["date", "symbol", "quantity", "activityType", "unitPrice", "currency", "fee", "amount"];

    public static ActivityFile Read(Stream stream, string name, string portfolioId)
    {
        using var guarded = new LineGuardStream(stream, name);
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(guarded);
        var columns = reader.Header.ColNames.Select((h, i) => (h.Trim(), i)).GroupBy(c => c.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = Columns.Where(c => !columns.ContainsKey(c) && c is not ("fee" or "amount")).ToList();
        if (missing.Count > 0)
        {
            return new ActivityFile([], [new BadRow(1, $"the header lacks {string.Join(", ", missing)} (Wealthfolio's columns are {string.Join(",", Columns)})")]);
        }
        var rows = new List<ImportedRow>();
        var bad = new List<BadRow>();
        while (reader.MoveNext())
        {
            var row = reader.Current;
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (column, index) in columns)
            {
                values[column] = index < row.ColCount ? row[index].ToString() : "";
            }
            var line = row.LineNumberFrom;
            try
            {
                string Value(string column) => values.GetValueOrDefault(column, "");
                var foreign = new ForeignActivity(Value("activityType"), FileValues.Date(Value("date")), Value("symbol"),
                    FileValues.Number("quantity", Value("quantity")), FileValues.Price("unitPrice", Value("unitPrice")), FileValues.Number("fee", Value("fee")),
                    FileValues.Number("amount", Value("amount")), Value("currency"), HkStrategy.Core.Text.SpreadsheetCells.Unguarded(Value("comment").Trim()));
                rows.Add(new ImportedRow(line, foreign.Draft(portfolioId), FeesInActivityCurrency: true));
            }
            catch (HksException e)
            {
                bad.Add(new BadRow(line, e.Message));
            }
        }
        return new ActivityFile(rows, bad);
    }
}

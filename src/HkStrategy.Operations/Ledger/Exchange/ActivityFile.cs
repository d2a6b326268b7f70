using HkStrategy.Operations.Prices;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>One activity of a file, by its line (or, in a JSON document, its place in the list counted from 1).</summary>
/// <param name="FeesInActivityCurrency">The file gives the fees in the activity's currency (Ghostfolio, Wealthfolio): converted at its rate.</param>
public sealed record ImportedRow(int Line, ActivityDraft Draft, bool FeesInActivityCurrency = false);

/// <summary>One row of a file as it is read: an activity's draft, or why the row cannot be one.</summary>
public readonly record struct FileRow(ImportedRow? Row, BadRow? Bad)
{
    public static FileRow Read(ImportedRow row) => new(row, null);

    public static FileRow Refused(BadRow bad) => new(null, bad);
}

/// <summary>A file's activities as read: the good rows and every bad one with its line.</summary>
public sealed record ActivityFile(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<BadRow> BadRows)
{
    /// <summary>Every row read, the good and the bad apart.</summary>
    public static ActivityFile Of(IEnumerable<FileRow> rows)
    {
        var good = new List<ImportedRow>();
        var bad = new List<BadRow>();
        foreach (var row in rows)
        {
            if (row.Row is { } read)
            {
                good.Add(read);
            }
            else
            {
                bad.Add(row.Bad!);
            }
        }
        return new ActivityFile(good, bad);
    }

    /// <summary>The rows again one by one: the bad first (they are reported by their lines whatever the order).</summary>
    public IEnumerable<FileRow> Each() => BadRows.Select(FileRow.Refused).Concat(Rows.Select(FileRow.Read));
}

/// <summary>The formats hks reads and writes activities in.</summary>
public enum ActivityFileFormat
{
    /// <summary>hks's own CSV (date, type, symbol, quantity, price, amount, currency, fx_rate, ratio, the costs by kind, note), or any CSV with a column mapping.</summary>
    Csv,

    /// <summary>Ghostfolio's export (JSON with an <c>activities</c> list).</summary>
    Ghostfolio,

    /// <summary>Wealthfolio's activity CSV (date, symbol, quantity, activityType, unitPrice, currency, fee, amount).</summary>
    Wealthfolio,
}

public static class ActivityFileFormats
{
    public static ActivityFileFormat Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "csv" or "hks" => ActivityFileFormat.Csv,
        "ghostfolio" => ActivityFileFormat.Ghostfolio,
        "wealthfolio" => ActivityFileFormat.Wealthfolio,
        _ => throw HkStrategy.Core.Failures.HksException.Usage("InvalidFormat",
            $"'{HkStrategy.Core.Text.TextRules.Escape(text ?? "")}' is not a format hks reads: csv, ghostfolio or wealthfolio"),
    };
}

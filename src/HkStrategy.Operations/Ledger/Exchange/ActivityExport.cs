using System.Globalization;
using System.Text;
using System.Text.Json;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Text;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// Writes a portfolio's activities in each format hks reads. hks's own CSV carries every value (costs by kind, rates,
/// ratios, opening balances and adjustments), so importing it into a new portfolio gives the same ledger, and into the
/// same one changes nothing. Ghostfolio and Wealthfolio have no split, bonus issue, scrip dividend or adjustment:
/// those activities are left out and named in <see cref="Skipped"/>; an opening balance goes as a buy (Ghostfolio) or
/// a transfer in (Wealthfolio) at its average cost.
/// </summary>
public sealed class ActivityExport(IReadOnlyList<Activity> activities)
{
    private readonly List<Activity> _skipped = [];

    public IReadOnlyList<Activity> Skipped => _skipped;

    public void Write(Stream stream, ActivityFileFormat format)
    {
        _skipped.Clear();
        switch (format)
        {
            case ActivityFileFormat.Csv:
                WriteCsv(stream);
                break;
            case ActivityFileFormat.Wealthfolio:
                WriteWealthfolio(stream);
                break;
            default:
                WriteGhostfolio(stream);
                break;
        }
    }

    private static string Number(decimal? value) => value?.ToString("0.########", CultureInfo.InvariantCulture) ?? "";

    private void WriteCsv(Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        using var writer = Sep.Writer(o => o with { Escape = true }).To(text);
        foreach (var a in activities)
        {
            using var row = writer.NewRow();
            row["date"].Set(a.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row["type"].Set(a.Type.Name());
            row["symbol"].Set(a.Symbol ?? "");
            row["quantity"].Set(a.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["price"].Set(Number(a.Price));
            row["amount"].Set(a.Type.IsTrade() ? "" : Number(a.Amount));
            row["currency"].Set(a.Currency);
            row["fx_rate"].Set(Number(a.FxRate));
            row["ratio"].Set(a.Ratio?.ToString() ?? "");
            row["stamp_duty"].Set(Number(a.Fees.StampDuty));
            row["sfc_levy"].Set(Number(a.Fees.SfcLevy));
            row["afrc_levy"].Set(Number(a.Fees.AfrcLevy));
            row["trading_fee"].Set(Number(a.Fees.TradingFee));
            row["settlement_fee"].Set(Number(a.Fees.SettlementFee));
            row["commission"].Set(Number(a.Fees.Commission));
            row["note"].Set(SpreadsheetCells.Guarded(a.Note ?? ""));
        }
    }

    /// <summary>The activity as the two other trackers name it: type, quantity, unit price, amount; none when they cannot express it.</summary>
    private (string Type, decimal Quantity, decimal UnitPrice, decimal? Amount)? Foreign(Activity a, bool ghostfolio)
    {
        (string, decimal, decimal, decimal?)? mapped = a.Type switch
        {
            ActivityType.Buy => ("BUY", a.Quantity ?? 0, a.Price ?? 0m, null),
            ActivityType.Sell => ("SELL", a.Quantity ?? 0, a.Price ?? 0m, null),
            ActivityType.Dividend => ("DIVIDEND", 1, a.Amount ?? 0m, a.Amount),
            ActivityType.Fee => ("FEE", 1, a.Amount ?? 0m, a.Amount),
            ActivityType.Opening => (ghostfolio ? "BUY" : "TRANSFER_IN", a.Quantity ?? 0, a.Price ?? 0m, null),
            ActivityType.Deposit when !ghostfolio => ("DEPOSIT", 1, a.Amount ?? 0m, a.Amount),
            ActivityType.Withdrawal when !ghostfolio => ("WITHDRAWAL", 1, a.Amount ?? 0m, a.Amount),
            ActivityType.TransferIn when !ghostfolio => ("TRANSFER_IN", a.Quantity ?? 0, a.Price ?? 0m, null),
            ActivityType.TransferOut when !ghostfolio => ("TRANSFER_OUT", a.Quantity ?? 0, 0m, null),
            _ => null,
        };
        if (mapped is null || a.Type == ActivityType.Opening && a.Quantity is 0)
        {
            _skipped.Add(a);
            return null;
        }
        return mapped;
    }

    /// <summary>The costs in the activity's own currency, as the other trackers keep them.</summary>
    private static decimal Fee(Activity a) => Math.Round(a.Fees.Total / a.FxRate, 2, MidpointRounding.AwayFromZero);

    private void WriteWealthfolio(Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        using var writer = Sep.Writer(o => o with { Escape = true }).To(text);
        foreach (var a in activities)
        {
            if (Foreign(a, ghostfolio: false) is not { } f)
            {
                continue;
            }
            using var row = writer.NewRow();
            row["date"].Set(a.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row["symbol"].Set(a.Symbol ?? "$CASH-" + a.Currency);
            row["quantity"].Set(Number(f.Quantity));
            row["activityType"].Set(f.Type);
            row["unitPrice"].Set(Number(f.UnitPrice));
            row["currency"].Set(a.Currency);
            row["fee"].Set(Number(Fee(a)));
            row["amount"].Set(Number(f.Amount));
            row["comment"].Set(SpreadsheetCells.Guarded(a.Note ?? ""));
        }
    }

    private void WriteGhostfolio(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("meta");
        json.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteString("version", "hks");
        json.WriteEndObject();
        json.WriteStartArray("activities");
        foreach (var a in activities)
        {
            if (Foreign(a, ghostfolio: true) is not { } f)
            {
                continue;
            }
            json.WriteStartObject();
            json.WriteString("type", f.Type);
            json.WriteString("date", MarketClock.HongKongMidnight(a.TradeDate).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("symbol", a.Symbol);
            json.WriteString("dataSource", "YAHOO");
            json.WriteNumber("quantity", f.Quantity);
            json.WriteNumber("unitPrice", f.UnitPrice);
            json.WriteNumber("fee", Fee(a));
            json.WriteString("currency", a.Currency);
            json.WriteString("comment", a.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

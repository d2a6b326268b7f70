using System.Globalization;
using HkStrategy.Core.Text;
using HkStrategy.Data.Portfolios.Exchange;
using nietras.SeparatedValues;

namespace HkStrategy.Operations.Exchange;

/// <summary>A portfolio's positions as CSV for a spreadsheet (the JSON document is what import reads back).</summary>
public static class PortfolioCsv
{
    public static string Write(PortfolioDocument document)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText(); // a comma or quote in a name stays in its cell
        foreach (var p in document.Positions)
        {
            using var row = writer.NewRow();
            row["Symbol"].Set(p.Symbol);
            row["Company"].Set(SpreadsheetCells.Guarded(p.CompanyName ?? ""));
            row["Sector"].Set(SpreadsheetCells.Guarded(p.Sector ?? ""));
            row["Quantity"].Format(p.Quantity);
            row["AverageCost"].Set(p.AverageCost.ToString(CultureInfo.InvariantCulture));
            row["CurrentPrice"].Set(p.CurrentPrice.ToString(CultureInfo.InvariantCulture));
            row["MarketValue"].Set(Math.Round(p.Quantity * p.CurrentPrice, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
            row["UnrealizedPnl"].Set(Math.Round((p.CurrentPrice - p.AverageCost) * p.Quantity, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
            row["TargetSell"].Set(p.TargetSell?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["StopLoss"].Set(p.StopLoss?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["AddZoneLow"].Set(p.AddZoneLow?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["AddZoneHigh"].Set(p.AddZoneHigh?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["TrimMin"].Set(p.TrimMin?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["TacticalStop"].Set(p.TacticalStop?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["BuyOnly"].Set(string.Join(' ', p.BuyOnly)); // gate names hold no spaces or commas
        }
        return writer.ToString();
    }
}

using HkStrategy.Core.Ledger;
using Npgsql;
using HkStrategy.Data.Copy;

namespace HkStrategy.Data.Activities;

/// <summary>
/// Many new activities written in one binary COPY, in the order given (their ids follow it), each with the position
/// it leaves: an import of 100,000 activities is one statement, and its journal one INSERT by the table's trigger.
/// </summary>
public static class ActivityCopy
{
    private const string Copy = """
        COPY activities (portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to,
            stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Writes the activities (the caller's transaction holds them until it commits); how many.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var copy = await connection.BeginRawBinaryCopyAsync(Copy, cancellationToken);
        var writer = new BinaryCopyWriter(copy);
        writer.WriteHeader();
        foreach (var a in activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.StartRow(21);
            writer.Text(a.PortfolioId);
            writer.Text(a.Type.Name());
            writer.Date(a.TradeDate);
            writer.Date(a.SettlementDate);
            writer.Text(a.Symbol);
            writer.Whole(a.Quantity);
            writer.Numeric(a.Price);
            writer.Numeric(a.Amount);
            writer.Text(a.Currency);
            writer.Numeric(a.FxRate);
            writer.Whole(a.Ratio?.From);
            writer.Whole(a.Ratio?.To);
            writer.Numeric(a.Fees.StampDuty);
            writer.Numeric(a.Fees.SfcLevy);
            writer.Numeric(a.Fees.AfrcLevy);
            writer.Numeric(a.Fees.TradingFee);
            writer.Numeric(a.Fees.SettlementFee);
            writer.Numeric(a.Fees.Commission);
            writer.Text(a.Note);
            writer.Whole(a.Leaves?.Quantity);
            writer.Numeric(a.Leaves?.AverageCost);
            count++;
        }
        await writer.FinishAsync(cancellationToken);
        return count;
    }
}

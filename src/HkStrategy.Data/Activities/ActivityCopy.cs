using HkStrategy.Core.Ledger;
using Npgsql;
using NpgsqlTypes;

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

    public static async Task<ulong> WriteAsync(NpgsqlConnection connection, IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var a in activities)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(a.PortfolioId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(a.Type.Name(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(a.TradeDate, NpgsqlDbType.Date, cancellationToken);
            await Nullable(writer, a.SettlementDate, NpgsqlDbType.Date, cancellationToken);
            await Nullable(writer, a.Symbol, NpgsqlDbType.Varchar, cancellationToken);
            await Nullable(writer, a.Quantity, NpgsqlDbType.Integer, cancellationToken);
            await Nullable(writer, a.Price, NpgsqlDbType.Numeric, cancellationToken);
            await Nullable(writer, a.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(a.Currency, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(a.FxRate, NpgsqlDbType.Numeric, cancellationToken);
            await Nullable(writer, a.Ratio?.From, NpgsqlDbType.Integer, cancellationToken);
            await Nullable(writer, a.Ratio?.To, NpgsqlDbType.Integer, cancellationToken);
            foreach (var cost in new[] { a.Fees.StampDuty, a.Fees.SfcLevy, a.Fees.AfrcLevy, a.Fees.TradingFee, a.Fees.SettlementFee, a.Fees.Commission })
            {
                await writer.WriteAsync(cost, NpgsqlDbType.Numeric, cancellationToken);
            }
            await Nullable(writer, a.Note, NpgsqlDbType.Text, cancellationToken);
            await Nullable(writer, a.Leaves?.Quantity, NpgsqlDbType.Integer, cancellationToken);
            await Nullable(writer, a.Leaves?.AverageCost, NpgsqlDbType.Numeric, cancellationToken);
        }
        return await writer.CompleteAsync(cancellationToken);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static Task Nullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is not null ? writer.WriteAsync(value, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}

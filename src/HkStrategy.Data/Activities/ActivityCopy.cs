using HkStrategy.Core.Ledger;
using Npgsql;
using HkStrategy.Data.Copy;

namespace HkStrategy.Data.Activities;

/// <summary>
/// Many new activities written in one binary COPY, in the order given (their ids follow it), each with the position
/// it leaves: an import of 100,000 activities is one statement, and its journal one INSERT by the table's trigger.
/// The activities can be written one by one while they are worked out (the server stores each as it comes); a COPY
/// not completed is cancelled, and the server keeps none of its rows.
/// </summary>
public sealed class ActivityCopy : IAsyncDisposable
{
    private const string Copy = """
        COPY activities (portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to,
            stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost) FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly BinaryCopyWriter _writer;
    private bool _completed;

    private ActivityCopy(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        _writer = new BinaryCopyWriter(stream);
        _writer.WriteHeader();
    }

    /// <summary>How many activities were written.</summary>
    public int Count { get; private set; }

    /// <summary>Starts the COPY in the caller's transaction: the connection answers nothing else until it is completed or cancelled.</summary>
    public static async Task<ActivityCopy> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(Copy, cancellationToken));

    /// <summary>Writes the activities (the caller's transaction holds them until it commits); how many.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        await using var copy = await BeginAsync(connection, cancellationToken);
        foreach (var activity in activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copy.Write(activity);
        }
        await copy.CompleteAsync(cancellationToken);
        return copy.Count;
    }

    public void Write(Activity a)
    {
        var writer = _writer;
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
        Count++;
    }

    /// <summary>Ends the COPY: the server has stored every row written (and run the table's statement triggers) when this returns.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _writer.FinishAsync(cancellationToken);
        _completed = true;
        await _stream.DisposeAsync();
    }

    /// <summary>
    /// Cancels the COPY unless it was completed: the server keeps none of its rows, and the transaction can only be rolled
    /// back. A row the server refused already is not raised here: nothing of the COPY is kept either way, and what made
    /// the caller give it up (a bad row of the file, an error) is what the user is told.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            try
            {
                await _stream.CancelAsync();
            }
            catch (NpgsqlException)
            {
                // the server ended the COPY with its own error: the transaction is rolled back all the same
            }
        }
        await _stream.DisposeAsync();
    }
}

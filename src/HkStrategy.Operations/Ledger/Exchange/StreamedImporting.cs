using HkStrategy.Data.Activities;
using HkStrategy.Data.Brokers;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>An import made in one pass: what it added (as its preview shows it), and what it wrote (nothing when a row is bad).</summary>
public sealed record StreamedImport(ImportPreview Preview, ImportOutcome? Outcome);

/// <summary>
/// An import confirmed before it is shown (<c>hks activity import --yes</c>), made in one pass under the portfolio's
/// ledger lock: each row is read, built as <see cref="ActivityImporting"/> builds it, compared with the ledger, derived
/// on its symbol's chain, and written into the COPY at once. The server stores the rows while the next ones are worked
/// out, and only one row is held at a time, however long the file. The first bad row cancels the COPY; the rest of the
/// file is still read, so that every bad row is named; nothing is written. The outcome is the one the two steps give
/// (preview, then write), with the same duplicates, bad rows, positions and journal.
/// </summary>
/// <remarks>
/// The file is derived as it is read only when its new activities come in date order (so that their ids follow the day,
/// then the line, as when planned whole), none before its symbol's last stored activity (an export, a broker's
/// statement, a year's trades after the last). Any other file is given up as soon as that shows, with nothing written,
/// and planned whole (<see cref="ActivityImporting"/>); so is a ledger whose stored chains do not derive as recorded.
/// </remarks>
public static class StreamedImporting
{
    /// <returns>The import, written unless a row was bad; none when the file's activities are not in an order this pass derives.</returns>
    public static async Task<StreamedImport?> ImportAsync(NpgsqlConnection connection, string portfolioId, IAsyncEnumerable<FileRow> rows,
        CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DerivedPositions.LockLedgerAsync(connection, transaction, portfolioId, cancellationToken);
        var stored = await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(), cancellationToken, transaction);
        if (ImportPass.Start(portfolioId, stored,
                await BrokerProfileStore.ChargedAsync(connection, portfolioId, cancellationToken),
                await FxRateBook.ReadAsync(connection, transaction, cancellationToken)) is not { } pass)
        {
            return null;
        }
        var copy = await ActivityCopy.BeginAsync(connection, cancellationToken);
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (!pass.Take(row, out var written))
                {
                    return null;
                }
                if (pass.HasBadRows && copy is not null)
                {
                    await copy.DisposeAsync(); // cancelled: the server drops what it had stored
                    copy = null;
                }
                if (written is not null)
                {
                    copy?.Write(written);
                }
            }
            if (copy is null || pass.New == 0)
            {
                return new StreamedImport(pass.Preview(), pass.HasBadRows ? null : new ImportOutcome(0, pass.Duplicates, []));
            }
            await copy.CompleteAsync(cancellationToken);
            copy = null;
            await DerivedPositions.WriteManyAsync(connection, transaction, portfolioId, pass.Positions(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var preview = pass.Preview();
            return new StreamedImport(preview, new ImportOutcome(preview.New, preview.Duplicates, preview.Symbols));
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }
}

using System.Data;
using Dapper;
using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// One change of an activity as <c>activity_journal</c> keeps it: what happened, when, and the activity as it was
/// after the change (before it, for a removal).
/// </summary>
public sealed record JournalEntry(long Id, long ActivityId, string Change, [property: DbValue(DbType = DbType.DateTime2)] DateTime ChangedAt, StoredActivity Activity);

/// <summary>
/// Reading the ledger's journal, which only grows: a portfolio's latest changes, or every change of one activity.
/// The rows come back as <c>activities</c> rows (<c>jsonb_populate_record</c>), so a change reads like the activity it was.
/// </summary>
public static class ActivityJournal
{
    private const string SelectSql = """
        SELECT j.id AS "JournalId", j.change AS "Change", j.changed_at AS "ChangedAt", r.*
        FROM activity_journal j
        CROSS JOIN LATERAL (SELECT
        """ + " " + StoredActivity.Columns + " " + """
            FROM jsonb_populate_record(NULL::activities, j.activity)) r
        """;

    /// <summary>The newest changes of a portfolio's ledger, newest first, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> LatestAsync(NpgsqlConnection connection, string portfolioId, int limit, CancellationToken cancellationToken) =>
        Entries(await connection.QueryAsync<JournalRow>(SelectSql + " " + """
            WHERE j.portfolio_id = @portfolioId ORDER BY j.id DESC LIMIT @limit
            """, new { portfolioId, limit, cancellationToken }));

    /// <summary>Every change of one activity of the portfolio, oldest first: its whole history.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> OfActivityAsync(NpgsqlConnection connection, string portfolioId, long activityId,
        CancellationToken cancellationToken) =>
        Entries(await connection.QueryAsync<JournalRow>(SelectSql + " " + """
            WHERE j.activity_id = @activityId AND j.portfolio_id = @portfolioId ORDER BY j.id
            """, new { portfolioId, activityId, cancellationToken }));

    private static List<JournalEntry> Entries(IEnumerable<JournalRow> rows) =>
        [.. rows.Select(r => new JournalEntry(r.JournalId, r.Id, r.Change, r.ChangedAt, new StoredActivity(
            r.Id, r.PortfolioId, r.ActivityType, r.TradeDate, r.SettlementDate, r.Symbol, r.Quantity, r.Price, r.Amount, r.Currency, r.FxRate,
            r.RatioFrom, r.RatioTo, r.StampDuty, r.SfcLevy, r.AfrcLevy, r.TradingFee, r.SettlementFee, r.Commission, r.Note, r.PositionQuantity,
            r.PositionAvgCost, r.CreatedAt, r.UpdatedAt)))];

    /// <summary>A journal row with its activity's columns beside it.</summary>
    internal sealed record JournalRow(
        long JournalId, string Change, [property: DbValue(DbType = DbType.DateTime2)] DateTime ChangedAt,
        long Id, string PortfolioId, string ActivityType, DateOnly TradeDate, DateOnly? SettlementDate, string? Symbol,
        int? Quantity, decimal? Price, decimal? Amount, string Currency, decimal FxRate, int? RatioFrom, int? RatioTo,
        decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee, decimal SettlementFee, decimal Commission,
        string? Note, int? PositionQuantity, decimal? PositionAvgCost,
        [property: DbValue(DbType = DbType.DateTime2)] DateTime CreatedAt, [property: DbValue(DbType = DbType.DateTime2)] DateTime UpdatedAt);
}

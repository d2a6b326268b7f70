using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Prices;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Operations.Integrity;

/// <summary>
/// <c>hks check</c>: the seed's integrity query, then orphans, rows without a portfolio, generated columns equal to
/// their formulas, the ledger against the positions, the close series against the daily bars, sequences ahead of their columns, views that select, and the version record against the tables.
/// </summary>
public sealed class IntegrityCheck(SchemaMigrator migrator)
{
    public async Task<IReadOnlyList<Finding>> RunAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var findings = new List<Finding>();
        var schema = await migrator.InspectAsync(connection, cancellationToken);
        findings.AddRange(SchemaFindings(schema));
        if (!schema.Detected.IsMultiPortfolio)
        {
            findings.Add(new("data", Severity.Warning, "the data checks need the multi-portfolio schema (version 2): run 'hks db migrate'"));
            return findings;
        }
        foreach (var (check, count, value) in await connection.QueryAsync<SeedCheck>(IntegrityQueries.SeedIntegrity, cancellationToken))
        {
            findings.Add(new("seed integrity", Severity.Ok, check == "Portfolio Summary" ? $"{check}: {count} positions, HK${value:N2}" : $"{check}: {count}"));
        }
        findings.AddRange(await CountsAsync(connection, IntegrityQueries.Orphans, "orphans", "no orphan rows", cancellationToken));
        findings.AddRange(await CountsAsync(connection, IntegrityQueries.NullPortfolioIds, "null portfolio_id", "every position, signal and price row has a portfolio", cancellationToken));
        var generated = await connection.ExecuteScalarAsync<long>(IntegrityQueries.GeneratedColumns, cancellationToken);
        findings.Add(generated == 0
            ? new("generated columns", Severity.Ok, "market_value and unrealized_pnl equal their formulas")
            : new("generated columns", Severity.Error, $"{generated} position(s) with market_value or unrealized_pnl different from their formulas"));
        if (schema.Detected.Version >= 5)
        {
            findings.AddRange(await LedgerFindingsAsync(connection, cancellationToken));
        }
        if (schema.Detected.Version >= 7)
        {
            findings.Add(await SeriesFindingAsync(connection, cancellationToken));
        }
        findings.AddRange(await SequenceFindingsAsync(connection, cancellationToken));
        findings.AddRange(await ViewFindingsAsync(connection, cancellationToken));
        return findings;
    }

    /// <summary>Every position is what the ledger ends at, and the ledger holds nothing of a position that is not there.</summary>
    private static async Task<IEnumerable<Finding>> LedgerFindingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var disagreements = await LedgerDisagreementsAsync(connection, null, cancellationToken);
        return disagreements.Count == 0
            ? [new Finding("ledger", Severity.Ok, "every position is what its activities leave")]
            : disagreements.Select(d => new Finding("ledger", Severity.Error, d));
    }

    /// <summary>Every symbol's packed closes are what its daily bars pack to (the series a report reads).</summary>
    private static async Task<Finding> SeriesFindingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var wrong = await CloseSeries.DisagreementsAsync(connection, cancellationToken);
        return wrong.Count == 0
            ? new Finding("close series", Severity.Ok, "every symbol's close series is what its daily bars pack to")
            : new Finding("close series", Severity.Error,
                $"the close series of {wrong.Count} symbol(s) are not what their daily bars pack to ({string.Join(", ", wrong.Take(5))}{(wrong.Count > 5 ? ", …" : "")}): 'hks prices repack' packs them again");
    }

    /// <summary>Each position (of one portfolio, or of all) that is not what its activities leave, as one line.</summary>
    internal static async Task<IReadOnlyList<string>> LedgerDisagreementsAsync(NpgsqlConnection connection, string? portfolioId, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null) =>
        [.. (await connection.QueryAsync<LedgerDisagreement>(IntegrityQueries.LedgerDisagreements, new { portfolioId, cancellationToken }, transaction))
            .Select(d => $"{d.PortfolioId} {d.Symbol}: the position holds {Holding(d.Quantity, d.AverageCost)}, its activities leave {Holding(d.LedgerQuantity, d.LedgerAverageCost)}")];

    private static string Holding(int? quantity, decimal? averageCost) =>
        quantity is { } q and > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{q:N0} at {averageCost:0.000}") : "nothing";

    private static IEnumerable<Finding> SchemaFindings(SchemaState schema)
    {
        var findings = SchemaProblems(schema).ToList();
        return findings.Count > 0 ? findings : [new("version record", Severity.Ok, $"schema version {schema.RecordedVersion}, consistent with the tables, checksums match")];
    }

    private static IEnumerable<Finding> SchemaProblems(SchemaState schema)
    {
        if (schema.IsNewerThanProgram)
        {
            yield return new("version record", Severity.Error, $"schema version {schema.RecordedVersion} is newer than this program knows");
        }
        foreach (var edited in schema.Edited)
        {
            yield return new("version record", Severity.Error, $"migration {edited.Version} ({edited.Name}) differs from the one applied (checksum mismatch)");
        }
        if (schema.Detected.Shape == SchemaShape.Unknown)
        {
            yield return new("version record", Severity.Error, $"the tables match no known schema version: {schema.Detected.Reason}");
        }
        else if (!schema.IsRecorded)
        {
            yield return new("version record", Severity.Warning, $"no version record; the tables look like {schema.Detected.Label}: 'hks db migrate' adopts it"
                + (schema.Detected.Recreates.Count > 0 ? $" (and creates, empty: {string.Join("; ", schema.Detected.Recreates)})" : ""));
        }
        else if (schema.RecordedVersion <= SchemaClassifier.HighestRecognisedVersion && schema.Detected.Version != schema.RecordedVersion)
        {
            yield return new("version record", Severity.Error, $"recorded version {schema.RecordedVersion} but the tables look like {schema.Detected.Label}");
        }
    }

    private static async Task<IEnumerable<Finding>> CountsAsync(NpgsqlConnection connection, string sql, string check, string allGood, CancellationToken cancellationToken)
    {
        var problems = (await connection.QueryAsync<ProblemCount>(sql, cancellationToken)).Where(r => r.Rows > 0).ToList();
        return problems.Count == 0
            ? [new Finding(check, Severity.Ok, allGood)]
            : problems.Select(p => new Finding(check, Severity.Error, $"{p.Rows} {p.What}"));
    }

    private static async Task<IEnumerable<Finding>> SequenceFindingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var behind = (await connection.QueryAsync<SequencePosition>(IntegrityQueries.Sequences, cancellationToken))
            .Where(s => s.LastValue < s.MaxId).ToList();
        return behind.Count == 0
            ? [new Finding("sequences", Severity.Ok, "every sequence is ahead of its column's largest id")]
            : behind.Select(s => new Finding("sequences", Severity.Error, $"{s.Sequence} is at {s.LastValue} but {s.Table}.{s.Column} has {s.MaxId}: new rows would collide"));
    }

    private static async Task<IEnumerable<Finding>> ViewFindingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var view in await connection.QueryAsync<string>(IntegrityQueries.Views, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync($"SELECT * FROM public.\"{view.Replace("\"", "\"\"", StringComparison.Ordinal)}\" LIMIT 0", cancellationToken, transaction);
            }
            catch (PostgresException error)
            {
                findings.Add(new("views", Severity.Error, $"view {view} does not select: {error.MessageText}"));
            }
            await transaction.RollbackAsync(cancellationToken);
        }
        return findings.Count == 0 ? [new Finding("views", Severity.Ok, "every view selects")] : findings;
    }

    /// <summary>A row of the seed's own integrity query (check_type, count, total_value).</summary>
    internal sealed record SeedCheck(string CheckType, long Count, decimal TotalValue);

    internal sealed record ProblemCount(string What, long Rows);

    internal sealed record LedgerDisagreement(string PortfolioId, string Symbol, int? Quantity, decimal? AverageCost, int? LedgerQuantity, decimal? LedgerAverageCost);

    internal sealed record SequencePosition(string Table, string Column, string Sequence, long LastValue, long MaxId);
}

using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Operations.Legacy;

/// <summary>
/// Loads a plain SQL dump (<c>.sql</c> or <c>.sql.gz</c>, as the prototype's pg_dump made them) as data: read through
/// and checked first (<see cref="PlainDumpReader"/>), then sent statement by statement and COPY block by COPY block over
/// one connection to the one database, in one transaction that any error rolls back. psql is not involved, so nothing
/// in the file can be a command; the connection is a <see cref="RestrictedLoader"/>'s. Ownership and grants name roles
/// (such as <c>trader</c>) that need not exist here, so they are left out: the objects belong to the user who loads them.
/// </summary>
public static partial class PlainSqlLoader
{
    public static async Task LoadAsync(Database database, string path, CancellationToken cancellationToken)
    {
        await PlainDumpReader.ValidateAsync(path, cancellationToken);
        await using var loader = await RestrictedLoader.CreateAsync(database.Target, cancellationToken);
        await using var connection = await loader.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The rows of a data-only dump loaded into a schema with the ledger's triggers come back as they were: nothing is
        // recorded anew (the triggers of a full dump are created after its rows anyway).
        await using (var restoring = new Npgsql.NpgsqlCommand("SET LOCAL hks.restoring = 'on'", connection, transaction))
        {
            await restoring.ExecuteNonQueryAsync(cancellationToken);
        }
        var source = Path.GetFileName(path);
        var facts = new PlainDumpReader.DumpFacts();
        TextWriter? copy = null;
        var (line, copyLine) = (0L, 0L);
        try
        {
            await foreach (var piece in PlainDumpReader.ReadAsync(path, cancellationToken, facts: facts))
            {
                line = piece.Line;
                switch (piece.Kind)
                {
                    case DumpPieceKind.CopyRow:
                        await copy!.WriteAsync(piece.Text);
                        await copy.WriteAsync('\n');
                        break;
                    case DumpPieceKind.CopyEnd:
                        var finishing = copy!;
                        copy = null;
                        await finishing.DisposeAsync(); // completes the COPY: the server checks every row now
                        break;
                    default:
                        copy = await RunAsync(connection, piece, source, cancellationToken);
                        copyLine = piece.Line;
                        break;
                }
            }
            // Read again to load it: the file must still be whole (it could have been cut or replaced since the check).
            if (!facts.Complete)
            {
                throw HksException.Refused("ArchiveIncomplete", $"{source} changed while it was loaded: it no longer ends with pg_dump's \"dump complete\" line; nothing was kept");
            }
            await RestrictedLoader.RequireNoDefinerRightsAsync(connection, source, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error)
        {
            throw HksException.CheckFailed("SqlLoadFailed", string.Create(CultureInfo.InvariantCulture,
                $"{source} did not load, nothing was kept: line {FailedLine(error, line, copyLine):N0}: {error.MessageText}"));
        }
        finally
        {
            if (copy is NpgsqlCopyTextWriter open)
            {
                open.Cancel();
            }
        }
    }

    /// <summary>A COPY's bad row is reported by the server as "COPY t, line N" of its data: the dump's line is counted from the COPY statement.</summary>
    private static long FailedLine(PostgresException error, long line, long copyLine) =>
        error.Where is { } where && CopyDataLine().Match(where) is { Success: true } match
            ? copyLine + long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : line;

    [System.Text.RegularExpressions.GeneratedRegex(@"^COPY [^,]+, line (\d+)")]
    private static partial System.Text.RegularExpressions.Regex CopyDataLine();

    private static async Task<TextWriter?> RunAsync(NpgsqlConnection connection, DumpPiece statement, string source, CancellationToken cancellationToken)
    {
        switch (DumpStatementPolicy.Classify(statement.Text, source, statement.Line))
        {
            case DumpStatementAction.Copy:
                return await connection.BeginTextImportAsync(statement.Text.TrimEnd(';'), cancellationToken);
            case DumpStatementAction.Execute:
                await using (var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(statement.Text) } })
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                }
                return null;
            default:
                return null;
        }
    }
}

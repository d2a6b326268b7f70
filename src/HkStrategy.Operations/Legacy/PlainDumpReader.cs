using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Embedded;
using HkStrategy.Operations.Files;

namespace HkStrategy.Operations.Legacy;

/// <summary>
/// Reads a plain SQL dump (<c>.sql</c>, or <c>.sql.gz</c>) as what pg_dump writes: statements and COPY blocks, in
/// bounded memory, UTF-8 only. <see cref="ValidateAsync"/> reads it all before anything runs: a psql meta-command, a
/// COPY from a file or program, a line or statement over its limit, a gzip bomb or a missing "dump complete" line is refused.
/// </summary>
public static class PlainDumpReader
{
    private const string Trailer = "-- PostgreSQL database dump complete";
    private const string DumpedByPrefix = "-- Dumped by pg_dump version ";

    /// <summary>Reads the whole dump; returns the major version of the pg_dump that wrote it, when it says.</summary>
    public static async Task<int?> ValidateAsync(string path, CancellationToken cancellationToken, bool? gzipped = null)
    {
        var facts = new DumpFacts();
        var source = Path.GetFileName(path);
        await foreach (var piece in ReadAsync(path, cancellationToken, gzipped, facts))
        {
            if (piece.Kind == DumpPieceKind.Statement)
            {
                DumpStatementPolicy.Classify(piece.Text, source, piece.Line);
            }
        }
        return facts.Complete
            ? facts.DumpedBy
            : throw HksException.Refused("ArchiveIncomplete", $"{source} does not end with pg_dump's \"dump complete\" line: it is truncated or not a pg_dump file");
    }

    public static async IAsyncEnumerable<DumpPiece> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken,
        bool? gzipped = null, DumpFacts? facts = null)
    {
        facts ??= new DumpFacts();
        var source = Path.GetFileName(path);
        await using Stream input = gzipped ?? path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new BoundedGzipStream(path) : File.OpenRead(path);
        using var text = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var lines = new BoundedLineReader(text, source);
        var splitter = new SqlScriptSplitter(source);
        var pieces = new List<DumpPiece>();
        while (await ReadLineAsync(lines, source, cancellationToken) is { } line)
        {
            if (splitter.AtBoundary)
            {
                facts.See(line);
            }
            pieces.Clear();
            splitter.Feed(line, lines.LineNumber, pieces);
            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
        splitter.Finish(lines.LineNumber);
    }

    private static async Task<string?> ReadLineAsync(BoundedLineReader lines, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await lines.ReadLineAsync(cancellationToken);
        }
        catch (InvalidDataException error)
        {
            throw HksException.Refused("ArchiveUnreadable", $"{source} is not a complete gzip file: {error.Message}");
        }
        catch (EndOfStreamException)
        {
            throw HksException.Refused("ArchiveUnreadable", $"{source} is a truncated gzip file");
        }
        catch (DecoderFallbackException)
        {
            throw HksException.Refused("DumpEncodingUnsupported", string.Create(CultureInfo.InvariantCulture,
                $"{source}: text after line {lines.LineNumber:N0} is not UTF-8; hks loads UTF-8 dumps (pg_dump --encoding=UTF8 writes one)"));
        }
    }

    /// <summary>What the dump's own comments say: which pg_dump wrote it, and whether it ended as pg_dump ends a dump.</summary>
    public sealed class DumpFacts
    {
        public int? DumpedBy { get; private set; }

        public bool Complete { get; private set; }

        internal void See(string line)
        {
            if (DumpedBy is null && line.StartsWith(DumpedByPrefix, StringComparison.Ordinal))
            {
                DumpedBy = PgBinaries.ParseMajor(line);
            }
            Complete = line.StartsWith(Trailer, StringComparison.Ordinal)
                || (Complete && (line.Length == 0 || line.StartsWith("\\unrestrict ", StringComparison.Ordinal) || line.StartsWith("--", StringComparison.Ordinal)));
        }
    }
}

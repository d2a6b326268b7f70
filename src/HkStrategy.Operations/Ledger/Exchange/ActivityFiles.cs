using System.Runtime.CompilerServices;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>Opens an activity file and reads it in its format; a file that cannot be opened is one line.</summary>
public static class ActivityFiles
{
    /// <param name="displayName">The file's name in messages (an upload's own name); default: the path's.</param>
    public static async Task<ActivityFile> ReadAsync(string path, ActivityFileFormat format, IReadOnlyDictionary<string, string> mapping, string portfolioId,
        CancellationToken cancellationToken, string? displayName = null)
    {
        RequireMapping(format, mapping);
        await using var stream = Open(path);
        return await ReadAsync(stream, displayName ?? Path.GetFileName(path), format, mapping, portfolioId, cancellationToken);
    }

    /// <summary>Every row of the stream, read whole.</summary>
    public static async Task<ActivityFile> ReadAsync(Stream stream, string name, ActivityFileFormat format, IReadOnlyDictionary<string, string> mapping,
        string portfolioId, CancellationToken cancellationToken)
    {
        var rows = new List<FileRow>();
        await foreach (var row in RowsAsync(stream, name, format, mapping, portfolioId, cancellationToken))
        {
            rows.Add(row);
        }
        return ActivityFile.Of(rows);
    }

    /// <summary>A file to read activities from; one that cannot be opened is one line.</summary>
    public static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HksException.Usage("FileUnreadable", $"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>A column mapping is for a generic CSV only.</summary>
    public static void RequireMapping(ActivityFileFormat format, IReadOnlyDictionary<string, string> mapping)
    {
        if (mapping.Count > 0 && format != ActivityFileFormat.Csv)
        {
            throw HksException.Usage("MappingForCsvOnly", "--map names the columns of a generic CSV: Ghostfolio's and Wealthfolio's files have their own");
        }
    }

    /// <summary>
    /// The stream's rows as they are read: hks's CSV (or a mapped one) a row at a time, so that only the row being read
    /// is held; Ghostfolio's and Wealthfolio's files are read whole first, their bad rows first.
    /// </summary>
    /// <param name="name">The file's name in messages.</param>
    public static async IAsyncEnumerable<FileRow> RowsAsync(Stream stream, string name, ActivityFileFormat format, IReadOnlyDictionary<string, string> mapping,
        string portfolioId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireMapping(format, mapping);
        var rows = format switch
        {
            ActivityFileFormat.Ghostfolio => (await GhostfolioJsonReader.ReadAsync(stream, name, portfolioId, cancellationToken)).Each(),
            ActivityFileFormat.Wealthfolio => WealthfolioCsvReader.Read(stream, name, portfolioId).Each(),
            _ => ActivityCsvReader.Rows(stream, name, portfolioId, mapping),
        };
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>The format a file's name suggests when none is given: .json is Ghostfolio's, anything else a CSV.</summary>
    public static ActivityFileFormat Guess(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ActivityFileFormat.Ghostfolio : ActivityFileFormat.Csv;
}

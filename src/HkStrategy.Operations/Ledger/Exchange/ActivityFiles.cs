using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>Opens an activity file and reads it in its format; a file that cannot be opened is one line.</summary>
public static class ActivityFiles
{
    /// <param name="displayName">The file's name in messages (an upload's own name); default: the path's.</param>
    public static async Task<ActivityFile> ReadAsync(string path, ActivityFileFormat format, IReadOnlyDictionary<string, string> mapping, string portfolioId,
        CancellationToken cancellationToken, string? displayName = null)
    {
        if (mapping.Count > 0 && format != ActivityFileFormat.Csv)
        {
            throw HksException.Usage("MappingForCsvOnly", "--map names the columns of a generic CSV: Ghostfolio's and Wealthfolio's files have their own");
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HksException.Usage("FileUnreadable", $"cannot read {path}: {e.Message}");
        }
        await using (stream)
        {
            var name = displayName ?? Path.GetFileName(path);
            return format switch
            {
                ActivityFileFormat.Ghostfolio => await GhostfolioJsonReader.ReadAsync(stream, name, portfolioId, cancellationToken),
                ActivityFileFormat.Wealthfolio => WealthfolioCsvReader.Read(stream, name, portfolioId),
                _ => ActivityCsvReader.Read(stream, name, portfolioId, mapping),
            };
        }
    }

    /// <summary>The format a file's name suggests when none is given: .json is Ghostfolio's, anything else a CSV.</summary>
    public static ActivityFileFormat Guess(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ActivityFileFormat.Ghostfolio : ActivityFileFormat.Csv;
}

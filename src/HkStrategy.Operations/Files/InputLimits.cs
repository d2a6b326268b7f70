using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Files;

/// <summary>
/// The bounds on what hks reads from outside, so that no file (a crafted backup, <c>/dev/zero</c>, a gzip bomb) can
/// make it use memory or time without end. Each refusal names the limit it met.
/// </summary>
public static class InputLimits
{
    /// <summary>One line of a SQL dump or a CSV file; pg_dump writes a row of COPY data on one line.</summary>
    public const int MaxLineChars = 16 * 1024 * 1024;

    /// <summary>One line of a CSV file (a price row takes under 200 bytes).</summary>
    public const int MaxCsvLineBytes = 1024 * 1024;

    /// <summary>One SQL statement of a dump (a function body, a view); COPY data is not a statement.</summary>
    public const int MaxStatementChars = 64 * 1024 * 1024;

    /// <summary>Decompressed bytes per compressed byte of a <c>.gz</c> input, checked once <see cref="RatioCheckedFrom"/> bytes came out.</summary>
    public const int MaxGzipRatio = 200;

    public const long RatioCheckedFrom = 64L * 1024 * 1024;

    /// <summary>What a <c>.gz</c> input may decompress to in all.</summary>
    public const long MaxDecompressedBytes = 64L * 1024 * 1024 * 1024;

    public static HksException LineTooLong(string source, long line, int limit = MaxLineChars) =>
        HksException.Refused("LineTooLong", string.Create(CultureInfo.InvariantCulture,
            $"{source}: line {line:N0} is longer than {limit / (1024 * 1024)} MiB (the limit for one line of this kind of file): not a file hks reads"));
}

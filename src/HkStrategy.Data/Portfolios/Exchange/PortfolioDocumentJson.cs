using System.Text.Json;
using HkStrategy.Core.Failures;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>The document's JSON: camelCase, exact decimals (nothing rounded), refused clearly when it is not one.</summary>
public static class PortfolioDocumentJson
{
    private static readonly DataJson Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people and programs, not HTML
    });

    public static string Write(PortfolioDocument document) => JsonSerializer.Serialize(document, Json.PortfolioDocument);

    /// <summary>
    /// A document is read whole, so its size is bounded: 100,000 positions with an opening balance each take about
    /// 65 MB, so a ledger of as many activities again still fits. It is parsed from its UTF-8 bytes (no copy as text).
    /// </summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    public static PortfolioDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw HksException.Usage("FileMissing", Directory.Exists(path) ? $"{path} is a folder, not a portfolio document" : $"{path} does not exist");
        }
        using var file = File.OpenRead(path);
        var tooLarge = HksException.Refused("InputTooLarge", $"{path} is larger than {MaxBytes / (1024 * 1024)} MiB (the limit for a portfolio document)");
        if (file.CanSeek && file.Length > MaxBytes)
        {
            throw tooLarge;
        }
        using var text = new MemoryStream();
        var buffer = new byte[1 << 16];
        while (file.Read(buffer) is var read and > 0)
        {
            text.Write(buffer, 0, read);
            if (text.Length > MaxBytes)
            {
                throw tooLarge; // not a regular file (a pipe, /dev/zero): its length was not known
            }
        }
        return Parse(text.GetBuffer().AsSpan(0, (int)text.Length), path);
    }

    /// <summary>A document's text; <paramref name="source"/> names it in messages (a path, or an uploaded file's name).</summary>
    public static PortfolioDocument Parse(string json, string source) => Parse(System.Text.Encoding.UTF8.GetBytes(json), source);

    /// <summary>A document's UTF-8 bytes; <paramref name="source"/> names it in messages.</summary>
    public static PortfolioDocument Parse(ReadOnlySpan<byte> json, string source)
    {
        PortfolioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, Json.PortfolioDocument);
        }
        catch (JsonException error)
        {
            throw HksException.Usage("NotAPortfolioDocument",
                $"{source} is not a portfolio document 'hks portfolio export' writes (JSON error at line {error.LineNumber + 1}: {error.Message.Split('.')[0]})");
        }
        if (document is null || document.Format != PortfolioDocument.FormatName)
        {
            throw HksException.Usage("NotAPortfolioDocument", $"{source} is not a portfolio document 'hks portfolio export' writes (format '{document?.Format}')");
        }
        if (document.Version > PortfolioDocument.CurrentVersion)
        {
            throw HksException.Refused("DocumentNewerThanProgram",
                $"{source} is a version {document.Version} portfolio document, newer than this program reads (up to {PortfolioDocument.CurrentVersion}): upgrade hks");
        }
        return document;
    }
}

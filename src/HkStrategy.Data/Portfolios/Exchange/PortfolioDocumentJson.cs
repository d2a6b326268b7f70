using System.Text.Json;
using HkStrategy.Core.Failures;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>The document's JSON: camelCase, exact decimals (nothing rounded), refused clearly when it is not one.</summary>
public static class PortfolioDocumentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(PortfolioDocument document) => JsonSerializer.Serialize(document, Options);

    public static PortfolioDocument Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw HksException.Usage("FileMissing", $"{path} does not exist");

    /// <summary>A document's text; <paramref name="source"/> names it in messages (a path, or an uploaded file's name).</summary>
    public static PortfolioDocument Parse(string json, string source)
    {
        PortfolioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PortfolioDocument>(json, Options);
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

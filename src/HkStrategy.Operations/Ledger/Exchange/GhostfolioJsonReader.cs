using System.Text.Json;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.Prices;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// Reads Ghostfolio's export: a JSON document whose <c>activities</c> list holds <c>{type, date, symbol, quantity,
/// unitPrice, fee, currency, comment}</c> (a dividend is its quantity × unit price). Rows are numbered by their place
/// in the list, from 1. The document is read whole, so its size is capped.
/// </summary>
public static class GhostfolioJsonReader
{
    public const long MaximumBytes = 64L * 1024 * 1024;

    public static async Task<ActivityFile> ReadAsync(Stream stream, string name, string portfolioId, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length > MaximumBytes)
        {
            throw HksException.Usage("FileTooLarge", $"{name} is larger than {MaximumBytes / 1024 / 1024} MB: split the export by year");
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(new CappedStream(stream, MaximumBytes, name), new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException e)
        {
            throw HksException.Usage("NotGhostfolio", $"{name} is not JSON: {e.Message.Split('\n')[0]}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("activities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw HksException.Usage("NotGhostfolio", $"{name} is not a Ghostfolio export: it has no activities list");
            }
            var rows = new List<ImportedRow>();
            var bad = new List<BadRow>();
            var place = 0;
            foreach (var item in list.EnumerateArray())
            {
                place++;
                try
                {
                    rows.Add(new ImportedRow(place, Read(item).Draft(portfolioId), FeesInActivityCurrency: true));
                }
                catch (HksException e)
                {
                    bad.Add(new BadRow(place, e.Message));
                }
            }
            return new ActivityFile(rows, bad);
        }
    }

    private static ForeignActivity Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw FileValues.Bad("the activity is not an object");
        }
        return new ForeignActivity(Text(item, "type") ?? throw FileValues.Bad("the activity has no type"),
            FileValues.Date(Text(item, "date") ?? throw FileValues.Bad("the activity has no date")), Text(item, "symbol") ?? "",
            Number(item, "quantity"), Number(item, "unitPrice") is { } price ? FileValues.Price("unitPrice", Invariant(price)) : null,
            Number(item, "fee"), null, Text(item, "currency") ?? "HKD", Text(item, "comment")?.Trim());
    }

    private static string Invariant(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw FileValues.Bad($"{name} is not text"),
        } : null;

    private static decimal? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) && Math.Abs(number) < 1_000_000_000_000m => number,
            JsonValueKind.Null => null,
            _ => throw FileValues.Bad($"{name} is not a number"),
        } : null;
}

using System.Globalization;
using System.Text.Json;

namespace HkStrategy.Web.Signals;

/// <summary>What a signal's stored evidence says in words: its reasons, a veto if any, and the indicator values of its day.</summary>
public sealed record SignalEvidenceView(IReadOnlyList<string> Reasons, string? Veto, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>Null for the prototype's signals (they kept no evidence) and for evidence this version cannot read.</summary>
    public static SignalEvidenceView? From(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null : new SignalEvidenceView(ReadReasons(root), Text(root, "veto"), ReadValues(root));
        }
        catch (JsonException)
        {
            // Evidence is shown, never relied on: an unreadable one leaves the row without its details rather than failing the page.
            return null;
        }
    }

    private static List<string> ReadReasons(JsonElement root) =>
        root.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array
            ? reasons.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : [];

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<KeyValuePair<string, string>> ReadValues(JsonElement root) =>
        root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.Number)
                .Select(v => KeyValuePair.Create(v.Name, v.Value.GetDouble().ToString("#,0.###", CultureInfo.InvariantCulture))).ToList()
            : [];
}

using System.Globalization;

namespace HkStrategy.Web.Shared;

/// <summary>How the pages write money, percentages and dates: HK$ with thousands separators, signed P&amp;L, ISO dates.</summary>
public static class Format
{
    public static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Price(decimal? value) => value?.ToString("0.00#", CultureInfo.InvariantCulture) ?? "";

    public static string SignedMoney(decimal value) => value.ToString("+#,##0.00;-#,##0.00;0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Ratio(decimal? value) => value is { } v ? (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? value) => value is { } v ? Day(v) : "–";

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Instant(DateTime? value) => value is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";

    /// <summary>The CSS class of a gain or a loss.</summary>
    public static string Tone(decimal? value) => value switch { > 0 => "gain", < 0 => "loss", _ => "" };

    /// <summary>The badge class of a TXYZN code: B… buy, S… sell, anything else (H…, hold) neutral.</summary>
    public static string SignalTone(string code) => code.StartsWith('B') ? "buy" : code.StartsWith('S') ? "sell" : "";

    private static readonly System.Text.Json.JsonSerializerOptions PageJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Data for a page's scripts, for a <c>script type="application/json"</c> block: the default encoder escapes <c>&lt;</c>, so no text can close the block.</summary>
    public static string JsonData(object value) => System.Text.Json.JsonSerializer.Serialize(value, PageJson);

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>How every <c>--json</c> prints: camelCase, indented, money as numbers with two decimals.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new TwoDecimalMoney() },
        // Read by people and programs, never pasted into HTML: "+", "≥" and "–" print as themselves (control characters
        // are still escaped).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync<T>(CliContext context, T value) =>
        context.Out.WriteLineAsync(JsonSerializer.Serialize(value, Options));

    /// <summary>
    /// Decimals in hks output are money and prices: at least two decimals (4052660.20), more only where the value has
    /// them (a three-decimal price such as 12.345 is never rounded away).
    /// </summary>
    private sealed class TwoDecimalMoney : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.00#######", System.Globalization.CultureInfo.InvariantCulture));
    }
}

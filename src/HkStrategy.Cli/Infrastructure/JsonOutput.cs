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
    };

    public static Task WriteAsync<T>(CliContext context, T value) =>
        context.Out.WriteLineAsync(JsonSerializer.Serialize(value, Options));

    /// <summary>Decimals in hks output are money: always written with exactly two decimals (4052660.20).</summary>
    private sealed class TwoDecimalMoney : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }
}
